import { z } from 'zod';
import {
  attainmentReportSchema,
  fiscalPeriodKeySchema,
  type AttainmentReportDto,
} from '../../../contract/forecasting.ts';
import { attainmentReport, currentFiscalPeriod } from '../../forecasting/forecasting.service.ts';
import type { AnalysisDefinition } from '../analysis.ts';
import { textTable } from '../render.ts';

const params = z.object({
  /** A fiscal quarter such as 2026-Q1; default: the current one. */
  period: fiscalPeriodKeySchema.optional(),
});
export type QuotaAttainmentParams = z.infer<typeof params>;

const percent = (v: number | null): string => (v === null ? '-' : `${(v * 100).toFixed(1)}%`);

function render(r: AttainmentReportDto): string {
  return [
    `Quota attainment ${r.period} (${r.startsOn} to ${r.endsOn}, exclusive), ${r.currency}; today ${r.today}, day ${r.daysElapsed} of ${r.daysTotal} (pacing linear in calendar days)`,
    textTable(
      ['Kind', 'Name', 'Quota', 'Forecast (commit)', 'Actual', 'Attainment', 'Expected by now', 'Pacing'],
      r.items.map((i) => [
        i.kind,
        i.name,
        i.quota,
        i.forecastCommit ?? '-',
        i.actual,
        percent(i.attainment),
        i.expectedByNow,
        percent(i.pacing),
      ]),
    ),
  ].join('\n');
}

/** Quota vs forecast vs actual per rep and team of a fiscal quarter; the deal filters do not apply (quotas span pipelines). */
export const quotaAttainmentAnalysis: AnalysisDefinition<QuotaAttainmentParams, AttainmentReportDto> = {
  name: 'quota-attainment',
  summary:
    'Quota vs forecast vs actual per rep and team of a fiscal quarter, with attainment and pacing (linear in calendar days); spans pipelines',
  params,
  result: attainmentReportSchema,
  async run(deps, actor, _filters, p) {
    return attainmentReport(deps, actor, { period: p.period ?? (await currentFiscalPeriod(deps, actor.orgId)) });
  },
  render,
};
