import { scopeFor, type Actor } from '../../contract/access.ts';
import type { BoardSummaryDto, BoardSummaryQuery } from '../../contract/deals.ts';
import { fromScaled, toScaled } from '../../contract/money.ts';
import type { Deps } from '../context.ts';
import { pipelineRowWithStages } from '../pipelines/pipelines.service.ts';
import { found } from '../shared.ts';
import { getOrganization } from '../users/users.service.ts';
import * as repo from './deals.repository.ts';

/**
 * The board's column heads, computed by the server: per stage of the pipeline, how many deals the
 * reader may see pass the filters, and per currency their exact sum and the sum weighted by the
 * stage's probability. Closed stages count only the deals closed in the current period (the
 * organization's fiscal month, quarter or year in its time zone) unless the period is `all`;
 * the bounds are returned so the columns' pages ask for the same deals.
 */
export async function boardSummary(deps: Deps, actor: Actor, q: BoardSummaryQuery): Promise<BoardSummaryDto> {
  const pipeline = found(await pipelineRowWithStages(deps.db, actor.orgId, q.pipelineId), 'pipeline', q.pipelineId);
  let bounds: { from: Date; to: Date } | null = null;
  if (q.closedPeriod !== 'all') {
    const org = await getOrganization(deps, actor);
    bounds = await repo.periodBounds(deps.db, deps.clock.now(), org.timezone, q.closedPeriod, org.fiscalYearStartMonth);
  }
  const { closedPeriod: _period, ...filters } = q;
  const rows = await repo.stageTotals(deps.db, actor.orgId, scopeFor(actor, 'deal', 'read'), {
    ...filters,
    sort: 'created_at',
    order: 'asc',
    ...(bounds ? { closedFrom: bounds.from.toISOString(), closedTo: bounds.to.toISOString() } : {}),
  });
  const stages = [...pipeline.stages].sort((a, b) => a.position - b.position);
  return {
    pipelineId: pipeline.id,
    closedPeriod: q.closedPeriod,
    closedFrom: bounds ? bounds.from.toISOString() : null,
    closedTo: bounds ? bounds.to.toISOString() : null,
    stages: stages.map((stage) => {
      const mine = rows.filter((r) => r.stage_id === stage.id).sort((a, b) => a.currency.localeCompare(b.currency));
      return {
        stageId: stage.id,
        kind: stage.kind as BoardSummaryDto['stages'][number]['kind'],
        count: mine.reduce((n, r) => n + r.count, 0),
        totals: mine
          .filter((r) => r.sum !== null)
          .map((r) => {
            const cents = toScaled(r.sum ?? '0', 2);
            return {
              currency: r.currency.trim(),
              sum: fromScaled(cents, 2),
              weighted: fromScaled((cents * BigInt(stage.probability) + 50n) / 100n, 2),
            };
          }),
      };
    }),
  };
}
