import { camelChanges, camelSnapshot } from '../../contract/events/casing.ts';
import type { Actor } from '../../contract/access.ts';
import { canReadReference, canWriteReference } from '../../contract/access.ts';
import { AppError, forbidden, invalid } from '../../contract/errors.ts';
import { diffFields } from '../../domain/event-hash.ts';
import {
  gateFields,
  heldMeetingActions,
  type HeldMeetingAction,
  type CreatePipelineInput,
  type GateField,
  type ListPipelinesQuery,
  type PipelineDto,
  type StageDto,
  type StageKind,
  type UpdatePipelineInput,
} from '../../contract/pipelines.ts';
import { resolveStages } from '../../contract/pipelines.ts';
import type { StageInfo } from '../../contract/stage-rules.ts';
import type { DbExecutor } from '../../db/database.ts';
import { encodeCursor } from '../../db/list.ts';
import { write, type Deps } from '../context.ts';
import { type EventInput } from '../events/events.service.ts';
import { checkVersion, found, toPage, type ExpectedVersion } from '../shared.ts';
import * as repo from './pipelines.repository.ts';

const isGateField = (f: unknown): f is GateField =>
  typeof f === 'string' && (gateFields as readonly string[]).includes(f);

/** The stored required fields, keeping only names the current code knows. */
export function requiredFieldsOf(s: repo.StageRow): GateField[] {
  return Array.isArray(s.required_fields) ? s.required_fields.filter(isGateField) : [];
}

export function toStageDto(s: repo.StageRow): StageDto {
  return {
    id: s.id,
    name: s.name,
    position: s.position,
    probability: s.probability,
    forecastCategory: s.forecast_category as StageDto['forecastCategory'],
    kind: s.kind as StageKind,
    expectedDays: s.expected_days,
    requiredFields: requiredFieldsOf(s),
  };
}

export function toStageInfo(s: repo.StageRow): StageInfo {
  return {
    id: s.id,
    name: s.name,
    position: s.position,
    kind: s.kind as StageKind,
    requiredFields: requiredFieldsOf(s),
  };
}

export function toPipelineDto(p: repo.PipelineRow, stages: readonly repo.StageRow[]): PipelineDto {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    enforceStageOrder: p.enforce_stage_order,
    isDefault: p.is_default,
    active: p.active,
    heldMeeting: {
      action: (heldMeetingActions as readonly string[]).includes(p.held_meeting_action)
        ? (p.held_meeting_action as HeldMeetingAction)
        : 'none',
      stageId: p.held_meeting_stage_id,
    },
    stages: stages.filter((s) => s.pipeline_id === p.id).map(toStageDto),
    createdAt: p.created_at.toISOString(),
    updatedAt: p.updated_at.toISOString(),
    version: p.version,
  };
}

const auditFields = [
  'name',
  'description',
  'enforce_stage_order',
  'is_default',
  'active',
  'held_meeting_action',
  'held_meeting_stage_id',
] as const;

function snapshot(p: repo.PipelineRow): Record<string, unknown> {
  return Object.fromEntries(auditFields.map((f) => [f, p[f]]));
}

/** Stage snapshot for events: enough to rebuild the pipeline's design at any point in time. */
export function stageSnapshot(s: repo.StageRow): Record<string, unknown> {
  return {
    id: s.id,
    name: s.name,
    position: s.position,
    kind: s.kind,
    probability: s.probability,
    forecastCategory: s.forecast_category,
    expectedDays: s.expected_days,
    requiredFields: requiredFieldsOf(s),
  };
}

export function assertPipelineWriter(actor: Actor): void {
  if (!canWriteReference(actor, 'pipeline')) throw forbidden('Only admins can manage pipelines');
}

async function assertNameFree(trx: DbExecutor, orgId: string, name: string, selfId: string | null): Promise<void> {
  const clash = await repo.findPipelineByName(trx, orgId, name);
  if (clash && clash.id !== selfId) {
    throw new AppError('duplicate', `A pipeline named "${clash.name}" already exists`, {
      fields: [{ field: 'name', message: 'is already used by another pipeline' }],
      details: { existingId: clash.id },
    });
  }
}

