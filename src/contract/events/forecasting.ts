import { z } from 'zod';
import type { EventDefinition } from './catalog.ts';
import { ids } from './payloads.ts';

/** The records of forecasting the log is about. */
export const forecastingEntityTypes = ['forecast_submission', 'quota'] as const;

const figures = z.strictObject({ commit: ids.decimal, bestCase: ids.decimal, pipeline: ids.decimal });
const period = z.string().regex(/^\d{4}-Q[1-4]$/);

const def = (
  type: string,
  entityTypes: readonly (typeof forecastingEntityTypes)[number][],
  when: string,
  schema: z.ZodType,
): EventDefinition => ({ type, entityTypes, version: 1, when, schema, history: [] });

/** Forecast submissions and quotas: every submission is a snapshot and an event. */
export const forecastingEventDefinitions: EventDefinition[] = [
  def(
    'forecast.submitted',
    ['forecast_submission'],
    'a rep submits their forecast of a fiscal quarter (a snapshot: the figures, the pre-filled ones and the open deals they were made of)',
    z.strictObject({
      period,
      userId: ids.id,
      currency: ids.text,
      figures,
      prefilled: figures,
      won: ids.decimal,
      dealIds: z.array(ids.id),
      note: ids.nullableText,
    }),
  ),
  def(
    'forecast.rolled_up',
    ['forecast_submission'],
    "a manager submits the roll-up of their team's forecasts, with overrides of members' figures and a note",
    z.strictObject({
      period,
      userId: ids.id,
      currency: ids.text,
      figures,
      members: z.array(
        z.strictObject({
          userId: ids.id,
          submissionId: ids.nullableId,
          figures,
          override: z.strictObject({
            commit: ids.decimal.optional(),
            bestCase: ids.decimal.optional(),
            pipeline: ids.decimal.optional(),
          }),
        }),
      ),
      note: ids.nullableText,
    }),
  ),
  def(
    'quota.set',
    ['quota'],
    "a rep's or team's quota of a fiscal quarter is set or changed",
    z.strictObject({
      period,
      userId: ids.nullableId,
      teamId: ids.nullableId,
      currency: ids.text,
      amount: z.strictObject({ from: ids.decimal.nullable(), to: ids.decimal }),
    }),
  ),
];
