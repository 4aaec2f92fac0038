import { sql, type RawBuilder } from 'kysely';
import type { ForecastRow } from '../../analytics/forecast.ts';
import type { PipelineModel } from '../../analytics/model.ts';
import type { DbExecutor } from '../../db/database.ts';
import type { Actor } from '../../contract/access.ts';
import type { AnalyticsFilters } from '../../contract/analytics.ts';
import { dealConditions } from './analytics.repository.ts';

export type ForecastPeriod = 'month' | 'quarter';

function label(date: RawBuilder<unknown>, period: ForecastPeriod): RawBuilder<string> {
  return period === 'month' ? sql<string>`to_char(${date}, 'YYYY-MM')` : sql<string>`to_char(${date}, 'YYYY-"Q"Q')`;
}

/**
 * The forecast input: the deals now in the pipeline that are open (by expected close date) or won
 * (by the day they closed, organization time zone), grouped by period, stage, status and currency
 * with exact sums of amount and amount × probability / 100. With a date range, only deals whose
 * date falls in it; without one, open deals with no expected close date come as period null.
 */
export async function forecastRows(
  db: DbExecutor,
  actor: Actor,
  filters: AnalyticsFilters,
  pipeline: PipelineModel,
  period: ForecastPeriod,
): Promise<ForecastRow[]> {
  const bounded = filters.from !== undefined || filters.to !== undefined;
  const r = await sql<{
    period: string | null;
    stage_id: string;
    status: 'open' | 'won';
    currency: string;
    deals: number;
    amount: string;
    weighted: string;
  }>`
    with x as (
      select d.stage_id, d.status, d.currency, d.amount, s.probability,
        case when d.status = 'won' then (d.closed_at at time zone ${pipeline.timezone})::date else d.expected_close_date end as day
      from deals d
      join stages s on s.org_id = d.org_id and s.id = d.stage_id
      where ${dealConditions(actor, filters, 'd')} and d.pipeline_id = ${pipeline.id}::uuid and d.status in ('open', 'won')
    )
    select ${label(sql`day`, period)} as period, stage_id, status, currency, count(*)::int as deals,
      coalesce(sum(amount), 0)::text as amount,
      coalesce(sum(amount * probability) / 100, 0)::numeric(38, 4)::text as weighted
    from x
    where ${filters.from === undefined ? sql`true` : sql`day >= cast(${filters.from} as date)`}
      and ${filters.to === undefined ? sql`true` : sql`day <= cast(${filters.to} as date)`}
      and (day is not null or ${!bounded})
      and (status = 'open' or day is not null)
    group by 1, 2, 3, 4
    order by 1, 2, 3, 4
  `.execute(db);
  return r.rows.map((x) => ({
    period: x.period,
    stageId: x.stage_id,
    status: x.status,
    currency: x.currency,
    deals: x.deals,
    amount: x.amount,
    weighted: x.weighted,
  }));
}
