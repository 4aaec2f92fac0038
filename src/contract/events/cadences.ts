import { z } from 'zod';
import type { EventDefinition } from './catalog.ts';
import { camelChangesSchema } from './casing.ts';
import { ids } from './payloads.ts';

/** The records of cadences the log is about. */
export const cadenceEntityTypes = ['cadence', 'cadence_enrolment'] as const;

const isoTime = ids.isoTime;
const cadenceSnapshot = z.strictObject({
  name: ids.text,
  cadenceVersion: z.number().int(),
  active: z.boolean(),
  stepCount: z.number().int(),
});
/** Where an enrolment stands after the change. */
const position = {
  leadId: ids.id,
  cadenceId: ids.id,
  cadenceVersion: z.number().int(),
  stepIndex: z.number().int(),
};

const def = (
  type: string,
  entityTypes: readonly (typeof cadenceEntityTypes)[number][],
  when: string,
  schema: z.ZodType,
): EventDefinition => ({ type, entityTypes, version: 1, when, schema, history: [] });

/** Cadence definitions and the enrolments of leads on them. */
export const cadenceEventDefinitions: EventDefinition[] = [
  def(
    'cadence.created',
    ['cadence'],
    'an admin or manager defines a cadence (its steps and disposition rules are version 1)',
    z.strictObject({ after: cadenceSnapshot }),
  ),
  def(
    'cadence.updated',
    ['cadence'],
    'a cadence is renamed, switched on or off, or given new steps or rules (a new cadence version; open enrolments keep theirs)',
    z.strictObject({ changes: camelChangesSchema }),
  ),
  def(
    'cadence_enrolment.enrolled',
    ['cadence_enrolment'],
    'a user enrols a lead in a cadence; the first step is due at dueAt',
    z.strictObject({ ...position, kind: ids.text, dueAt: isoTime }),
  ),
  def(
    'cadence_enrolment.step_due',
    ['cadence_enrolment'],
    "the current step's due time has come (recorded by the system once per step)",
    z.strictObject({ ...position, kind: ids.text, dueAt: isoTime }),
  ),
  def(
    'cadence_enrolment.advanced',
    ['cadence_enrolment'],
    'a call disposition or a done email or task step moves the enrolment to its next step',
    z.strictObject({ ...position, kind: ids.text, dueAt: isoTime, activityId: ids.nullableId }),
  ),
  def(
    'cadence_enrolment.paused',
    ['cadence_enrolment'],
    'a call disposition pauses the enrolment for some days or until the call back (pausedUntil null until it is set)',
    z.strictObject({ ...position, reason: ids.text, pausedUntil: isoTime.nullable(), activityId: ids.nullableId }),
  ),
  def(
    'cadence_enrolment.resumed',
    ['cadence_enrolment'],
    'a paused enrolment goes on: its pause is over (by the system) or a new call was logged on the lead',
    z.strictObject({ ...position, dueAt: isoTime }),
  ),
  def(
    'cadence_enrolment.ended',
    ['cadence_enrolment'],
    'an enrolment ends: by a disposition rule, after its last step (completed), when the lead converts or is disqualified, or by hand',
    z.strictObject({ ...position, reason: ids.text, activityId: ids.nullableId }),
  ),
];
