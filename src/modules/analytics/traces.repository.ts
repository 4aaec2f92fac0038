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

/** Condition on the first-visit time of a trace (column `firstAt`) for the cohort range. */
export function cohortCondition(s: TraceScope, firstAt = 'first_at'): RawBuilder<SqlBool> {
  const at = sql.ref(firstAt);
  const parts: RawBuilder<SqlBool>[] = [sql<SqlBool>`true`];
  if (s.from) parts.push(sql<SqlBool>`${at} >= ${dayStart(s.from, s.timezone)}`);
  if (s.to) parts.push(sql<SqlBool>`${at} < ${dayStart(s.to, s.timezone, 1)}`);
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

/**
 * The cohort's deals with their paths through the pipeline, read from `deal_traces` (one row per
 * deal and pipeline, kept with the visits): `traces(deal_id, status, stage_ids, entered_ats,
 * first_at, last_at)` as a CTE to prefix a query with. `stage_ids` / `entered_ats` are the deal's
 * visits to the pipeline in visit order; `status` is the deal's.
 */
export function traceCte(s: TraceScope): RawBuilder<unknown> {
  return sql`
    traces as (
      select t.deal_id, d.status, t.stage_ids, t.entered_ats, t.first_at, t.last_at
      from deal_traces t
      join deals d on d.org_id = t.org_id and d.id = t.deal_id
      where t.org_id = ${s.orgId}::uuid and t.pipeline_id = ${s.pipelineId}::uuid and ${s.dealWhere} and ${cohortCondition(s, 't.first_at')}
    )`;
}
