import type { AgentSideReportDto } from '../contract/agents.ts';
import { sumMoney } from '../contract/money.ts';

/** Deals with an agent on one side, of one status and currency: how many and their total amount. */
export interface AgentSideFact {
  side: 'buyer' | 'seller';
  status: string;
  currency: string;
  deals: number;
  amount: string;
}

/**
 * Deals by the side their agents work on: per side, how many deals, how many are open, won and
 * lost, the win rate (won / (won + lost), null while none is closed) and the amounts per currency
 * (exact decimals). A deal with agents on both sides counts on both.
 */
export function dealsByAgentSide(facts: readonly AgentSideFact[]): AgentSideReportDto {
  const rows = (['buyer', 'seller'] as const).map((side) => {
    const mine = facts.filter((f) => f.side === side);
    const count = (status?: string) =>
      mine.filter((f) => status === undefined || f.status === status).reduce((n, f) => n + f.deals, 0);
    const won = count('won');
    const lost = count('lost');
    const currencies = [...new Set(mine.map((f) => f.currency))].sort();
    return {
      side,
      deals: count(),
      open: count('open'),
      won,
      lost,
      winRate: won + lost === 0 ? null : won / (won + lost),
      amounts: currencies.map((currency) => ({
        currency,
        amount: sumMoney(mine.filter((f) => f.currency === currency).map((f) => f.amount)),
      })),
    };
  });
  return { rows };
}
