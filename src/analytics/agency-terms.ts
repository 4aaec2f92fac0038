import { percentOf } from '../contract/money.ts';

/*
 * Agency agreements as the commission ledger reads them: their terms from the log's
 * `agency_agreement.created` and `.updated` events, and what they pay on a won deal.
 */

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function change(data: Record<string, unknown>, field: string): { from: unknown; to: unknown } | undefined {
  const changes = data.changes as Record<string, { from: unknown; to: unknown }> | undefined;
  return changes?.[field];
}

/** An agency agreement's terms: the days it is in force and what it pays on a won deal. */
export interface AgencyTerms {
  id: string;
  agentPartyId: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  compensationKind: 'percent' | 'amount';
  compensationPercent: string | null;
  compensationAmount: string | null;
  /** The fixed amount's currency (null: the deal's). */
  currency: string | null;
}

/**
 * What an agency agreement pays on a deal, in which currency: a percent of the deal's amount
 * rounded to the cent half away from zero (null without an amount), or the fixed amount.
 */
export function agencyPay(
  terms: Pick<AgencyTerms, 'compensationKind' | 'compensationPercent' | 'compensationAmount' | 'currency'>,
  deal: { amount: string | null; currency: string },
): { amount: string | null; currency: string } {
  if (terms.compensationKind === 'percent')
    return {
      amount:
        deal.amount === null || terms.compensationPercent === null
          ? null
          : percentOf(deal.amount, terms.compensationPercent),
      currency: deal.currency,
    };
  return { amount: terms.compensationAmount, currency: terms.currency ?? deal.currency };
}

/** An agreement's terms from the snapshot of its `agency_agreement.created` event (null when unreadable). */
export function agreementTerms(id: string, after: Record<string, unknown>): AgencyTerms | null {
  const agentPartyId = str(after.agentPartyId);
  const effectiveFrom = str(after.effectiveFrom);
  if (agentPartyId === null || effectiveFrom === null) return null;
  return {
    id,
    agentPartyId,
    effectiveFrom,
    effectiveTo: str(after.effectiveTo),
    compensationKind: after.compensationKind === 'amount' ? 'amount' : 'percent',
    compensationPercent: str(after.compensationPercent),
    compensationAmount: str(after.compensationAmount),
    currency: str(after.currency)?.trim() ?? null,
  };
}

/** The terms after an `agency_agreement.updated` event: each changed field takes its new value. */
export function amendTerms(terms: AgencyTerms, data: Record<string, unknown>): AgencyTerms {
  const next = { ...terms };
  const to = (field: string): { value: string | null } | undefined => {
    const c = change(data, field);
    return c ? { value: str(c.to) } : undefined;
  };
  const party = to('agentPartyId');
  if (party?.value) next.agentPartyId = party.value;
  const from = to('effectiveFrom');
  if (from?.value) next.effectiveFrom = from.value;
  const until = to('effectiveTo');
  if (until) next.effectiveTo = until.value;
  const kind = to('compensationKind');
  if (kind) next.compensationKind = kind.value === 'amount' ? 'amount' : 'percent';
  const percent = to('compensationPercent');
  if (percent) next.compensationPercent = percent.value;
  const amount = to('compensationAmount');
  if (amount) next.compensationAmount = amount.value;
  const currency = to('currency');
  if (currency) next.currency = currency.value?.trim() ?? null;
  return next;
}
