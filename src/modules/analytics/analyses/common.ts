import { z } from 'zod';
import type { PipelineModel } from '../../../analytics/model.ts';
import { dayIn } from '../../../analytics/velocity.ts';
import type { AnalyticsFilters } from '../../../contract/analytics.ts';
import type { Deps } from '../../context.ts';
import { pipelineDataEnd } from '../analytics.repository.ts';

/** What every result starts with: the pipeline analysed and the date range asked for. */
export const analysisContextSchema = {
  pipeline: z.object({ id: z.string(), name: z.string() }),
  from: z.string().nullable(),
  to: z.string().nullable(),
};

export function analysisContext(pipeline: PipelineModel, filters: AnalyticsFilters) {
  return { pipeline: { id: pipeline.id, name: pipeline.name }, from: filters.from ?? null, to: filters.to ?? null };
}

export const moneyOutcomeSchema = z.object({
  currency: z.string(),
  wonAmount: z.string(),
  lostAmount: z.string(),
  openAmount: z.string(),
  winRateByValue: z.number().nullable(),
});

export const outcomesShape = {
  deals: z.number().int(),
  open: z.number().int(),
  won: z.number().int(),
  lost: z.number().int(),
  /** Fraction 0..1 of closed deals won, by count; null when none closed. */
  winRate: z.number().nullable(),
  byCurrency: z.array(moneyOutcomeSchema),
};

/**
 * How an analysis whose default window ends today chose its window: `requested` (the caller gave
 * from or to), `recent` (the default window ending today) or `dataRange` (nothing moved in the
 * default window, so it ends on the last day with data instead: an imported history is analysed as
 * of its own end rather than as an empty recent period).
 */
export const windowBasisSchema = z.enum(['requested', 'recent', 'dataRange']);
export type WindowBasis = z.infer<typeof windowBasisSchema>;

export const windowChoiceShape = {
  windowBasis: windowBasisSchema,
  /** The last moment the pipeline's deals moved (ISO), null without deals. */
  dataEnd: z.string().nullable(),
};

export interface WindowChoice {
  /** The instant the analysis treats as now: the clock's, or the data's end for `dataRange`. */
  now: Date;
  /** Today in the pipeline's time zone as of `now`. */
  today: string;
  windowBasis: WindowBasis;
  dataEnd: string | null;
}

/**
 * The end of an analysis's default window: today, unless the caller gave from/to (then today and
 * `requested`) or no deal of the pipeline moved in the last `lengthDays` days (then the data's end).
 */
export async function chooseWindowEnd(
  deps: Pick<Deps, 'db' | 'clock'>,
  orgId: string,
  pipeline: PipelineModel,
  filters: Pick<AnalyticsFilters, 'from' | 'to'>,
  lengthDays: number,
): Promise<WindowChoice> {
  const now = deps.clock.now();
  const end = await pipelineDataEnd(deps.db, orgId, pipeline.id);
  const dataEnd = end?.toISOString() ?? null;
  const at = (instant: Date, windowBasis: WindowBasis): WindowChoice => ({
    now: instant,
    today: dayIn(instant, pipeline.timezone),
    windowBasis,
    dataEnd,
  });
  if (filters.from !== undefined || filters.to !== undefined) return at(now, 'requested');
  if (end === null || end.getTime() > now.getTime() - lengthDays * 86_400_000) return at(now, 'recent');
  return at(end, 'dataRange');
}

/** The sentence a report prints about its window when it is not the one asked for. */
export function windowNote(r: { windowBasis: WindowBasis; dataEnd: string | null }): string | null {
  if (r.windowBasis !== 'dataRange' || r.dataEnd === null) return null;
  return `No deal moved recently: the analysis runs as of the last day with data (${r.dataEnd.slice(0, 10)}).`;
}
