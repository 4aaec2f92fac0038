import { sql, type Insertable, type Selectable } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { preparedQuery } from '../../db/prepared.ts';
import { afterCursor, likePattern } from '../../db/list.ts';
import type { PipelinesTable, StagesTable } from '../../db/schema.ts';
import type { ListPipelinesQuery } from '../../contract/pipelines.ts';

export type PipelineRow = Selectable<PipelinesTable>;
export type StageRow = Selectable<StagesTable>;
export type NewStageRow = Insertable<StagesTable>;

const pipeline = (db: DbExecutor, orgId: string, id: string) =>
  db.selectFrom('pipelines').selectAll().where('org_id', '=', orgId).where('id', '=', id);

export async function getPipeline(db: DbExecutor, orgId: string, id: string): Promise<PipelineRow | undefined> {
  return pipeline(db, orgId, id).executeTakeFirst();
}

/** As `getPipeline`, locking the row until the transaction ends: concurrent changes of it queue behind this one. */
export async function lockPipeline(db: DbExecutor, orgId: string, id: string): Promise<PipelineRow | undefined> {
  return pipeline(db, orgId, id).forNoKeyUpdate().executeTakeFirst();
}

const pipelineWithStages = preparedQuery((db, { orgId, id }: { orgId: string; id: string }) =>
  db
    .selectFrom('pipelines as p')
    .select([
      'p.org_id',
      'p.id',
      'p.name',
      'p.description',
      'p.enforce_stage_order',
      'p.is_default',
      'p.active',
      'p.held_meeting_action',
      'p.held_meeting_stage_id',
      'p.created_at',
      'p.updated_at',
      'p.version',
    ])
    .select(
      sql<
        StageRow[]
      >`(select coalesce(json_agg(s order by s.position), '[]') from stages s where s.org_id = p.org_id and s.pipeline_id = p.id)`.as(
        'stages',
      ),
    )
    .where('p.org_id', '=', orgId)
    .where('p.id', '=', id),
);

/** A pipeline with its stages in position order, read in one statement. */
export async function getPipelineWithStages(
  db: DbExecutor,
  orgId: string,
  id: string,
): Promise<(PipelineRow & { stages: StageRow[] }) | undefined> {
  const [row] = await pipelineWithStages(db, { orgId, id });
  return row;
}

export async function findPipelineByName(
  db: DbExecutor,
  orgId: string,
  name: string,
): Promise<PipelineRow | undefined> {
  return db
    .selectFrom('pipelines')
    .selectAll()
    .where('org_id', '=', orgId)
    .where(sql`lower(name)`, '=', name.toLowerCase())
    .executeTakeFirst();
}

export async function getDefaultPipeline(db: DbExecutor, orgId: string): Promise<PipelineRow | undefined> {
  return db
    .selectFrom('pipelines')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('is_default', '=', true)
    .orderBy('created_at')
    .executeTakeFirst();
}

/**
 * Serializes changes to which pipeline is the default, per organization: without a unique index on
 * is_default, two concurrent "make this the default" writes could otherwise both win.
 */
export async function lockDefaultPipeline(db: DbExecutor, orgId: string): Promise<void> {
  await db.selectFrom('organizations').select('id').where('id', '=', orgId).forUpdate().execute();
}

/** Clears the default flag on every other pipeline; returns the ones it changed (before the change). */
export async function clearOtherDefaults(
  db: DbExecutor,
  orgId: string,
  keepId: string,
  now: Date,
): Promise<PipelineRow[]> {
  const others = await db
    .selectFrom('pipelines')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('is_default', '=', true)
    .where('id', '<>', keepId)
    .execute();
  if (others.length === 0) return [];
  await db
    .updateTable('pipelines')
    .set((eb) => ({ is_default: false, updated_at: now, version: eb('version', '+', 1) }))
    .where('org_id', '=', orgId)
    .where(
      'id',
      'in',
      others.map((o) => o.id),
    )
    .execute();
  return others;
}

