import { z } from 'zod';
import { idSchema, listQueryBase, nameSchema, optionalText } from './common.ts';
import type { FieldProblem } from './errors.ts';

export const stageKinds = ['open', 'won', 'lost'] as const;
export type StageKind = (typeof stageKinds)[number];
export const forecastCategories = ['pipeline', 'best_case', 'commit', 'closed', 'omitted'] as const;
export type ForecastCategory = (typeof forecastCategories)[number];

/** Deal fields a stage can require before a deal may enter it (API names). */
export const gateFields = [
  'amount',
  'expectedCloseDate',
  'accountId',
  'primaryContactId',
  'nextStep',
  'lineItems',
  'contactRoles',
  'source',
  'partnerAccountId',
] as const;
export type GateField = (typeof gateFields)[number];

export const stageSchema = z.object({
  id: idSchema,
  name: z.string(),
  position: z.number().int(),
  probability: z.number().int(),
  forecastCategory: z.enum(forecastCategories),
  kind: z.enum(stageKinds),
  expectedDays: z.number().int().nullable(),
  requiredFields: z.array(z.enum(gateFields)),
});
export type StageDto = z.infer<typeof stageSchema>;

/**
 * What a held first meeting does to the deal: nothing; create the deal in `stageId` when the
 * meeting was booked on a lead or contact without a deal (the default pipeline's setting decides
 * that); advance the meeting's deal, when it is in this pipeline, to `stageId` if it stands earlier;
 * or both.
 */
export const heldMeetingActions = ['none', 'create_deal', 'advance_deal', 'create_or_advance'] as const;
export type HeldMeetingAction = (typeof heldMeetingActions)[number];
export const heldMeetingSettingSchema = z.strictObject({
  action: z.enum(heldMeetingActions),
  /** An open stage of this pipeline; required unless the action is `none`. */
  stageId: idSchema.nullable().optional(),
});
export type HeldMeetingSetting = z.infer<typeof heldMeetingSettingSchema>;

export const pipelineSchema = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string().nullable(),
  enforceStageOrder: z.boolean(),
  isDefault: z.boolean(),
  active: z.boolean(),
  heldMeeting: z.object({ action: z.enum(heldMeetingActions), stageId: idSchema.nullable() }),
  stages: z.array(stageSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type PipelineDto = z.infer<typeof pipelineSchema>;

const stageFields = {
  name: nameSchema.max(100),
  kind: z.enum(stageKinds).default('open'),
  /** Defaults to 100 for won and 0 for lost stages; required for open stages. */
  probability: z.number().int().min(0, 'must be between 0 and 100').max(100, 'must be between 0 and 100').optional(),
  /** Defaults to closed (won), omitted (lost) or pipeline (open). */
  forecastCategory: z.enum(forecastCategories).optional(),
  expectedDays: z.number().int().min(0).max(3650).nullable().optional(),
  requiredFields: z.array(z.enum(gateFields)).max(20).optional(),
};

export const newStageInputSchema = z.strictObject(stageFields);
/** A stage in the full list sent to PUT /pipelines/:id/stages: with id to keep an existing stage. */
export const stageInputSchema = z.strictObject({ id: idSchema.optional(), ...stageFields });
export type StageInput = z.infer<typeof stageInputSchema>;

export const createPipelineSchema = z.strictObject({
  name: nameSchema.max(200),
  description: optionalText(2000),
  enforceStageOrder: z.boolean().optional(),
  /** Defaults to true when the organization has no default pipeline yet. */
  isDefault: z.boolean().optional(),
  active: z.boolean().optional(),
  stages: z.array(newStageInputSchema).min(3, 'needs at least an open, a won and a lost stage').max(50),
});
export type CreatePipelineInput = z.infer<typeof createPipelineSchema>;

export const updatePipelineSchema = createPipelineSchema
  .omit({ stages: true })
  .partial()
  .extend({ heldMeeting: heldMeetingSettingSchema.optional() });
export type UpdatePipelineInput = z.infer<typeof updatePipelineSchema>;

export const replaceStagesSchema = z.strictObject({
  stages: z.array(stageInputSchema).min(3, 'needs at least an open, a won and a lost stage').max(50),
});
export type ReplaceStagesInput = z.infer<typeof replaceStagesSchema>;

export const listPipelinesQuery = listQueryBase.extend({
  sort: z.enum(['name', 'created_at', 'updated_at']).default('name'),
  active: z.enum(['true', 'false']).optional(),
});
export type ListPipelinesQuery = z.infer<typeof listPipelinesQuery>;

/** A stage with every default applied, in list order (its position is its index). */
export interface StageSpec {
  id: string | undefined;
  name: string;
  kind: StageKind;
  probability: number;
  forecastCategory: ForecastCategory;
  expectedDays: number | null;
  requiredFields: GateField[];
}

const defaultForecast: Record<StageKind, ForecastCategory> = { open: 'pipeline', won: 'closed', lost: 'omitted' };

/**
 * Applies the defaults of each stage and checks the rules of a stage list: at least one open, one
 * won and one lost stage; open stages first (so "forward" and "backward" have a meaning); won
 * stages forecast `closed` at 100 %, lost stages `omitted` at 0 %, open stages never `closed`;
 * names and ids unique. Returns every problem, with the field path under `stages`.
 */
export function resolveStages(inputs: readonly (Omit<StageInput, 'id'> & { id?: string | undefined })[]): {
  stages: StageSpec[];
  problems: FieldProblem[];
} {
  const problems: FieldProblem[] = [];
  const names = new Set<string>();
  const ids = new Set<string>();
  let seenClosed = false;
  const stages = inputs.map((s, i): StageSpec => {
    const at = (f: string) => `stages.${i}.${f}`;
    const kind = s.kind;
    const key = s.name.toLowerCase();
    if (names.has(key))
      problems.push({ field: at('name'), message: 'is already used by another stage of this pipeline' });
    names.add(key);
    if (s.id) {
      if (ids.has(s.id)) problems.push({ field: at('id'), message: 'appears more than once' });
      ids.add(s.id);
    }
    if (kind === 'open' && seenClosed)
      problems.push({ field: at('kind'), message: 'open stages must come before the won and lost stages' });
    if (kind !== 'open') seenClosed = true;
    const forecastCategory = s.forecastCategory ?? defaultForecast[kind];
    let probability = s.probability;
    switch (kind) {
      case 'open':
        if (probability === undefined)
          problems.push({ field: at('probability'), message: 'is required for an open stage' });
        if (forecastCategory === 'closed')
          problems.push({ field: at('forecastCategory'), message: 'closed is only for won stages' });
        break;
      case 'won':
        probability ??= 100;
        if (probability !== 100) problems.push({ field: at('probability'), message: 'must be 100 for a won stage' });
        if (forecastCategory !== 'closed')
          problems.push({ field: at('forecastCategory'), message: 'must be closed for a won stage' });
        break;
      case 'lost':
        probability ??= 0;
        if (probability !== 0) problems.push({ field: at('probability'), message: 'must be 0 for a lost stage' });
        if (forecastCategory !== 'omitted')
          problems.push({ field: at('forecastCategory'), message: 'must be omitted for a lost stage' });
        break;
    }
    return {
      id: s.id,
      name: s.name,
      kind,
      probability: probability ?? 0,
      forecastCategory,
      expectedDays: s.expectedDays ?? null,
      requiredFields: [...new Set(s.requiredFields ?? [])],
    };
  });
  for (const kind of stageKinds) {
    if (!stages.some((s) => s.kind === kind))
      problems.push({ field: 'stages', message: `needs at least one ${kind} stage` });
  }
  return { stages, problems };
}
