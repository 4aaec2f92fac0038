import type { AgencySide } from '../../contract/agents.ts';
import { dualAgencyMatches, type SidedParty } from '../../contract/dual-agency.ts';
import { camelSnapshot } from '../../contract/events/casing.ts';
import { createAccount } from '../accounts/accounts.service.ts';
import { createAgreement, createParty } from '../agents/parties.service.ts';
import type { Deps } from '../context.ts';
import type { Random } from '../demo/random.ts';
import type { DealRow } from '../deals/deals.repository.ts';
import type { AnomalyTruth } from './synthetic-anomalies.ts';
import type { AgentParams } from './synthetic-channel-params.ts';
import type { Sink } from './synthetic-records.ts';
import type { SyntheticWorld } from './synthetic-setup.ts';

const HOUR = 3_600_000;

export interface AgentFirm {
  id: string;
  name: string;
  jurisdiction: string;
  /** Its agents (persons). */
  agents: { id: string; name: string }[];
  /** Sellers' agencies represent the organization under one agreement; buyers' agencies sign one per buyer. */
  side: AgencySide;
  sellerAgreementId: string | null;
}

type Counts = {
  deals: number;
  buyer: number;
  seller: number;
  both: number;
  coAgent: number;
  /** The same over `deals`: the realised shares (null without deals). */
  shares: { buyer: number; seller: number; both: number; coAgent: number } | null;
};
type SideCounts = { deals: number; open: number; won: number; lost: number };

/** What the agents did, by the generating process: the truth the agents analytics should recover. */
export interface AgentTruth {
  firms: number;
  agents: number;
  /** Per pipeline: deals seen, and those with a buyer's agent, a seller's agent, both, a co-agent. */
  byPipeline: Record<'b2b' | 'b2c', Counts>;
  /** Deals by the side of their agents (a deal with both counts on both), by status at the end. */
  bySide: Record<AgencySide, SideCounts>;
  /** Deals where one firm works both sides with both parties' written consent on record first. */
  dualAgencyConsented: number;
  disclosures: number;
}

const JURISDICTIONS = ['US-NY', 'US-IL', 'US-CA', 'US-TX', 'GB', 'CA-ON'];
const FIRM_NAMES = ['Northline', 'Keystone', 'Harborview', 'Summit', 'Lakeshore', 'Redwood', 'Granite', 'Meridian'];

/**
 * Agencies and their agents through the services: the first half of the firms represent the
 * organization as seller (one agreement each with the organization's own account), the rest
 * represent buyers (an agreement per buyer, signed when they join a deal).
 */
export async function setUpSyntheticAgents(
  deps: Deps,
  world: SyntheticWorld,
  p: AgentParams,
  organizationName: string,
  startsOn: string,
): Promise<AgentFirm[]> {
  if (p.firms < 2) return [];
  const self = await createAccount(deps, world.admin, { name: `${organizationName} (own company)`, type: 'other' });
  const sellers = Math.ceil(p.firms / 2);
  const firms: AgentFirm[] = [];
  for (let f = 0; f < p.firms; f++) {
    const jurisdiction = JURISDICTIONS[f % JURISDICTIONS.length] ?? 'US-NY';
    const side: AgencySide = f < sellers ? 'seller' : 'buyer';
    const stem = FIRM_NAMES[f % FIRM_NAMES.length] ?? 'Agency';
    const name = `${stem} ${side === 'seller' ? 'Sales Agency' : 'Buyer Advisors'} ${f + 1}`;
    const firm = await createParty(deps, world.admin, { kind: 'firm', name, jurisdiction });
    const agents = [];
    for (let a = 0; a < p.agentsPerFirm; a++) {
      const person = `${stem} agent ${f + 1}.${a + 1}`;
      const created = await createParty(deps, world.admin, {
        kind: 'person',
        name: person,
        firmId: firm.id,
        licenceNumber: `${jurisdiction}-${1000 * (f + 1) + a + 1}`,
        jurisdiction,
      });
      agents.push({ id: created.id, name: person });
    }
    const agreement =
      side === 'seller'
        ? await createAgreement(deps, world.admin, {
            agentPartyId: firm.id,
            side: 'seller',
            representedAccountId: self.id,
            effectiveFrom: startsOn,
            exclusive: false,
            compensationKind: 'percent',
            compensationPercent: String(3 + (f % 3)),
          })
        : undefined;
    firms.push({ id: firm.id, name, jurisdiction, agents, side, sellerAgreementId: agreement?.id ?? null });
  }
  return firms;
}

