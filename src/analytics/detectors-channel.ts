/**
 * Detectors of channel and agency misuse: registrations held without work, registrations repeated
 * for a customer already covered, and dual agency without both parties' consent. Pure functions
 * over plain rows, like the detectors of `detectors.ts`; definitions are in docs/oversight.md.
 */
import type { AgencySide } from '../contract/agents.ts';
import { bothConsented, dualAgencyMatches, type AgencyParty, type SidedParty } from '../contract/dual-agency.ts';
import { trigrams } from '../contract/name-match.ts';
import { matchParties, normaliseDomain, normaliseName, SIMILAR_NAME_THRESHOLD } from './channel-match.ts';
import { round2, type DetectedFinding } from './detectors.ts';

const DAY_MS = 86_400_000;

/** A deal registration as the channel detectors read it. */
export interface RegistrationRecord {
  id: string;
  partnerAccountId: string;
  /** The user who registered it (a partner's user, or a channel manager on its behalf). */
  registeredBy: string | null;
  customerName: string;
  customerDomain: string | null;
  productIds: readonly string[];
  status: 'pending' | 'approved' | 'rejected' | 'expired';
  registeredAt: Date;
  decidedAt: Date | null;
  protectedUntil: Date | null;
  dealId: string | null;
  /** Whether the registration's deal is still open. */
  dealOpen: boolean;
  /** The ids of the registration's events, in log order. */
  eventIds: readonly string[];
}

/** Work recorded on a deal by a user of a partner account: an activity on it, or a change to it. */
export interface PartnerTouch {
  dealId: string;
  partnerAccountId: string;
  at: Date;
}

export const HOARDING_DEFAULT_DAYS = 30;

/**
 * Registration hoarding: a registration approved at least `minDays` (default 30) days before `now`
 * (still protected, or expired since) whose deal is still open and on which the registering
 * partner's users recorded nothing since the approval: no activity on the deal and no change to it.
 * Severity high from three times the threshold, else medium; the score is the days since approval.
 */
export function detectRegistrationHoarding(
  registrations: readonly RegistrationRecord[],
  touches: readonly PartnerTouch[],
  now: Date,
  opts: { minDays?: number } = {},
): DetectedFinding[] {
  const minDays = opts.minDays ?? HOARDING_DEFAULT_DAYS;
  const byDeal = new Map<string, PartnerTouch[]>();
  for (const t of touches) {
    const list = byDeal.get(t.dealId);
    if (list) list.push(t);
    else byDeal.set(t.dealId, [t]);
  }
  const out: DetectedFinding[] = [];
  for (const r of registrations) {
    if ((r.status !== 'approved' && r.status !== 'expired') || !r.decidedAt || !r.dealId || !r.dealOpen) continue;
    const days = (now.getTime() - r.decidedAt.getTime()) / DAY_MS;
    if (days < minDays) continue;
    const decidedAt = r.decidedAt;
    const worked = (byDeal.get(r.dealId) ?? []).some(
      (t) => t.partnerAccountId === r.partnerAccountId && t.at >= decidedAt,
    );
    if (worked) continue;
    out.push({
      detector: 'registration_hoarding',
      fingerprint: r.id,
      severity: days >= 3 * minDays ? 'high' : 'medium',
      summary: `registration for ${r.customerName} approved ${Math.floor(days)} days ago; the partner has recorded no work on its open deal since`,
      subjectType: 'deal_registration',
      subjectId: r.id,
      personId: r.registeredBy,
      evidence: [...r.eventIds],
      score: round2(days),
    });
  }
  return out;
}

/** Whether a registration covers its customer at an instant: pending then, or approved and inside its window. */
function coversAt(r: RegistrationRecord, t: Date): boolean {
  if (r.registeredAt >= t) return false;
  if (!r.decidedAt || r.decidedAt > t) return true;
  return (r.status === 'approved' || r.status === 'expired') && r.protectedUntil !== null && r.protectedUntil > t;
}

/**
 * Duplicate registrations: a registration for a customer that another registration already
 * covered when it was made (pending then, or approved and inside its protection window), matched
 * as the conflict check matches (same domain, same or similar normalised name, overlapping
 * products or products not named on one side). Each later registration is one finding: high when
 * the same partner registered it again (renewing its protection), medium for another partner.
 */
