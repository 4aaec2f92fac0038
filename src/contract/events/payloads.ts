import { z } from 'zod';

// Shapes shared by several event payloads. Snapshots (`after` of a `.created`, `before` of a
// `.deleted`) name the fields consumers read and keep the rest of the record as written: a record
// gaining a column does not need a new event version to be snapshotted.

const id = z.string().min(1);
const nullableId = id.nullable();
const text = z.string();
const nullableText = z.string().nullable();
/** An exact decimal as text (money, quantities). */
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal number as text');
/** A time as stored (ISO text); a writer may hand over the Date it serializes to that text. */
const isoTime = z.union([z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO date-time'), z.date()]);

/** One changed field: its value before and after. */
export const fieldChangeSchema = z.strictObject({ from: z.unknown(), to: z.unknown() });
/** The fields an update changed, by stored field name. */
export const changesSchema = z.record(z.string(), fieldChangeSchema);

export const accountSnapshotSchema = z.looseObject({
  name: text,
  type: text,
  domain: nullableText.optional(),
  owner_id: nullableId.optional(),
});
export const contactSnapshotSchema = z.looseObject({
  first_name: nullableText.optional(),
  last_name: nullableText.optional(),
  account_id: nullableId.optional(),
  owner_id: nullableId.optional(),
  emails: z.array(text).optional(),
  phones: z.array(text).optional(),
});
const lineItemSchema = z.looseObject({
  product_id: nullableId,
  quantity: decimal,
  unit_price: decimal,
  discount_percent: decimal,
});
export const dealSnapshotSchema = z.looseObject({
  name: text,
  pipeline_id: id,
  stage_id: id.optional(),
  status: z.enum(['open', 'won', 'lost']).optional(),
  amount: decimal.nullable().optional(),
  currency: text.optional(),
  owner_id: nullableId.optional(),
  account_id: nullableId.optional(),
  line_items: z.array(lineItemSchema).optional(),
  contact_roles: z.array(z.looseObject({ contact_id: id, role: text })).optional(),
});
export const leadSnapshotSchema = z.looseObject({
  status: text,
  source: nullableText.optional(),
  owner_id: nullableId.optional(),
});
export const activitySnapshotSchema = z.looseObject({
  type: text,
  subject: nullableText.optional(),
  deal_id: nullableId.optional(),
  lead_id: nullableId.optional(),
  contact_id: nullableId.optional(),
  account_id: nullableId.optional(),
  owner_id: nullableId.optional(),
});
export const productSnapshotSchema = z.looseObject({
  sku: text,
  name: text,
  list_price: decimal,
  currency: text,
});
export const objectionSnapshotSchema = z.looseObject({ title: text, category: text, active: z.boolean() });
export const scriptSnapshotSchema = z.looseObject({ name: text, pipeline_id: nullableId, active: z.boolean() });
export const stageSnapshotSchema = z.looseObject({
  id,
  name: text,
  kind: z.enum(['open', 'won', 'lost']),
  position: z.number().int(),
});
export const pipelineSnapshotSchema = z.looseObject({
  name: text,
  is_default: z.boolean(),
  stages: z.array(stageSnapshotSchema).optional(),
});
export const userSnapshotSchema = z.looseObject({ email: text, name: text, role: text });
export const teamSnapshotSchema = z.looseObject({ name: text, kind: text, manager_id: nullableId.optional() });
export const organizationSnapshotSchema = z.looseObject({ name: text, baseCurrency: text, timezone: text });
export const webhookEndpointSnapshotSchema = z.looseObject({ url: text });
export const raisedObjectionSnapshotSchema = z.looseObject({
  raised_objection_id: id,
  objection_id: nullableId.optional(),
  deal_id: nullableId.optional(),
  activity_id: nullableId.optional(),
  outcome: nullableText.optional(),
  raised_at: isoTime.optional(),
});

/** A stage as a stage change refers to it. */
export const stageRefSchema = z.strictObject({
  stageId: id,
  pipelineId: id,
  name: text,
  kind: z.enum(['open', 'won', 'lost']),
  position: z.number().int(),
});

export const ids = { id, nullableId, text, nullableText, decimal, isoTime };
