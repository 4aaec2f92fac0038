import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, getWithQuery, type ApiData } from '../api.ts';
import { codeWords, entryChanges, entrySubject, entryTitle, type EventReferences } from '../event-entry.ts';
import { formatDateTime } from '../format.ts';
import { usersQuery } from '../queries.ts';

type AuditEvent = ApiData<'get', '/audit/events'>['items'][number];
type VerifyReport = ApiData<'get', '/audit/verify'>;

const entityTypes = [
  'deal',
  'account',
  'contact',
  'lead',
  'activity',
  'pipeline',
  'product',
  'objection',
  'script',
  'user',
  'team',
  'view',
  'webhook',
  'api_token',
];

interface Filters {
  entityType: string;
  actorId: string;
  type: string;
  from: string;
  to: string;
}
const none: Filters = { entityType: '', actorId: '', type: '', from: '', to: '' };

/** An event's data as before/after: field changes side by side, a creation's after, a deletion's before. */
function BeforeAfter({ entry, references }: { entry: AuditEvent; references: EventReferences }) {
  const rows = entryChanges(entry, { references });
  if (rows.length === 0) return <p className="muted small">No fields.</p>;
  return (
    <table className="records compact before-after">
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.field}>
            <td>{r.field}</td>
            <td>{r.from || '—'}</td>
            <td>{r.to}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** `audit verify` from the page: walks the hash chain and reports the first break, if any. */
function VerifyChain() {
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setReport(await api.get('/audit/verify'));
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The check could not run.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="verify-title">
      <h2 id="verify-title">Integrity of the log</h2>
      <p className="small muted">
        Every event is chained to the one before it by a SHA-256 hash; an edited, removed or reordered event breaks the
        chain.
      </p>
      <button type="button" className="primary" onClick={() => void run()} disabled={busy}>
        {busy ? 'Verifying…' : 'Verify the chain'}
      </button>
      <div role="status" aria-live="polite" data-testid="verify-result">
        {report &&
          (report.ok ? (
            <p className="notice ok">
              Intact: {report.checked} events checked, up to sequence {report.lastSeq}.
            </p>
          ) : (
            <p className="notice error">
              Broken at sequence {report.firstBreak?.seq}: {report.firstBreak?.reason} ({report.checked} events
              checked).
            </p>
          ))}
        {error && <p className="notice error">{error}</p>}
      </div>
    </section>
  );
}

/**
 * The audit bundle of a period for taking away: the events with the chain proof, checked offline by
 * `pipewright audit verify --bundle`. A plain download link: the session cookie authorises it.
 */
function DownloadBundle() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const ready = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from < to;
  const href = `/api/v1/audit/bundle?${new URLSearchParams({ from, to }).toString()}`;
  return (
    <section className="card" aria-labelledby="bundle-title">
      <h2 id="bundle-title">Audit bundle</h2>
      <p className="small muted">
        The events written in a period (from 00:00 UTC of the first day, up to the second day, exclusive) with the hash
        of the event before them, for checking offline with <code>pipewright audit verify --bundle</code>.
      </p>
      <label>
        From <input type="date" name="bundleFrom" value={from} onChange={(e) => setFrom(e.target.value)} />
      </label>
      <label>
        To (exclusive) <input type="date" name="bundleTo" value={to} onChange={(e) => setTo(e.target.value)} />
      </label>
      {ready ? (
        <a className="button primary" href={href} download data-testid="bundle-download">
          Download bundle
        </a>
      ) : (
        <p className="small muted">Choose a first day before the last.</p>
      )}
    </section>
  );
}

/**
 * The audit view (admins and auditors): the event log newest first, filtered by record kind,
 * actor, event type and time, each event with its before/after; and the chain verification.
 */
