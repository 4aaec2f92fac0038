import { z } from 'zod';
import {
  accountSnapshotSchema,
  activitySnapshotSchema,
  camelChangesSchema,
  changesSchema,
  contactSnapshotSchema,
  dealSnapshotSchema,
  fieldChangeSchema,
  ids,
  leadSnapshotSchema,
  objectionSnapshotSchema,
  organizationSnapshotSchema,
  pipelineSnapshotSchema,
  productSnapshotSchema,
  raisedObjectionSnapshotSchema,
  scriptSnapshotSchema,
  stageRefSchema,
  stageSnapshotSchema,
  teamSnapshotSchema,
  userSnapshotSchema,
  webhookEndpointSnapshotSchema,
} from './payloads.ts';
import {
  accountSnapshotV1Schema,
  activitySnapshotV1Schema,
  contactSnapshotV1Schema,
  dealSnapshotV1Schema,
  leadSnapshotV1Schema,
  objectionSnapshotV1Schema,
  pipelineSnapshotV1Schema,
  productSnapshotV1Schema,
  raisedObjectionSnapshotV1Schema,
  scriptSnapshotV1Schema,
  stageSnapshotV1Schema,
  teamSnapshotV1Schema,
  userSnapshotV1Schema,
} from './payloads-v1.ts';
import { snakeCaseV1 } from './casing.ts';
import { bookingEntityTypes, bookingEventDefinitions } from './booking.ts';
import { oversightEntityTypes, oversightEventDefinitions } from './oversight.ts';
import { channelEntityTypes, channelEventDefinitions } from './channel.ts';
import { marketingEntityTypes, marketingEventDefinitions } from './marketing.ts';
import { forecastingEntityTypes, forecastingEventDefinitions } from './forecasting.ts';
import { scoringEventDefinitions } from './scoring.ts';
import { handoffEventDefinitions } from './handoffs.ts';
import { commissionEntityTypes, commissionEventDefinitions } from './commissions.ts';
import { agentEntityTypes, agentEventDefinitions } from './agents.ts';
import { routingEntityTypes, routingEventDefinitions } from './routing.ts';
import { cadenceEntityTypes, cadenceEventDefinitions } from './cadences.ts';
import { holidayEntityTypes, holidayEventDefinitions } from './holidays.ts';

/** The kinds of record an event can be about (`entity_type` of the log). */
export const eventEntityTypes = [
  'account',
  'activity',
  'api_token',
  'contact',
  'deal',
  'lead',
  'objection',
  'organization',
  'pipeline',
  'product',
  'script',
  'team',
  'user',
  'webhook_endpoint',
  ...bookingEntityTypes,
  ...oversightEntityTypes,
  ...channelEntityTypes,
  ...marketingEntityTypes,
  ...forecastingEntityTypes,
  ...commissionEntityTypes,
  ...agentEntityTypes,
  ...routingEntityTypes,
  ...cadenceEntityTypes,
  ...holidayEntityTypes,
] as const;
export type EventEntityType = (typeof eventEntityTypes)[number];

/** An older version of an event's payload and how to read it as the next version. */
export interface EventVersionStep {
  version: number;
  schema: z.ZodType;
  /** The payload of this version as the next version would have written it. */
  upcast: (data: Record<string, unknown>) => Record<string, unknown>;
}

/** One event type: its name, the records it is about, when it is written, and its payload. */
export interface EventDefinition {
  type: string;
  entityTypes: readonly EventEntityType[];
  /** The version new events are written with. */
  version: number;
  /** When the event is written (for the generated documentation). */
  when: string;
  /** The payload of the current version. */
  schema: z.ZodType;
  /** Older versions, oldest first, each read through its upcaster to the next. */
  history: readonly EventVersionStep[];
  /** How people read the event ("Merged into another deal"); by default the type in words ("Deal stage changed"). */
  title?: string;
}

const created = (snapshot: z.ZodType, extra: z.ZodRawShape = {}) => z.strictObject({ after: snapshot, ...extra });
const deleted = (snapshot: z.ZodType) => z.strictObject({ before: snapshot });
/** Set by an import when a row of the file matched an existing record and updated it. */
const mergedDuplicateRow = z.literal(true).optional();
const updatedOf = (changes: z.ZodType) =>
  z.strictObject({ changes, reason: z.string().optional(), mergedDuplicateRow });