/** Makes `id` the only default: other defaults lose the flag, each with its own event. */
async function takeOverDefault(trx: DbExecutor, deps: Deps, actor: Actor, id: string): Promise<void> {
  const others = await repo.clearOtherDefaults(trx, actor.orgId, id, deps.clock.now());
  const events: EventInput[] = others.map((o) => ({
    entityType: 'pipeline',
    entityId: o.id,
    type: 'pipeline.updated',
    data: { changes: { isDefault: { from: true, to: false } }, reason: 'another pipeline became the default' },
  }));
  if (events.length) await deps.eventLog.append(trx, actor, events);
}

export async function createPipeline(deps: Deps, actor: Actor, input: CreatePipelineInput): Promise<PipelineDto> {
  return write(deps, actor.orgId, (trx) => insertPipelineTx(trx, deps, actor, input));
}

/** Creates a pipeline with its stages in the caller's transaction (the step of `createPipeline`); answers it as written. */
export async function insertPipelineTx(
  trx: DbExecutor,
  deps: Deps,
  actor: Actor,
  input: CreatePipelineInput,
): Promise<PipelineDto> {
  assertPipelineWriter(actor);
  const { stages, problems } = resolveStages(input.stages);
  if (problems.length) throw invalid(problems);
  const id = deps.ids.id();
  const now = deps.clock.now();
  await assertNameFree(trx, actor.orgId, input.name, null);
  await repo.lockDefaultPipeline(trx, actor.orgId);
  const active = input.active ?? true;
  const isDefault = input.isDefault ?? (active && !(await repo.getDefaultPipeline(trx, actor.orgId)));
  if (isDefault && !active)
    throw invalid([{ field: 'isDefault', message: 'an inactive pipeline cannot be the default' }]);
  const p = await repo.insertPipeline(trx, {
    org_id: actor.orgId,
    id,
    name: input.name,
    description: input.description ?? null,
    enforce_stage_order: input.enforceStageOrder ?? false,
    is_default: isDefault,
    active,
    created_at: now,
    updated_at: now,
  });
  const rows = stages.map((s, i) => ({
    org_id: actor.orgId,
    id: deps.ids.id(),
    pipeline_id: id,
    name: s.name,
    position: i,
    probability: s.probability,
    forecast_category: s.forecastCategory,
    kind: s.kind,
    expected_days: s.expectedDays,
    required_fields: JSON.stringify(s.requiredFields),
  }));
  await repo.insertStages(trx, rows);
  if (isDefault) await takeOverDefault(trx, deps, actor, id);
  const stored = await repo.listStages(trx, actor.orgId, [id]);
  await deps.eventLog.append(trx, actor, [
    {
      entityType: 'pipeline',
      entityId: id,
      type: 'pipeline.created',
      data: { after: { ...camelSnapshot(snapshot(p)), stages: stored.map(stageSnapshot) } },
    },
  ]);
  return toPipelineDto(p, stored);
}

export async function getPipeline(deps: Deps, actor: Actor, id: string): Promise<PipelineDto> {
  if (!canReadReference(actor, 'pipeline')) throw forbidden();
  const p = found(await repo.getPipeline(deps.db, actor.orgId, id), 'pipeline', id);
  return toPipelineDto(p, await repo.listStages(deps.db, actor.orgId, [id]));
}

export async function listPipelines(
  deps: Deps,
  actor: Actor,
  q: ListPipelinesQuery,
): Promise<{ items: PipelineDto[]; nextCursor: string | null }> {
  if (!canReadReference(actor, 'pipeline')) throw forbidden();
  const rows = await repo.listPipelines(deps.db, actor.orgId, q);
  const stages = await repo.listStages(
    deps.db,
    actor.orgId,
    rows.slice(0, q.limit).map((r) => r.id),
  );
  return toPage(
    rows,
    q.limit,
    (r) => toPipelineDto(r, stages),
    (r) => encodeCursor(r[q.sort], r.id),
  );
}

