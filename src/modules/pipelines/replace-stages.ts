import type { Actor } from '../../contract/access.ts';
import { AppError, invalid, type FieldProblem } from '../../contract/errors.ts';
import { resolveStages, type PipelineDto, type ReplaceStagesInput } from '../../contract/pipelines.ts';
import { write, type Deps } from '../context.ts';
import { checkVersion, found, type ExpectedVersion } from '../shared.ts';
import * as repo from './pipelines.repository.ts';
import { assertPipelineWriter, stageSnapshot, toPipelineDto } from './pipelines.service.ts';

function describeUsage(u: repo.StageUsage, name: string): string {
  const parts = [`${u.deals} deal${u.deals === 1 ? '' : 's'}`];
  if (u.deletedDeals) parts.push(`${u.deletedDeals} deleted deal${u.deletedDeals === 1 ? '' : 's'} kept for history`);
  if (u.scripts) parts.push(`${u.scripts} pitch script${u.scripts === 1 ? '' : 's'}`);
  return `"${name}" (${parts.join(', ')})`;
}

/**
 * PUT /pipelines/:id/stages: the full, ordered stage list replaces the current one. Stages sent
 * with an id are kept (renamed, re-ordered, re-configured), stages without one are added, and
 * stages left out are removed — unless records still sit in them, which is a 409 with the counts.
 * A stage that holds deals cannot change its kind either, since the deals' status follows it.
 */
export async function replaceStages(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: ReplaceStagesInput,
): Promise<PipelineDto> {
  assertPipelineWriter(actor);
  const { stages, problems } = resolveStages(input.stages);
  if (problems.length) throw invalid(problems);
  return write(deps, actor.orgId, async (trx) => {
    const pipeline = found(await repo.lockPipeline(trx, actor.orgId, id), 'pipeline', id);
    const version = checkVersion('pipeline', id, pipeline.version, expected);
    const current = await repo.listStages(trx, actor.orgId, [id]);
    const byId = new Map(current.map((s) => [s.id, s]));
    const unknown: FieldProblem[] = stages.flatMap((s, i) =>
      s.id && !byId.has(s.id) ? [{ field: `stages.${i}.id`, message: 'is not a stage of this pipeline' }] : [],
    );
    if (unknown.length) throw invalid(unknown);

    const kept = new Set(stages.flatMap((s) => (s.id ? [s.id] : [])));
    const heldStage = pipeline.held_meeting_stage_id;
    if (heldStage && (!kept.has(heldStage) || stages.find((s) => s.id === heldStage)?.kind !== 'open')) {
      const name = byId.get(heldStage)?.name ?? heldStage;
      throw new AppError(
        'conflict',
        `Stage "${name}" is where a held first meeting puts the deal: choose another stage for held meetings (or none) first`,
        { details: { heldMeetingStageId: heldStage } },
      );
    }
    const removed = current.filter((s) => !kept.has(s.id));
    const rekinded = stages.flatMap((s) => {
      const was = s.id ? byId.get(s.id) : undefined;
      return was && was.kind !== s.kind ? [was] : [];
    });
    const usage = await repo.stageUsage(
      trx,
      actor.orgId,
      [...removed, ...rekinded].map((s) => s.id),
    );
    const usageOf = new Map(usage.map((u) => [u.stageId, u]));
    const blockedRemovals = removed.flatMap((s) => {
      const u = usageOf.get(s.id);
      return u ? [{ stage: s, usage: u }] : [];
    });
    const blockedKinds = rekinded.flatMap((s) => {
      const u = usageOf.get(s.id);
      return u && u.deals > 0 ? [{ stage: s, usage: u }] : [];
    });
    if (blockedRemovals.length || blockedKinds.length) {
      const msgs = [
        ...(blockedRemovals.length
          ? [
              `Stages still in use cannot be removed: ${blockedRemovals.map((b) => describeUsage(b.usage, b.stage.name)).join('; ')}. Move the deals first.`,
            ]
          : []),
        ...(blockedKinds.length
          ? [
              `Stages holding deals cannot change kind: ${blockedKinds.map((b) => describeUsage(b.usage, b.stage.name)).join('; ')}.`,
            ]
          : []),
      ];
      const all = [...blockedRemovals, ...blockedKinds];
      throw new AppError('conflict', msgs.join(' '), {
        details: {
          dealCount: all.reduce((n, b) => n + b.usage.deals, 0),
          stages: all.map((b) => ({
            id: b.stage.id,
            name: b.stage.name,
            deals: b.usage.deals,
            deletedDeals: b.usage.deletedDeals,
            pitchScripts: b.usage.scripts,
          })),
        },
      });
    }

    await repo.deleteStages(
      trx,
      actor.orgId,
      removed.map((s) => s.id),
    );
    const added: repo.NewStageRow[] = [];
    for (const [position, s] of stages.entries()) {
      const fields = {
        name: s.name,
        position,
        probability: s.probability,
        forecast_category: s.forecastCategory,
        kind: s.kind,
        expected_days: s.expectedDays,
        required_fields: JSON.stringify(s.requiredFields),
      };
      if (s.id) await repo.updateStage(trx, actor.orgId, s.id, fields);
      else added.push({ org_id: actor.orgId, id: deps.ids.id(), pipeline_id: id, ...fields });
    }
    await repo.insertStages(trx, added);
    const after = await repo.updatePipeline(trx, actor.orgId, id, version, { updated_at: deps.clock.now() });
    const stored = await repo.listStages(trx, actor.orgId, [id]);
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'pipeline',
        entityId: id,
        type: 'pipeline.stages_changed',
        data: {
          before: current.map(stageSnapshot),
          after: stored.map(stageSnapshot),
          added: added.map((s) => s.id),
          removed: removed.map((s) => s.id),
        },
      },
    ]);
    return toPipelineDto(after, stored);
  });
}
