import { sql } from 'kysely';
import { openStages, type PipelineModel } from '../../analytics/model.ts';
import type { DayWindow, VelocityInput } from '../../analytics/velocity.ts';
import type { DbExecutor } from '../../db/database.ts';
import type { Actor } from '../../contract/access.ts';
import type { AnalyticsFilters } from '../../contract/analytics.ts';
import { dealConditions } from './analytics.repository.ts';

const ids = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}::uuid`));

/**
 * The velocity counts of one window, per currency: deals in an open stage of the pipeline at the
 * window's end (their visit then was to an open stage), and deals whose last entry into a won or
 * lost stage of the pipeline within the window was a win or a loss, with the won deals' amounts
 * and cycle seconds (first visit to that win).
 */
export async function velocityInputs(
  db: DbExecutor,
  actor: Actor,
  filters: AnalyticsFilters,
  pipeline: PipelineModel,
  w: DayWindow,
): Promise<VelocityInput[]> {
  const open = openStages(pipeline).map((s) => s.id);
  const closing = pipeline.stages.filter((s) => s.kind !== 'open');
  const tz = pipeline.timezone;
  const r = await sql<{
    currency: string;
    open_deals: number;
    open_amount: string;
    won: number;
    lost: number;
    won_amount: string;
    won_with_amount: number;
    won_secs: number;
  }>`
    with bounds as (
      select (cast(${w.from} as date)::timestamp at time zone ${tz}) as a, ((cast(${w.to} as date) + 1)::timestamp at time zone ${tz}) as b
    ),
    open_at_end as (
      select d.currency, d.amount from deals d, bounds
      where ${dealConditions(actor, filters, 'd')}
        and exists (select 1 from deal_stage_visits v where v.org_id = d.org_id and v.deal_id = d.id and v.pipeline_id = ${pipeline.id}::uuid
          and v.stage_id in (${ids(open)}) and v.entered_at < bounds.b and (v.left_at is null or v.left_at >= bounds.b))
    ),
    closes as (
      select distinct on (v.deal_id) v.deal_id, k.kind, v.entered_at
      from deal_stage_visits v
      join (values ${sql.join(closing.map((s) => sql`(${s.id}::uuid, ${s.kind})`))}) as k(stage_id, kind) on k.stage_id = v.stage_id
      cross join bounds
      where v.org_id = ${actor.orgId}::uuid and v.pipeline_id = ${pipeline.id}::uuid and v.entered_at >= bounds.a and v.entered_at < bounds.b
      order by v.deal_id, v.entered_at desc, v.visit_no desc
    ),
    closed as (
      select d.currency, d.amount, c.kind, extract(epoch from (c.entered_at - t.deal_first_at))::float8 as secs
      from closes c
      join deals d on d.org_id = ${actor.orgId}::uuid and d.id = c.deal_id
      -- The deal's first entry anywhere, where its cycle starts (the trace in this pipeline carries it).
      join deal_traces t on t.org_id = d.org_id and t.pipeline_id = ${pipeline.id}::uuid and t.deal_id = d.id
      where ${dealConditions(actor, filters, 'd')}
    )
    select currency, sum(open_deals)::int as open_deals, sum(open_amount)::text as open_amount, sum(won)::int as won, sum(lost)::int as lost,
      sum(won_amount)::text as won_amount, sum(won_with_amount)::int as won_with_amount, sum(won_secs)::float8 as won_secs
    from (
      select currency, count(*) as open_deals, coalesce(sum(amount), 0) as open_amount, 0 as won, 0 as lost, 0::numeric as won_amount, 0 as won_with_amount, 0::float8 as won_secs
      from open_at_end group by currency
      union all
      select currency, 0, 0, count(*) filter (where kind = 'won'), count(*) filter (where kind = 'lost'),
        coalesce(sum(amount) filter (where kind = 'won'), 0), count(amount) filter (where kind = 'won'), coalesce(sum(secs) filter (where kind = 'won'), 0)
      from closed group by currency
    ) u
    group by currency
  `.execute(db);
  return r.rows.map((x) => ({
    currency: x.currency,
    openDeals: x.open_deals,
    openAmount: x.open_amount,
    won: x.won,
    lost: x.lost,
    wonAmount: x.won_amount,
    wonWithAmount: x.won_with_amount,
    wonCycleSeconds: x.won_secs,
  }));
}
