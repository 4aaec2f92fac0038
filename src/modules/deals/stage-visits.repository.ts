import { sql } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import { preparedQuery } from '../../db/prepared.ts';

// A type alias (not an interface) so it fits preparedQuery's record of scalars.
export type VisitStart = {
  orgId: string;
  dealId: string;
  pipelineId: string;
  stageId: string;
  /** Business time of the entry: now for live writes, the historical time for imported history. */
  at: Date;
  /** The deal.created / deal.stage_changed event that starts the visit. */
  eventId: number;
};

const openFirst = preparedQuery((db, v: VisitStart) =>
  db.insertInto('deal_stage_visits').values({
    org_id: v.orgId,
    deal_id: v.dealId,
    visit_no: 1,
    pipeline_id: v.pipelineId,
    stage_id: v.stageId,
    entered_at: v.at,
    left_at: null,
    event_id: v.eventId,
  }),
);

/** The first visit of a new deal, in the transaction that creates it. */
export async function openFirstVisit(db: DbExecutor, v: VisitStart): Promise<void> {
  await openFirst(db, v);
}

// Closes the current visit and opens the next in one statement (the stage move is the hottest write).
const moveOn = preparedQuery((db, v: VisitStart) =>
  db
    .with('closed', (qb) =>
      qb
        .updateTable('deal_stage_visits')
        .set({ left_at: sql<Date>`greatest(entered_at, ${v.at})` })
        .where('org_id', '=', v.orgId)
        .where('deal_id', '=', v.dealId)
        .where('left_at', 'is', null)
        .returning('visit_no'),
    )
    .insertInto('deal_stage_visits')
    .columns(['org_id', 'deal_id', 'visit_no', 'pipeline_id', 'stage_id', 'entered_at', 'left_at', 'event_id'])
    .expression(
      sql`select ${v.orgId}::uuid, ${v.dealId}::uuid,
        coalesce((select visit_no from closed),
                 (select max(visit_no) from deal_stage_visits where org_id = ${v.orgId}::uuid and deal_id = ${v.dealId}::uuid), 0) + 1,
        ${v.pipelineId}::uuid, ${v.stageId}::uuid, ${v.at}::timestamptz, null::timestamptz, ${v.eventId}::bigint`,
    ),
);

/** Ends the deal's current visit at `at` and starts the visit to the new stage. */
export async function moveToNextVisit(db: DbExecutor, v: VisitStart): Promise<void> {
  await moveOn(db, v);
}

export interface StageVisitRow {
  dealId: string;
  visitNo: number;
  pipelineId: string;
  stageId: string;
  enteredAt: Date;
  leftAt: Date | null;
  eventId: number;
  /** Nobody saw the deal reach this stage (a flat import; the event's `pathUnknown`). */
  entryUnknown: boolean;
}

/** The stored projection for one organization, in deal and visit order. */
export async function listStageVisits(db: DbExecutor, orgId: string): Promise<StageVisitRow[]> {
  return db
    .selectFrom('deal_stage_visits')
    .select([
      'deal_id as dealId',
      'visit_no as visitNo',
      'pipeline_id as pipelineId',
      'stage_id as stageId',
      'entered_at as enteredAt',
      'left_at as leftAt',
      'event_id as eventId',
      'entry_unknown as entryUnknown',
    ])
    .where('org_id', '=', orgId)
    .orderBy('deal_id')
    .orderBy('visit_no')
    .execute();
}

/**
 * The visits as the event log says they are, one row per deal.created / deal.stage_changed event
 * of the organization in the columns of deal_stage_visits: the one derivation the stored
 * projection is checked against and rebuilt from (the migration backfilled the table with it).
 * A `deal.created` of version 1 names the stage as stored (`after.stage_id`), later ones in
 * camelCase (`after.stageId`).
 */
