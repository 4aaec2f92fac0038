import { canReadConflicts, type Actor } from '../../contract/access.ts';
import type { ProtectionWhatIfDto, ProtectionWhatIfInput } from '../../contract/channel.ts';
import { forbidden, invalid, type FieldProblem } from '../../contract/errors.ts';
import { matchParties } from '../../analytics/channel-match.ts';
import { protectionWhatIf, type WhatIfRegistration, type WhatIfTier } from '../../analytics/protection-whatif.ts';
import { reading, type Deps } from '../context.ts';
import * as repo from './channel.repository.ts';
import { DEFAULT_PROTECTION_DAYS } from './programme.service.ts';

/** How many of the most recent approved registrations a what-if replays. */
export const WHAT_IF_REGISTRATIONS = 2000;
/** How many later parties (registrations, deals) it compares them with. */
const WHAT_IF_PARTIES = 20_000;

/**
 * "What if the protection window of a tier were N days": replays the organisation's approved (and
 * expired) registrations and their deals under the candidate windows (channel managers and
 * auditors). Conflicts are matched as on registration (`matchParties`): another partner's
 * registration or a deal not approved from a registration, for the same customer.
 */
export async function protectionWindowWhatIf(
  deps: Deps,
  actor: Actor,
  input: ProtectionWhatIfInput,
): Promise<ProtectionWhatIfDto> {
  if (!canReadConflicts(actor)) throw forbidden('Your role cannot read channel analytics');
  const { db } = reading(deps);
  const tiers = await repo.listTiers(db, actor.orgId);
  const byId = new Map(tiers.map((t) => [t.id, t]));
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  input.windows.forEach((w, i) => {
    if (w.tierId !== null && !byId.has(w.tierId))
      problems.push({ field: `windows.${i}.tierId`, message: 'is not a tier of this organization' });
    const key = w.tierId ?? '';
    if (seen.has(key)) problems.push({ field: `windows.${i}.tierId`, message: 'is named twice' });
    seen.add(key);
  });
  if (problems.length) throw invalid(problems);
  const candidates: WhatIfTier[] = input.windows.map((w) => {
    const tier = w.tierId ? byId.get(w.tierId) : undefined;
    return {
      tierId: w.tierId,
      tierName: tier?.name ?? null,
      currentDays: tier?.protection_days ?? DEFAULT_PROTECTION_DAYS,
      candidateDays: w.protectionDays,
    };
  });
  const now = deps.clock.now();
  const rows = await repo.whatIfRegistrations(db, actor.orgId, WHAT_IF_REGISTRATIONS);
  const earliest = rows.reduce<Date | null>((m, r) => (m && m < r.registered_at ? m : r.registered_at), null);
  const parties = earliest ? await repo.whatIfParties(db, actor.orgId, earliest, WHAT_IF_PARTIES) : [];
  const registrations = rows.map((r): WhatIfRegistration => {
    const self = { customerName: r.customer_name, customerDomain: r.customer_domain, productIds: r.product_ids };
    const matchStarts = parties
      .filter(
        (p) =>
          p.since.getTime() > r.registered_at.getTime() &&
          p.id !== r.id &&
          p.id !== r.deal_id &&
          p.partner_account_id !== r.partner_account_id &&
          matchParties(self, {
            customerName: p.customer_name,
            customerDomain: p.customer_domain,
            productIds: p.product_ids,
          }) !== null,
      )
      .map((p) => p.since);
    return {
      tierId: r.tier_id,
      registeredAt: r.registered_at,
      approvedAt: r.decided_at,
      protectedUntil: r.protected_until,
      extendedDays: Math.max(0, r.protection_days - (r.approved_days ?? r.protection_days)),
      deal: {
        status: r.deal_status as WhatIfRegistration['deal']['status'],
        closedAt: r.closed_at,
        amount: r.amount,
        currency: r.currency,
      },
      matchStarts,
    };
  });
  const result = protectionWhatIf(registrations, candidates, now);
  return { ...result, asOf: now.toISOString() };
}
