import { agencyPay } from '../../analytics/agency-terms.ts';
import { readsOwnAgencyWork, type Actor } from '../../contract/access.ts';
import type { AgentWorkDto, AgentWorkItemDto } from '../../contract/agents.ts';
import { forbidden } from '../../contract/errors.ts';
import { sumMoney } from '../../contract/money.ts';
import { reading, type Deps } from '../context.ts';
import * as repo from './agents.repository.ts';

/** What an agreement pays on a deal, in which currency (null: a percent of a deal without an amount). */
export function compensationOn(r: repo.AgentWorkRow): { amount: string | null; currency: string } {
  return agencyPay(
    {
      compensationKind: r.compensation_kind === 'amount' ? 'amount' : 'percent',
      compensationPercent: r.compensation_percent,
      compensationAmount: r.compensation_amount,
      currency: r.agreement_currency,
    },
    { amount: r.amount, currency: r.currency },
  );
}

/**
 * An agent user's own work: every deal its parties are on, with the side, whether it disclosed,
 * and what its agreement pays there; totals of compensation earned (won deals) and expected (open).
 */
export async function getAgentWork(deps: Deps, actor: Actor): Promise<AgentWorkDto> {
  if (!readsOwnAgencyWork(actor)) throw forbidden('Only an agent user bound to an agent party has agency work');
  const rows = await repo.agentWork(reading(deps).db, actor.orgId, actor.agentPartyIds ?? []);
  const items = rows.map((r): AgentWorkItemDto => {
    const pay = compensationOn(r);
    return {
      dealAgentId: r.deal_agent_id,
      dealId: r.deal_id,
      dealName: r.deal_name,
      stageName: r.stage_name,
      status: r.status,
      amount: r.amount,
      currency: r.currency,
      expectedCloseDate: r.expected_close_date,
      closedAt: r.closed_at?.toISOString() ?? null,
      agentName: r.agent_name,
      role: r.role as AgentWorkItemDto['role'],
      side: r.side === 'seller' ? 'seller' : 'buyer',
      disclosed: r.disclosed,
      compensationKind: r.compensation_kind === 'amount' ? 'amount' : 'percent',
      compensationPercent: r.compensation_percent,
      compensation: pay.amount,
      compensationCurrency: pay.currency,
      earned: r.status === 'won',
    };
  });
  const byCurrency = new Map<string, { earned: string[]; expected: string[] }>();
  for (const i of items) {
    if (i.compensation === null || i.status === 'lost') continue;
    const t = byCurrency.get(i.compensationCurrency) ?? { earned: [], expected: [] };
    (i.earned ? t.earned : t.expected).push(i.compensation);
    byCurrency.set(i.compensationCurrency, t);
  }
  const totals = [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, t]) => ({ currency, earned: sumMoney(t.earned), expected: sumMoney(t.expected) }));
  return { items, totals };
}
