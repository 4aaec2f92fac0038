import { z } from 'zod';
import { ids } from './payloads.ts';

// The first version of the record snapshots: fields named as stored (snake_case). Events of these
// versions stay in the log as written (the hash chain covers them) and are read through the
// upcasters of the catalog as the camelCase version.

const { id, nullableId, text, nullableText, decimal, isoTime } = ids;

export const accountSnapshotV1Schema = z.looseObject({
  name: text,
  type: text,
  domain: nullableText.optional(),
  owner_id: nullableId.optional(),
});
export const contactSnapshotV1Schema = z.looseObject({
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
export const dealSnapshotV1Schema = z.looseObject({
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
export const leadSnapshotV1Schema = z.looseObject({
  status: text,
  source: nullableText.optional(),
  owner_id: nullableId.optional(),
});
export const activitySnapshotV1Schema = z.looseObject({
  type: text,
  subject: nullableText.optional(),
  deal_id: nullableId.optional(),
  lead_id: nullableId.optional(),
  contact_id: nullableId.optional(),
  account_id: nullableId.optional(),
  owner_id: nullableId.optional(),
});
export const productSnapshotV1Schema = z.looseObject({
  sku: text,
  name: text,
  list_price: decimal,
  currency: text,
});
export const objectionSnapshotV1Schema = z.looseObject({ title: text, category: text, active: z.boolean() });
export const scriptSnapshotV1Schema = z.looseObject({ name: text, pipeline_id: nullableId, active: z.boolean() });
export const stageSnapshotV1Schema = z.looseObject({
  id,
  name: text,
  kind: z.enum(['open', 'won', 'lost']),
  position: z.number().int(),
});
export const pipelineSnapshotV1Schema = z.looseObject({
  name: text,
  is_default: z.boolean(),
  stages: z.array(stageSnapshotV1Schema).optional(),
});
export const userSnapshotV1Schema = z.looseObject({ email: text, name: text, role: text });
export const teamSnapshotV1Schema = z.looseObject({ name: text, kind: text, manager_id: nullableId.optional() });
export const raisedObjectionSnapshotV1Schema = z.looseObject({
  raised_objection_id: id,
  objection_id: nullableId.optional(),
  deal_id: nullableId.optional(),
  activity_id: nullableId.optional(),
  outcome: nullableText.optional(),
  raised_at: isoTime.optional(),
});