export async function insertPipeline(
  db: DbExecutor,
  row: Omit<PipelineRow, 'version' | 'held_meeting_action' | 'held_meeting_stage_id'>,
): Promise<PipelineRow> {
  return db.insertInto('pipelines').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates when the version still matches; otherwise throws 409 with the current version (or 404), see `updateVersioned`. */
export async function updatePipeline(
  db: DbExecutor,
  orgId: string,
  id: string,
  version: number,
  patch: Partial<PipelineRow>,
): Promise<PipelineRow> {
  return updateVersioned(db, 'pipelines', { orgId, id, version }, patch);
}

export async function listPipelines(db: DbExecutor, orgId: string, q: ListPipelinesQuery): Promise<PipelineRow[]> {
  let b = db.selectFrom('pipelines').selectAll().where('org_id', '=', orgId);
  if (q.active) b = b.where('active', '=', q.active === 'true');
  if (q.q) b = b.where('name', 'ilike', likePattern(q.q));
  if (q.cursor) b = b.where(afterCursor(q.sort, 'id', q.order, q.cursor));
  return b
    .orderBy(q.sort, q.order)
    .orderBy('id', q.order)
    .limit(q.limit + 1)
    .execute();
}

/** Stages of the given pipelines, ordered by position. */
export async function listStages(db: DbExecutor, orgId: string, pipelineIds: readonly string[]): Promise<StageRow[]> {
  if (pipelineIds.length === 0) return [];
  return db
    .selectFrom('stages')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('pipeline_id', 'in', pipelineIds)
    .orderBy('pipeline_id')
    .orderBy('position')
    .execute();
}

export async function getStage(db: DbExecutor, orgId: string, id: string): Promise<StageRow | undefined> {
  return db.selectFrom('stages').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export async function insertStages(db: DbExecutor, rows: readonly NewStageRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('stages')
    .values([...rows])
    .execute();
}

export async function updateStage(
  db: DbExecutor,
  orgId: string,
  id: string,
  patch: Omit<NewStageRow, 'org_id' | 'id' | 'pipeline_id'>,
): Promise<void> {
  await db.updateTable('stages').set(patch).where('org_id', '=', orgId).where('id', '=', id).execute();
}

export async function deleteStages(db: DbExecutor, orgId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('stages').where('org_id', '=', orgId).where('id', 'in', ids).execute();
}

export interface StageUsage {
  stageId: string;
  /** Live deals in the stage. */
  deals: number;
  /** Deleted deals that still reference the stage (their rows keep it for history). */
  deletedDeals: number;
  /** Pitch scripts attached to the stage. */
  scripts: number;
}

/** How many records still reference each of the stages (only stages with references are returned). */
export async function stageUsage(db: DbExecutor, orgId: string, stageIds: readonly string[]): Promise<StageUsage[]> {
  if (stageIds.length === 0) return [];
  const r = await sql<{ stage_id: string; deals: number; deleted_deals: number; scripts: number }>`
    select s.id as stage_id,
      (select count(*) from deals d where d.org_id = s.org_id and d.stage_id = s.id and d.deleted_at is null)::int as deals,
      (select count(*) from deals d where d.org_id = s.org_id and d.stage_id = s.id and d.deleted_at is not null)::int as deleted_deals,
      (select count(*) from pitch_scripts p where p.org_id = s.org_id and p.stage_id = s.id)::int as scripts
    from stages s
    where s.org_id = ${orgId} and s.id in (${sql.join(stageIds.map((id) => sql`${id}::uuid`))})`.execute(db);
  return r.rows
    .map((x) => ({ stageId: x.stage_id, deals: x.deals, deletedDeals: x.deleted_deals, scripts: x.scripts }))
    .filter((u) => u.deals + u.deletedDeals + u.scripts > 0);
}
