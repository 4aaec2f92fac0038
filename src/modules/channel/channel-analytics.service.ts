import { canReadConflicts, type Actor } from '../../contract/access.ts';
import type { ChannelAnalyticsDto, ScorecardDto } from '../../contract/channel.ts';
import { forbidden } from '../../contract/errors.ts';
import { channelAnalytics, type DealFact, type RegistrationFact } from '../../analytics/channel.ts';
import { reading, type Deps } from '../context.ts';
import * as repo from './channel.repository.ts';

async function facts(deps: Deps, orgId: string, partnerAccountId: string | null) {
  const d = reading(deps);
  const regs = await repo.registrationFacts(d.db, orgId, partnerAccountId);
  const deals = await repo.dealFacts(d.db, orgId, partnerAccountId);
  return {
    regs: regs.map((r): RegistrationFact => ({
      partnerId: r.partner_account_id,
      partnerName: r.partner_name,
      partnerType: r.partner_type,
      tier: r.tier_name,
      status: r.status as RegistrationFact['status'],
      registeredAt: r.registered_at,
      decidedAt: r.decided_at,
      conflicted: r.conflicted,
      dealStatus: r.deal_status as RegistrationFact['dealStatus'],
      distributorName: r.distributor_name,
    })),
    deals: deals.map((x): DealFact => ({
      channel: x.channel === 'partner' ? 'partner' : 'direct',
      partnerId: x.partner_account_id,
      status: x.status as DealFact['status'],
      createdAt: x.created_at,
      closedAt: x.closed_at,
      amount: x.amount,
      distributorName: x.distributor_name,
    })),
  };
}

/** The organisation's channel analytics (channel managers and auditors). */
export async function getChannelAnalytics(deps: Deps, actor: Actor): Promise<ChannelAnalyticsDto> {
  if (!canReadConflicts(actor)) throw forbidden('Your role cannot read channel analytics');
  const f = await facts(deps, actor.orgId, null);
  return channelAnalytics(f.regs, f.deals);
}

/**
 * A partner's scorecard: its registrations by status, approval time, win rate and revenue. A
 * partner reads its own; channel managers and auditors any partner's.
 */
export async function getScorecard(
  deps: Deps,
  actor: Actor,
  partnerAccountId: string | undefined,
): Promise<ScorecardDto> {
  const partner = actor.role === 'partner' ? actor.partnerAccountId : (partnerAccountId ?? null);
  if (actor.role === 'partner' && partnerAccountId !== undefined && partnerAccountId !== actor.partnerAccountId)
    throw forbidden('A partner reads its own scorecard only');
  if (actor.role !== 'partner' && !canReadConflicts(actor)) throw forbidden('Your role cannot read partner scorecards');
  if (!partner) throw forbidden('Name the partner account of the scorecard');
  const f = await facts(deps, actor.orgId, partner);
  const a = channelAnalytics(f.regs, f.deals);
  return {
    registered: a.overall.registered,
    pending: f.regs.filter((r) => r.status === 'pending').length,
    approved: a.overall.approved,
    rejected: a.overall.rejected,
    expired: a.overall.expired,
    meanApprovalBusinessDays: a.overall.meanApprovalBusinessDays,
    winRate: a.channelVsDirect.partner.winRate,
    dealsWon: a.channelVsDirect.partner.won,
    revenueWon: a.channelVsDirect.partner.revenueWon,
  };
}
