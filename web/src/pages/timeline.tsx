import type { TimelineEntry } from '../types.ts';

interface Change {
  field: string;
  from: string;
  to: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** camelCase or snake_case → "Expected close date". */
function label(field: string): string {
  const words = field
    .replace(/_id$|Id$/, '')
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function show(v: unknown, ref: (field: string, v: string) => string, field: string): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return ref(field, v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.length === 0 ? 'none' : `${v.length} item${v.length === 1 ? '' : 's'}`;
  return JSON.stringify(v);
}

const titles: Record<string, string> = {
  'deal.created': 'created the deal',
  'deal.updated': 'changed',
  'deal.assigned': 'reassigned',
  'deal.stage_changed': 'moved the stage',
  'deal.won': 'won the deal',
  'deal.lost': 'lost the deal',
  'deal.reopened': 'reopened the deal',
  'deal.deleted': 'deleted the deal',
  'deal.merged': 'merged a duplicate deal into this one',
  'deal.merged_into': 'merged this deal into another',
  ...Object.fromEntries(
    ['account', 'contact', 'lead', 'activity'].flatMap((e) => [
      [`${e}.created`, `created the ${e}`],
      [`${e}.updated`, 'changed'],
      [`${e}.assigned`, 'reassigned'],
      [`${e}.deleted`, `deleted the ${e}`],
      [`${e}.merged`, `merged a duplicate ${e} into this one`],
      [`${e}.merged_into`, `merged this ${e} into another`],
    ]),
  ),
  'lead.converted': 'converted the lead',
  'objection.raised': 'logged an objection',
};

/** The from → to lines of an event, whatever its type. */
function changesOf(e: TimelineEntry, ref: (field: string, v: string) => string): Change[] {
  const d = e.data;
  if (e.type.endsWith('.stage_changed') && isRecord(d.from) && isRecord(d.to)) {
    return [{ field: 'Stage', from: String(d.from.name), to: String(d.to.name) }];
  }
  if (isRecord(d.changes)) {
    return Object.entries(d.changes).map(([field, c]) =>
      isRecord(c)
        ? { field: label(field), from: show(c.from, ref, field), to: show(c.to, ref, field) }
        : { field: label(field), from: '', to: show(c, ref, field) },
    );
  }
  if (isRecord(d.after)) {
    return Object.entries(d.after)
      .filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0))
      .filter(
        ([k]) =>
          ![
            'id',
            'version',
            'createdAt',
            'updatedAt',
            'stageEnteredAt',
            'currency',
            'channel',
            'status',
            'lineItemsTotal',
            'raised_objection_id',
            'deal_id',
            'activity_id',
            'objection_id',
            'raised_by',
            'raised_at',
          ].includes(k),
      )
      .map(([field, v]) => ({ field: label(field), from: '', to: show(v, ref, field) }));
  }
  return [];
}

export function Timeline({
  entries,
  describeStage,
  describePipeline,
  userName,
  recordId,
}: {
  entries: TimelineEntry[];
  /** The record whose timeline this is; events of records merged into it are marked. */
  recordId?: string;
  describeStage: (id: string) => string;
  describePipeline: (id: string) => string;
  userName: (id: string) => string;
}) {
  if (entries.length === 0) return <p className="muted">No events yet.</p>;
  const ref = (field: string, v: string) => {
    if (/stage_?id$/i.test(field)) return describeStage(v);
    if (/pipeline_?id$/i.test(field)) return describePipeline(v);
    if (/^(owner_?id|ownerId)$/i.test(field)) return userName(v);
    return v;
  };
  return (
    <ol className="timeline" data-testid="timeline">
      {entries.map((e) => (
        <li key={e.id} data-testid="timeline-entry" data-type={e.type}>
          <div className="when small muted">
            <time dateTime={e.occurredAt}>{new Date(e.occurredAt).toLocaleString()}</time>
            {e.businessTime && <> · effective {new Date(e.businessTime).toLocaleDateString()}</>}
          </div>
          <div>
            <strong>{e.actor?.name ?? 'System'}</strong> {titles[e.type] ?? e.type}
            {recordId && e.entityId && e.entityId !== recordId && (
              <span className="badge" data-testid="merged-history">
                from a merged record
              </span>
            )}
          </div>
          <ul className="changes small">
            {changesOf(e, ref).map((c) => (
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
      ))}
    </ol>
  );
}
