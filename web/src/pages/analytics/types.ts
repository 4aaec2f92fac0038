// The analyses' answers (GET /api/v1/analytics/<name>), named from the OpenAPI document's schemas,
// which the server generates from each analysis' result schema (src/modules/analytics/analyses/).
import type { ApiSchemas } from '../../api.ts';

export type AnalysisInfo = ApiSchemas['AnalysisInfo'];
export type FunnelReport = ApiSchemas['FunnelReport'];
export type StageDurationsReport = ApiSchemas['StageDurationsReport'];
export type DurationStats = StageDurationsReport['cycle']['won'];
export type VelocityReport = ApiSchemas['VelocityReport'];
export type VelocityFactors = VelocityReport['byCurrency'][number]['current'];
export type ForecastReport = ApiSchemas['ForecastReport'];
export type WaterfallReport = ApiSchemas['WaterfallReport'];
export type ProcessMapReport = ApiSchemas['ProcessMapReport'];
export type ConformanceReport = Extract<ApiSchemas['ConformanceReport'], { scope: 'deals' }>;
export type ConformanceTotals = ConformanceReport['overall'];
export type JourneyConformanceReport = Extract<ApiSchemas['ConformanceReport'], { scope: 'journey' }>;
export type MarkovReport = ApiSchemas['MarkovReport'];
export type MarkovOutlook = MarkovReport['openPipeline'];
export type MonteCarloReport = ApiSchemas['MonteCarloReport'];
export type BottleneckReport = ApiSchemas['BottlenecksReport'];