/**
 * Agents on the direct deals of the history: a share of the B2B and B2C deals gets a buyer's
 * agent, a seller's agent or both (and sometimes a co-agent beside one), each assigned by an admin
 * under an agreement of its firm and disclosing whom it represents. Of the deals with both sides,
 * some have one firm on both (dual agency: both parties' consent recorded first, the detection
 * recorded with it) and, as the anomaly `dual_agency_unconsented`, some the same agent on both
 * sides without both consents on record.
 */
export class SyntheticAgents {
  readonly truth: AgentTruth;
  private readonly sellers: AgentFirm[];
  private readonly buyers: AgentFirm[];

  constructor(
    private readonly rng: Random,
    private readonly ids: Random,
    private readonly p: AgentParams,
    private readonly world: SyntheticWorld,
    firms: readonly AgentFirm[],
    private readonly end: number,
    private readonly anomalies: AnomalyTruth,
    private readonly organizationName: string,
  ) {
    this.sellers = firms.filter((f) => f.side === 'seller');
    this.buyers = firms.filter((f) => f.side === 'buyer');
    const counts = (): Counts => ({ deals: 0, buyer: 0, seller: 0, both: 0, coAgent: 0, shares: null });
    const side = (): SideCounts => ({ deals: 0, open: 0, won: 0, lost: 0 });
    this.truth = {
      firms: firms.length,
      agents: firms.reduce((n, f) => n + f.agents.length, 0),
      byPipeline: { b2b: counts(), b2c: counts() },
      bySide: { buyer: side(), seller: side() },
      dualAgencyConsented: 0,
      disclosures: 0,
    };
    anomalies.dual_agency_unconsented = {
      rate: p.anomalies.dualAgencyUnconsented,
      per: 'deal with agents on both sides',
      subjects: [],
    };
  }

  /** Settles the shares of the truth once the history is written. */
  finish(): void {
    for (const c of Object.values(this.truth.byPipeline))
      c.shares = c.deals
        ? { buyer: c.buyer / c.deals, seller: c.seller / c.deals, both: c.both / c.deals, coAgent: c.coAgent / c.deals }
        : null;
  }

