import type { Actor } from '../../contract/access.ts';
import type { DealDto, MoveDealStageInput } from '../../contract/deals.ts';
import { AppError, forbidden, invalid } from '../../contract/errors.ts';
import { evaluateStageMove, mayClose, mayReopen, type StageInfo } from '../../contract/stage-rules.ts';
import { assertDisclosuresForStage } from '../agents/disclosure-gate.ts';
import { write, type Deps } from '../context.ts';
import { type EventInput } from '../events/events.service.ts';
import { checkVersion, type EventCause, type ExpectedVersion } from '../shared.ts';
import type { DbExecutor } from '../../db/database.ts';
import { gateFacts, toDealDto, type DealRecord } from './deal-dto.ts';
import { loadPipelineStages } from './deal-pipeline.ts';
import { stageRefusalError } from './deal-stage-errors.ts';
import { recordToWrite } from './deals.service.ts';
import * as repo from './deals.repository.ts';
import { moveToNextVisit } from './stage-visits.repository.ts';

const DAY_MS = 86_400_000;

/** The version to check: from the body or If-Match; both may be sent only when they agree. */
export function versionOf(header: ExpectedVersion | undefined, body: number | undefined): ExpectedVersion | undefined {
  if (header !== undefined && body !== undefined && header !== '*' && header !== body) {
    throw invalid([{ field: 'expectedVersion', message: `disagrees with If-Match (${header})` }]);
  }
  return body ?? header;
}

const stageRef = (s: StageInfo, pipelineId: string) => ({
  stageId: s.id,
  name: s.name,
  position: s.position,
  kind: s.kind,
  pipelineId,
});

/**
 * POST /deals/:id/stage: moves a deal to a stage (optionally of another pipeline) under the
 * stage rules (see `evaluateStageMove`), sets its status from the stage's kind, and records
 * `deal.stage_changed` plus `deal.reopened` / `deal.won` / `deal.lost` in the same transaction.
 */
export async function moveDealStage(
  deps: Deps,
  actor: Actor,
  id: string,
  header: ExpectedVersion | undefined,
  input: MoveDealStageInput,
): Promise<DealDto> {
  const expected = versionOf(header, input.expectedVersion);
  const moved = await write(deps, actor.orgId, (trx) => moveDealStageTx(trx, deps, actor, id, expected, input));
  return toDealDto(moved);
}

/** The stage move inside the caller's transaction (an approved move is applied through this). */
export async function moveDealStageTx(
  trx: DbExecutor,
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: MoveDealStageInput,
  /** Set when an approval of the move was given: it stands for the reopening permission. */
  opts: { reopenApproved?: boolean; cause?: EventCause } = {},
): Promise<DealRecord> {
  const record = await recordToWrite(trx, actor, id);
  const deal = record.deal;
  const version = checkVersion('deal', id, deal.version, expected);
  const current = await loadPipelineStages(trx, actor.orgId, deal.pipeline_id, 'pipelineId');
  const samePipeline = input.pipelineId === undefined || input.pipelineId === deal.pipeline_id;
  const target = samePipeline
    ? current
    : await loadPipelineStages(trx, actor.orgId, input.pipelineId ?? deal.pipeline_id, 'pipelineId');
  if (!target.pipeline.active && !samePipeline)
    throw invalid([{ field: 'pipelineId', message: 'is an inactive pipeline' }]);
  const from = current.stages.find((s) => s.id === deal.stage_id);
  const to = target.stages.find((s) => s.id === input.stageId);
  if (!to) throw invalid([{ field: 'stageId', message: `is not a stage of pipeline "${target.pipeline.name}"` }]);
  if (!from)
    throw new AppError('internal_error', `deal ${id} is in stage ${deal.stage_id}, which its pipeline does not list`);
  if (to.kind !== 'open' && !mayClose(actor.role))
    throw forbidden('Partners cannot close deals; the channel manager marks a registration won or lost');
  if (input.lostReason !== undefined && to.kind !== 'lost')
    throw invalid([{ field: 'lostReason', message: 'applies only when moving to a lost stage' }]);

  const lostReason = to.kind === 'lost' ? (input.lostReason ?? deal.lost_reason) : null;
  const verdict = evaluateStageMove({
    stages: target.stages,
    from,
    to,
    samePipeline,
    enforceOrder: target.pipeline.enforce_stage_order,
    deal: gateFacts(deal, record.lines, record.roles),
    lostReason,
    canReopen: mayReopen(actor.role) || opts.reopenApproved === true,
  });
  if (!verdict.ok) throw stageRefusalError(verdict, to);
  await assertDisclosuresForStage(trx, actor.orgId, id, { ...to, pipelineId: target.pipeline.id, stageId: to.id });

  const now = deps.clock.now();
  const after = await repo.moveDealToStage(trx, {
    orgId: actor.orgId,
    id,
    version,
    pipelineId: target.pipeline.id,
    stageId: to.id,
    status: to.kind,
    at: now,
    closedAt: verdict.closes ? now : null,
    // A reopened deal is no longer lost, so its old reason would mislead; the events keep it.
    lostReason: to.kind === 'lost' ? lostReason : from.kind === 'lost' ? null : deal.lost_reason,
  });

  const events: EventInput[] = [
    {
      entityType: 'deal',
      entityId: id,
      type: 'deal.stage_changed',
      data: {
        from: stageRef(from, current.pipeline.id),
        to: stageRef(to, target.pipeline.id),
        status: { from: verdict.statusFrom, to: verdict.statusTo },
        daysInPreviousStage: Math.round(((now.getTime() - deal.stage_entered_at.getTime()) / DAY_MS) * 100) / 100,
        ...(opts.cause ? { cause: opts.cause } : {}),
      },
    },
  ];
  const event = (type: string, data: Record<string, unknown>): EventInput => ({
    entityType: 'deal',
    entityId: id,
    type,
    data,
  });
  if (verdict.reopens)
    events.push(
      event('deal.reopened', {
        previousStatus: verdict.statusFrom,
        closedAt: deal.closed_at?.toISOString() ?? null,
        lostReason: deal.lost_reason,
        stageId: to.id,
      }),
    );
  if (to.kind === 'won')
    events.push(
      event('deal.won', {
        stageId: to.id,
        amount: deal.amount,
        currency: deal.currency.trim(),
        lineItemsCount: record.lines.length,
        closedAt: now.toISOString(),
      }),
    );
  if (to.kind === 'lost')
    events.push(
      event('deal.lost', {
        stageId: to.id,
        lostReason,
        amount: deal.amount,
        currency: deal.currency.trim(),
        closedAt: now.toISOString(),
      }),
    );
  const [eventId] = await deps.eventLog.append(trx, actor, events);
  if (eventId === undefined) throw new AppError('internal_error', `no event recorded for the stage move of deal ${id}`);
  await moveToNextVisit(trx, {
    orgId: actor.orgId,
    dealId: id,
    pipelineId: target.pipeline.id,
    stageId: to.id,
    at: now,
    eventId,
  });
  // A stage move leaves the children and the owner as they were: the response is built from
  // what this transaction read and wrote rather than read again after commit.
  return { ...record, deal: after };
}
