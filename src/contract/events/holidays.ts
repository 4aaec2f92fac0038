import { z } from 'zod';
import type { EventDefinition } from './catalog.ts';
import { camelChangesSchema } from './casing.ts';
import { ids } from './payloads.ts';

/** The records of holiday calendars the log is about. */
export const holidayEntityTypes = ['holiday_calendar'] as const;

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const calendarSnapshot = z.strictObject({
  name: ids.text,
  isDefault: z.boolean(),
  territoryIds: z.array(ids.id),
  userIds: z.array(ids.id),
});
const holiday = z.strictObject({
  holidayId: ids.id,
  name: ids.text,
  start: date,
  end: date,
  recurring: z.boolean(),
});

const def = (type: string, when: string, schema: z.ZodType): EventDefinition => ({
  type,
  entityTypes: ['holiday_calendar'],
  version: 1,
  when,
  schema,
  history: [],
});

/** Holiday calendars, their holidays and whom they apply to. */
export const holidayEventDefinitions: EventDefinition[] = [
  def(
    'holiday_calendar.created',
    'a holiday calendar is set up, with whether it is the default and the territories and reps it applies to',
    z.strictObject({ after: calendarSnapshot }),
  ),
  def(
    'holiday_calendar.updated',
    "a holiday calendar's name, default flag, territories or reps change (also when another calendar becomes the default)",
    z.strictObject({ changes: camelChangesSchema }),
  ),
  def(
    'holiday_calendar.deleted',
    'a holiday calendar is removed with its holidays',
    z.strictObject({ before: calendarSnapshot }),
  ),
  def(
    'holiday_calendar.holidays_added',
    'holidays are added to a calendar, by hand or from an .ics file',
    z.strictObject({ holidays: z.array(holiday), source: z.enum(['manual', 'ics']) }),
  ),
  def('holiday_calendar.holiday_removed', 'a holiday is removed from a calendar', holiday),
];