  /** A direct deal just written: its agents, if it draws any, while it is open and before the end. */
  deal(sink: Sink, pipeline: 'b2b' | 'b2c', final: DealRow): void {
    const { rng, p, world } = this;
    if (this.sellers.length === 0 || this.buyers.length === 0) return;
    const c = this.truth.byPipeline[pipeline];
    c.deals += 1;
    const shares = p[pipeline];
    const u = rng.next();
    const sides =
      u < shares.buyerOnly
        ? 'buyer'
        : u < shares.buyerOnly + shares.sellerOnly
          ? 'seller'
          : u < shares.buyerOnly + shares.sellerOnly + shares.both
            ? 'both'
            : 'none';
    if (sides === 'none') return;
    const represented =
      pipeline === 'b2b'
        ? final.account_id
          ? { account: final.account_id, contact: null }
          : null
        : final.primary_contact_id
          ? { account: null, contact: final.primary_contact_id }
          : null;
    if (!represented) return;
    const closes = final.closed_at ? final.closed_at.getTime() : Infinity;
    const until = Math.min(closes, this.end);
    const created = final.created_at.getTime();
    const dualKind =
      sides !== 'both'
        ? 'none'
        : rng.chance(p.anomalies.dualAgencyUnconsented)
          ? 'unconsented'
          : rng.chance(p.dualAgency)
            ? 'consented'
            : 'none';
    const admin = world.admin.userId;
    const dealId = final.id;
    const on: SidedParty[] = [];
    const assigned: { agentPartyId: string; side: AgencySide; t: number }[] = [];
    let t = created + rng.int(1, 72) * HOUR;

    const assign = (
      agent: { id: string },
      firm: AgentFirm,
      role: 'buyer_agent' | 'seller_agent' | 'co_agent',
      side: AgencySide,
      agreementId: string,
    ) => {
      const dealAgentId = this.ids.uuid();
      sink.row('deal_agents', {
        org_id: world.orgId,
        id: dealAgentId,
        deal_id: dealId,
        agent_party_id: agent.id,
        agreement_id: agreementId,
        role,
        side,
        assigned_by: admin,
        assigned_at: new Date(t),
      });
      sink.event({
        t,
        actorId: admin,
        entityType: 'deal',
        entityId: dealId,
        type: 'deal.agent_assigned',
        data: { dealAgentId, agentPartyId: agent.id, agreementId, role, side },
        businessTime: null,
      });
      on.push({ party: { id: agent.id, firmId: firm.id, jurisdiction: firm.jurisdiction }, side });
      assigned.push({ agentPartyId: agent.id, side, t });
    };
    /** A buyer's agreement of the firm with the deal's buyer, from the day the deal was opened. */
    const buyerAgreement = (firm: AgentFirm) => {
      const id = this.ids.uuid();
      const at = new Date(t);
      const percent = rng.chance(0.5);
      const row = {
        org_id: world.orgId,
        id,
        agent_party_id: firm.id,
        side: 'buyer',
        represented_account_id: represented.account,
        represented_contact_id: represented.contact,
        effective_from: new Date(created).toISOString().slice(0, 10),
        effective_to: null,
        exclusive: rng.chance(0.3),
        compensation_kind: percent ? 'percent' : 'amount',
        compensation_percent: percent ? `${rng.int(1, 3)}.5000` : null,
        compensation_amount: percent ? null : `${rng.int(5, 30) * 100}.00`,
        currency: percent ? null : 'USD',
        created_at: at,
        updated_at: at,
        version: 1,
      };
      sink.row('agency_agreements', row);
      const { org_id: _org, id: _id, created_at: _c, updated_at: _u, version: _v, ...snapshot } = row;
      sink.event({
        t,
        actorId: admin,
        entityType: 'agency_agreement',
        entityId: id,
        type: 'agency_agreement.created',
        data: { after: camelSnapshot(snapshot) },
        businessTime: null,
      });
      return id;
    };
    const consent = (side: AgencySide) => {
      const id = this.ids.uuid();
      const at = new Date(t);
      const givenBy = side === 'buyer' ? (final.name.split(' – ')[0] ?? 'The buyer') : this.organizationName;
      const documentRef = `DAC-${side}-${dealId.slice(0, 8)}`;
      sink.row('dual_agency_consents', {
        org_id: world.orgId,
        id,
        deal_id: dealId,
        side,
        given_by: givenBy,
        given_by_contact_id: null,
        consented_at: at,
        document_ref: documentRef,
        recorded_by: admin,
        recorded_at: at,
      });
      sink.event({
        t,
        actorId: admin,
        entityType: 'deal',
        entityId: dealId,
        type: 'deal.dual_agency_consent_recorded',
        data: {
          consentId: id,
          side,
          givenBy,
          givenByContactId: null,
          consentedAt: at.toISOString(),
          documentRef,
        },
        businessTime: at,
      });
    };
    const next = () => {
      t += rng.int(1, 48) * HOUR;
      return t < until;
    };

    if (t >= until) return;
    const seller = rng.pick(this.sellers);
    const buyer = rng.pick(this.buyers);
    const sellerAgent = rng.pick(seller.agents);
    let coAgentAdded = false;
    if (sides === 'seller' || sides === 'both') {
      assign(sellerAgent, seller, 'seller_agent', 'seller', seller.sellerAgreementId ?? '');
      if (sides === 'seller' && rng.chance(p.coAgent) && next()) {
        const other = seller.agents.find((a) => a.id !== sellerAgent.id);
        if (other) {
          assign(other, seller, 'co_agent', 'seller', seller.sellerAgreementId ?? '');
          coAgentAdded = true;
        }
      }
    }
    if ((sides === 'buyer' || sides === 'both') && (sides === 'buyer' || next())) {
      if (dualKind === 'none') {
        const agent = rng.pick(buyer.agents);
        assign(agent, buyer, 'buyer_agent', 'buyer', buyerAgreement(buyer));
        if (sides === 'buyer' && rng.chance(p.coAgent) && next()) {
          const other = buyer.agents.find((a) => a.id !== agent.id);
          if (other) {
            assign(other, buyer, 'co_agent', 'buyer', buyerAgreement(buyer));
            coAgentAdded = true;
          }
        }
      } else if (dualKind === 'consented') {
        // The seller's agency advises the buyer too: both consents first, then a colleague joins.
        consent('buyer');
        t += HOUR;
        consent('seller');
        t += HOUR;
        if (t < until) {
          const colleague = seller.agents.find((a) => a.id !== sellerAgent.id) ?? sellerAgent;
          const agreementId = buyerAgreement(seller);
          const joining: SidedParty = {
            party: { id: colleague.id, firmId: seller.id, jurisdiction: seller.jurisdiction },
            side: 'buyer',
          };
          const matches = dualAgencyMatches(on, joining);
          sink.row('dual_agency_detections', {
            org_id: world.orgId,
            id: this.ids.uuid(),
            deal_id: dealId,
            agent_party_id: colleague.id,
            other_party_id: matches[0]?.otherPartyId ?? sellerAgent.id,
            basis: matches[0]?.basis ?? 'same_firm',
            firm_id: matches[0]?.firmId ?? seller.id,
            outcome: 'consented',
            detected_by: admin,
            detected_at: new Date(t),
          });
          sink.event({
            t,
            actorId: admin,
            entityType: 'deal',
            entityId: dealId,
            type: 'deal.dual_agency_detected',
            data: { agentPartyId: colleague.id, side: 'buyer', matches, outcome: 'consented', jurisdiction: null },
            businessTime: null,
          });
          assign(colleague, seller, 'buyer_agent', 'buyer', agreementId);
          this.truth.dualAgencyConsented += 1;
        }
      } else {
        // The anomaly: the seller's agent put on the buyer side as well, with at most one consent.
        if (rng.chance(0.5)) {
          consent('buyer');
          t += HOUR;
        }
        if (t < until) {
          assign(sellerAgent, seller, 'buyer_agent', 'buyer', buyerAgreement(seller));
          this.anomalies.dual_agency_unconsented?.subjects.push({
            subjectType: 'deal',
            subjectId: dealId,
            origin: 'injected',
          });
        }
      }
    }
    // Each agent discloses whom it represents, to the other side.
    for (const a of assigned) {
      const at = a.t + rng.int(1, 72) * HOUR;
      if (at >= this.end) continue;
      const id = this.ids.uuid();
      const disclosedTo =
        a.side === 'seller' ? (final.name.split(' – ')[0] ?? 'The buyer') : `${this.organizationName} sales`;
      const documentRef = `Representation notice ${id.slice(0, 8).toUpperCase()}`;
      sink.row('agent_disclosures', {
        org_id: world.orgId,
        id,
        deal_id: dealId,
        agent_party_id: a.agentPartyId,
        disclosed_to: disclosedTo,
        disclosed_to_contact_id: null,
        disclosed_at: new Date(at),
        document_ref: documentRef,
        recorded_by: admin,
        recorded_at: new Date(at),
      });
      sink.event({
        t: at,
        actorId: admin,
        entityType: 'deal',
        entityId: dealId,
        type: 'deal.agent_disclosed',
        data: {
          disclosureId: id,
          agentPartyId: a.agentPartyId,
          disclosedTo,
          disclosedToContactId: null,
          disclosedAt: new Date(at).toISOString(),
          documentRef,
        },
        businessTime: new Date(at),
      });
      this.truth.disclosures += 1;
    }
    const hasBuyer = assigned.some((a) => a.side === 'buyer');
    const hasSeller = assigned.some((a) => a.side === 'seller');
    if (hasBuyer) c.buyer += 1;
    if (hasSeller) c.seller += 1;
    if (hasBuyer && hasSeller) c.both += 1;
    if (coAgentAdded) c.coAgent += 1;
    for (const [side, has] of [
      ['buyer', hasBuyer],
      ['seller', hasSeller],
    ] as const) {
      if (!has) continue;
      const s = this.truth.bySide[side];
      s.deals += 1;
      if (final.status === 'open') s.open += 1;
      if (final.status === 'won') s.won += 1;
      if (final.status === 'lost') s.lost += 1;
    }
  }
}
