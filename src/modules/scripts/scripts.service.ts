import { camelSnapshot } from '../../contract/events/casing.ts';
import type { Actor } from '../../contract/access.ts';
import { canReadReference, canWriteReference } from '../../contract/access.ts';
import { forbidden, invalid, type FieldProblem } from '../../contract/errors.ts';
import type {
  CreateScriptInput,
  DealScriptDto,
  ListScriptsQuery,
  ListScriptVersionsQuery,
  ScriptDto,
  ScriptVersionDto,
  UpdateScriptInput,
} from '../../contract/scripts.ts';
import { scriptTargetFields } from '../../contract/scripts.ts';
import type { DbExecutor } from '../../db/database.ts';
import { encodeCursor } from '../../db/list.ts';
import { changeEvents } from '../shared.ts';
import { write, type Deps } from '../context.ts';
import { checkVersion, found, toPage, type ExpectedVersion } from '../shared.ts';
import { readRecord } from '../deals/deals.service.ts';
import * as repo from './scripts.repository.ts';

export function toScriptDto(r: repo.ScriptRow): ScriptDto {
  return {
    id: r.id,
    name: r.name,
    pipelineId: r.pipeline_id,
    stageId: r.stage_id,
    productId: r.product_id,
    body: r.body,
    scriptVersion: r.script_version,
    active: r.active,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

/*
 * The body is left out of events: every body is kept in pitch_script_versions, and the event shows
 * the script_version step that points there, so the log does not carry each long text twice.
 */
const auditFields = ['name', 'pipeline_id', 'stage_id', 'product_id', 'script_version', 'active'] as const;

function snapshot(r: repo.ScriptRow): Record<string, unknown> {
  return camelSnapshot(Object.fromEntries(auditFields.map((f) => [f, r[f]])));
}

function assertCanRead(actor: Actor): void {
  if (!canReadReference(actor, 'script')) throw forbidden('Your role cannot read pitch scripts');
}

function assertCanWrite(actor: Actor): void {
  if (!canWriteReference(actor, 'script')) throw forbidden('Only admins and managers can change pitch scripts');
}

interface Targets {
  pipelineId: string | null;
  stageId: string | null;
  productId: string | null;
}

/**
 * What the script is for: a stage (its pipeline is filled in when not given), a whole pipeline
 * and/or a product. At least one is required and each must exist in the organization.
 */
async function resolveTargets(
  db: DbExecutor,
  orgId: string,
  requested: Partial<Record<keyof Targets, string | null>>,
  current: Targets,
): Promise<Targets> {
  const stageId = requested.stageId === undefined ? current.stageId : requested.stageId;
  const productId = requested.productId === undefined ? current.productId : requested.productId;
  let pipelineId = requested.pipelineId === undefined ? current.pipelineId : requested.pipelineId;
  if (!stageId && !pipelineId && !productId) {
    throw invalid(
      scriptTargetFields.map((field) => ({ field, message: 'one of stageId, pipelineId or productId is required' })),
    );
  }
  const problems: FieldProblem[] = [];
  if (stageId) {
    const stage = await repo.getStage(db, orgId, stageId);
    if (!stage) {
      problems.push({ field: 'stageId', message: 'is not a stage of this organization' });
    } else {
      // A newly chosen stage brings its pipeline along unless the request names one too.
      if (!pipelineId || (requested.stageId !== undefined && requested.pipelineId === undefined))
        pipelineId = stage.pipeline_id;
      if (stage.pipeline_id !== pipelineId)
        problems.push({ field: 'stageId', message: 'is a stage of another pipeline than pipelineId' });
    }
  }
  if (pipelineId && !(await repo.pipelineExists(db, orgId, pipelineId)))
    problems.push({ field: 'pipelineId', message: 'is not a pipeline of this organization' });
  if (productId && !(await repo.productExists(db, orgId, productId)))
    problems.push({ field: 'productId', message: 'is not a product of this organization' });
  if (problems.length) throw invalid(problems);
  return { pipelineId, stageId, productId };
}

export async function createScript(deps: Deps, actor: Actor, input: CreateScriptInput): Promise<ScriptDto> {
  assertCanWrite(actor);
  const now = deps.clock.now();
  const id = deps.ids.id();
  const row = await write(deps, actor.orgId, async (trx) => {
    const targets = await resolveTargets(trx, actor.orgId, input, { pipelineId: null, stageId: null, productId: null });
    const inserted = await repo.insertScript(trx, {
      org_id: actor.orgId,
      id,
      name: input.name,
      pipeline_id: targets.pipelineId,
      stage_id: targets.stageId,
      product_id: targets.productId,
      body: input.body,
      script_version: 1,
      active: input.active ?? true,
      created_at: now,
      updated_at: now,
    });
    await repo.insertScriptVersion(trx, {
      org_id: actor.orgId,
      script_id: id,
      script_version: 1,
      body: input.body,
      created_by: actor.userId,
      created_at: now,
    });
    await deps.eventLog.append(trx, actor, [
      { entityType: 'script', entityId: id, type: 'script.created', data: { after: snapshot(inserted) } },
    ]);
    return inserted;
  });
  return toScriptDto(row);
}

export async function getScript(deps: Deps, actor: Actor, id: string): Promise<ScriptDto> {
  assertCanRead(actor);
  return toScriptDto(found(await repo.getScript(deps.db, actor.orgId, id), 'script', id));
}

export async function listScripts(
  deps: Deps,
  actor: Actor,
  q: ListScriptsQuery,
): Promise<{ items: ScriptDto[]; nextCursor: string | null }> {
  assertCanRead(actor);
  const rows = await repo.listScripts(deps.db, actor.orgId, q);
  return toPage(rows, q.limit, toScriptDto, (r) => encodeCursor(r[q.sort], r.id));
}

/** Editing the body starts a new script version and keeps the previous text in the history. */
export async function updateScript(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: UpdateScriptInput,
): Promise<ScriptDto> {
  assertCanWrite(actor);
  const row = await write(deps, actor.orgId, async (trx) => {
    const before = found(await repo.lockScript(trx, actor.orgId, id), 'script', id);
    const version = checkVersion('script', id, before.version, expected);
    const now = deps.clock.now();
    const targets = await resolveTargets(trx, actor.orgId, input, {
      pipelineId: before.pipeline_id,
      stageId: before.stage_id,
      productId: before.product_id,
    });
    const bodyChanged = input.body !== undefined && input.body !== before.body;
    const scriptVersion = bodyChanged ? before.script_version + 1 : before.script_version;
    const after = await repo.updateScript(trx, actor.orgId, id, version, {
      name: input.name ?? before.name,
      pipeline_id: targets.pipelineId,
      stage_id: targets.stageId,
      product_id: targets.productId,
      body: input.body ?? before.body,
      script_version: scriptVersion,
      active: input.active ?? before.active,
      updated_at: now,
    });
    if (bodyChanged)
      await repo.insertScriptVersion(trx, {
        org_id: actor.orgId,
        script_id: id,
        script_version: scriptVersion,
        body: after.body,
        created_by: actor.userId,
        created_at: now,
      });
    await deps.eventLog.append(trx, actor, changeEvents('script', id, snapshot(before), snapshot(after)));
    return after;
  });
  return toScriptDto(row);
}

/** Takes a script out of use; it and its versions stay for the record. */
export async function deactivateScript(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
): Promise<void> {
  assertCanWrite(actor);
  await write(deps, actor.orgId, async (trx) => {
    const before = found(await repo.lockScript(trx, actor.orgId, id), 'script', id);
    const version = checkVersion('script', id, before.version, expected);
    if (!before.active) return;
    await repo.updateScript(trx, actor.orgId, id, version, {
      active: false,
      updated_at: deps.clock.now(),
    });
    await deps.eventLog.append(trx, actor, [
      { entityType: 'script', entityId: id, type: 'script.deactivated', data: { before: snapshot(before) } },
    ]);
  });
}

export async function listScriptVersions(
  deps: Deps,
  actor: Actor,
  id: string,
  q: ListScriptVersionsQuery,
): Promise<{ items: ScriptVersionDto[]; nextCursor: string | null }> {
  assertCanRead(actor);
  found(await repo.getScript(deps.db, actor.orgId, id), 'script', id);
  const rows = await repo.listScriptVersions(deps.db, actor.orgId, id, {
    limit: q.limit,
    before: q.cursor === undefined ? undefined : Number(q.cursor),
  });
  return toPage(
    rows,
    q.limit,
    (r) => ({
      scriptId: r.script_id,
      scriptVersion: r.script_version,
      body: r.body,
      createdBy: r.created_by,
      createdAt: r.created_at.toISOString(),
    }),
    (r) => String(r.script_version),
  );
}

/**
 * The pitch scripts for a deal as it stands: those of its stage first, then its pipeline's, then
 * those of the products on its lines; what a seller reads while calling about it. The deal must be
 * readable (not_found otherwise).
 */
export async function listScriptsForDeal(
  deps: Deps,
  actor: Actor,
  dealId: string,
): Promise<{ items: DealScriptDto[] }> {
  assertCanRead(actor);
  const { deal, lines } = await readRecord(deps.db, actor, dealId);
  const rows = await repo.listScriptsForDeal(deps.db, actor.orgId, {
    stageId: deal.stage_id,
    pipelineId: deal.pipeline_id,
    productIds: [...new Set(lines.map((l) => l.product_id))],
  });
  return {
    items: rows.map((r) => ({
      ...toScriptDto(r),
      appliesBy: r.stage_id ? 'stage' : r.pipeline_id ? 'pipeline' : 'product',
    })),
  };
}

/** Whether a script of the organization has the version (for records that cite the version used). */
export function scriptVersionExists(
  db: DbExecutor,
  orgId: string,
  scriptId: string,
  version: number,
): Promise<boolean> {
  return repo.scriptVersionExists(db, orgId, scriptId, version);
}
