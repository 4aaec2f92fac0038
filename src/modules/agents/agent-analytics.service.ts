import { scopeFor, type Actor } from '../../contract/access.ts';
import type { AgentSideReportDto } from '../../contract/agents.ts';
import { dealsByAgentSide, type AgentSideFact } from '../../analytics/agent-sides.ts';
import { reading, type Deps } from '../context.ts';
import * as repo from './agents.repository.ts';
import { assertReadAgents } from './parties.service.ts';

/** Deals by the side of their agents, within the deals the actor may read. */
export async function getAgentSideReport(deps: Deps, actor: Actor): Promise<AgentSideReportDto> {
  assertReadAgents(actor);
  const rows = await repo.dealsBySide(reading(deps).db, actor.orgId, scopeFor(actor, 'deal', 'read'));
  return dealsByAgentSide(
    rows.map((r): AgentSideFact => ({
      side: r.side === 'seller' ? 'seller' : 'buyer',
      status: r.status,
      currency: r.currency,
      deals: r.deals,
      amount: r.amount,
    })),
  );
}
