import { AppError, invalid } from '../../contract/errors.ts';
import type { StageInfo } from '../../contract/stage-rules.ts';
import type { DbExecutor } from '../../db/database.ts';
import type { PipelineRow } from '../pipelines/pipelines.repository.ts';
import { defaultPipelineRow, pipelineRowWithStages, toStageInfo } from '../pipelines/pipelines.service.ts';
import { stageRefusalError } from './deal-stage-errors.ts';

/** A pipeline with its stages in order, as the deal rules use them. */
export interface PipelineStages {
  pipeline: PipelineRow;
  stages: StageInfo[];
}

/** Loads a pipeline of the organization with its stages; `field` names the input for the 422. */
export async function loadPipelineStages(
  trx: DbExecutor,
  orgId: string,
  pipelineId: string,
  field: string,
): Promise<PipelineStages> {
  const found = await pipelineRowWithStages(trx, orgId, pipelineId);
  if (!found) throw invalid([{ field, message: 'is not a pipeline of this organization' }]);
  const { stages, ...pipeline } = found;
  return { pipeline, stages: stages.map(toStageInfo) };
}

/**
 * Where a new deal starts: the given pipeline (or the organization's default) and stage (or its
 * first open stage). A deal starts open; in a pipeline that enforces stage order it starts in
 * the first open stage, so that "skipping" cannot hide in the creation.
 */
export async function startingStage(
  trx: DbExecutor,
  orgId: string,
  pipelineId: string | undefined,
  stageId: string | undefined,
): Promise<PipelineStages & { stage: StageInfo }> {
  let id = pipelineId;
  if (!id) {
    const fallback = await defaultPipelineRow(trx, orgId);
    if (!fallback)
      throw invalid([{ field: 'pipelineId', message: 'is required: the organization has no default pipeline' }]);
    id = fallback.id;
  }
  const { pipeline, stages } = await loadPipelineStages(trx, orgId, id, 'pipelineId');
  if (!pipeline.active) throw invalid([{ field: 'pipelineId', message: 'is an inactive pipeline' }]);
  const first = stages.find((s) => s.kind === 'open');
  const stage = stageId ? stages.find((s) => s.id === stageId) : first;
  if (!stage || !first) throw invalid([{ field: 'stageId', message: `is not a stage of pipeline "${pipeline.name}"` }]);
  if (stage.kind !== 'open') {
    throw new AppError(
      'invalid_transition',
      `A deal starts in an open stage; create it, then move it to "${stage.name}"`,
      { details: { stageId: stage.id } },
    );
  }
  if (pipeline.enforce_stage_order && stage.id !== first.id) {
    const skipped = stages.filter((s) => s.kind === 'open' && s.position < stage.position);
    throw stageRefusalError(
      {
        code: 'stage_order_violation',
        direction: 'forward',
        skippedStages: skipped,
        message: `Pipeline "${pipeline.name}" enforces stage order: new deals start in "${first.name}"`,
      },
      stage,
    );
  }
  return { pipeline, stages, stage };
}
