import {
  canAnswerLeadOffer,
  canOfferLeads,
  inScope,
  leadOfferScope,
  scopeFor,
  type Actor,
} from '../../contract/access.ts';
import { AppError, forbidden, invalid } from '../../contract/errors.ts';
import type {
  DeclineLeadOfferInput,
  LeadOfferDto,
  LeadOfferStatus,
  ListLeadOffersQuery,
  OfferLeadInput,
} from '../../contract/partner-leads.ts';
import type { DbExecutor } from '../../db/database.ts';
import { encodeCursor } from '../../db/list.ts';
import { choosePartner, hasCapacity, type DistributionCandidate } from '../../domain/lead-distribution.ts';
import { write, type Deps } from '../context.ts';
import { enqueueJob } from '../jobs/enqueue.ts';
import { checkVersion, found, iso, toPage, type ExpectedVersion } from '../shared.ts';
import * as repo from './lead-offers.repository.ts';

/** The job that lets an unanswered offer lapse at its time limit. */
export const LEAD_OFFER_EXPIRY_JOB = 'channel.lead_offer_expiry';

const HOUR_MS = 3_600_000;
const DEFAULT_HOURS_TO_ANSWER = 48;

function toOfferDto(r: repo.OfferRow, actor: Actor): LeadOfferDto {
  // A partner reaches the person only once the lead is its own to work.
  const reachable = actor.role !== 'partner' || r.status === 'accepted';
  return {
    id: r.id,
    leadId: r.lead_id,
    partnerAccountId: r.partner_account_id,
    partnerName: r.partner_name,
    status: r.status as LeadOfferStatus,
    chosenBy: r.chosen_by as LeadOfferDto['chosenBy'],
    ruleDetail: r.rule_detail,
    offeredBy: r.offered_by,
    offeredAt: r.offered_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    respondedBy: r.responded_by,
    respondedAt: iso(r.responded_at),
    declineReason: r.decline_reason,
    lead: {
      firstName: r.first_name,
      lastName: r.last_name,
      company: r.company,
      companyDomain: r.company_domain,
      title: r.title,
      industry: r.industry,
      source: r.source,
      email: reachable ? r.email : null,
      phone: reachable ? r.phone : null,
    },
    version: r.version,
  };
}

const toCandidate = (c: repo.Candidate): DistributionCandidate => ({
  accountId: c.account_id,
  name: c.name,
  tierName: c.tier_name,
  tierRank: c.tier_rank,
  leadCapacity: c.lead_capacity,
  openLeads: c.open_leads,
  offeredBefore: c.offered_before,
});

async function loadDto(db: DbExecutor, actor: Actor, id: string): Promise<LeadOfferDto> {
  const row = found(await repo.getOffer(db, actor.orgId, id, leadOfferScope(actor, 'read')), 'lead offer', id);
  return toOfferDto(row, actor);
}

/** The partner the lead goes to: the one the channel manager named (if it has room), or the rule's choice. */
async function partnerFor(
  trx: DbExecutor,
  orgId: string,
  leadId: string,
  named: string | undefined,
): Promise<{ accountId: string; chosenBy: 'manager' | 'rule'; detail: string | null }> {
  const candidates = (await repo.candidates(trx, orgId, leadId, named)).map(toCandidate);
  if (named) {
    const c = candidates[0];
    if (!c) throw invalid([{ field: 'partnerAccountId', message: 'is not a partner account of this organization' }]);
    if (!hasCapacity(c))
      throw invalid([
        {
          field: 'partnerAccountId',
          message: `holds ${c.openLeads} leads, the capacity of its tier ${c.tierName ?? ''}`.trim(),
        },
      ]);
    return { accountId: c.accountId, chosenBy: 'manager', detail: null };
  }
  const chosen = choosePartner(candidates);
  if (!chosen) throw invalid([{ field: 'partnerAccountId', message: 'no partner has room for this lead: name one' }]);
  return { accountId: chosen.accountId, chosenBy: 'rule', detail: chosen.detail };
}

/**
 * A channel manager offers a lead to a partner, named or chosen by the distribution rule (tier,
 * then capacity). The partner has a time limit to answer; the expiry is a job on the queue.
 */
export async function offerLead(deps: Deps, actor: Actor, input: OfferLeadInput): Promise<LeadOfferDto> {
  if (!canOfferLeads(actor)) throw forbidden('Only channel managers offer leads to partners');
  const id = deps.ids.id();
  await write(deps, actor.orgId, async (trx) => {
    const lead = await repo.lockLeadOf(trx, actor.orgId, input.leadId);
    if (!lead || !inScope(scopeFor(actor, 'lead', 'read'), { ownerId: lead.owner_id }))
      throw invalid([{ field: 'leadId', message: 'is not a lead you can see' }]);
    if (lead.status === 'converted' || lead.status === 'disqualified')
      throw invalid([{ field: 'leadId', message: `is ${lead.status}: only an open lead is offered` }]);
    const live = await repo.liveOfferOf(trx, actor.orgId, input.leadId);
    if (live)
      throw new AppError(
        'conflict',
        `This lead is already ${live.status === 'offered' ? 'offered to' : 'worked by'} a partner`,
        {
          details: { offerId: live.id, status: live.status },
        },
      );
    const partner = await partnerFor(trx, actor.orgId, input.leadId, input.partnerAccountId);
    const now = deps.clock.now();
    const hours = input.hoursToAnswer ?? DEFAULT_HOURS_TO_ANSWER;
    const expiresAt = new Date(now.getTime() + hours * HOUR_MS);
    await repo.insertOffer(trx, {
      org_id: actor.orgId,
      id,
      lead_id: input.leadId,
      partner_account_id: partner.accountId,
      chosen_by: partner.chosenBy,
      rule_detail: partner.detail,
      offered_by: actor.userId,
      offered_at: now,
      expires_at: expiresAt,
      updated_at: now,
    });
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'partner_lead_offer',
        entityId: id,
        type: 'partner_lead_offer.offered',
        data: {
          leadId: input.leadId,
          partnerAccountId: partner.accountId,
          chosenBy: partner.chosenBy,
          ruleDetail: partner.detail,
          expiresAt: expiresAt.toISOString(),
        },
      },
    ]);
    await enqueueJob(deps, trx, {
      orgId: actor.orgId,
      kind: LEAD_OFFER_EXPIRY_JOB,
      payload: { offerId: id },
      key: `${LEAD_OFFER_EXPIRY_JOB}:${id}`,
      runAt: expiresAt,
    });
  });
  return loadDto(deps.db, actor, id);
}

