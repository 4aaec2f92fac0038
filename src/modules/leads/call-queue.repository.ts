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

/**
 * The open leads (new or working) of one owner with their score, the due time of an open hand-off
 * not yet touched, the earliest open task with a due time, the last touch and the first call. At
 * most `QUEUE_CANDIDATES`, newest first, so a flood of old leads never makes the read unbounded.
 */
export async function listQueueCandidates(db: DbExecutor, orgId: string, ownerId: string): Promise<QueueRow[]> {
  const r = await sql<QueueRow>`
    select l.*,
      s.fit_score, s.engagement_score, s.probability, s.grade,
      h.due_at as sla_due_at,
      cb.id as call_back_id, cb.subject as call_back_subject, cb.due_at as call_back_at,
      (select max(a.occurred_at) from activities a
        where a.org_id = l.org_id and a.lead_id = l.id and a.deleted_at is null
          and a.type in ('call', 'email', 'meeting')) as last_touched_at,
      (select min(a.occurred_at) from activities a
        where a.org_id = l.org_id and a.lead_id = l.id and a.deleted_at is null and a.type = 'call') as first_call_at
    from leads l
    left join lead_scores s on s.org_id = l.org_id and s.lead_id = l.id
    left join lead_handoffs h on h.org_id = l.org_id and h.lead_id = l.id
      and h.status = 'open' and h.first_touch_at is null
    left join lateral (
      select t.id, t.subject, t.due_at from activities t
      where t.org_id = l.org_id and t.lead_id = l.id and t.type = 'task' and t.deleted_at is null
        and t.completed_at is null and t.due_at is not null and t.cadence_enrolment_id is null
      order by t.due_at, t.id
      limit 1
    ) cb on true
    where l.org_id = ${orgId} and l.owner_id = ${ownerId} and l.deleted_at is null
      and l.status in ('new', 'working')
    order by l.created_at desc, l.id
    limit ${QUEUE_CANDIDATES}
  `.execute(db);
  return r.rows;
}