const updated = updatedOf(camelChangesSchema);
const updatedV1 = updatedOf(changesSchema);
/**
 * Why a process step (not a person's own edit) made the change: a held first meeting created or
 * advanced the deal (`meeting_held`, naming the booking), or a user claimed an unassigned lead
 * from the call queue (`claim`).
 */
const cause = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('meeting_held'), bookingId: ids.id }),
    z.strictObject({ kind: z.literal('claim') }),
  ])
  .optional();
const assigned = z.strictObject({
  changes: z.strictObject({ ownerId: fieldChangeSchema }),
  mergedDuplicateRow,
  cause,
});
const assignedV1 = z.strictObject({ changes: z.strictObject({ owner_id: fieldChangeSchema }), mergedDuplicateRow });
const mergedOf = (changes: z.ZodType) =>
  z.strictObject({
    mergedId: ids.id,
    moved: z.record(z.string(), z.number().int().nonnegative()),
    changes: changes.optional(),
  });
const merged = mergedOf(camelChangesSchema);
const mergedV1 = mergedOf(changesSchema);
const mergedInto = z.strictObject({ intoId: ids.id });
const closedTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO date-time');

const def = (
  type: string,
  entityTypes: readonly EventEntityType[],
  when: string,
  schema: z.ZodType,
  history: readonly EventVersionStep[] = [],
): EventDefinition => ({ type, entityTypes, version: history.length + 1, when, schema, history });

/**
 * What an import adds to a `.created`: the record was made for a reference the file named
 * (`createdForImport`), or a row looked like an existing record and was imported as new anyway.
 */
const importMarks = {
  createdForImport: z.literal(true).optional(),
  possibleDuplicateOf: ids.id.optional(),
};

/**
 * A flat import's mark on the deal event whose stage nobody saw the deal reach: `deal.created` in
 * a later stage than the pipeline's first, or the jump to the close (`deal.stage_changed`). The
 * stage visit it opens is `entry_unknown`, and the analyses leave that path out.
 */
const pathUnknown = z.literal(true).optional();

const noun = (entity: string): string => {
  const words = entity.replace('_', ' ');
  return `${/^[aeiou]/.test(words) ? 'an' : 'a'} ${words}`;
};

/** Events of a record kind written by the shared create/update/assign/delete and merge paths. */
function lifecycle(
  entity: EventEntityType,
  snapshot: z.ZodType,
  snapshotV1: z.ZodType,
  opts: { assigned?: boolean; deleted?: boolean; merged?: boolean; createdMarks?: z.ZodRawShape } = {},
): EventDefinition[] {
  const marks = { ...importMarks, ...opts.createdMarks };
  const out = [
    def(
      `${entity}.created`,
      [entity],
      `${noun(entity)} is created (by hand, import or generator)`,
      created(snapshot, marks),
      [snakeCaseV1(created(snapshotV1, marks))],
    ),
    def(
      `${entity}.updated`,
      [entity],
      `fields of ${noun(entity)} change (owner changes are \`${entity}.assigned\`)`,
      updated,
      [snakeCaseV1(updatedV1)],
    ),
  ];
  if (opts.assigned)
    out.push(
      def(`${entity}.assigned`, [entity], `the owner of ${noun(entity)} changes`, assigned, [snakeCaseV1(assignedV1)]),
    );
  if (opts.deleted ?? true)
    out.push(
      def(`${entity}.deleted`, [entity], `${noun(entity)} is deleted (soft: the row stays)`, deleted(snapshot), [
        snakeCaseV1(deleted(snapshotV1)),
      ]),
    );
  if (opts.merged) {
    out.push({
      ...def(`${entity}.merged`, [entity], `another ${entity} is merged into this one`, merged, [
        snakeCaseV1(mergedV1),
      ]),
      title: `Duplicate ${entity} merged into this one`,
    });
    out.push({
      ...def(`${entity}.merged_into`, [entity], `this ${entity} is merged into another one (and deleted)`, mergedInto),
      title: `Merged into another ${entity}`,
    });
  }
  return out;
}

