import { sql } from 'kysely';
import type { ConformanceTraceGroup } from '../../analytics/conformance.ts';
import type { DbExecutor } from '../../db/database.ts';
import { traceCte, type TraceScope } from './traces.repository.ts';

interface GroupRow {
  trace: string;
  ownerId: string | null;
  ownerName: string | null;
  teamId: string | null;
  teamName: string | null;
  partnerId: string | null;
  partnerName: string | null;
  deals: number;
  sample: { dealId: string; name: string }[];
}

/**
 * The cohort's deals grouped by trace (stage ids in visit order), owner, the owner's team and the
 * registering partner, with up to `sampleSize` deals of each group (by name) for the drill-down:
 * enough to list the `sampleSize` least fitting deals, since a group's deals fit equally.
 */
export async function conformanceGroups(
  db: DbExecutor,
  s: TraceScope,
  sampleSize: number,
): Promise<ConformanceTraceGroup[]> {
  const r = await sql<GroupRow>`
    with ${traceCte(s)},
    ranked as (
      -- Numbered within the group first, so the sample is cut before it is built.
      select array_to_string(p.stage_ids, ',') as trace, d.id, d.name, d.owner_id, d.partner_account_id,
             row_number() over (partition by p.stage_ids, d.owner_id, d.partner_account_id order by d.name, d.id) as rn
      from traces p
      join deals d on d.org_id = ${s.orgId}::uuid and d.id = p.deal_id
    )
    select r.trace, r.owner_id as "ownerId", u.name as "ownerName", u.team_id as "teamId", t.name as "teamName",
           r.partner_account_id as "partnerId", a.name as "partnerName", count(*)::int as deals,
           coalesce(json_agg(json_build_object('dealId', r.id, 'name', r.name) order by r.rn) filter (where r.rn <= ${sampleSize}::int), '[]') as sample
    from ranked r
    left join users u on u.org_id = ${s.orgId}::uuid and u.id = r.owner_id
    left join teams t on t.org_id = u.org_id and t.id = u.team_id
    left join accounts a on a.org_id = ${s.orgId}::uuid and a.id = r.partner_account_id
    group by r.trace, r.owner_id, u.name, u.team_id, t.name, r.partner_account_id, a.name`.execute(db);
  return r.rows.map((g) => ({ ...g, trace: g.trace.split(',') }));
}
