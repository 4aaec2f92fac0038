import { z } from 'zod';
import type { EventDefinition } from './catalog.ts';
import { ids } from './payloads.ts';

const d = (
  type: string,
  entityTypes: EventDefinition['entityTypes'],
  when: string,
  schema: z.ZodType,
): EventDefinition => ({ type, entityTypes, version: 1, when, schema, history: [] });

const slaPolicy = z.strictObject({
  weekdays: z.array(z.number().int()),
  start: ids.text,
  end: ids.text,
  timeZone: ids.text,
  businessMinutes: z.number().int(),
  otherMinutes: z.number().int(),
  escalation: ids.text,
});

/**
 * The hand-off of an MQL to sales under the SLA policy: opened when an MQL has a sales owner,
 * its first touch (speed to lead), its breach and escalation, and sales' acceptance (the lead
 * becomes SQL) or rejection with a reason (the lead goes back to marketing). Each is an event of
 * the lead, with the hand-off's id.
 */
export const handoffEventDefinitions: EventDefinition[] = [
  d(
    'lead.handoff_opened',
    ['lead'],
    'an MQL is handed to its sales owner: the SLA timer starts, due by the policy in force',
    z.strictObject({
      handoffId: ids.id,
      ownerId: ids.id,
      teamId: ids.nullableId,
      dueAt: ids.isoTime,
      inBusinessHours: z.boolean(),
      policyTeamId: ids.nullableId,
    }),
  ),
  d(
    'lead.handoff_touched',
    ['lead'],
    "the owner's first call, email or meeting on a handed-off lead (or its acceptance) stops the SLA timer",
    z.strictObject({
      handoffId: ids.id,
      touchedAt: ids.isoTime,
      minutesToTouch: z.number(),
      withinSla: z.boolean(),
      activityId: ids.nullableId,
    }),
  ),
  d(
    'lead.handoff_accepted',
    ['lead'],
    'sales accepts a handed-off lead: it becomes a sales-qualified lead (SQL)',
    z.strictObject({ handoffId: ids.id, ownerId: ids.id }),
  ),
  d(
    'lead.handoff_rejected',
    ['lead'],
    'sales rejects a handed-off lead with a reason marketing reads; the lead goes back to marketing (recycled to lead)',
    z.strictObject({ handoffId: ids.id, ownerId: ids.id, reason: ids.text }),
  ),
  d(
    'lead.handoff_withdrawn',
    ['lead'],
    'an open hand-off ends because the lead left MQL another way (moved, converted, disqualified, deleted or unassigned)',
    z.strictObject({ handoffId: ids.id, reason: ids.text }),
  ),
  d(
    'lead.sla_breached',
    ['lead'],
    'a handed-off lead had no sales touch by its due time',
    z.strictObject({ handoffId: ids.id, ownerId: ids.id, dueAt: ids.isoTime }),
  ),
  d(
    'lead.handoff_escalated',
    ['lead'],
    "a breached hand-off is escalated to the owner's manager: notified, or given the lead (per the policy)",
    z.strictObject({
      handoffId: ids.id,
      action: z.enum(['notified', 'reassigned']),
      fromOwnerId: ids.id,
      managerId: ids.id,
    }),
  ),
  d(
    'sla.policy_changed',
    ['organization', 'team'],
    "an admin saves the organization's or a team's hand-off SLA policy",
    z.strictObject({ teamId: ids.nullableId, before: slaPolicy.nullable(), after: slaPolicy }),
  ),
];
