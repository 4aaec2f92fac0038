import type { AnyAnalysis } from './analysis.ts';
import { funnelAnalysis } from './analyses/funnel.ts';

/** Every analysis, in the order of docs/analytics.md; routes and CLI commands are generated from it. */
export const analyses: readonly AnyAnalysis[] = [funnelAnalysis];

/** An analysis by its URL/CLI name. */
export function findAnalysis(name: string): AnyAnalysis | undefined {
  return analyses.find((a) => a.name === name);
}
