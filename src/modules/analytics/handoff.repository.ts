import { sql } from 'kysely';
import type { Scope } from '../../contract/access.ts';
import type { DbExecutor } from '../../db/database.ts';
import { scopeCondition } from '../../db/scope.ts';

export interface HandoffDbRow {
  owner_id: string | null;
  owner_name: string | null;
  team_id: string | null;
  team_name: string | null;
  mql_at: Date;
  sql_at: Date | null;
  first_touch_at: Date | null;
}

/**
 * Every live lead in the scope that became MQL (its first move to MQL in the log), with its first
 * move to SQL and its first call, email or meeting (business time) at or after that moment, and
 * its owner and the owner's team.
 */
export async function handoffLeads(db: DbExecutor, orgId: string, scope: Scope): Promise<HandoffDbRow[]> {
  const cond = scopeCondition(scope, 'l.owner_id') ?? sql`true`;
  const r = await sql<HandoffDbRow>`
    with mql as (
      select e.entity_id as lead_id, min(e.occurred_at) as mql_at from events e
      where e.org_id = ${orgId}::uuid and e.entity_type = 'lead' and e.type = 'lead.lifecycle_changed'
        and e.data->>'to' = 'mql'
      group by e.entity_id
    )
    select l.owner_id, u.name as owner_name,
      u.team_id, t.name as team_name, m.mql_at,
      (select min(e.occurred_at) from events e where e.org_id = l.org_id and e.entity_type = 'lead'
        and e.entity_id = l.id and e.type = 'lead.lifecycle_changed' and e.data->>'to' = 'sql'
        and e.occurred_at >= m.mql_at) as sql_at,
      (select min(a.occurred_at) from activities a where a.org_id = l.org_id and a.lead_id = l.id
        and a.deleted_at is null and a.type in ('call', 'email', 'meeting') and a.occurred_at >= m.mql_at) as first_touch_at
    from mql m
    join leads l on l.org_id = ${orgId}::uuid and l.id = m.lead_id and l.deleted_at is null
    left join users u on u.org_id = l.org_id and u.id = l.owner_id
    left join teams t on t.org_id = u.org_id and t.id = u.team_id
    where ${cond}`.execute(db);
  return r.rows;
}

export interface SlaHandoffDbRow {
  owner_id: string;
  owner_name: string | null;
  team_id: string | null;
  team_name: string | null;
  due_at: Date;
  first_touch_at: Date | null;
  breached_at: Date | null;
}

/**
 * Every hand-off of a live lead to sales whose owner handed to is in the scope, with that owner's
 * and the hand-off team's names, its due time, first touch and breach.
 */
export async function slaHandoffs(db: DbExecutor, orgId: string, scope: Scope): Promise<SlaHandoffDbRow[]> {
  const cond = scopeCondition(scope, 'h.handed_to') ?? sql`true`;
  const r = await sql<SlaHandoffDbRow>`
    select h.handed_to as owner_id, u.name as owner_name, h.team_id, t.name as team_name,
      h.due_at, h.first_touch_at, h.breached_at
    from lead_handoffs h
    join leads l on l.org_id = h.org_id and l.id = h.lead_id and l.deleted_at is null
    left join users u on u.org_id = h.org_id and u.id = h.handed_to
    left join teams t on t.org_id = h.org_id and t.id = h.team_id
    where h.org_id = ${orgId}::uuid and ${cond}`.execute(db);
  return r.rows;
}
