import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { WaterfallDealState } from '../../analytics/waterfall.ts';
import type { DbExecutor } from '../../db/database.ts';
import { dayStart } from './traces.repository.ts';

export interface WaterfallScope {
  orgId: string;
  pipelineId: string;
  /** WHERE condition on the deals table aliased `d`. */
  dealWhere: RawBuilder<SqlBool>;
  /** Start instant: `from` 00:00; end instant: the day after `to` 00:00; both in `timezone`. */
  from: string;
  to: string;
  timezone: string;
  /** Forecast window on the expected close date (inclusive); unbounded where absent. */
  closeFrom?: string | undefined;
  closeTo?: string | undefined;
}

/** The close-date window as a condition on a 'YYYY-MM-DD' text expression. */
function inWindow(closeDate: RawBuilder<unknown>, s: WaterfallScope): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [sql<SqlBool>`true`];
  if (s.closeFrom !== undefined || s.closeTo !== undefined) parts.push(sql<SqlBool>`${closeDate} is not null`);
  if (s.closeFrom !== undefined) parts.push(sql<SqlBool>`cast(${closeDate} as date) >= cast(${s.closeFrom} as date)`);
  if (s.closeTo !== undefined) parts.push(sql<SqlBool>`cast(${closeDate} as date) <= cast(${s.closeTo} as date)`);
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

/**
 * Each filtered deal in the measured pipeline at the start or at the end instant, reconstructed
 * from the event log as it stood just before each instant (events at the start instant belong to
 * the range): created (its `deal.created` time), amount and expected close date (the latest
 * `deal.created` / `deal.updated` value before the instant), stage (the visit current then, in any
 * pipeline). In the measured pipeline = existing, in an open stage of this pipeline, close date
 * in the window. Times are business times (historical times for imported history).
 */
export async function waterfallStates(db: DbExecutor, s: WaterfallScope): Promise<WaterfallDealState[]> {
  const latest = (field: string, before: RawBuilder<unknown>) =>
    sql`(array_agg(coalesce(e.after ->> ${sql.lit(field)}, e.changes -> ${sql.lit(field)} ->> 'to') order by e.at desc, e.id desc)
          filter (where (e.type = 'deal.created' or e.changes -> ${sql.lit(field)} is not null) and e.at < ${before}))[1]`;
  // Version 1 of deal.created and deal.updated named the fields as stored (snake_case); later
  // versions in camelCase. The rows below are read as the current version.
  const fieldOf = (data: RawBuilder<unknown>, camel: string, stored: string) =>
    sql`case when e.version = 1 then ${data} -> ${sql.lit(stored)} else ${data} -> ${sql.lit(camel)} end`;
  const stageAt = (what: RawBuilder<unknown>, at: RawBuilder<unknown>) =>
    sql`(array_agg(${what} order by v.visit_no desc) filter (where v.entered_at < ${at} and (v.left_at is null or v.left_at >= ${at})))[1]`;
  const r = await sql<WaterfallDealState>`
    with bounds as (
      select ${dayStart(s.from, s.timezone)} as a, ${dayStart(s.to, s.timezone, 1)} as b
    ),
    picked as (
      select d.id, d.name, d.currency from deals d where ${s.dealWhere}
    ),
    ev as (
      select e.entity_id as deal_id, coalesce(e.business_time, e.occurred_at) as at, e.id, e.type,
             case when e.type = 'deal.created' then jsonb_build_object(
               'amount', e.data -> 'after' -> 'amount',
               'expectedCloseDate', ${fieldOf(sql`e.data -> 'after'`, 'expectedCloseDate', 'expected_close_date')}) end as after,
             jsonb_strip_nulls(jsonb_build_object(
               'amount', e.data -> 'changes' -> 'amount',
               'expectedCloseDate', ${fieldOf(sql`e.data -> 'changes'`, 'expectedCloseDate', 'expected_close_date')})) as changes
      from events e join picked p on p.id = e.entity_id
      where e.org_id = ${s.orgId}::uuid and e.entity_type = 'deal' and e.type in ('deal.created', 'deal.updated')
    ),
    facts as (
      select e.deal_id,
             min(e.at) filter (where e.type = 'deal.created') as created_at,
             ${latest('amount', sql`b.a`)} as amount_a, ${latest('amount', sql`b.b`)} as amount_b,
             ${latest('expectedCloseDate', sql`b.a`)} as close_a, ${latest('expectedCloseDate', sql`b.b`)} as close_b
      from ev e cross join bounds b group by e.deal_id
    ),
    stage_at as (
      select v.deal_id,
             ${stageAt(sql`st.kind`, sql`b.a`)} as kind_a, ${stageAt(sql`v.pipeline_id = ${s.pipelineId}::uuid`, sql`b.a`)} as here_a,
             ${stageAt(sql`st.kind`, sql`b.b`)} as kind_b, ${stageAt(sql`v.pipeline_id = ${s.pipelineId}::uuid`, sql`b.b`)} as here_b
      from deal_stage_visits v
      join picked p on p.id = v.deal_id
      join stages st on st.org_id = v.org_id and st.id = v.stage_id
      cross join bounds b
      where v.org_id = ${s.orgId}::uuid
      group by v.deal_id
    ),
    states as (
      select p.id, p.name, trim(p.currency) as currency, f.amount_a, f.amount_b, sa.kind_b,
             coalesce(f.created_at >= b.a and f.created_at < b.b, false) as created_in_range,
             coalesce(f.created_at < b.a and sa.here_a and sa.kind_a = 'open' and ${inWindow(sql`f.close_a`, s)}, false) as in_start,
             coalesce(f.created_at < b.b and sa.here_b and sa.kind_b = 'open' and ${inWindow(sql`f.close_b`, s)}, false) as in_end
      from picked p cross join bounds b
      join facts f on f.deal_id = p.id
      join stage_at sa on sa.deal_id = p.id
    )
    select id as "dealId", name, currency, in_start as "inStart", amount_a as "startAmount", in_end as "inEnd", amount_b as "endAmount",
           created_in_range as "createdInRange", kind_b as "endStatus"
    from states where in_start or in_end`.execute(db);
  return r.rows;
}
