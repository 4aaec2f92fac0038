import type { Actor } from '../../contract/access.ts';
import { listDealsQuery } from '../../contract/deals.ts';
import type { Deps } from '../context.ts';
import { listDeals } from '../deals/deals.service.ts';
import { changeDeal } from '../oversight/approvals.service.ts';
import { runDetection } from '../oversight/findings.service.ts';
import { createApprovalRule, lockPeriod } from '../oversight/policy.service.ts';

/**
 * The demo's oversight at the end of its year: the approval rules, the last closed quarter locked,
 * one rep's deep discount waiting in the manager's inbox, and the detectors' first run over the log.
 */
export async function seedOversight(
  deps: Deps,
  opts: { admin: Actor; rep: Actor; productId: string; orgId: string },
): Promise<{ pendingApprovals: number; findings: number }> {
  const { admin, rep } = opts;
  await createApprovalRule(deps, admin, {
    kind: 'discount_above',
    threshold: '25',
    approverKind: 'manager_chain',
    levels: 1,
    escalateAfterMinutes: null,
    escalateIn: 'business_hours',
    active: true,
  });
  await createApprovalRule(deps, admin, {
    kind: 'amount_above',
    threshold: '250000.00',
    currency: 'USD',
    approverKind: 'role',
    approverRole: 'admin',
    levels: 1,
    escalateAfterMinutes: null,
    escalateIn: 'business_hours',
    active: true,
  });
  await createApprovalRule(deps, admin, {
    kind: 'reopen_won',
    approverKind: 'manager_chain',
    levels: 1,
    escalateAfterMinutes: null,
    escalateIn: 'business_hours',
    active: true,
  });
  await createApprovalRule(deps, admin, {
    kind: 'locked_period',
    approverKind: 'role',
    approverRole: 'admin',
    levels: 1,
    escalateAfterMinutes: null,
    escalateIn: 'business_hours',
    active: true,
  });
  // The calendar quarter before the current one (the demo's fiscal year starts in January).
  const now = deps.clock.now();
  const q = Math.floor(now.getUTCMonth() / 3);
  const startMonth = q === 0 ? 9 : (q - 1) * 3;
  const year = q === 0 ? now.getUTCFullYear() - 1 : now.getUTCFullYear();
  const day = (y: number, m: number) => `${y}-${String(m + 1).padStart(2, '0')}-01`;
  await lockPeriod(deps, admin, {
    startsOn: day(year, startMonth),
    endsOn: startMonth === 9 ? day(year + 1, 0) : day(year, startMonth + 3),
  });
  let pendingApprovals = 0;
  const open = await listDeals(deps, rep, listDealsQuery.parse({ status: 'open', ownerId: rep.userId, limit: 1 }));
  const deal = open.items[0];
  if (deal) {
    const answer = await changeDeal(deps, rep, deal.id, deal.version, {
      lineItems: [{ productId: opts.productId, quantity: '10', discountPercent: '35' }],
    });
    if (answer.kind === 'held') pendingApprovals++;
  }
  const findings = await runDetection(deps, opts.orgId);
  return { pendingApprovals, findings };
}