const visitsDerivedFromEvents = (orgId: string) => sql`
    select org_id, entity_id as deal_id, (row_number() over w)::int as visit_no, pipeline_id, stage_id,
           at as entered_at, lead(at) over w as left_at, id as event_id, entry_unknown
    from (
      select e.org_id, e.entity_id, e.id, coalesce(e.business_time, e.occurred_at) as at,
             coalesce((e.data->>'pathUnknown')::boolean, false) as entry_unknown,
             (case when e.type = 'deal.stage_changed' then e.data->'to'->>'pipelineId'
                   when e.version = 1 then e.data->'after'->>'pipeline_id' else e.data->'after'->>'pipelineId' end)::uuid as pipeline_id,
             (case when e.type = 'deal.stage_changed' then e.data->'to'->>'stageId'
                   when e.version = 1 then e.data->'after'->>'stage_id' else e.data->'after'->>'stageId' end)::uuid as stage_id
      from events e
      where e.org_id = ${orgId} and e.entity_type = 'deal' and e.type in ('deal.created', 'deal.stage_changed')
    ) h
    window w as (partition by entity_id order by at, id)`;

/** The visits as the event log says they are: used to check the projection every writer keeps. */
export async function stageVisitsFromEvents(db: DbExecutor, orgId: string): Promise<StageVisitRow[]> {
  const result = await sql<StageVisitRow>`
    select deal_id as "dealId", visit_no as "visitNo", pipeline_id as "pipelineId", stage_id as "stageId",
           entered_at as "enteredAt", left_at as "leftAt", event_id as "eventId", entry_unknown as "entryUnknown"
    from (${visitsDerivedFromEvents(orgId)}) v
    order by deal_id, visit_no`.execute(db);
  return result.rows;
}

/**
 * Replaces an organization's stage visits with the ones its event log derives (a restore, which
 * does not carry projections), in one statement: the visits' triggers rebuild the traces with
 * them. Returns the visits written.
 */
export async function rebuildStageVisits(db: DbExecutor, orgId: string): Promise<number> {
  await sql`delete from deal_stage_visits where org_id = ${orgId}`.execute(db);
  const r = await sql`
    insert into deal_stage_visits (org_id, deal_id, visit_no, pipeline_id, stage_id, entered_at, left_at, event_id, entry_unknown)
    ${visitsDerivedFromEvents(orgId)}`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

export interface DealTraceRow {
  dealId: string;
  pipelineId: string;
  stageIds: string[];
  enteredAts: Date[];
  firstAt: Date;
  lastAt: Date;
  dealFirstAt: Date;
  currentAt: Date | null;
}

const traceColumns = sql`deal_id as "dealId", pipeline_id as "pipelineId", array_to_json(stage_ids) as "stageIds",
  array_to_json(entered_ats) as "enteredAts", first_at as "firstAt", last_at as "lastAt", deal_first_at as "dealFirstAt", current_at as "currentAt"`;

const parseTraces = (rows: readonly (Omit<DealTraceRow, 'enteredAts'> & { enteredAts: string[] })[]): DealTraceRow[] =>
  rows.map((r) => ({ ...r, enteredAts: r.enteredAts.map((t) => new Date(t)) }));

/** The stored per-deal traces (kept by triggers on deal_stage_visits) of one organization, by deal and pipeline. */
export async function listDealTraces(db: DbExecutor, orgId: string): Promise<DealTraceRow[]> {
  const r = await sql<Omit<DealTraceRow, 'enteredAts'> & { enteredAts: string[] }>`
    select ${traceColumns} from deal_traces where org_id = ${orgId} order by deal_id, pipeline_id`.execute(db);
  return parseTraces(r.rows);
}

/** The traces as the stage visits say they are (the migration backfilled the table with the same derivation): to check the stored ones. */
export async function dealTracesFromVisits(db: DbExecutor, orgId: string): Promise<DealTraceRow[]> {
  const r = await sql<Omit<DealTraceRow, 'enteredAts'> & { enteredAts: string[] }>`
    select ${traceColumns} from (
      select deal_id, pipeline_id, stage_ids, entered_ats, first_at, last_at,
             min(first_at) over (partition by deal_id) as deal_first_at,
             case when last_no = max(last_no) over (partition by deal_id) then entered_ats[cardinality(entered_ats)] end as current_at
      from (
        select deal_id, pipeline_id, array_agg(stage_id order by visit_no) as stage_ids, array_agg(entered_at order by visit_no) as entered_ats,
               min(entered_at) as first_at, max(entered_at) as last_at, max(visit_no) as last_no
        from deal_stage_visits where org_id = ${orgId} group by deal_id, pipeline_id
      ) per_pipeline
    ) t order by deal_id, pipeline_id`.execute(db);
  return parseTraces(r.rows);
}
