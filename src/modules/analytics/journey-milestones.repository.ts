import { sql, type RawBuilder } from 'kysely';
import { lifecycleStages } from '../../contract/marketing.ts';
import type { JourneyScope } from './journey-map.repository.ts';

const ranks = sql.raw(`array[${lifecycleStages.map((x) => `'${x}'`).join(', ')}]::text[]`);

/**
 * The milestones every journey analysis reads, as union members over a CTE `journeys` (one row per
 * lead: `lead_id`, `created_at`, `converted_at`, `deal_id`) under the journey map's access rules,
 * with the columns `lead_id, milestone, at, src, ord` (`src`, then `ord`, orders milestones at
 * equal times in the order listed):
 * - `lead` at the lead's creation;
 * - `mql` / `sql` for a lifecycle move to MQL / SQL (business time), `dropped` for a move back (a
 *   recycle) and for a move of its status to disqualified;
 * - `meeting_booked` (a booking not cancelled, when it was made) and `meeting_held` (a meeting
 *   held, at its start), of the lead or its deal;
 * - `opportunity` at its conversion (the deal created).
 * Each analysis adds its own deal milestones (stage entries, or the outcome) with `src` 6.
 */
export function sharedJourneyMilestones(s: Omit<JourneyScope, 'byCampaignType'>): RawBuilder<unknown> {
  return sql`
      select j.lead_id, 'lead' as milestone, j.created_at as at, 0 as src, 0::bigint as ord from journeys j
      union all
      select j.lead_id,
             case when e.type = 'lead.status_changed' then 'dropped'
                  when array_position(${ranks}, e.data->>'to') < array_position(${ranks}, e.data->>'from') then 'dropped'
                  when e.data->>'to' in ('mql', 'sql') then e.data->>'to' end,
             coalesce(e.business_time, e.occurred_at), 2, e.id
      from journeys j
      join events e on e.org_id = ${s.orgId}::uuid and e.entity_type = 'lead' and e.entity_id = j.lead_id
      where e.type = 'lead.lifecycle_changed' or (e.type = 'lead.status_changed' and e.data->>'to' = 'disqualified')
      union all
      select j.lead_id, 'meeting_held', a.meeting_start, 4, 0
      from journeys j
      join activities a on a.org_id = ${s.orgId}::uuid
        and (a.lead_id = j.lead_id or (a.deal_id = j.deal_id and a.lead_id is distinct from j.lead_id))
      where a.deleted_at is null and ${s.activityWhere}
        and a.type = 'meeting' and a.meeting_outcome = 'held' and a.meeting_start is not null
      union all
      select j.lead_id, 'meeting_booked', b.created_at, 4, 0 from journeys j
        join bookings b on b.org_id = ${s.orgId}::uuid
          and (b.lead_id = j.lead_id or (b.deal_id = j.deal_id and b.lead_id is distinct from j.lead_id))
      where b.status <> 'cancelled' and ${s.bookingWhere}
      union all
      select j.lead_id, 'opportunity', j.converted_at, 5, 0 from journeys j where j.converted_at is not null`;
}
