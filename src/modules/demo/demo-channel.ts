import type { Actor } from '../../contract/access.ts';
import type { PartnerType } from '../../contract/channel.ts';
import { listConflicts, resolveConflict } from '../channel/conflicts.service.ts';
import { createTier, linkReseller, setPartner } from '../channel/programme.service.ts';
import { approveRegistration, registerDeal, rejectRegistration } from '../channel/registrations.service.ts';
import type { Deps } from '../context.ts';
import { createAccount } from '../accounts/accounts.service.ts';
import type { Random } from './random.ts';

const DAY = 86_400_000;

/** What the demo's channel did, to check the channel analytics against. */
export interface DemoChannelCounts {
  registrations: number;
  approved: number;
  rejected: number;
  /** Registrations seen in a conflict while seeding (at registration or decision): a lower bound of the analytics' count. */
  conflicted: Set<string>;
  byType: Record<string, number>;
  byTier: Record<string, number>;
  /** Two-tier: registrations naming a distributor, and the deals approved from them. */
  throughDistributor: number;
  twoTierDeals: number;
}

function markConflicted(
  counts: DemoChannelCounts,
  c: { subjectKind: string; subjectId: string; matchKind: string; matchId: string },
): void {
  if (c.subjectKind === 'registration') counts.conflicted.add(c.subjectId);
  if (c.matchKind === 'registration') counts.conflicted.add(c.matchId);
}

/**
 * Tiers Gold, Silver and Bronze, and the partner accounts in the programme, one of each type; the
 * distributor serves the reseller and the value-added reseller (two-tier).
 */
export async function setUpDemoChannel(
  deps: Deps,
  admin: Actor,
  existing: readonly { id: string }[],
): Promise<{ id: string; type: PartnerType; tier: string }[]> {
  // a referral partner beside the distributor, resellers and agency of the book
  const referral = await createAccount(deps, admin, { name: 'Harbor Referral Partners', type: 'other' });
  const partnerAccounts = [...existing, referral];
  const tiers = [];
  for (const [name, rank, protectionDays, discountPercent, developmentFunds] of [
    ['Gold', 3, 90, '20', '25000.00'],
    ['Silver', 2, 60, '12', '10000.00'],
    ['Bronze', 1, 30, '5', '0'],
  ] as const)
    tiers.push(await createTier(deps, admin, { name, rank, protectionDays, discountPercent, developmentFunds }));
  const types: PartnerType[] = [
    'distributor',
    'reseller',
    'value_added_reseller',
    'managed_service_provider',
    'referral',
  ];
  const out = [];
  for (const [i, account] of partnerAccounts.entries()) {
    const type = types[i % types.length] ?? 'reseller';
    const tier = tiers[i % tiers.length];
    if (!tier) continue;
    await setPartner(deps, admin, account.id, { partnerType: type, tierId: tier.id });
    out.push({ id: account.id, type, tier: tier.name });
  }
  const distributor = out.find((x) => x.type === 'distributor');
  if (distributor)
    for (const reseller of out.filter((x) => x.type === 'reseller' || x.type === 'value_added_reseller'))
      await linkReseller(deps, admin, distributor.id, reseller.id);
  return out;
}

/**
 * Registrations over the period: partners register customers of the book (some already worked
 * directly, some registered by two partners, hence conflicts), a channel manager resolves the
 * conflicts and approves most after one to four days, rejecting the rest. A reseller a distributor
 * serves registers two in three of its customers through it (two-tier), the third on its own.
 */
export function scheduleDemoChannel(opts: {
  deps: Deps;
  rng: Random;
  start: number;
  end: number;
  manager: Actor;
  partners: readonly { id: string; type: string; tier: string }[];
  customers: readonly { name: string }[];
  registrations: number;
  counts: DemoChannelCounts;
}): { at: number; run: () => Promise<void> }[] {
  const { deps, rng, manager, counts } = opts;
  const actions: { at: number; run: () => Promise<void> }[] = [];
  const span = opts.end - opts.start - 10 * DAY;
  for (let i = 0; i < opts.registrations; i++) {
    const partner = rng.pick(opts.partners);
    const customer = rng.pick(opts.customers);
    const at = opts.start + 5 * DAY + Math.floor((span * (i + 0.5)) / opts.registrations) + rng.int(0, 3600_000);
    const approve = rng.chance(0.75);
    const decideAt = at + rng.int(1, 4) * DAY;
    let id = '';
    actions.push({
      at,
      run: async () => {
        const r = await registerDeal(deps, manager, {
          customerName: customer.name,
          amount: `${rng.int(5, 80) * 1000}.00`,
          partnerAccountId: partner.id,
          // Left out, the distributor serving the partner is named; every third registration names none.
          ...(i % 3 === 2 ? { distributorAccountId: null } : {}),
        });
        id = r.id;
        counts.registrations++;
        if (r.distributorAccountId) counts.throughDistributor++;
        const found = await listConflicts(deps, manager, { status: 'open', registrationId: id, limit: 200 });
        for (const c of found.items) markConflicted(counts, c);
        counts.byType[partner.type] = (counts.byType[partner.type] ?? 0) + 1;
        counts.byTier[partner.tier] = (counts.byTier[partner.tier] ?? 0) + 1;
      },
    });
    actions.push({
      at: decideAt,
      run: async () => {
        const open = await listConflicts(deps, manager, { status: 'open', registrationId: id, limit: 200 });
        for (const c of open.items) markConflicted(counts, c);
        for (const c of open.items)
          await resolveConflict(deps, manager, c.id, c.version, {
            winner: c.suggestedWinner === 'undecided' ? 'shared' : c.suggestedWinner,
          });
        if (approve) {
          const approved = await approveRegistration(deps, manager, id, '*', {});
          counts.approved++;
          if (approved.distributorAccountId) counts.twoTierDeals++;
        } else {
          await rejectRegistration(deps, manager, id, '*', 'The customer is already covered');
          counts.rejected++;
        }
      },
    });
  }
  return actions;
}