const definitions: EventDefinition[] = [
  def('organization.created', ['organization'], 'an organization is set up', created(organizationSnapshotSchema)),
  ...lifecycle('account', accountSnapshotSchema, accountSnapshotV1Schema, { assigned: true, merged: true }),
  ...lifecycle('contact', contactSnapshotSchema, contactSnapshotV1Schema, { assigned: true, merged: true }),
  ...lifecycle('lead', leadSnapshotSchema, leadSnapshotV1Schema, { assigned: true, merged: true }),
  def(
    'lead.status_changed',
    ['lead'],
    'the status of a lead changes',
    z.strictObject({ from: ids.text, to: ids.text }),
  ),
  def(
    'lead.converted',
    ['lead'],
    'a lead is converted into a contact, maybe an account and a deal',
    z.strictObject({
      accountId: ids.nullableId,
      contactId: ids.id,
      dealId: ids.nullableId,
      created: z.strictObject({ account: z.boolean(), contact: z.boolean(), deal: z.boolean() }),
    }),
  ),
  ...lifecycle('deal', dealSnapshotSchema, dealSnapshotV1Schema, {
    assigned: true,
    merged: true,
    createdMarks: { pathUnknown, cause },
  }),
  def(
    'deal.stage_changed',
    ['deal'],
    'a deal moves to another stage (maybe of another pipeline); closing and reopening add their own event',
    z.strictObject({
      from: stageRefSchema,
      to: stageRefSchema,
      status: z.strictObject({ from: z.enum(['open', 'won', 'lost']), to: z.enum(['open', 'won', 'lost']) }),
      daysInPreviousStage: z.number().nonnegative(),
      pathUnknown,
      cause,
    }),
  ),
  def(
    'deal.won',
    ['deal'],
    'a deal moves into a won stage',
    z.strictObject({
      stageId: ids.id,
      amount: ids.decimal.nullable(),
      currency: ids.text,
      lineItemsCount: z.number().int().nonnegative(),
      closedAt: closedTime,
    }),
  ),
  def(
    'deal.lost',
    ['deal'],
    'a deal moves into a lost stage',
    z.strictObject({
      stageId: ids.id,
      lostReason: ids.nullableText,
      amount: ids.decimal.nullable(),
      currency: ids.text,
      closedAt: closedTime,
    }),
  ),
  def(
    'deal.reopened',
    ['deal'],
    'a won or lost deal moves back into an open stage',
    z.strictObject({
      previousStatus: z.enum(['won', 'lost']),
      closedAt: closedTime.nullable(),
      lostReason: ids.nullableText,
      stageId: ids.id,
    }),
  ),
  ...lifecycle('activity', activitySnapshotSchema, activitySnapshotV1Schema, { assigned: true }),
  def(
    'activity.completed',
    ['activity'],
    'an activity is marked done',
    z.strictObject({ completedAt: z.union([closedTime, z.date()]) }),
    [
      {
        version: 1,
        schema: z.strictObject({ completed_at: z.union([closedTime, z.date()]) }),
        upcast: ({ completed_at, ...rest }) => ({ ...rest, completedAt: completed_at }),
      },
    ],
  ),
  ...lifecycle('product', productSnapshotSchema, productSnapshotV1Schema),
  def('product.deactivated', ['product'], 'a product is deactivated', updated),
  ...lifecycle('objection', objectionSnapshotSchema, objectionSnapshotV1Schema, { deleted: false }),
  def(
    'objection.deactivated',
    ['objection'],
    'an objection of the library is deactivated',
    deleted(objectionSnapshotSchema),
    [snakeCaseV1(deleted(objectionSnapshotV1Schema))],
  ),
  def(
    'objection.raised',
    ['deal', 'activity'],
    'a buyer raises an objection (logged on the deal, or on the call when there is no deal)',
    created(raisedObjectionSnapshotSchema),
    [snakeCaseV1(created(raisedObjectionSnapshotV1Schema))],
  ),
  ...lifecycle('script', scriptSnapshotSchema, scriptSnapshotV1Schema, { deleted: false }),
  def('script.deactivated', ['script'], 'a pitch script is deactivated', deleted(scriptSnapshotSchema), [
    snakeCaseV1(deleted(scriptSnapshotV1Schema)),
  ]),
  def('pipeline.created', ['pipeline'], 'a pipeline is created with its stages', created(pipelineSnapshotSchema), [
    snakeCaseV1(created(pipelineSnapshotV1Schema)),
  ]),
  def(
    'pipeline.updated',
    ['pipeline'],
    'fields of a pipeline change (another becoming the default says why)',
    updated,
    [snakeCaseV1(updatedV1)],
  ),
  def(
    'pipeline.stages_changed',
    ['pipeline'],
    'the stages of a pipeline are replaced (added, renamed, reordered, removed)',
    z.looseObject({ before: z.array(stageSnapshotSchema), after: z.array(stageSnapshotSchema) }),
    [snakeCaseV1(z.looseObject({ before: z.array(stageSnapshotV1Schema), after: z.array(stageSnapshotV1Schema) }))],
  ),
  def(
    'user.created',
    ['user'],
    'a user is added (the first admin with the organization)',
    created(userSnapshotSchema),
    [snakeCaseV1(created(userSnapshotV1Schema))],
  ),
  def('user.updated', ['user'], 'a user changes (role, team, manager, active, password: shown hidden)', updated, [
    snakeCaseV1(updatedV1),
  ]),
  def('team.created', ['team'], 'a team is created', created(teamSnapshotSchema), [
    snakeCaseV1(created(teamSnapshotV1Schema)),
  ]),
  def('team.updated', ['team'], 'fields of a team change', updated, [snakeCaseV1(updatedV1)]),
  def('team.deleted', ['team'], 'a team is deleted', deleted(teamSnapshotSchema), [
    snakeCaseV1(deleted(teamSnapshotV1Schema)),
  ]),
  def(
    'api_token.created',
    ['api_token'],
    'an API token is issued (the secret is never logged)',
    created(z.strictObject({ name: ids.text, userId: ids.id, expiresAt: z.union([closedTime, z.date()]).nullable() })),
  ),
  def('api_token.revoked', ['api_token'], 'an API token is revoked', z.strictObject({})),
  def(
    'webhook_endpoint.created',
    ['webhook_endpoint'],
    'a webhook endpoint is added',
    created(webhookEndpointSnapshotSchema),
  ),
  def('webhook_endpoint.updated', ['webhook_endpoint'], 'a webhook endpoint changes', updated),
  def(
    'webhook_endpoint.deleted',
    ['webhook_endpoint'],
    'a webhook endpoint is removed',
    deleted(webhookEndpointSnapshotSchema),
  ),
  def(
    'webhook_endpoint.disabled',
    ['webhook_endpoint'],
    'delivery stops for an endpoint (it answered 410 Gone, or failed for days)',
    z.strictObject({ reason: ids.text }),
  ),
  def(
    'webhook_endpoint.secret_rotated',
    ['webhook_endpoint'],
    'the signing secret of an endpoint is replaced (the old one signs beside it for the overlap)',
    z.strictObject({ overlapHours: z.number().int().nonnegative() }),
  ),
  def(
    'webhook_endpoint.replayed',
    ['webhook_endpoint'],
    'the cursor of an endpoint is moved to replay events from a time',
    z.strictObject({
      from: closedTime,
      cursorSeq: z.strictObject({ from: z.number().int(), to: z.number().int() }),
    }),
  ),
  ...bookingEventDefinitions,
  ...oversightEventDefinitions,
  ...channelEventDefinitions,
  ...marketingEventDefinitions,
  ...forecastingEventDefinitions,
  ...scoringEventDefinitions,
  ...handoffEventDefinitions,
  ...commissionEventDefinitions,
  ...agentEventDefinitions,
  ...routingEventDefinitions,
  ...cadenceEventDefinitions,
  ...holidayEventDefinitions,
];

/** Every event type the log holds, by name. */
export const eventCatalog: ReadonlyMap<string, EventDefinition> = new Map(definitions.map((d) => [d.type, d]));
