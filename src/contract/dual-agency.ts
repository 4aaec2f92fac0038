import type { AgencySide, DealAgentRole } from './agents.ts';

/** An agent party as far as dual agency is concerned: itself, its firm and where it is licensed. */
export interface AgencyParty {
  id: string;
  /** The firm a person works for; null for a firm or an independent person. */
  firmId: string | null;
  jurisdiction: string | null;
}

/** An agent on one side of a deal. */
export interface SidedParty {
  party: AgencyParty;
  side: AgencySide;
}

/** One reason an assignment makes the deal a dual agency: the same agent, or one firm, on both sides. */
export interface DualAgencyMatch {
  /** The agent already on the other side. */
  otherPartyId: string;
  basis: 'same_agent' | 'same_firm';
  /** The firm both belong to (for `same_firm`). */
  firmId: string | null;
}

/** The firm an agent acts for: a person's firm, else the party itself (a firm, or an independent agent). */
export function firmOf(p: AgencyParty): string {
  return p.firmId ?? p.id;
}

/** The side a role works on: buyer's and seller's agents have theirs, a co-agent the one it is given. */
export function sideOfRole(role: DealAgentRole, side: AgencySide | undefined): AgencySide | undefined {
  if (role === 'buyer_agent') return 'buyer';
  if (role === 'seller_agent') return 'seller';
  return side;
}

export const otherSide = (side: AgencySide): AgencySide => (side === 'buyer' ? 'seller' : 'buyer');

/**
 * The dual agency an agent joining a deal on a side would create: every agent already on the
 * other side that is the same party, or that belongs to the same firm (a person's firm, or the
 * firm itself acting for one side while one of its people acts for the other). Empty when none.
 */
export function dualAgencyMatches(existing: readonly SidedParty[], joining: SidedParty): DualAgencyMatch[] {
  const firm = firmOf(joining.party);
  const out: DualAgencyMatch[] = [];
  for (const e of existing) {
    if (e.side === joining.side) continue;
    if (e.party.id === joining.party.id) out.push({ otherPartyId: e.party.id, basis: 'same_agent', firmId: null });
    else if (firmOf(e.party) === firm) out.push({ otherPartyId: e.party.id, basis: 'same_firm', firmId: firm });
  }
  return out;
}

/**
 * Whether a dual agency is forbidden outright: the joining agent's jurisdiction, or its firm's,
 * is on the organisation's list of jurisdictions that forbid dual agency. Codes compare exactly
 * (upper case), and a country on the list covers its regions (`US` forbids `US-CA`).
 */
export function forbiddenJurisdiction(
  jurisdictions: readonly (string | null)[],
  forbidden: readonly string[],
): string | null {
  for (const j of jurisdictions) {
    if (!j) continue;
    const code = j.toUpperCase();
    const country = code.split('-')[0] ?? code;
    if (forbidden.includes(code) || forbidden.includes(country)) return code;
  }
  return null;
}

/** Whether an agreement of `agreementPartyId` covers an agent: it is the agent's own or its firm's. */
export function agreementCovers(agreementPartyId: string, party: { id: string; firmId: string | null }): boolean {
  return agreementPartyId === party.id || agreementPartyId === party.firmId;
}

/** Whether both parties' written consent is on record. */
export function bothConsented(sides: readonly AgencySide[]): boolean {
  return sides.includes('buyer') && sides.includes('seller');
}

/** Whether an agreement is in effect on a day (`YYYY-MM-DD`; dates compare as text). */
export function agreementInEffect(a: { effectiveFrom: string; effectiveTo: string | null }, day: string): boolean {
  return a.effectiveFrom <= day && (a.effectiveTo === null || day <= a.effectiveTo);
}
