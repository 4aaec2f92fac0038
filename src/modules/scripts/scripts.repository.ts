import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { afterCursor, likePattern } from '../../db/list.ts';
import type { PitchScriptsTable, PitchScriptVersionsTable } from '../../db/schema.ts';
import type { ListScriptsQuery } from '../../contract/scripts.ts';

export type ScriptRow = Selectable<PitchScriptsTable>;
export type ScriptVersionRow = Selectable<PitchScriptVersionsTable>;

const script = (db: DbExecutor, orgId: string, id: string) =>
  db.selectFrom('pitch_scripts').selectAll().where('org_id', '=', orgId).where('id', '=', id);

export async function getScript(db: DbExecutor, orgId: string, id: string): Promise<ScriptRow | undefined> {
  return script(db, orgId, id).executeTakeFirst();
}

/** As `getScript`, locking the row until the transaction ends: concurrent changes of it queue behind this one. */
export async function lockScript(db: DbExecutor, orgId: string, id: string): Promise<ScriptRow | undefined> {
  return script(db, orgId, id).forNoKeyUpdate().executeTakeFirst();
}

export async function insertScript(db: DbExecutor, row: Insertable<PitchScriptsTable>): Promise<ScriptRow> {
  return db.insertInto('pitch_scripts').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates when the version still matches; otherwise throws 409 with the current version (or 404), see `updateVersioned`. */
export async function updateScript(
  db: DbExecutor,
  orgId: string,
  id: string,
  version: number,
  patch: Updateable<PitchScriptsTable>,
): Promise<ScriptRow> {
  return updateVersioned(db, 'pitch_scripts', { orgId, id, version }, patch);
}

export async function listScripts(db: DbExecutor, orgId: string, q: ListScriptsQuery): Promise<ScriptRow[]> {
  let b = db.selectFrom('pitch_scripts').selectAll().where('org_id', '=', orgId);
  if (q.stageId) b = b.where('stage_id', '=', q.stageId);
  if (q.pipelineId) b = b.where('pipeline_id', '=', q.pipelineId);
  if (q.productId) b = b.where('product_id', '=', q.productId);
  if (q.active !== 'all') b = b.where('active', '=', q.active === 'true');
  if (q.q) {
    const pat = likePattern(q.q);
    b = b.where((eb) => eb.or([eb('name', 'ilike', pat), eb('body', 'ilike', pat)]));
  }
  if (q.cursor) b = b.where(afterCursor(q.sort, 'id', q.order, q.cursor));
  return b
    .orderBy(q.sort, q.order)
    .orderBy('id', q.order)
    .limit(q.limit + 1)
    .execute();
}

export async function insertScriptVersion(db: DbExecutor, row: Insertable<PitchScriptVersionsTable>): Promise<void> {
  await db.insertInto('pitch_script_versions').values(row).execute();
}

/** Whether the script has the version (any script of the organization, active or not). */
export async function scriptVersionExists(
  db: DbExecutor,
  orgId: string,
  scriptId: string,
  version: number,
): Promise<boolean> {
  const r = await db
    .selectFrom('pitch_script_versions')
    .select('script_version')
    .where('org_id', '=', orgId)
    .where('script_id', '=', scriptId)
    .where('script_version', '=', version)
    .executeTakeFirst();
  return r !== undefined;
}

/** Versions of a script, newest first. */
export async function listScriptVersions(
  db: DbExecutor,
  orgId: string,
  scriptId: string,
  opts: { limit: number; before?: number | undefined },
): Promise<ScriptVersionRow[]> {
  let b = db
    .selectFrom('pitch_script_versions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('script_id', '=', scriptId);
  if (opts.before !== undefined) b = b.where('script_version', '<', opts.before);
  return b
    .orderBy('script_version', 'desc')
    .limit(opts.limit + 1)
    .execute();
}

/**
 * Active scripts whose every target fits a deal: no stage or the deal's stage, no pipeline or the
 * deal's pipeline, no product or one of the deal's products. Most specific first (stage, then
 * pipeline, then product only), then by name.
 */
export async function listScriptsForDeal(
  db: DbExecutor,
  orgId: string,
  deal: { stageId: string; pipelineId: string; productIds: readonly string[] },
): Promise<ScriptRow[]> {
  return db
    .selectFrom('pitch_scripts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('active', '=', true)
    .where((eb) => eb.or([eb('stage_id', 'is', null), eb('stage_id', '=', deal.stageId)]))
    .where((eb) => eb.or([eb('pipeline_id', 'is', null), eb('pipeline_id', '=', deal.pipelineId)]))
    .where((eb) =>
      deal.productIds.length
        ? eb.or([eb('product_id', 'is', null), eb('product_id', 'in', deal.productIds)])
        : eb('product_id', 'is', null),
    )
    .orderBy((eb) =>
      eb.case().when('stage_id', 'is not', null).then(0).when('pipeline_id', 'is not', null).then(1).else(2).end(),
    )
    .orderBy('name')
    .orderBy('id')
    .limit(200)
    .execute();
}

// Pipelines, stages and products belong to other modules; scripts only check that targets exist.

export async function getStage(
  db: DbExecutor,
  orgId: string,
  id: string,
): Promise<{ id: string; pipeline_id: string } | undefined> {
  return db
    .selectFrom('stages')
    .select(['id', 'pipeline_id'])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function pipelineExists(db: DbExecutor, orgId: string, id: string): Promise<boolean> {
  return (
    (await db
      .selectFrom('pipelines')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst()) !== undefined
  );
}

export async function productExists(db: DbExecutor, orgId: string, id: string): Promise<boolean> {
  return (
    (await db
      .selectFrom('products')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst()) !== undefined
  );
}
