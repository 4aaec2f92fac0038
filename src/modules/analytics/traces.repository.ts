import { sql, type RawBuilder, type SqlBool } from 'kysely';

/** Which deals a trace-based analysis (process map, conformance) covers. */
export interface TraceScope {
  orgId: string;
  pipelineId: string;
  /** WHERE condition on the deals table aliased `d` (organization, scope and filters). */
  dealWhere: RawBuilder<SqlBool>;
  /** Cohort: deals whose first visit to the pipeline falls on these days (inclusive), in `timezone`. */
  from?: string | undefined;
  to?: string | undefined;
  timezone: string;
}

/** A day's start in the organization's time zone, as a timestamptz. */
export const dayStart = (day: string, timezone: string, plusDays = 0): RawBuilder<Date> =>
  sql<Date>`((cast(${day} as date) + ${plusDays}::int)::timestamp at time zone ${timezone})`;

/** Condition on the first-visit time `first_at` of a trace for the cohort range. */
export function cohortCondition(s: TraceScope): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [sql<SqlBool>`true`];
  if (s.from) parts.push(sql<SqlBool>`first_at >= ${dayStart(s.from, s.timezone)}`);
  if (s.to) parts.push(sql<SqlBool>`first_at < ${dayStart(s.to, s.timezone, 1)}`);
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

/**
 * The cohort's deals with their visits to the pipeline: `visits(deal_id, stage_id, kind, visit_no, entered_at, status)`,
 * `traces(deal_id, status, first_at)`, `cohort(deal_id, status)` and `cohort_visits` (the visits of
 * the cohort's deals, same columns as `visits`), as CTEs to prefix a query with. Without a date range
 * every trace is in the cohort and `cohort_visits` is `visits` itself, without grouping the visits
 * per deal to find the first ones.
 */
export function traceCtes(s: TraceScope): RawBuilder<unknown> {
  const ranged = Boolean(s.from) || Boolean(s.to);
  return sql`
    visits as (
      select v.deal_id, v.stage_id, st.kind, v.visit_no, v.entered_at, d.status
      from deals d
      join deal_stage_visits v on v.org_id = d.org_id and v.deal_id = d.id and v.pipeline_id = ${s.pipelineId}::uuid
      join stages st on st.org_id = v.org_id and st.id = v.stage_id
      where ${s.dealWhere}
    ),
    traces as (
      select deal_id, min(status) as status, min(entered_at) as first_at from visits group by deal_id
    ),
    cohort as (
      select deal_id, status from traces where ${cohortCondition(s)}
    ),
    cohort_visits as not materialized (
      ${ranged ? sql`select v.* from visits v join cohort c on c.deal_id = v.deal_id` : sql`select * from visits`}
    )`;
}