/** The held-meeting stage must be an open stage of the pipeline (none for the action `none`). */
async function assertHeldMeetingStage(
  trx: DbExecutor,
  orgId: string,
  pipelineId: string,
  action: HeldMeetingAction,
  stageId: string | null,
): Promise<void> {
  if (action === 'none') {
    if (stageId !== null)
      throw invalid([{ field: 'heldMeeting.stageId', message: 'applies only to an action other than none' }]);
    return;
  }
  if (stageId === null) throw invalid([{ field: 'heldMeeting.stageId', message: `is required for ${action}` }]);
  const stage = (await repo.listStages(trx, orgId, [pipelineId])).find((s) => s.id === stageId);
  if (!stage) throw invalid([{ field: 'heldMeeting.stageId', message: 'is not a stage of this pipeline' }]);
  if (stage.kind !== 'open')
    throw invalid([
      { field: 'heldMeeting.stageId', message: 'must be an open stage (a meeting does not close a deal)' },
    ]);
}

export async function updatePipeline(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: UpdatePipelineInput,
): Promise<PipelineDto> {
  assertPipelineWriter(actor);
  return write(deps, actor.orgId, async (trx) => {
    const before = found(await repo.lockPipeline(trx, actor.orgId, id), 'pipeline', id);
    const version = checkVersion('pipeline', id, before.version, expected);
    if (input.name !== undefined) await assertNameFree(trx, actor.orgId, input.name, id);
    if (input.isDefault) await repo.lockDefaultPipeline(trx, actor.orgId);
    const isDefault = input.isDefault ?? before.is_default;
    const active = input.active ?? before.active;
    if (isDefault && !active) {
      throw invalid([
        input.isDefault
          ? { field: 'isDefault', message: 'an inactive pipeline cannot be the default' }
          : {
              field: 'active',
              message: 'the default pipeline cannot be deactivated; make another pipeline the default first',
            },
      ]);
    }
    const patch: Partial<repo.PipelineRow> = { updated_at: deps.clock.now() };
    if (input.name !== undefined) patch.name = input.name;
    if (input.description !== undefined) patch.description = input.description;
    if (input.enforceStageOrder !== undefined) patch.enforce_stage_order = input.enforceStageOrder;
    if (input.isDefault !== undefined) patch.is_default = input.isDefault;
    if (input.active !== undefined) patch.active = input.active;
    if (input.heldMeeting !== undefined) {
      const stageId = input.heldMeeting.stageId ?? null;
      await assertHeldMeetingStage(trx, actor.orgId, id, input.heldMeeting.action, stageId);
      patch.held_meeting_action = input.heldMeeting.action;
      patch.held_meeting_stage_id = input.heldMeeting.action === 'none' ? null : stageId;
    }
    const after = await repo.updatePipeline(trx, actor.orgId, id, version, patch);
    if (after.is_default && !before.is_default) await takeOverDefault(trx, deps, actor, id);
    const changes = camelChanges(diffFields(snapshot(before), snapshot(after), auditFields));
    await deps.eventLog.append(trx, actor, [
      { entityType: 'pipeline', entityId: id, type: 'pipeline.updated', data: { changes } },
    ]);
    // The pipeline as this transaction wrote it, not as a later writer may have left it after commit.
    return toPipelineDto(after, await repo.listStages(trx, actor.orgId, [id]));
  });
}

/** A pipeline's row with its stages, for deals placed in it. */
export async function pipelineRowWithStages(db: DbExecutor, orgId: string, id: string) {
  return repo.getPipelineWithStages(db, orgId, id);
}

/** The organization's default pipeline's row, if there is one. */
export async function defaultPipelineRow(db: DbExecutor, orgId: string): Promise<repo.PipelineRow | undefined> {
  return repo.getDefaultPipeline(db, orgId);
}
