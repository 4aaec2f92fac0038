import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { StaleDealRow, StageFlowCounts, StageWeekCounts } from '../../analytics/bottlenecks.ts';
import type { DbExecutor } from '../../db/database.ts';
import { dayStart } from './traces.repository.ts';

export interface FlowScope {
  orgId: string;
  pipelineId: string;
  /** The pipeline's open stages (won and lost stages have no flow). */
  openStageIds: readonly string[];
  /** WHERE condition on the deals table aliased `d`. */
  dealWhere: RawBuilder<SqlBool>;
  /**
   * WHERE condition on `d` for the deals whose won visits set the stale threshold: the deals the
   * actor may see, without the filters, so a rep's deals are judged against the pipeline's norm.
   */
  normWhere: RawBuilder<SqlBool>;
  /** The period: `from` 00:00 to the day after `to` 00:00 in `timezone`, cut at `now`. */
  from: string;
  to: string;
  timezone: string;
  now: Date;
}

export interface FlowData {
  periodStart: Date;
  periodEnd: Date;
  weeks: string[];
  counts: StageFlowCounts[];
  weekly: StageWeekCounts[];
  stale: StaleDealRow[];
}

const ids = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}::uuid`));

/** Visits of the filtered deals to the open stages, with the period bounds `pa`, `pb`. */
function flowCtes(s: FlowScope): RawBuilder<unknown> {
  return sql`
    period as (
      select pa, greatest(pa, least(${dayStart(s.to, s.timezone, 1)}, ${s.now}::timestamptz)) as pb
      from (select ${dayStart(s.from, s.timezone)} as pa) start
    ),
    vis as (
      select v.stage_id, v.deal_id, v.entered_at, v.left_at, d.status, d.name, d.owner_id
      from deals d
      join deal_stage_visits v on v.org_id = d.org_id and v.deal_id = d.id and v.pipeline_id = ${s.pipelineId}::uuid
      where ${s.dealWhere} and v.stage_id in (${ids(s.openStageIds)})
    ),
    won_visits as (
      select v.stage_id, v.entered_at, v.left_at
      from deals d
      join deal_stage_visits v on v.org_id = d.org_id and v.deal_id = d.id and v.pipeline_id = ${s.pipelineId}::uuid
      where ${s.normWhere} and d.status = 'won' and v.left_at is not null and v.stage_id in (${ids(s.openStageIds)})
    )`;
}

const ms = (expr: RawBuilder<unknown>) => sql`(extract(epoch from ${expr}) * 1000)`;

/**
 * Per open stage over the period [pa, pb): arrivals, the arrivals' completed visits and their
 * total length, ∫WIP dt (each visit's overlap with the period), the deals there now, and the 75th
 * percentile of the completed visits of won deals (all history, see `normWhere`), which makes a
 * deal stale. Plus
 * the WIP at the start of each calendar week overlapping the period and the week's arrivals, and
 * the stale deals (at most `dealLimit` per stage, oldest first, with the stage's total).
 */
export async function stageFlow(db: DbExecutor, s: FlowScope, dealLimit: number): Promise<FlowData> {
  if (s.openStageIds.length === 0) throw new RangeError('a pipeline has at least one open stage');
  const bounds = await sql<{ pa: Date; pb: Date; weeks: string[] }>`
    with ${flowCtes(s)}
    select pa, pb, coalesce((
      select json_agg(to_char(w, 'YYYY-MM-DD') order by w)
      from generate_series(date_trunc('week', pa at time zone ${s.timezone}), pb at time zone ${s.timezone}, interval '1 week') w
      where w < pb at time zone ${s.timezone}
    ), '[]') as weeks
    from period`.execute(db);
  const period = bounds.rows[0];
  if (!period) throw new RangeError('no period');
  const counts = await sql<StageFlowCounts>`
    with ${flowCtes(s)},
    thresholds as (
      select stage_id, percentile_cont(0.75) within group (order by ${ms(sql`left_at - entered_at`)})::float8 as p75
      from won_visits group by stage_id
    ),
    flow as (
      select stage_id,
             count(*) filter (where entered_at >= pa and entered_at < pb)::int as arrivals,
             count(*) filter (where entered_at >= pa and entered_at < pb and left_at is not null)::int as completed,
             coalesce(sum(${ms(sql`left_at - entered_at`)}) filter (where entered_at >= pa and entered_at < pb and left_at is not null), 0)::float8 as completed_ms,
             coalesce(sum(greatest(0, ${ms(sql`least(coalesce(left_at, pb), pb) - greatest(entered_at, pa)`)})), 0)::float8 as wip_ms,
             count(*) filter (where left_at is null)::int as wip_now
      from vis cross join period group by stage_id
    ),
    stale as (
      select v.stage_id, count(*)::int as n
      from vis v join thresholds t on t.stage_id = v.stage_id
      where v.left_at is null and v.status = 'open' and ${ms(sql`${s.now}::timestamptz - v.entered_at`)} > t.p75
      group by v.stage_id
    )
    select f.stage_id as "stageId", f.arrivals, f.completed, f.completed_ms as "completedSojournMs", f.wip_ms as "wipTimeMs",
           f.wip_now as "wipNow", t.p75 as "wonP75Ms", coalesce(st.n, 0) as "staleCount"
    from flow f left join thresholds t on t.stage_id = f.stage_id left join stale st on st.stage_id = f.stage_id`.execute(
    db,
  );
  const weekly = await sql<StageWeekCounts>`
    with ${flowCtes(s)},
    weeks as (
      select to_char(w, 'YYYY-MM-DD') as week_start, w at time zone ${s.timezone} as ws, (w + interval '1 week') at time zone ${s.timezone} as we
      from period, generate_series(date_trunc('week', pa at time zone ${s.timezone}), pb at time zone ${s.timezone}, interval '1 week') w
      where w < pb at time zone ${s.timezone}
    )
    select v.stage_id as "stageId", k.week_start as "weekStart",
           count(*) filter (where v.entered_at >= greatest(k.ws, p.pa) and v.entered_at < least(k.we, p.pb))::int as arrivals,
           count(*) filter (where v.entered_at <= k.ws and (v.left_at is null or v.left_at > k.ws))::int as wip
    from weeks k cross join period p
    join vis v on v.entered_at < k.we and (v.left_at is null or v.left_at > k.ws)
    group by v.stage_id, k.week_start`.execute(db);
  const stale = await sql<StaleDealRow>`
    with ${flowCtes(s)},
    thresholds as (
      select stage_id, percentile_cont(0.75) within group (order by ${ms(sql`left_at - entered_at`)}) as p75
      from won_visits group by stage_id
    ),
    ranked as (
      select v.stage_id, v.deal_id, v.name, v.owner_id, v.entered_at, ${ms(sql`${s.now}::timestamptz - v.entered_at`)} as age_ms,
             row_number() over (partition by v.stage_id order by v.entered_at, v.deal_id) as rn
      from vis v join thresholds t on t.stage_id = v.stage_id
      where v.left_at is null and v.status = 'open' and ${ms(sql`${s.now}::timestamptz - v.entered_at`)} > t.p75
    )
    select stage_id as "stageId", deal_id as "dealId", name, owner_id as "ownerId", entered_at as "enteredAt", age_ms::float8 as "ageMs"
    from ranked where rn <= ${dealLimit}::int`.execute(db);
  return {
    periodStart: period.pa,
    periodEnd: period.pb,
    weeks: period.weeks,
    counts: counts.rows,
    weekly: weekly.rows,
    stale: stale.rows.map((r) => ({ ...r, enteredAt: new Date(r.enteredAt).toISOString() })),
  };
}
