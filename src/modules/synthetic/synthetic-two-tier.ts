import type { Actor } from '../../contract/access.ts';
import type { PartnerType } from '../../contract/channel.ts';
import { linkReseller } from '../channel/programme.service.ts';
import type { Deps } from '../context.ts';
import type { Random } from '../demo/random.ts';

/** The partner types a distributor serves in a generated organization. */
const SERVED: readonly PartnerType[] = ['reseller', 'value_added_reseller'];

/** What two-tier distribution did, by the generating process (`channel.twoTier` of the truth). */
export interface TwoTierTruth {
  /** The `twoTier` parameter: of the registrations of a served partner, the share naming its distributor. */
  rate: number;
  distributors: number;
  /** Partners a distributor serves (each by one distributor). */
  resellers: number;
  /** Registrations by a served partner, and those naming its distributor. */
  resellerRegistrations: number;
  throughDistributor: number;
  /** Of the deals approved from a served partner's registrations, those with a distributor (two-tier deals). */
  resellerDeals: number;
  twoTierDeals: number;
  /** `twoTierDeals / resellerDeals`: the share the analytics should recover. */
  twoTierDealShare: number | null;
}

/**
 * Which distributor serves which partner: each reseller and value-added reseller in turn is served
 * by the next distributor (round robin), linked through the programme service by the channel
 * lead. Returns, per served partner account, its distributor's account. None without distributors
 * or when `rate` is zero.
 */
export async function linkSyntheticResellers(
  deps: Deps,
  channelLead: Actor,
  partners: readonly { id: string; type: PartnerType }[],
  rate: number,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const distributors = partners.filter((x) => x.type === 'distributor');
  if (distributors.length === 0 || rate === 0) return out;
  const served = partners.filter((x) => SERVED.includes(x.type));
  for (const [i, reseller] of served.entries()) {
    const distributor = distributors[i % distributors.length];
    if (!distributor) continue;
    await linkReseller(deps, channelLead, distributor.id, reseller.id);
    out.set(reseller.id, distributor.id);
  }
  return out;
}

/**
 * The two-tier part of generated registrations: whether a served partner's registration names
 * its distributor, drawn from a stream of its own so that the rest of the data stays as it was.
 */
export class SyntheticTwoTier {
  readonly truth: TwoTierTruth;

  constructor(
    private readonly rng: Random,
    private readonly rate: number,
    private readonly servedBy: ReadonlyMap<string, string>,
  ) {
    this.truth = {
      rate,
      distributors: new Set(servedBy.values()).size,
      resellers: servedBy.size,
      resellerRegistrations: 0,
      throughDistributor: 0,
      resellerDeals: 0,
      twoTierDeals: 0,
      twoTierDealShare: null,
    };
  }

  /** The distributor a new registration of this partner names, or null (one-tier). */
  distributorFor(partnerAccountId: string): string | null {
    const distributor = this.servedBy.get(partnerAccountId);
    if (!distributor) return null;
    this.truth.resellerRegistrations += 1;
    if (!this.rng.chance(this.rate)) return null;
    this.truth.throughDistributor += 1;
    return distributor;
  }

  /** A registration approved into a deal (it may expire later: the deal stays two-tier). */
  dealApproved(partnerAccountId: string, distributorAccountId: string | null): void {
    if (!this.servedBy.has(partnerAccountId)) return;
    this.truth.resellerDeals += 1;
    if (distributorAccountId) this.truth.twoTierDeals += 1;
  }

  finish(): void {
    const t = this.truth;
    t.twoTierDealShare = t.resellerDeals ? t.twoTierDeals / t.resellerDeals : null;
  }
}
