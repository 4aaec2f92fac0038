import { z } from 'zod';
import type { EventDefinition } from './catalog.ts';
import { ids } from './payloads.ts';

const grade = z.enum(['A', 'B', 'C', 'D']);

const d = (
  type: string,
  entityTypes: EventDefinition['entityTypes'],
  when: string,
  schema: z.ZodType,
): EventDefinition => ({ type, entityTypes, version: 1, when, schema, history: [] });

/**
 * Lead scoring. Scores move with every touch and every day of decay, so the log records a score
 * only when it changes what people do with the lead: its grade, or whether it reaches the MQL
 * threshold (a new lead counts as grade D, not qualifying). The scores themselves are kept per lead.
 */
export const scoringEventDefinitions: EventDefinition[] = [
  d(
    'lead.score_changed',
    ['lead'],
    "a lead's grade changes or it crosses the MQL threshold (either way); plain score changes are not logged",
    z.strictObject({
      fitScore: z.number(),
      engagementScore: z.number(),
      grade,
      qualifies: z.boolean(),
      previousGrade: grade,
      previouslyQualified: z.boolean(),
    }),
  ),
  d(
    'scoring.settings_changed',
    ['organization'],
    'marketing or an admin changes the scoring settings (fit rules, touch points, half-life, grades, MQL threshold)',
    z.strictObject({ changedFields: z.array(ids.text) }),
  ),
  d(
    'scoring.model_fitted',
    ['organization'],
    "the conversion model is refitted on the organization's closed leads (or found too little history to fit)",
    z.strictObject({
      status: z.enum(['fitted', 'insufficient_history']),
      trainingLeads: z.number().int(),
      testLeads: z.number().int(),
      auc: z.number().nullable(),
    }),
  ),
];
