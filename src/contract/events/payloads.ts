import { z } from 'zod';
import { camelChangesSchema, camelOnly } from './casing.ts';

// Shapes shared by several event payloads, in the API's camelCase. Snapshots (`after` of a
// `.created`, `before` of a `.deleted`) name the fields consumers read and keep the rest of the
// record as written: a record gaining a field does not need a new event version to be
// snapshotted. Every field name is camelCase (the first versions used the stored column names:
// payloads-v1.ts).

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
/** The fields an update changed (first version: by stored field name). */
export const changesSchema = z.record(z.string(), fieldChangeSchema);
/** The fields an update changed, by camelCase field name. */
export { camelChangesSchema };

export const accountSnapshotSchema = camelOnly(
  z.looseObject({
    name: text,
    type: text,
    domain: nullableText.optional(),
    ownerId: nullableId.optional(),
  }),
);
export const contactSnapshotSchema = camelOnly(
  z.looseObject({
    firstName: nullableText.optional(),
    lastName: nullableText.optional(),
    accountId: nullableId.optional(),
    ownerId: nullableId.optional(),
    emails: z.array(text).optional(),
    phones: z.array(text).optional(),
  }),
);
const lineItemSchema = z.looseObject({
  productId: nullableId,
  quantity: decimal,
  unitPrice: decimal,
  discountPercent: decimal,
});
export const dealSnapshotSchema = camelOnly(
  z.looseObject({
    name: text,
    pipelineId: id,
    stageId: id.optional(),
    status: z.enum(['open', 'won', 'lost']).optional(),
    amount: decimal.nullable().optional(),
    currency: text.optional(),
    ownerId: nullableId.optional(),
    accountId: nullableId.optional(),
    lineItems: z.array(lineItemSchema).optional(),
    contactRoles: z.array(z.looseObject({ contactId: id, role: text })).optional(),
  }),
);
export const leadSnapshotSchema = camelOnly(
  z.looseObject({
    status: text,
    source: nullableText.optional(),
    ownerId: nullableId.optional(),
  }),
);
export const activitySnapshotSchema = camelOnly(
  z.looseObject({
    type: text,
    subject: nullableText.optional(),
    dealId: nullableId.optional(),
    leadId: nullableId.optional(),
    contactId: nullableId.optional(),
    accountId: nullableId.optional(),
    ownerId: nullableId.optional(),
  }),
);
export const productSnapshotSchema = camelOnly(
  z.looseObject({
    sku: text,
    name: text,
    listPrice: decimal,
    currency: text,
  }),
);
export const objectionSnapshotSchema = camelOnly(z.looseObject({ title: text, category: text, active: z.boolean() }));
export const scriptSnapshotSchema = camelOnly(
  z.looseObject({ name: text, pipelineId: nullableId, active: z.boolean() }),
);
export const stageSnapshotSchema = camelOnly(
  z.looseObject({
    id,
    name: text,
    kind: z.enum(['open', 'won', 'lost']),
    position: z.number().int(),
  }),
);
export const pipelineSnapshotSchema = camelOnly(
  z.looseObject({
    name: text,
    isDefault: z.boolean(),
    stages: z.array(stageSnapshotSchema).optional(),
  }),
);
export const userSnapshotSchema = camelOnly(z.looseObject({ email: text, name: text, role: text }));
export const teamSnapshotSchema = camelOnly(
  z.looseObject({ name: text, kind: text, managerId: nullableId.optional() }),
);
export const organizationSnapshotSchema = z.looseObject({ name: text, baseCurrency: text, timezone: text });
export const webhookEndpointSnapshotSchema = z.looseObject({ url: text });
export const raisedObjectionSnapshotSchema = camelOnly(
  z.looseObject({
    raisedObjectionId: id,
    objectionId: nullableId.optional(),
    dealId: nullableId.optional(),
    activityId: nullableId.optional(),
    outcome: nullableText.optional(),
    raisedAt: isoTime.optional(),
  }),
);

/** A stage as a stage change refers to it. */
export const stageRefSchema = z.strictObject({
  stageId: id,
  pipelineId: id,
  name: text,
  kind: z.enum(['open', 'won', 'lost']),
  position: z.number().int(),
});

export const ids = { id, nullableId, text, nullableText, decimal, isoTime };
