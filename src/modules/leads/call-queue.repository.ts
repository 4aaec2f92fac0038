import { sql } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import type { LeadRow } from './leads.repository.ts';

/** The most open leads one owner's queue ranks; past this the oldest are left out (see docs/inside-sales.md). */
export const QUEUE_CANDIDATES = 5000;

/** An open lead with what the call queue weighs: score, SLA, the next dated task, first call. */
export type QueueRow = LeadRow & {
  fit_score: number | null;
  engagement_score: number | null;
  probability: number | null;
  grade: string | null;
  sla_due_at: Date | null;
  call_back_id: string | null;
  call_back_subject: string | null;
  call_back_at: Date | null;
  first_call_at: Date | null;
};

/** An unassigned open lead with the territory that holds it and who works that territory (its members and its pool's). */
export type ClaimableRow = QueueRow & {
  territory_id: string | null;
  territory_name: string | null;
  territory_member_ids: string[] | null;
};

/** Who works the territory holding the lead: its members and the members of its pool (null: no territory holds it). */
const territoryColumns = sql`
  ta.territory_id, tr.name as territory_name,
  case when ta.territory_id is null then null else (
    select coalesce(json_agg(distinct m.user_id), '[]'::json) from (
      select tm.user_id from territory_members tm where tm.org_id = l.org_id and tm.territory_id = ta.territory_id
      union
      select pm.user_id from routing_pool_members pm where pm.org_id = l.org_id and pm.pool_id = tr.pool_id
    ) m
  ) end as territory_member_ids`;

const territoryJoins = sql`
  left join territory_assignments ta on ta.org_id = l.org_id and ta.entity_type = 'lead' and ta.entity_id = l.id
  left join territories tr on tr.org_id = ta.org_id and tr.id = ta.territory_id`;

const queueColumns = sql`l.*,
      s.fit_score, s.engagement_score, s.probability, s.grade,
      h.due_at as sla_due_at,
      cb.id as call_back_id, cb.subject as call_back_subject, cb.due_at as call_back_at,
      (select max(a.occurred_at) from activities a
        where a.org_id = l.org_id and a.lead_id = l.id and a.deleted_at is null
          and a.type in ('call', 'email', 'meeting')) as last_touched_at,
      (select min(a.occurred_at) from activities a
        where a.org_id = l.org_id and a.lead_id = l.id and a.deleted_at is null and a.type = 'call') as first_call_at`;

const queueJoins = sql`
    left join lead_scores s on s.org_id = l.org_id and s.lead_id = l.id
    left join lead_handoffs h on h.org_id = l.org_id and h.lead_id = l.id
      and h.status = 'open' and h.first_touch_at is null
    left join lateral (
      select t.id, t.subject, t.due_at from activities t
      where t.org_id = l.org_id and t.lead_id = l.id and t.type = 'task' and t.deleted_at is null
        and t.completed_at is null and t.due_at is not null and t.cadence_enrolment_id is null
      order by t.due_at, t.id
      limit 1
    ) cb on true`;

/**
 * The open leads (new or working) of one owner with their score, the due time of an open hand-off
 * not yet touched, the earliest open task with a due time, the last touch and the first call. At
 * most `QUEUE_CANDIDATES`, newest first, so a flood of old leads never makes the read unbounded.
 */
export async function listQueueCandidates(db: DbExecutor, orgId: string, ownerId: string): Promise<QueueRow[]> {
  const r = await sql<QueueRow>`
    select ${queueColumns}
    from leads l
    ${queueJoins}
    where l.org_id = ${orgId} and l.owner_id = ${ownerId} and l.deleted_at is null
      and l.status in ('new', 'working')
    order by l.created_at desc, l.id
    limit ${QUEUE_CANDIDATES}
  `.execute(db);
  return r.rows;
}

/**
 * The unassigned open leads a user may claim, as the queue weighs them, with their territory:
 * `workerId` keeps those of territories the user works (a member of it or of its pool) and those
 * no territory holds; null keeps all (admins and managers). At most `QUEUE_CANDIDATES`, newest first.
 */
export async function listClaimable(db: DbExecutor, orgId: string, workerId: string | null): Promise<ClaimableRow[]> {
  const works =
    workerId === null
      ? sql`true`
      : sql`(ta.territory_id is null
          or exists (select 1 from territory_members tm
            where tm.org_id = l.org_id and tm.territory_id = ta.territory_id and tm.user_id = ${workerId})
          or exists (select 1 from routing_pool_members pm
            where pm.org_id = l.org_id and pm.pool_id = tr.pool_id and pm.user_id = ${workerId}))`;
  const r = await sql<ClaimableRow>`
    select ${queueColumns}, ${territoryColumns}
    from leads l
    ${queueJoins}
    ${territoryJoins}
    where l.org_id = ${orgId} and l.owner_id is null and l.deleted_at is null
      and l.status in ('new', 'working') and ${works}
    order by l.created_at desc, l.id
    limit ${QUEUE_CANDIDATES}
  `.execute(db);
  return r.rows;
}

/** The territory facts of one lead that decide who may claim it. */
export async function claimFacts(
  db: DbExecutor,
  orgId: string,
  leadId: string,
): Promise<{ territory_id: string | null; territory_member_ids: string[] | null } | undefined> {
  const r = await sql<{ territory_id: string | null; territory_member_ids: string[] | null }>`
    select ${territoryColumns}
    from leads l
    ${territoryJoins}
    where l.org_id = ${orgId} and l.id = ${leadId}
  `.execute(db);
  return r.rows[0];
}
