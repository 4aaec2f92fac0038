import { sql } from 'kysely';
import type { JourneyMilestone, JourneyState } from '../../analytics/journey-markov.ts';
import type { DbExecutor } from '../../db/database.ts';
import type { JourneyScope } from './journey-map.repository.ts';
import { sharedJourneyMilestones } from './journey-milestones.repository.ts';

/**
 * The milestones of the journeys of the joint map (the same leads, deals, activities and bookings
 * under the same access rules, see `journeyMapCounts`), per journey in time order (at equal times
 * in the order listed):
 * - `lead` at the lead's creation;
 * - `mql` / `sql` for a lifecycle move to MQL / SQL, `dropped` for a move back (a recycle) and for
 *   a move of its status to disqualified;
 * - `meeting_booked` (a booking not cancelled, when it was made) and `meeting_held` (a meeting
 *   held, at its start), of the lead or its deal;
 * - `opportunity` at its conversion (the deal created);
 * - `won` / `lost` when its deal's last visit to the pipeline is to a won / lost stage, at that entry.
 */
export async function journeyMilestones(
  db: DbExecutor,
  s: Omit<JourneyScope, 'byCampaignType'>,
): Promise<JourneyMilestone[][]> {
  const r = await sql<{ leadId: string; state: JourneyState; at: number }>`
    with journeys as materialized (
      select l.id as lead_id, l.created_at, l.converted_at, l.converted_deal_id as deal_id,
             t.last_at as deal_last_at, coalesce(st.kind, 'open') as deal_kind
      from leads l
      left join deal_traces t on t.org_id = l.org_id and t.deal_id = l.converted_deal_id and t.pipeline_id = ${s.pipelineId}::uuid
        and exists (select from deals d where d.org_id = l.org_id and d.id = l.converted_deal_id and d.deleted_at is null and ${s.dealWhere})
      left join stages st on st.org_id = l.org_id and st.id = t.stage_ids[cardinality(t.stage_ids)]
      where ${s.leadWhere}
    ),
    ev as (
      ${sharedJourneyMilestones(s)}
      union all
      select j.lead_id, j.deal_kind, j.deal_last_at, 6, 0 from journeys j where j.deal_kind in ('won', 'lost')
    )
    select lead_id as "leadId", milestone as state, (date_part('epoch', at) * 1000)::float8 as at
    from ev where milestone is not null
    order by lead_id, at, src, ord, milestone`.execute(db);
  const traces = new Map<string, JourneyMilestone[]>();
  for (const row of r.rows) {
    const trace = traces.get(row.leadId) ?? [];
    trace.push({ state: row.state, at: row.at });
    traces.set(row.leadId, trace);
  }
  return [...traces.values()];
}
