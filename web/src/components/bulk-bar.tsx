import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api.ts';
import { pipelinesQuery, usersQuery } from '../queries.ts';
import type { BulkResponse } from '../types.ts';
import type { TableConfig, TableRow } from './table-config.ts';
import { problemText } from './form-errors.ts';

const reasons: Record<string, string> = {
  version_conflict: 'changed by someone else meanwhile; reload the table and try again',
  not_found: 'no longer exists or is not visible to you',
  forbidden: 'you may not change it',
};

/** The refusal of one record, in words: the server's reason plus the fields it names. */
function describe(r: BulkResponse['results'][number]): string {
  const base = (r.code && reasons[r.code]) ?? r.message ?? r.code ?? 'refused';
  const fields = r.missingFields?.length ? ` (needs ${r.missingFields.join(', ')})` : '';
  return base + fields;
}

/**
 * Bulk actions on the selected rows: assign an owner, move deals to a stage, delete. The server
 * applies each record with the single action's rules and answers per record; refusals are listed
 * with their reasons and those rows stay selected so they can be fixed and retried.
 */
export function BulkBar<T extends TableRow>({
  config,
  selected,
  onDone,
}: {
  config: TableConfig<T>;
  selected: T[];
  onDone: (keepSelected: Set<string>) => void;
}) {
  const users = useQuery(usersQuery);
  const pipelines = useQuery({ ...pipelinesQuery, enabled: config.stageBulk === true });
  const [ownerId, setOwnerId] = useState('');
  const [stageId, setStageId] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ text: string; failures: string[]; error: boolean } | null>(null);

  type Records = { id: string; version: number }[];
  const run = async (send: (records: Records) => Promise<BulkResponse>, verb: string) => {
    setBusy(true);
    setOutcome(null);
    try {
      const res = await send(selected.map((r) => ({ id: r.id, version: r.version })));
      const byId = new Map(selected.map((r) => [r.id, r]));
      const failures = res.results
        .filter((r) => !r.ok)
        .map((r) => `${byId.get(r.id) ? config.nameOf(byId.get(r.id) as T) : r.id}: ${describe(r)}`);
      setOutcome({
        text: `${verb} ${res.succeeded} of ${res.results.length} ${config.noun}${res.results.length === 1 ? '' : 's'}${res.failed ? `; ${res.failed} refused:` : '.'}`,
        failures,
        error: res.failed > 0,
      });
      onDone(new Set(res.results.filter((r) => !r.ok).map((r) => r.id)));
    } catch (err) {
      setOutcome({
        text: problemText(err),
        failures: [],
        error: true,
      });
    } finally {
      setBusy(false);
      setConfirmDelete(false);
    }
  };

  return (
    <div className="bulk-bar" role="region" aria-label="Bulk actions">
      {selected.length > 0 ? (
        <>
          <strong data-testid="selected-count">{selected.length} selected</strong>
          <label htmlFor="bulk-owner">Assign to</label>
          <select id="bulk-owner" value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
            <option value="">Choose an owner…</option>
            <option value="none">Nobody (unassigned)</option>
            {users.data
              ?.filter((u) => u.active)
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
          </select>
          <button
            type="button"
            disabled={busy || ownerId === ''}
            onClick={() =>
              void run(
                (records) =>
                  api.post(`/${config.path}/bulk/assign`, {
                    body: { records, ownerId: ownerId === 'none' ? null : ownerId },
                  }),
                'Assigned',
              )
            }
          >
            Assign
          </button>
          {config.stageBulk && (
            <>
              <label htmlFor="bulk-stage">Move to stage</label>
              <select id="bulk-stage" value={stageId} onChange={(e) => setStageId(e.target.value)}>
                <option value="">Choose a stage…</option>
                {pipelines.data?.map((p) => (
                  <optgroup key={p.id} label={p.name}>
                    {[...p.stages]
                      .sort((a, b) => a.position - b.position)
                      .map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.name}
                        </option>
                      ))}
                  </optgroup>
                ))}
              </select>
              <button
                type="button"
                disabled={busy || stageId === ''}
                onClick={() =>
                  void run((records) => api.post('/deals/bulk/stage', { body: { records, stageId } }), 'Moved')
                }
              >
                Move
              </button>
            </>
          )}
          {confirmDelete ? (
            <>
              <button
                type="button"
                className="danger"
                disabled={busy}
                onClick={() =>
                  void run((records) => api.post(`/${config.path}/bulk/delete`, { body: { records } }), 'Deleted')
                }
              >
                Delete {selected.length} {config.noun}
                {selected.length === 1 ? '' : 's'}
              </button>
              <button type="button" onClick={() => setConfirmDelete(false)}>
                Keep them
              </button>
            </>
          ) : (
            <button type="button" disabled={busy} onClick={() => setConfirmDelete(true)}>
              Delete…
            </button>
          )}
        </>
      ) : (
        <span className="muted small">
          Select rows to assign, {config.stageBulk ? 'move, ' : ''}or delete them together.
        </span>
      )}
      {outcome && (
        <div
          className={`notice ${outcome.error ? 'error' : 'ok'}`}
          role={outcome.error ? 'alert' : 'status'}
          data-testid="bulk-outcome"
        >
          {outcome.text}
          {outcome.failures.length > 0 && (
            <ul>
              {outcome.failures.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
