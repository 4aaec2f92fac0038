import { sql } from 'kysely';
import type { JourneyCase } from '../../analytics/journey-conformance.ts';
import { heldMeetingActions, type HeldMeetingAction } from '../../contract/pipelines.ts';
import type { DbExecutor } from '../../db/database.ts';
import type { JourneyScope } from './journey-map.repository.ts';
import { sharedJourneyMilestones } from './journey-milestones.repository.ts';

/** The pipeline's held-meeting setting, from which the designed journey places the meetings. */
export async function heldMeetingSetting(
  db: DbExecutor,
  orgId: string,
  pipelineId: string,
): Promise<{ action: HeldMeetingAction; stageId: string | null }> {
  const row = await db
    .selectFrom('pipelines')
    .select(['held_meeting_action', 'held_meeting_stage_id'])
    .where('org_id', '=', orgId)
    .where('id', '=', pipelineId)
    .executeTakeFirst();
  const action = heldMeetingActions.find((a) => a === row?.held_meeting_action) ?? 'none';
  return {
    action,
    stageId: row?.held_meeting_stage_id ?? null,
  };
}

interface CaseRow extends Omit<JourneyCase, 'milestones'> {
  milestones: string[] | null;
}

/**
 * The journeys of the joint map (the same leads, deals, activities and bookings under the same
 * access rules, see `journeyMapCounts`), each with its lead, deal, owner and team and its
 * milestones in time order (at equal times in the order listed):
 * - `lead` at the lead's creation;
 * - `mql` / `sql` for a lifecycle move to MQL / SQL (business time), `dropped` for a move back (a
 *   recycle) and for a move of its status to disqualified;
 * - `meeting_booked` (a booking not cancelled, when it was made) and `meeting_held` (a meeting
 *   held, at its start), of the lead or its deal;
 * - `opportunity` at its conversion (the deal created);
 * - the stage id of each of its deal's entries to the pipeline's stages (`deal_traces`).
 */
export async function journeyCases(db: DbExecutor, s: Omit<JourneyScope, 'byCampaignType'>): Promise<JourneyCase[]> {
  const r = await sql<CaseRow>`
    with journeys as materialized (
      select l.id as lead_id, l.created_at, l.converted_at, l.owner_id,
             trim(coalesce(l.first_name || ' ', '') || l.last_name) as name,
             l.converted_deal_id as deal_id, t.deal_id is not null as deal_seen,
             t.stage_ids, t.entered_ats
      from leads l
      left join deal_traces t on t.org_id = l.org_id and t.deal_id = l.converted_deal_id and t.pipeline_id = ${s.pipelineId}::uuid
        and exists (select from deals d where d.org_id = l.org_id and d.id = l.converted_deal_id and d.deleted_at is null and ${s.dealWhere})
      where ${s.leadWhere}
    ),
    ev as (
      ${sharedJourneyMilestones(s)}
      union all
      select j.lead_id, u.stage_id::text, u.at, 6, u.ord from journeys j
        cross join lateral unnest(j.stage_ids, j.entered_ats) with ordinality as u(stage_id, at, ord)
      where j.stage_ids is not null
    ),
    paths as (
      select lead_id, array_agg(milestone order by at, src, ord, milestone) as milestones
      from ev where milestone is not null group by lead_id
    )
    select j.lead_id as "leadId", j.name, d.id as "dealId", d.name as "dealName",
           j.owner_id as "ownerId", u.name as "ownerName", u.team_id as "teamId", t.name as "teamName", p.milestones
    from journeys j
    left join paths p on p.lead_id = j.lead_id
    left join deals d on d.org_id = ${s.orgId}::uuid and d.id = j.deal_id and j.deal_seen
    left join users u on u.org_id = ${s.orgId}::uuid and u.id = j.owner_id
    left join teams t on t.org_id = u.org_id and t.id = u.team_id
    order by j.lead_id`.execute(db);
  return r.rows.map((row) => ({ ...row, milestones: row.milestones ?? [] }));
}
