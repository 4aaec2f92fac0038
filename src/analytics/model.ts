import type { ForecastCategory, StageKind } from '../contract/pipelines.ts';

/** A stage of the designed pipeline, as analyses see it. */
export interface StageModel {
  id: string;
  name: string;
  /** Designed order within the pipeline (ascending). */
  position: number;
  kind: StageKind;
  /** Win probability in percent, 0..100. */
  probability: number;
  forecastCategory: ForecastCategory;
}

/** The pipeline an analysis runs on, with its stages in designed (position) order. */
export interface PipelineModel {
  id: string;
  name: string;
  stages: StageModel[];
  /** The organization's time zone: date filters and months are calendar days/months there. */
  timezone: string;
  /** The organization's base currency (amounts are reported per currency, this one first). */
  baseCurrency: string;
}

/** Open stages in designed order: the steps of the funnel before the win. */
export function openStages(p: Pick<PipelineModel, 'stages'>): StageModel[] {
  return p.stages.filter((s) => s.kind === 'open');
}
