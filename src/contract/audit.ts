import { z } from 'zod';
import { dateTimeSchema, idSchema } from './common.ts';

/** Filters of the audit view's event log; every filter narrows, none is required. */
export const listAuditEventsQuery = z
  .strictObject({
    /** The kind of record: deal, account, contact, lead, activity, pipeline, user, … */
    entityType: z
      .string()
      .regex(/^[a-z_]{1,40}$/, 'must be a record kind such as deal or contact')
      .optional(),
    entityId: idSchema.optional(),
    actorId: idSchema.optional(),
    /** An event type (`deal.stage_changed`) or all types of a record kind (`deal.*`). */
    type: z
      .string()
      .regex(/^[a-z_]{1,40}\.([a-z_]{1,60}|\*)$/, 'must be an event type such as deal.won, or deal.* for all of a kind')
      .optional(),
    /** System time (`occurred_at`): from inclusive, to exclusive. */
    from: dateTimeSchema.optional(),
    to: dateTimeSchema.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().regex(/^\d+$/, 'must be a cursor returned by this list').optional(),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
    path: ['to'],
    message: 'must be later than from',
  });
export type ListAuditEventsQuery = z.infer<typeof listAuditEventsQuery>;

export const auditEventSchema = z.object({
  id: z.number().int(),
  /** Position in the organization's hash chain; null for a moment after commit, until sealed. */
  seq: z.number().int().nullable(),
  type: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  occurredAt: z.string(),
  businessTime: z.string().nullable(),
  imported: z.boolean(),
  actor: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  /** The version of the payload in `data`: the current version of the type (older payloads are upcast). */
  version: z.number().int(),
  /** `after` for a creation, `changes: {field: {from, to}}` for an update, `before` for a deletion. */
  data: z.record(z.string(), z.unknown()),
});
export type AuditEventDto = z.infer<typeof auditEventSchema>;

/** The kinds of record an event payload can name by id (`references` of an event page). */
export const referenceKinds = [
  'account',
  'contact',
  'lead',
  'deal',
  'activity',
  'user',
  'team',
  'pipeline',
  'stage',
  'product',
  'campaign',
  'touch',
  'agent_party',
  'agency_agreement',
  'territory',
  'routing_pool',
] as const;
export type ReferenceKind = (typeof referenceKinds)[number];

/**
 * The names of the records a page of events refers to by id (owners, accounts, contacts, stages,
 * …), resolved once for the page: id → kind and name. A record the reader may not see, or that no
 * longer exists, is left out.
 */
export const eventReferencesSchema = z.record(z.string(), z.object({ kind: z.enum(referenceKinds), name: z.string() }));
export type EventReferences = z.infer<typeof eventReferencesSchema>;

/** A day (`YYYY-MM-DD`, from 00:00 UTC) or an ISO date-time with zone. */
const periodBoundSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'must be a date YYYY-MM-DD or an ISO 8601 date-time with time zone',
});

/** The instant a period bound names: a bare date is 00:00 UTC of that day. */
export function periodBoundInstant(v: string): Date {
  return new Date(v.length === 10 ? `${v}T00:00:00.000Z` : v);
}

/** The period of an audit bundle, in system time: from inclusive, to exclusive. */
export const auditBundleQuery = z
  .strictObject({ from: periodBoundSchema, to: periodBoundSchema })
  .refine((q) => periodBoundInstant(q.from) < periodBoundInstant(q.to), {
    path: ['to'],
    message: 'must be later than from',
  });
export type AuditBundleQuery = z.infer<typeof auditBundleQuery>;
