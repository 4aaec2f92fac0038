import { z } from 'zod';
import type { EventDefinition } from './catalog.ts';
import { camelChangesSchema, camelOnly, snakeCaseV1 } from './casing.ts';
import { changesSchema, fieldChangeSchema, ids } from './payloads.ts';

/** Kinds of record the marketing events are about, beside leads and contacts. */
export const marketingEntityTypes = ['campaign', 'form'] as const;

export const campaignSnapshotSchema = camelOnly(
  z.looseObject({
    name: ids.text,
    type: ids.text,
    status: ids.text,
    parentId: ids.nullableId.optional(),
    ownerId: ids.nullableId.optional(),
    budget: ids.decimal.nullable().optional(),
    currency: ids.text.optional(),
  }),
);
/** The first version of the campaign snapshot: fields named as stored. */
const campaignSnapshotV1Schema = z.looseObject({
  name: ids.text,
  type: ids.text,
  status: ids.text,
  parent_id: ids.nullableId.optional(),
  owner_id: ids.nullableId.optional(),
  budget: ids.decimal.nullable().optional(),
  currency: ids.text.optional(),
});

export const formSnapshotSchema = z.looseObject({
  name: ids.text,
  campaign_id: ids.id,
  routing: z.enum(['owner', 'round_robin']),
  owner_id: ids.nullableId,
  team_id: ids.nullableId,
  enabled: z.boolean(),
});

const utm = {
  utmSource: ids.nullableText,
  utmMedium: ids.nullableText,
  utmCampaign: ids.nullableText,
  utmContent: ids.nullableText,
  utmTerm: ids.nullableText,
};

const d = (
  type: string,
  entityTypes: EventDefinition['entityTypes'],
  when: string,
  schema: z.ZodType,
  history: EventDefinition['history'] = [],
): EventDefinition => ({ type, entityTypes, version: history.length + 1, when, schema, history });

/** The marketing process: campaigns, their costs and members, touches, and the lead lifecycle. */
export const marketingEventDefinitions: EventDefinition[] = [
  d('campaign.created', ['campaign'], 'a campaign is created', z.strictObject({ after: campaignSnapshotSchema }), [
    snakeCaseV1(z.strictObject({ after: campaignSnapshotV1Schema })),
  ]),
  d(
    'campaign.updated',
    ['campaign'],
    'fields of a campaign change (owner changes are `campaign.assigned`)',
    z.strictObject({ changes: camelChangesSchema }),
    [snakeCaseV1(z.strictObject({ changes: changesSchema }))],
  ),
  d(
    'campaign.assigned',
    ['campaign'],
    'the owner of a campaign changes',
    z.strictObject({ changes: z.strictObject({ ownerId: fieldChangeSchema }) }),
    [snakeCaseV1(z.strictObject({ changes: z.strictObject({ owner_id: fieldChangeSchema }) }))],
  ),
  d(
    'campaign.deleted',
    ['campaign'],
    'a campaign is deleted (soft: the row stays)',
    z.strictObject({ before: campaignSnapshotSchema }),
    [snakeCaseV1(z.strictObject({ before: campaignSnapshotV1Schema }))],
  ),
  d(
    'campaign.cost_added',
    ['campaign'],
    'a dated cost entry is added to a campaign',
    z.strictObject({
      costId: ids.id,
      incurredOn: ids.text,
      amount: ids.decimal,
      currency: ids.text,
      description: ids.nullableText,
    }),
  ),
  d(
    'campaign.cost_removed',
    ['campaign'],
    'a cost entry of a campaign is removed',
    z.strictObject({ costId: ids.id, incurredOn: ids.text, amount: ids.decimal, currency: ids.text }),
  ),
  d(
    'campaign.member_status_changed',
    ['campaign'],
    'a person joins a campaign or their membership status moves on (targeted, sent, responded, attended, unsubscribed)',
    z.strictObject({
      personId: ids.id,
      personType: z.enum(['lead', 'contact']),
      from: ids.nullableText,
      to: ids.text,
    }),
  ),
  d(
    'touch.recorded',
    ['lead', 'contact'],
    'a lead or contact interacts with a campaign (responded, attended, clicked, submitted a form, visited)',
    z.strictObject({
      touchId: ids.id,
      campaignId: ids.id,
      kind: z.enum(['responded', 'attended', 'clicked', 'submitted_form', 'visited']),
      touchedAt: ids.isoTime,
      ...utm,
    }),
  ),
  d('form.created', ['form'], 'an inbound capture form is created', z.strictObject({ after: formSnapshotSchema })),
  d(
    'form.updated',
    ['form'],
    'fields of a form change (its fields, consent text, campaign, routing, labels, enabled)',
    z.strictObject({ changes: changesSchema }),
  ),
  d(
    'form.key_rotated',
    ['form'],
    'the public key of a form is replaced: the old key answers 404 from then on',
    z.strictObject({}),
  ),
  d(
    'form.submitted',
    ['form'],
    'a form is submitted and stored: a new lead, or matched by email to an existing lead or contact (a honeypot catch is not stored)',
    z.strictObject({
      submissionId: ids.id,
      outcome: z.enum(['created_lead', 'matched_lead', 'matched_contact']),
      personType: z.enum(['lead', 'contact']),
      personId: ids.id,
      touchId: ids.id,
      consentText: ids.nullableText,
      consentedAt: ids.isoTime.nullable(),
      pageUrl: ids.nullableText,
      ...utm,
    }),
  ),
  d(
    'lead.lifecycle_changed',
    ['lead'],
    'a lead moves in the lifecycle (subscriber, lead, MQL, SQL, opportunity, customer); back is a recycle with its reason',
    z.strictObject({
      from: ids.text,
      to: ids.text,
      recycleReason: ids.text.optional(),
      /** Why the lead moved when no one moved it by hand (the scores that reached the MQL threshold). */
      reason: ids.text.optional(),
    }),
  ),
];
