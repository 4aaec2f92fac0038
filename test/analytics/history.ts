import type { Actor } from '../../src/contract/access.ts';
import type { DealDto } from '../../src/contract/deals.ts';
import type { ManualClock } from '../../src/domain/deps.ts';
import type { Deps } from '../../src/modules/context.ts';
import { createDeal } from '../../src/modules/deals/deals.service.ts';
import { moveDealStage } from '../../src/modules/deals/move-deal-stage.ts';
import { createTestPipeline } from '../helpers/sales.ts';

export const DAY = 86_400_000;

/** Qualify → Discovery → Proposal → Negotiation → Won / Lost, without entry gates. */
export async function analyticsPipeline(deps: Deps, admin: Actor) {
  return createTestPipeline(deps, admin, {
    stages: [
      { name: 'Qualify', kind: 'open', probability: 10 },
      { name: 'Discovery', kind: 'open', probability: 25 },
      { name: 'Proposal', kind: 'open', probability: 50, forecastCategory: 'best_case' },
      { name: 'Negotiation', kind: 'open', probability: 80, forecastCategory: 'commit' },
      { name: 'Won', kind: 'won' },
      { name: 'Lost', kind: 'lost' },
    ],
  });
}

export interface PathStep {
  /** Days to wait (on the manual clock) before the move. */
  after: number;
  stage: string;
}

/**
 * A deal created now in `start` and moved along `steps` through the real services, the clock
 * advancing between moves, so the stage history (events and visits) is what production writes.
 */
export async function dealPath(
  deps: Deps,
  clock: ManualClock,
  actor: Actor,
  pipeline: { id: string; stage: (name: string) => string },
  opts: {
    start?: string;
    steps?: PathStep[];
    amount?: string;
    currency?: string;
    ownerId?: string;
    expectedCloseDate?: string;
    extra?: Record<string, unknown>;
  },
): Promise<DealDto> {
  let deal = await createDeal(deps, actor, {
    name: 'Deal',
    pipelineId: pipeline.id,
    stageId: pipeline.stage(opts.start ?? 'Qualify'),
    ...(opts.amount ? { amount: opts.amount } : {}),
    ...(opts.currency ? { currency: opts.currency } : {}),
    ...(opts.ownerId ? { ownerId: opts.ownerId } : {}),
    ...(opts.expectedCloseDate ? { expectedCloseDate: opts.expectedCloseDate } : {}),
    ...(opts.extra ?? {}),
  });
  for (const s of opts.steps ?? []) {
    clock.advance(s.after * DAY);
    deal = await moveDealStage(deps, actor, deal.id, deal.version, {
      stageId: pipeline.stage(s.stage),
      ...(s.stage === 'Lost' ? { lostReason: 'no budget' } : {}),
    });
  }
  return deal;
}