export async function getLeadOffer(deps: Deps, actor: Actor, id: string): Promise<LeadOfferDto> {
  return loadDto(deps.db, actor, id);
}

export async function listLeadOffers(
  deps: Deps,
  actor: Actor,
  q: ListLeadOffersQuery,
): Promise<{ items: LeadOfferDto[]; nextCursor: string | null }> {
  const scope = leadOfferScope(actor, 'read');
  if (scope.kind === 'none') throw forbidden('Your role cannot read lead offers');
  const rows = await repo.listOffers(deps.db, actor.orgId, scope, q);
  return toPage(
    rows,
    q.limit,
    (r) => toOfferDto(r, actor),
    (r) => encodeCursor(r.offered_at, r.id),
  );
}

/**
 * The partner accepts (it works the lead from now on) or declines (with a reason, so the channel
 * manager can offer the lead elsewhere). Only while the offer stands and before its time limit.
 */
export async function answerLeadOffer(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  answer: { accept: true } | ({ accept: false } & DeclineLeadOfferInput),
): Promise<LeadOfferDto> {
  await write(deps, actor.orgId, async (trx) => {
    const leadId = await repo.leadOfOffer(trx, actor.orgId, id);
    const lead = leadId ? await repo.lockLeadOf(trx, actor.orgId, leadId) : undefined;
    const visible = await repo.getOffer(trx, actor.orgId, id, leadOfferScope(actor, 'read'));
    const row = found(visible ? await repo.lockOffer(trx, actor.orgId, id) : undefined, 'lead offer', id);
    if (!canAnswerLeadOffer(actor, { partnerAccountId: row.partner_account_id }))
      throw forbidden('Only the partner the lead is offered to answers the offer');
    const version = checkVersion('lead offer', id, row.version, expected);
    if (row.status !== 'offered')
      throw new AppError('invalid_transition', `This offer is ${row.status}, no longer waiting for an answer`, {
        details: { status: row.status },
      });
    const now = deps.clock.now();
    if (now.getTime() >= row.expires_at.getTime())
      throw new AppError('invalid_transition', `This offer lapsed at ${row.expires_at.toISOString()}`, {
        details: { status: 'expired', expiresAt: row.expires_at.toISOString() },
      });
    if (answer.accept && (!lead || lead.status === 'converted' || lead.status === 'disqualified'))
      throw new AppError('invalid_transition', 'This lead has been closed since it was offered', {
        details: { leadStatus: lead?.status ?? 'deleted' },
      });
    const status = answer.accept ? 'accepted' : 'declined';
    const reason = answer.accept ? null : (answer.reason ?? null);
    await repo.updateOffer(trx, actor.orgId, id, version, {
      status,
      responded_by: actor.userId,
      responded_at: now,
      decline_reason: reason,
      updated_at: now,
    });
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'partner_lead_offer',
        entityId: id,
        type: answer.accept ? 'partner_lead_offer.accepted' : 'partner_lead_offer.declined',
        data: answer.accept
          ? { leadId: row.lead_id, partnerAccountId: row.partner_account_id }
          : { leadId: row.lead_id, partnerAccountId: row.partner_account_id, reason },
      },
    ]);
  });
  return loadDto(deps.db, actor, id);
}

/**
 * Lets an offer lapse once its time limit has passed without an answer (the system acts: no user).
 * A check before the time limit (another server's clock) asks again at the limit; an answered or
 * lapsed offer is left alone, so running it twice changes nothing.
 */
export async function expireLeadOffer(
  deps: Deps,
  orgId: string,
  id: string,
  fence?: (trx: DbExecutor) => Promise<void>,
): Promise<'expired' | 'not_due' | 'settled'> {
  return write(deps, orgId, async (trx) => {
    if (fence) await fence(trx);
    const leadId = await repo.leadOfOffer(trx, orgId, id);
    if (leadId) await repo.lockLeadOf(trx, orgId, leadId);
    const row = await repo.lockOffer(trx, orgId, id);
    if (!row || row.status !== 'offered') return 'settled';
    const now = deps.clock.now();
    if (now.getTime() < row.expires_at.getTime()) {
      await enqueueJob(deps, trx, {
        orgId,
        kind: LEAD_OFFER_EXPIRY_JOB,
        payload: { offerId: id },
        key: `${LEAD_OFFER_EXPIRY_JOB}:${id}`,
        runAt: row.expires_at,
      });
      return 'not_due';
    }
    await repo.updateOffer(trx, orgId, id, row.version, { status: 'expired', updated_at: now });
    await deps.eventLog.append(trx, { orgId, userId: null }, [
      {
        entityType: 'partner_lead_offer',
        entityId: id,
        type: 'partner_lead_offer.expired',
        data: {
          leadId: row.lead_id,
          partnerAccountId: row.partner_account_id,
          expiresAt: row.expires_at.toISOString(),
        },
      },
    ]);
    return 'expired';
  });
}
