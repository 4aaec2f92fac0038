import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ifMatch } from '../api.ts';
import type { ViewDto, ViewEntity } from '../types.ts';
import type { Filters, Sort } from './table-config.ts';
import { problemText } from './form-errors.ts';

export interface TableState {
  filters: Filters;
  sort: Sort;
  columns: string[];
}

const viewsQuery = (entity: ViewEntity) => ({
  queryKey: ['views', entity],
  queryFn: () => api.get('/views', { params: { query: { entity, limit: 50 } } }),
});

const sameState = (v: ViewDto, s: TableState) =>
  JSON.stringify([v.filters, v.sort, v.columns]) === JSON.stringify([s.filters, s.sort, s.columns]);

/**
 * The saved views of one table (the user's own): choose one to apply its filters, sort and
 * columns; save the current table as a new view; save changes to the chosen view; delete it.
 */
export function SavedViews({
  entity,
  state,
  onApply,
  onReset,
}: {
  entity: ViewEntity;
  state: TableState;
  onApply: (s: TableState) => void;
  onReset: () => void;
}) {
  const queryClient = useQueryClient();
  const views = useQuery(viewsQuery(entity));
  const [chosenId, setChosenId] = useState('');
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const chosen = views.data?.items.find((v) => v.id === chosenId);

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['views', entity] });
  const fail = (err: unknown) =>
    setMessage({
      kind: 'error',
      text: problemText(err),
    });

  const choose = (id: string) => {
    setChosenId(id);
    setMessage(null);
    const v = views.data?.items.find((x) => x.id === id);
    if (!v) return onReset();
    onApply({ filters: v.filters, sort: v.sort ?? state.sort, columns: v.columns.length ? v.columns : state.columns });
  };

  const saveNew = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const v = await api.post('/views', {
        body: {
          entity,
          name,
          filters: state.filters,
          sort: state.sort,
          columns: state.columns,
        },
      });
      await refresh();
      setChosenId(v.id);
      setNaming(false);
      setName('');
      setMessage({ kind: 'ok', text: `Saved view "${v.name}"` });
    } catch (err) {
      fail(err);
    }
  };

  const saveChanges = async () => {
    if (!chosen) return;
    try {
      await api.patch('/views/{id}', {
        params: { path: { id: chosen.id }, header: ifMatch(chosen.version) },
        body: { filters: state.filters, sort: state.sort, columns: state.columns },
      });
      await refresh();
      setMessage({ kind: 'ok', text: `Saved changes to "${chosen.name}"` });
    } catch (err) {
      fail(err);
    }
  };

  const remove = async () => {
    if (!chosen) return;
    try {
      await api.del('/views/{id}', { params: { path: { id: chosen.id }, header: ifMatch(chosen.version) } });
      await refresh();
      setChosenId('');
      setMessage({ kind: 'ok', text: `Deleted view "${chosen.name}"` });
    } catch (err) {
      fail(err);
    }
  };

  return (
    <div className="views-bar">
      <label htmlFor={`views-${entity}`}>View</label>
      <select
        id={`views-${entity}`}
        value={chosenId}
        onChange={(e) => choose(e.target.value)}
        disabled={views.isPending}
      >
        <option value="">All records (no saved view)</option>
        {views.data?.items.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
          </option>
        ))}
      </select>
      {views.isError && (
        <span className="error small">
          Saved views could not be loaded ({views.error.message}); the table still works.
        </span>
      )}
      {chosen && !sameState(chosen, state) && (
        <button type="button" onClick={() => void saveChanges()}>
          Save changes to view
        </button>
      )}
      {chosen && (
        <button type="button" onClick={() => void remove()}>
          Delete view
        </button>
      )}
      {naming ? (
        <form className="inline-form" onSubmit={(e) => void saveNew(e)}>
          <label htmlFor={`view-name-${entity}`}>View name</label>
          <input
            id={`view-name-${entity}`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={100}
            autoFocus
          />
          <button type="submit" className="primary">
            Save view
          </button>
          <button type="button" onClick={() => setNaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setNaming(true)}>
          Save as new view…
        </button>
      )}
      {message && (
        <span
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={message.kind === 'error' ? 'error small' : 'small ok-text'}
          data-testid="views-message"
        >
          {message.text}
        </span>
      )}
    </div>
  );
}