export function detectDuplicateRegistrations(registrations: readonly RegistrationRecord[]): DetectedFinding[] {
  const ordered = [...registrations].sort((a, b) => a.registeredAt.getTime() - b.registeredAt.getTime());
  // Candidates come from indexes of the customer as the match compares it (domain, normalised
  // name, trigrams of the name), built once: the pairs found are those matchParties takes for the
  // same customer, and it then decides on the products. Only earlier registrations can cover.
  const keys = ordered.map((r) => {
    const name = normaliseName(r.customerName);
    return { domain: normaliseDomain(r.customerDomain), name, grams: [...trigrams(name)] };
  });
  const byGram = new Map<string, number[]>();
  const byKey = new Map<string, number[]>();
  const add = (index: Map<string, number[]>, key: string, i: number) => {
    const list = index.get(key);
    if (list) list.push(i);
    else index.set(key, [i]);
  };
  const out: DetectedFinding[] = [];
  ordered.forEach((later, i) => {
    const k = keys[i];
    if (!k) return;
    const shared = new Map<number, number>();
    for (const g of k.grams) for (const j of byGram.get(g) ?? []) shared.set(j, (shared.get(j) ?? 0) + 1);
    const candidates = new Set<number>();
    for (const [j, n] of shared)
      if (n / (k.grams.length + (keys[j]?.grams.length ?? 0) - n) >= SIMILAR_NAME_THRESHOLD) candidates.add(j);
    if (k.domain !== null) for (const j of byKey.get(`d:${k.domain}`) ?? []) candidates.add(j);
    if (k.name !== '') for (const j of byKey.get(`n:${k.name}`) ?? []) candidates.add(j);
    for (const g of k.grams) add(byGram, g, i);
    if (k.domain !== null) add(byKey, `d:${k.domain}`, i);
    if (k.name !== '') add(byKey, `n:${k.name}`, i);
    const matched = [...candidates]
      .sort((x, y) => x - y)
      .flatMap((j) => (ordered[j] ? [ordered[j]] : []))
      .filter((r) => coversAt(r, later.registeredAt) && matchParties(r, later) !== null);
    if (matched.length === 0) return;
    const earlier = matched.find((r) => r.partnerAccountId === later.partnerAccountId) ?? matched[0];
    if (!earlier) return;
    const samePartner = earlier.partnerAccountId === later.partnerAccountId;
    out.push({
      detector: 'duplicate_registration',
      fingerprint: later.id,
      severity: samePartner ? 'high' : 'medium',
      summary: samePartner
        ? `${later.customerName} registered again by the same partner while its registration of ${earlier.registeredAt.toISOString().slice(0, 10)} still covered it`
        : `${later.customerName} registered while another partner's registration of ${earlier.registeredAt.toISOString().slice(0, 10)} still covered it`,
      subjectType: 'deal_registration',
      subjectId: later.id,
      personId: later.registeredBy,
      evidence: [...later.eventIds.slice(0, 1), ...earlier.eventIds],
      score: matched.length,
    });
  });
  return out;
}

/** An agent event of a deal, in log order: an agent takes a role, leaves it, or a party consents. */
export type AgentDealEvent =
  | {
      kind: 'assigned';
      eventId: string;
      dealId: string;
      personId: string | null;
      dealAgentId: string;
      agentPartyId: string;
      side: AgencySide;
    }
  | { kind: 'removed'; eventId: string; dealId: string; dealAgentId: string }
  | { kind: 'consent'; eventId: string; dealId: string; side: AgencySide };

/**
 * Dual agency without consent: an agent joins one side of a deal while the same agent, or an agent
 * of the same firm, holds a role on the other side, and the written consent of both the buyer and
 * the seller was not recorded before it joined. One finding per deal and agent acting on both sides
 * (the agent for the same agent, the firm for agents of one firm), severity high.
 */
export function detectUnconsentedDualAgency(
  events: readonly AgentDealEvent[],
  parties: ReadonlyMap<string, AgencyParty>,
): DetectedFinding[] {
  const onDeal = new Map<string, Map<string, SidedParty & { eventId: string }>>();
  const consents = new Map<string, AgencySide[]>();
  const out: DetectedFinding[] = [];
  const seen = new Set<string>();
  for (const e of events) {
    const agents = onDeal.get(e.dealId) ?? new Map<string, SidedParty & { eventId: string }>();
    onDeal.set(e.dealId, agents);
    if (e.kind === 'removed') {
      agents.delete(e.dealAgentId);
      continue;
    }
    if (e.kind === 'consent') {
      consents.set(e.dealId, [...(consents.get(e.dealId) ?? []), e.side]);
      continue;
    }
    const party = parties.get(e.agentPartyId) ?? { id: e.agentPartyId, firmId: null, jurisdiction: null };
    const joining = { party, side: e.side };
    const matches = dualAgencyMatches([...agents.values()], joining);
    agents.set(e.dealAgentId, { ...joining, eventId: e.eventId });
    if (matches.length === 0 || bothConsented(consents.get(e.dealId) ?? [])) continue;
    const first = matches[0];
    if (!first) continue;
    const agent = first.basis === 'same_agent' ? party.id : (first.firmId ?? party.id);
    const fingerprint = `${e.dealId}:${agent}`;
    if (seen.has(fingerprint)) continue;
    seen.add(fingerprint);
    const others = [...agents.values()].filter((a) => matches.some((m) => m.otherPartyId === a.party.id));
    out.push({
      detector: 'dual_agency_unconsented',
      fingerprint,
      severity: 'high',
      summary:
        first.basis === 'same_agent'
          ? `the same agent joined the ${e.side} side while acting for the ${e.side === 'buyer' ? 'seller' : 'buyer'}, without both parties' written consent on record`
          : `an agent of the firm acting for the ${e.side === 'buyer' ? 'seller' : 'buyer'} joined the ${e.side} side, without both parties' written consent on record`,
      subjectType: 'deal',
      subjectId: e.dealId,
      personId: e.personId,
      evidence: [...new Set([...others.map((a) => a.eventId), e.eventId])],
      score: matches.length,
    });
  }
  return out;
}
