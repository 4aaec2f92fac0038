import { entryChanges, entrySubject, entryTitle, type EventEntry, type EventReferences } from '../event-entry.ts';
import { formatDate, formatDateTime } from '../format.ts';

/**
 * A record's timeline, newest first: its own events (those of records merged into it marked) and
 * the calls, meetings, tasks and notes on it and its related records, each named.
 */
export function Timeline({
  entries,
  references,
  recordId,
  recordType,
  currency,
}: {
  entries: EventEntry[];
  /** The names of the records the page's events refer to (from the same response). */
  references: EventReferences;
  /** The record whose timeline this is; events of records merged into it are marked. */
  recordId: string;
  /** Its kind (`deal`): entries about other kinds are the activities on it and its related records. */
  recordType: string;
  /** The record's currency, for amounts in events that do not name theirs. */
  currency?: string | undefined;
}) {
  if (entries.length === 0) return <p className="muted">No events yet.</p>;
  const own = recordType;
  const ctx = { references, currency };
  return (
    <ol className="timeline" data-testid="timeline">
      {entries.map((e) => {
        const subject = entrySubject(e, ctx, recordId);
        return (
          <li key={e.id} data-testid="timeline-entry" data-type={e.type}>
            <div className="when small muted">
              <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt)}</time>
              {e.businessTime && <> · effective {formatDate(e.businessTime)}</>}
            </div>
            <div>
              <strong>{e.actor?.name ?? 'System'}</strong> · {entryTitle(e)}
              {e.entityId !== recordId && e.entityType === own && (
                <span className="badge" data-testid="merged-history">
                  from a merged record
                </span>
              )}
              {e.entityType !== own && subject && (
                <span className="muted" data-testid="timeline-subject">
                  {' '}
                  · {subject}
                </span>
              )}
            </div>
            <ul className="changes small">
              {entryChanges(e, ctx).map((c) => (
                <li key={c.field}>
                  <span className="field">{c.field}</span>{' '}
                  {c.from ? (
                    <>
                      <span className="from">{c.from}</span> → <span className="to">{c.to}</span>
                    </>
                  ) : (
                    <span className="to">{c.to}</span>
                  )}
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}
