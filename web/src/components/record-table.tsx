import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { canCreate } from '../../../src/contract/access.ts';
import { ApiError, apiUrl } from '../api.ts';
import { actorOf, canEdit } from '../permissions.ts';
import { sessionQuery } from '../session.ts';
import { EditableCell } from './editable-cell.tsx';
import { NewDealDialog } from './new-deal-dialog.tsx';
import { RecordFormDialog } from './record-form-dialog.tsx';
import { BulkBar } from './bulk-bar.tsx';
import { SavedViews, type TableState } from './saved-views.tsx';
import type { Filters, Sort, TableConfig, TableRow } from './table-config.ts';
import { TableFilters } from './table-filters.tsx';
import { humanMessage } from '../problem-text.ts';

const PAGE_SIZE = 50;

/**
 * A table of one entity over its list endpoint: the server filters, sorts and pages (by cursor);
 * the table keeps the chosen columns, the user's saved views and the selection for bulk actions.
 */
export function RecordTable<T extends TableRow>({ config }: { config: TableConfig<T> }) {
  const queryClient = useQueryClient();
  const defaultColumns = config.columns.filter((c) => c.byDefault).map((c) => c.key);
  const [filters, setFilters] = useState<Filters>({});
  const [sort, setSort] = useState<Sort>(config.defaultSort);
  const [columns, setColumns] = useState<string[]>(defaultColumns);
  // The cursors of the pages before the current one, so "Previous" can go back.
  const [cursors, setCursors] = useState<string[]>([]);
  const [selected, setSelected] = useState<Map<string, T>>(new Map());
  const [creating, setCreating] = useState(false);
  const session = useQuery(sessionQuery).data;
  const create = config.create && session && canCreate(session.user, config.create) ? config.create : null;
  // Roles that cannot write such records at all are not offered in-place edits (the server decides per record).
  const editPath = config.editPath && session && canCreate(session.user, config.entity) ? config.editPath : null;
  // … and of the records such a role reads, only those it may change (a distributor reads its resellers' deals).
  const actor = session ? actorOf(session) : null;
  const mayEdit = (row: T) =>
    row.ownerId === undefined ||
    canEdit(actor, config.entity, { ownerId: row.ownerId, partnerAccountId: row.partnerAccountId ?? null });

  const cursor = cursors[cursors.length - 1];
  const query = { ...filters, sort: sort.key, order: sort.order, limit: PAGE_SIZE, cursor };
  const rows = useQuery({
    queryKey: [config.path, 'table', query],
    queryFn: () => config.list(query),
    placeholderData: keepPreviousData,
  });

  const restart = () => {
    setCursors([]);
    setSelected(new Map());
  };
  const apply = (s: TableState) => {
    setFilters(s.filters);
    setSort(s.sort);
    setColumns(s.columns);
    restart();
  };
  const toggleSort = (key: string) => {
    setSort((s) => (s.key === key ? { key, order: s.order === 'asc' ? 'desc' : 'asc' } : { key, order: 'asc' }));
    restart();
  };
  const toggleRow = (row: T) =>
    setSelected((m) => {
      const next = new Map(m);
      if (next.has(row.id)) next.delete(row.id);
      else next.set(row.id, row);
      return next;
    });

  const filterErrors: Record<string, string> = {};
  if (rows.error instanceof ApiError)
    for (const e of rows.error.errors) filterErrors[e.field] = humanMessage(e.message);
  const visible = config.columns
    .filter((c) => columns.includes(c.key))
    .sort((a, b) => columns.indexOf(a.key) - columns.indexOf(b.key));
  const items = rows.data?.items ?? [];
  const allOnPage = items.length > 0 && items.every((r) => selected.has(r.id));
  const filtered = Object.keys(filters).length > 0;
  const next = rows.data?.nextCursor ?? null;

  return (
    <section className="table-page" aria-labelledby={`${config.path}-title`}>
      <div className="toolbar">
        <h1 id={`${config.path}-title`}>{config.title}</h1>
        {create && (
          <button type="button" className="primary" onClick={() => setCreating(true)} data-testid="table-new">
            New {config.noun}
          </button>
        )}
        {creating && create === 'deal' && <NewDealDialog onClose={() => setCreating(false)} />}
        {creating && create && create !== 'deal' && (
          <RecordFormDialog kind={create} onClose={() => setCreating(false)} />
        )}
        <SavedViews
          entity={config.entity}
          state={{ filters, sort, columns }}
          onApply={apply}
          onReset={() => apply({ filters: {}, sort: config.defaultSort, columns: defaultColumns })}
        />
      </div>
      <TableFilters
        defs={config.filters}
        value={filters}
        errors={filterErrors}
        onChange={(f) => apply({ filters: f, sort, columns })}
      />
      <div className="table-tools">
        <BulkBar
          config={config}
          selected={[...selected.values()]}
          onDone={(keep) => {
            setSelected((m) => new Map([...m].filter(([id]) => keep.has(id))));
            void queryClient.invalidateQueries({ queryKey: [config.path] });
          }}
        />
        <a
          className="button"
          href={
            apiUrl(`/${config.path}/export`, {
              query: { ...filters, sort: sort.key, order: sort.order, format: 'csv' },
            }).href
          }
          download
          data-testid="export-csv"
        >
          Export CSV
        </a>
        <details className="column-chooser">
          <summary>Columns</summary>
          <fieldset>
            <legend>Visible columns</legend>
            {config.columns.map((c) => (
              <label key={c.key} className="check">
                <input
                  type="checkbox"
                  checked={columns.includes(c.key)}
                  onChange={(e) =>
                    setColumns((cs) => (e.target.checked ? [...cs, c.key] : cs.filter((k) => k !== c.key)))
                  }
                  disabled={columns.length === 1 && columns.includes(c.key)}
                />
                {c.label}
              </label>
            ))}
          </fieldset>
        </details>
      </div>
      {rows.isError && (
        <div className="notice error" role="alert">
          {rows.error instanceof ApiError && rows.error.errors.length > 0
            ? 'Some filters are not valid; correct the marked fields and apply again.'
            : `The ${config.noun}s could not be loaded: ${rows.error.message}. Check your connection and `}
          {!(rows.error instanceof ApiError && rows.error.errors.length > 0) && (
            <button type="button" onClick={() => void rows.refetch()}>
              try again
            </button>
          )}
        </div>
      )}
      <div className="table-wrap">
        <table className="records" data-testid={`${config.path}-table`} aria-busy={rows.isFetching}>
          <thead>
            <tr>
              <th scope="col" className="select">
                <input
                  type="checkbox"
                  aria-label="Select all rows on this page"
                  checked={allOnPage}
                  onChange={() =>
                    setSelected((m) =>
                      allOnPage
                        ? new Map([...m].filter(([id]) => !items.some((r) => r.id === id)))
                        : new Map([...m, ...items.map((r) => [r.id, r] as const)]),
                    )
                  }
                />
              </th>
              {visible.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={c.numeric ? 'num' : undefined}
                  aria-sort={
                    c.sortKey && sort.key === c.sortKey
                      ? sort.order === 'asc'
                        ? 'ascending'
                        : 'descending'
                      : undefined
                  }
                >
                  {c.sortKey ? (
                    <button
                      type="button"
                      className="sort"
                      onClick={() => toggleSort(c.sortKey ?? c.key)}
                      title={`Sort by ${c.label}`}
                    >
                      {c.label}
                      <span aria-hidden="true">
                        {sort.key === c.sortKey ? (sort.order === 'asc' ? ' ▲' : ' ▼') : ''}
                      </span>
                    </button>
                  ) : (
                    c.label
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((row) => (
              <tr key={row.id} className={selected.has(row.id) ? 'selected' : undefined} data-testid="table-row">
                <td className="select">
                  <input
                    type="checkbox"
                    aria-label={`Select ${config.nameOf(row)}`}
                    checked={selected.has(row.id)}
                    onChange={() => toggleRow(row)}
                  />
                </td>
                {visible.map((c) => (
                  <td key={c.key} className={c.numeric ? 'num' : undefined}>
                    {c.edit && editPath && mayEdit(row) ? (
                      <EditableCell row={row} path={editPath} edit={c.edit} label={c.label} listKey={config.path}>
                        {c.render(row)}
                      </EditableCell>
                    ) : (
                      c.render(row)
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.isPending && <p className="muted">Loading {config.noun}s…</p>}
      {rows.isSuccess && items.length === 0 && (
        <p className="empty" data-testid="table-empty">
          {filtered
            ? `No ${config.noun}s match these filters. Change or clear the filters to see more.`
            : config.emptyHint}
        </p>
      )}
      <nav className="pager" aria-label="Pages">
        <button type="button" onClick={() => setCursors((c) => c.slice(0, -1))} disabled={cursors.length === 0}>
          Previous
        </button>
        <span className="muted small">
          Page {cursors.length + 1}
          {selected.size > 0 && ` · ${selected.size} selected`}
        </span>
        <button type="button" onClick={() => next && setCursors((c) => [...c, next])} disabled={!next}>
          Next
        </button>
      </nav>
    </section>
  );
}