export function AuditPage() {
  const users = useQuery(usersQuery).data;
  const [draft, setDraft] = useState<Filters>(none);
  const [filters, setFilters] = useState<Filters>(none);
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors[cursors.length - 1];
  const query = {
    ...Object.fromEntries(
      (Object.entries(filters) as [keyof Filters, string][])
        .filter(([, v]) => v !== '')
        .map(([k, v]): [string, string] => [k, k === 'from' || k === 'to' ? new Date(v).toISOString() : v]),
    ),
    limit: 50,
    cursor,
  };
  const events = useQuery({
    queryKey: ['audit', 'events', query],
    queryFn: () => getWithQuery('/audit/events', query),
    placeholderData: keepPreviousData,
  });
  const errors: Record<string, string> = {};
  if (events.error instanceof ApiError) for (const e of events.error.errors) errors[e.field] = e.message;

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilters(draft);
    setCursors([]);
  };
  const field = (key: keyof Filters, label: string, input: React.ReactNode) => (
    <label>
      {label}
      {input}
      {errors[key] && <span className="field-error">{errors[key]}</span>}
    </label>
  );
  const set = (key: keyof Filters) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));
  const next = events.data?.nextCursor ?? null;
  const references = events.data?.references ?? {};

  return (
    <section className="audit-page" aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      <div className="audit-grid">
        <div className="stack">
          <form className="filters card" onSubmit={apply} aria-label="Filters" data-testid="audit-filters">
            {field(
              'entityType',
              'Record',
              <select name="entityType" value={draft.entityType} onChange={set('entityType')}>
                <option value="">Any</option>
                {entityTypes.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>,
            )}
            {field(
              'actorId',
              'Who',
              <select name="actorId" value={draft.actorId} onChange={set('actorId')}>
                <option value="">Anyone</option>
                {(users ?? []).map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>,
            )}
            {field(
              'type',
              'Event type',
              <input
                name="type"
                placeholder="deal.stage_changed or deal.*"
                value={draft.type}
                onChange={set('type')}
              />,
            )}
            {field(
              'from',
              'From',
              <input name="from" type="datetime-local" value={draft.from} onChange={set('from')} />,
            )}
            {field('to', 'To', <input name="to" type="datetime-local" value={draft.to} onChange={set('to')} />)}
            <div className="actions">
              <button type="submit" className="primary">
                Apply
              </button>
              <button
                type="button"
                onClick={() => {
                  setDraft(none);
                  setFilters(none);
                  setCursors([]);
                }}
              >
                Clear
              </button>
            </div>
          </form>
          {events.isError && !(events.error instanceof ApiError && events.error.errors.length > 0) && (
            <p className="notice error" role="alert">
              The log could not be loaded: {events.error.message}
            </p>
          )}
          <ol className="audit-events plain" data-testid="audit-events" aria-busy={events.isFetching}>
            {events.data?.items.map((e: AuditEvent) => (
              <li key={e.id} className="card" data-testid="audit-event" data-entity-type={e.entityType}>
                <details>
                  <summary>
                    <strong>{entryTitle(e)}</strong>{' '}
                    <span className="muted small">
                      {entrySubject(e, { references }) ?? codeWords(e.entityType)} · <code>{e.type}</code> · #
                      {e.seq ?? 'unsealed'} · {formatDateTime(e.occurredAt)} ·{' '}
                      {e.actor ? (e.actor.name ?? 'a deleted user') : 'system'}
                      {e.businessTime && ` · business time ${formatDateTime(e.businessTime)}`}
                      {e.imported && ' · imported'}
                    </span>
                  </summary>
                  <BeforeAfter entry={e} references={references} />
                </details>
              </li>
            ))}
          </ol>
          {events.data && events.data.items.length === 0 && <p className="empty">No events match these filters.</p>}
          <nav className="pager" aria-label="Pages">
            <button type="button" onClick={() => setCursors((c) => c.slice(0, -1))} disabled={cursors.length === 0}>
              Newer
            </button>
            <span className="muted small">Page {cursors.length + 1}</span>
            <button type="button" onClick={() => next && setCursors((c) => [...c, next])} disabled={!next}>
              Older
            </button>
          </nav>
        </div>
        <div className="stack">
          <VerifyChain />
          <DownloadBundle />
        </div>
      </div>
    </section>
  );
}
