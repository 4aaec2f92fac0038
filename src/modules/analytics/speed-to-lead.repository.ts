import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../../contract/access.ts';
import { scopeFor } from '../../contract/access.ts';
import type { AnalyticsFilters } from '../../contract/analytics.ts';
import type { DbExecutor } from '../../db/database.ts';
import { scopeCondition } from '../../db/scope.ts';
import { dayRange } from './analytics.repository.ts';

export interface SpeedToLeadDbRow {
  owner_id: string | null;
  owner_name: string | null;
  team_id: string | null;
  team_name: string | null;
  created_at: Date;
  first_call_at: Date | null;
}

/**
 * Live leads of the organization created in the date range (business days in `timezone`) that the
 * actor may read, of the owners and teams filtered on, with their owner, the owner's team and the
 * time of their first outbound call (null while never called).
 */
export async function speedToLeadFacts(
  db: DbExecutor,
  actor: Actor,
  filters: AnalyticsFilters,
  timezone: string,
): Promise<SpeedToLeadDbRow[]> {
  const parts: RawBuilder<SqlBool>[] = [
    sql<SqlBool>`l.org_id = ${actor.orgId}::uuid and l.deleted_at is null`,
    dayRange(sql`l.created_at`, filters, timezone),
  ];
  const scope = scopeCondition(scopeFor(actor, 'lead', 'read'), 'l.owner_id');
  if (scope) parts.push(scope);
  const ids = (list: readonly string[]) => sql.join(list.map((id) => sql`${id}::uuid`));
  if (filters.ownerId?.length) parts.push(sql<SqlBool>`l.owner_id in (${ids(filters.ownerId)})`);
  if (filters.teamId?.length) parts.push(sql<SqlBool>`u.team_id in (${ids(filters.teamId)})`);
  const r = await sql<SpeedToLeadDbRow>`
    select l.owner_id, u.name as owner_name, u.team_id, t.name as team_name, l.created_at,
      (select min(a.occurred_at) from activities a where a.org_id = l.org_id and a.lead_id = l.id and a.type = 'call'
        and a.call_direction = 'outbound' and a.deleted_at is null and a.occurred_at is not null) as first_call_at
    from leads l
    left join users u on u.org_id = l.org_id and u.id = l.owner_id
    left join teams t on t.org_id = u.org_id and t.id = u.team_id
    where ${sql.join(parts, sql` and `)}
    order by l.created_at, l.id`.execute(db);
  return r.rows;
}
