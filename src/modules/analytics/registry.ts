import type { AnyAnalysis } from './analysis.ts';
import { bottlenecksAnalysis } from './analyses/bottlenecks.ts';
import { conformanceAnalysis } from './analyses/conformance.ts';
import { forecastAnalysis } from './analyses/forecast.ts';
import { funnelAnalysis } from './analyses/funnel.ts';
import { markovAnalysis } from './analyses/markov.ts';
import { monteCarloAnalysis } from './analyses/monte-carlo.ts';
import { processMapAnalysis } from './analyses/process-map.ts';
import { stageDurationsAnalysis } from './analyses/stage-durations.ts';
import { velocityAnalysis } from './analyses/velocity.ts';
import { waterfallAnalysis } from './analyses/waterfall.ts';
import { attributionAnalysis, campaignFunnelAnalysis } from './analyses/attribution.ts';
import { quotaAttainmentAnalysis } from './analyses/quota-attainment.ts';
import { handoffAnalysis } from './analyses/handoff.ts';
import { callingFunnelAnalysis } from './analyses/calling-funnel.ts';
import { objectionAnalysis } from './analyses/objections.ts';
import { scriptExperimentAnalysis } from './analyses/script-experiment.ts';
import { speedToLeadAnalysis } from './analyses/speed-to-lead.ts';

/** Every analysis, in the order of docs/analytics.md; routes and CLI commands are generated from it. */
export const analyses: readonly AnyAnalysis[] = [
  funnelAnalysis,
  stageDurationsAnalysis,
  velocityAnalysis,
  forecastAnalysis,
  waterfallAnalysis,
  processMapAnalysis,
  conformanceAnalysis,
  bottlenecksAnalysis,
  markovAnalysis,
  monteCarloAnalysis,
  attributionAnalysis,
  campaignFunnelAnalysis,
  quotaAttainmentAnalysis,
  handoffAnalysis,
  callingFunnelAnalysis,
  objectionAnalysis,
  scriptExperimentAnalysis,
  speedToLeadAnalysis,
];

/** An analysis by its URL/CLI name. */
export function findAnalysis(name: string): AnyAnalysis | undefined {
  return analyses.find((a) => a.name === name);
}
