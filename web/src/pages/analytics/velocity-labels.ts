import type { ApiSchemas } from '../../../../src/contract/api-paths.ts';

type FactorName = ApiSchemas['VelocityReport']['byCurrency'][number]['factors'][number]['factor'];

/** Every factor the velocity report names, in words (typed by the report, so no factor shows as its key). */
export const factorLabels: Record<FactorName, string> = {
  openDeals: 'Open deals',
  avgWonAmount: 'Average won amount',
  winRate: 'Win rate',
  cycleSpeed: 'Cycle speed (1 ÷ cycle days)',
};
