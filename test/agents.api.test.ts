import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import type {
  AgencySettingsDto,
  AgentPartyDto,
  AgentSideReportDto,
  AgentWorkDto,
  AgreementDto,
  DealAgencyDto,
} from '../src/contract/agents.ts';
import type { StatementDto } from '../src/contract/commissions.ts';
import type { DealDto } from '../src/contract/deals.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';
import { createPartnerAccount, createTestPipeline } from './helpers/sales.ts';
import { createSalesTeam } from './helpers/sales-team.ts';

let deps: TestDeps;
let api: Api;
const clock = new ManualClock('2026-03-02T09:00:00.000Z');

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  api = await createApi(deps);
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

type Problem = { code: string; errors?: { field: string; message: string }[]; matches?: unknown[] };

async function call<T>(
  actor: Actor,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
  status = 200,
  headers: Record<string, string> = {},
) {
  const res = await api.as(actor, {
    method,
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  expect(res.statusCode, res.body).toBe(status);
  return res.body ? res.json<T>() : (undefined as T);
}

/**
 * Acme Realty (a firm in US-NV) with two agents, Ann and Bob; an independent agent, Cy (GB).
 * Buyer: the account Buyer Co; seller: the account Seller Co. Each agent has an agreement for its
 * side, in effect through 2026.
 */
async function setUp() {
  const { admin } = await createTestOrg(deps);
  const team = await createSalesTeam(deps, admin);
  const auditor = await createTestUser(deps, admin, 'auditor');
  const partnerAccount = await createPartnerAccount(deps, admin);
  const partner = await createTestUser(deps, admin, 'partner', { partnerAccountId: partnerAccount.id });
  const buyer = await createPartnerAccount(deps, admin, 'customer');
  const seller = await createPartnerAccount(deps, admin, 'customer');
  const pipeline = await createTestPipeline(deps, admin, {
    stages: [
      { name: 'Open', kind: 'open', probability: 20 },
      { name: 'Offer', kind: 'open', probability: 50 },
      { name: 'Contract', kind: 'open', probability: 80 },
      { name: 'Won', kind: 'won' },
      { name: 'Lost', kind: 'lost' },
    ],
  });
  const party = (body: Record<string, unknown>) =>
    call<AgentPartyDto>(admin, 'POST', '/api/v1/agent-parties', body, 201);
  const acme = await party({ kind: 'firm', name: 'Acme Realty', jurisdiction: 'us-nv', licenceNumber: 'NV-1' });
  const ann = await party({ kind: 'person', name: 'Ann Agent', firmId: acme.id, licenceNumber: 'NV-22' });
  const bob = await party({ kind: 'person', name: 'Bob Broker', firmId: acme.id });
  const cy = await party({ kind: 'person', name: 'Cy Solo', jurisdiction: 'GB' });
  const agreement = (agentPartyId: string, side: 'buyer' | 'seller', extra: Record<string, unknown> = {}) =>
    call<AgreementDto>(
      admin,
      'POST',
      '/api/v1/agency-agreements',
      {
        agentPartyId,
        side,
        representedAccountId: side === 'buyer' ? buyer.id : seller.id,
        effectiveFrom: '2026-01-01',
        effectiveTo: '2026-12-31',
        compensationKind: 'percent',
        compensationPercent: '2.5',
        ...extra,
      },
      201,
    );
  const annBuyer = await agreement(ann.id, 'buyer', { exclusive: true });
  const bobSeller = await agreement(bob.id, 'seller');
  const cySeller = await agreement(cy.id, 'seller', {
    compensationKind: 'amount',
    compensationPercent: null,
    compensationAmount: '1500.00',
    currency: 'USD',
  });
  const newDeal = (actor: Actor, extra: Record<string, unknown> = {}) =>
    call<DealDto>(
      actor,
      'POST',
      '/api/v1/deals',
      { name: 'House', pipelineId: pipeline.id, amount: '1000.00', ...extra },
      201,
    );
  const assign = (actor: Actor, dealId: string, body: Record<string, unknown>, status = 201) =>
    call<DealAgencyDto & Problem>(actor, 'POST', `/api/v1/deals/${dealId}/agents`, body, status);
  const consent = (actor: Actor, dealId: string, side: 'buyer' | 'seller', status = 201) =>
    call(
      actor,
      'POST',
      `/api/v1/deals/${dealId}/dual-agency-consents`,
      { side, givenBy: `${side} party`, consentedAt: '2026-03-01T10:00:00Z', documentRef: `DOC-${side}` },
      status,
    );
  return {
    admin,
    ...team,
    auditor,
    partner,
    pipeline,
    acme,
    ann,
    bob,
    cy,
    annBuyer,
    bobSeller,
    cySeller,
    newDeal,
    assign,
    consent,
  };
}

describe('agent parties and agreements', () => {
  it('records people and firms, names every bad field, and keeps the compensation exact', async () => {
    const s = await setUp();
    expect(s.ann).toMatchObject({ kind: 'person', firmId: s.acme.id, firmName: 'Acme Realty', licenceNumber: 'NV-22' });
    expect(s.acme.jurisdiction).toBe('US-NV');
    expect(s.cySeller).toMatchObject({ compensationKind: 'amount', compensationAmount: '1500.00', currency: 'USD' });
    expect(s.annBuyer).toMatchObject({ compensationPercent: '2.5000', exclusive: true, side: 'buyer' });

    const bad = await call<Problem>(
      s.admin,
      'POST',
      '/api/v1/agent-parties',
      { kind: 'firm', name: ' ', firmId: s.acme.id, jurisdiction: 'Nevada', colour: 'red' },
      422,
    );
    expect(bad.errors?.map((e) => e.field).sort()).toEqual(['colour', 'jurisdiction', 'name']);
    const firmOfFirm = await call<Problem>(
      s.admin,
      'POST',
      '/api/v1/agent-parties',
      { kind: 'person', name: 'Eve', firmId: s.ann.id },
      422,
    );
    expect(firmOfFirm.errors).toEqual([{ field: 'firmId', message: 'is Ann Agent, a person, not a firm' }]);

    const badAgreement = await call<Problem>(
      s.admin,
      'POST',
      '/api/v1/agency-agreements',
      {
        agentPartyId: s.ann.id,
        side: 'buyer',
        effectiveFrom: '2026-05-01',
        effectiveTo: '2026-04-01',
        compensationKind: 'amount',
        compensationPercent: '3',
      },
      422,
    );
    expect(badAgreement.errors?.map((e) => e.field)).toEqual([
      'representedAccountId',
      'effectiveTo',
      'compensationAmount',
      'currency',
      'compensationPercent',
    ]);

    // If-Match like every record: missing 428, stale 409.
    await call(s.admin, 'PATCH', `/api/v1/agent-parties/${s.bob.id}`, { licenceNumber: 'NV-9' }, 428);
    const bob2 = await call<AgentPartyDto>(
      s.admin,
      'PATCH',
      `/api/v1/agent-parties/${s.bob.id}`,
      { licenceNumber: 'NV-9' },
      200,
      { 'if-match': String(s.bob.version) },
    );
    expect(bob2).toMatchObject({ licenceNumber: 'NV-9', version: s.bob.version + 1 });
    await call(s.admin, 'PATCH', `/api/v1/agent-parties/${s.bob.id}`, { name: 'B' }, 409, {
      'if-match': String(s.bob.version),
    });
    const timeline = await call<{ items: { type: string }[] }>(
      s.admin,
      'GET',
      `/api/v1/agent-parties/${s.bob.id}/timeline`,
    );
    expect(timeline.items.map((e) => e.type).sort()).toEqual(['agent_party.created', 'agent_party.updated']);

    // Reps read agents; partners and marketing do not; only admins and managers record them.
    await call(s.rep, 'GET', '/api/v1/agent-parties');
    await call(s.partner, 'GET', '/api/v1/agent-parties', undefined, 403);
    await call(s.marketing, 'GET', '/api/v1/agency-agreements', undefined, 403);
    await call(s.rep, 'POST', '/api/v1/agent-parties', { kind: 'firm', name: 'X' }, 403);
    await call(s.manager, 'POST', '/api/v1/agent-parties', { kind: 'firm', name: 'Y' }, 201);
  });
});

describe('agents on a deal and dual agency', () => {
  it('blocks the same firm on both sides until both parties consent, recording the detection at once', async () => {
    const s = await setUp();
    const deal = await s.newDeal(s.admin);
    const first = await s.assign(s.admin, deal.id, {
      agentPartyId: s.ann.id,
      agreementId: s.annBuyer.id,
      role: 'buyer_agent',
    });
    expect(first.agents).toMatchObject([
      {
        agentName: 'Ann Agent',
        side: 'buyer',
        role: 'buyer_agent',
        firmName: 'Acme Realty',
        agreementFrom: '2026-01-01',
        agreementTo: '2026-12-31',
      },
    ]);
    expect(first.dualAgency).toBe('none');

    const blocked = await s.assign(
      s.admin,
      deal.id,
      { agentPartyId: s.bob.id, agreementId: s.bobSeller.id, role: 'seller_agent' },
      409,
    );
    expect(blocked).toMatchObject({
      code: 'dual_agency_consent_required',
      matches: [{ otherPartyId: s.ann.id, basis: 'same_firm', firmId: s.acme.id }],
    });
    const afterBlock = await call<DealAgencyDto>(s.admin, 'GET', `/api/v1/deals/${deal.id}/agents`);
    expect(afterBlock.agents).toHaveLength(1);
    expect(afterBlock.dualAgency).toBe('blocked');
    expect(afterBlock.detections).toMatchObject([{ agentPartyId: s.bob.id, outcome: 'blocked', basis: 'same_firm' }]);

    clock.advance(60_000);
    await s.consent(s.admin, deal.id, 'buyer');
    await s.assign(
      s.admin,
      deal.id,
      { agentPartyId: s.bob.id, agreementId: s.bobSeller.id, role: 'seller_agent' },
      409,
    );
    clock.advance(60_000);
    await s.consent(s.admin, deal.id, 'buyer', 409);
    await s.consent(s.admin, deal.id, 'seller');
    const both = await s.assign(s.admin, deal.id, {
      agentPartyId: s.bob.id,
      agreementId: s.bobSeller.id,
      role: 'seller_agent',
    });
    expect(both.agents.map((a) => `${a.agentName}:${a.side}`)).toEqual(['Ann Agent:buyer', 'Bob Broker:seller']);
    expect(both.dualAgency).toBe('consented');
    expect(both.consentedSides.sort()).toEqual(['buyer', 'seller']);
    expect(both.detections.map((d) => d.outcome)).toEqual(['blocked', 'blocked', 'consented']);

    const timeline = await call<{ items: { type: string }[] }>(s.admin, 'GET', `/api/v1/deals/${deal.id}/timeline`);
    const types = timeline.items.map((e) => e.type);
    expect(types.filter((t) => t === 'deal.dual_agency_detected')).toHaveLength(3);
    expect(types.filter((t) => t === 'deal.dual_agency_consent_recorded')).toHaveLength(2);
    expect(types.filter((t) => t === 'deal.agent_assigned')).toHaveLength(2);
  });

  it('refuses dual agency outright in a forbidden jurisdiction, whatever the consents', async () => {
    const s = await setUp();
    const settings = await call<AgencySettingsDto>(
      s.admin,
      'PUT',
      '/api/v1/agency-settings',
      { forbiddenJurisdictions: ['US'] },
      200,
      {
        'if-match': '0',
      },
    );
    expect(settings).toMatchObject({ forbiddenJurisdictions: ['US'], version: 1 });
    await call(s.manager, 'PUT', '/api/v1/agency-settings', { forbiddenJurisdictions: [] }, 403, { 'if-match': '*' });
    const deal = await s.newDeal(s.admin);
    await s.assign(s.admin, deal.id, { agentPartyId: s.ann.id, agreementId: s.annBuyer.id, role: 'buyer_agent' });
    await s.consent(s.admin, deal.id, 'buyer');
    await s.consent(s.admin, deal.id, 'seller');
    // Bob has no jurisdiction of his own; his firm is in US-NV, which "US" covers.
    const refused = await s.assign(
      s.admin,
      deal.id,
      { agentPartyId: s.bob.id, agreementId: s.bobSeller.id, role: 'seller_agent' },
      422,
    );
    expect(refused).toMatchObject({ code: 'dual_agency_forbidden', jurisdiction: 'US-NV' });
    // A different firm on the other side is no dual agency.
    await s.assign(s.admin, deal.id, { agentPartyId: s.cy.id, agreementId: s.cySeller.id, role: 'seller_agent' });
  });

  it('ties each role to an agreement of the agent for that side, in effect on the deal date', async () => {
    const s = await setUp();
    const deal = await s.newDeal(s.admin, { expectedCloseDate: '2027-02-01' });
    const p = await s.assign(
      s.admin,
      deal.id,
      { agentPartyId: s.bob.id, agreementId: s.annBuyer.id, role: 'seller_agent' },
      422,
    );
    expect(p.errors).toEqual([
      { field: 'agreementId', message: 'is an agreement of Ann Agent, not of this agent or its firm' },
      { field: 'agreementId', message: 'represents the buyer side, not the seller side' },
      { field: 'agreementId', message: "is not in effect on the deal's date 2027-02-01" },
    ]);
    const co = await s.assign(
      s.admin,
      deal.id,
      { agentPartyId: s.cy.id, agreementId: s.cySeller.id, role: 'co_agent' },
      422,
    );
    expect(co.errors?.map((e) => e.field)).toEqual(['side', 'agreementId']);
  });

  it('holds a deal before the disclosure stage until every agent has disclosed', async () => {
    const s = await setUp();
    await call(
      s.admin,
      'PUT',
      '/api/v1/agency-settings',
      { disclosureGates: [{ pipelineId: s.pipeline.id, stageId: s.pipeline.stage('Offer') }] },
      200,
      { 'if-match': '*' },
    );
    const bad = await call<Problem>(
      s.admin,
      'PUT',
      '/api/v1/agency-settings',
      { disclosureGates: [{ pipelineId: s.pipeline.id, stageId: s.ann.id }] },
      422,
      { 'if-match': '*' },
    );
    expect(bad.errors?.[0]?.field).toBe('disclosureGates.0.stageId');
    let deal = await s.newDeal(s.rep);
    await s.assign(s.rep, deal.id, { agentPartyId: s.ann.id, agreementId: s.annBuyer.id, role: 'buyer_agent' });
    await s.assign(s.rep, deal.id, { agentPartyId: s.cy.id, agreementId: s.cySeller.id, role: 'seller_agent' });
    const move = (stage: string, status = 200) =>
      call<DealDto & Problem>(
        s.rep,
        'POST',
        `/api/v1/deals/${deal.id}/stage`,
        { stageId: s.pipeline.stage(stage), expectedVersion: deal.version },
        status,
      );
    deal = await move('Offer'); // up to the gate stage itself: allowed
    const held = await move('Contract', 422);
    expect(held.code).toBe('disclosure_required');
    expect(held.errors?.map((e) => e.field).sort()).toEqual([`agents.${s.ann.id}`, `agents.${s.cy.id}`].sort());
    await call(
      s.rep,
      'POST',
      `/api/v1/deals/${deal.id}/agent-disclosures`,
      { agentPartyId: s.ann.id, disclosedTo: 'Seller Co', disclosedAt: '2026-03-01T09:00:00Z', documentRef: 'DISC-1' },
      201,
    );
    const still = await move('Contract', 422);
    expect(still.errors?.map((e) => e.field)).toEqual([`agents.${s.cy.id}`]);
    const notOnDeal = await call<Problem>(
      s.rep,
      'POST',
      `/api/v1/deals/${deal.id}/agent-disclosures`,
      { agentPartyId: s.bob.id, disclosedTo: '', disclosedAt: 'yesterday', documentRef: 'D' },
      422,
    );
    expect(notOnDeal.errors?.map((e) => e.field).sort()).toEqual(['disclosedAt', 'disclosedTo']);
    await call(
      s.rep,
      'POST',
      `/api/v1/deals/${deal.id}/agent-disclosures`,
      { agentPartyId: s.cy.id, disclosedTo: 'Buyer Co', disclosedAt: '2026-03-01T09:30:00Z', documentRef: 'DISC-2' },
      201,
    );
    deal = await move('Contract');
    expect(deal.stageId).toBe(s.pipeline.stage('Contract'));
    const agency = await call<DealAgencyDto>(s.rep, 'GET', `/api/v1/deals/${deal.id}/agents`);
    expect(agency.missingDisclosures).toEqual([]);
    expect(agency.disclosures.map((d) => d.documentRef)).toEqual(['DISC-1', 'DISC-2']);
  });

  it("follows the deal's scope: others' deals are not found, auditors read but do not write, partners see nothing", async () => {
    const s = await setUp();
    const deal = await s.newDeal(s.rep);
    const body = { agentPartyId: s.ann.id, agreementId: s.annBuyer.id, role: 'buyer_agent' };
    await s.assign(s.outsider, deal.id, body, 404);
    await call(s.outsider, 'GET', `/api/v1/deals/${deal.id}/agents`, undefined, 404);
    await s.assign(s.auditor, deal.id, body, 403);
    await s.assign(s.partner, deal.id, body, 403);
    const added = await s.assign(s.manager, deal.id, body);
    await call(s.auditor, 'GET', `/api/v1/deals/${deal.id}/agents`);
    const dealAgentId = added.agents[0]?.id ?? '';
    await call(s.auditor, 'DELETE', `/api/v1/deals/${deal.id}/agents/${dealAgentId}`, undefined, 403);
    await call(s.rep, 'DELETE', `/api/v1/deals/${deal.id}/agents/${dealAgentId}`, undefined, 204);
    await call(s.rep, 'DELETE', `/api/v1/deals/${deal.id}/agents/${dealAgentId}`, undefined, 404);
  });

  it('reports deals by the side of their agents', async () => {
    const s = await setUp();
    const won = await s.newDeal(s.admin, { amount: '1000.10' });
    const open = await s.newDeal(s.admin, { amount: '250.00' });
    await s.assign(s.admin, won.id, { agentPartyId: s.ann.id, agreementId: s.annBuyer.id, role: 'buyer_agent' });
    await s.assign(s.admin, won.id, { agentPartyId: s.cy.id, agreementId: s.cySeller.id, role: 'seller_agent' });
    await s.assign(s.admin, open.id, { agentPartyId: s.cy.id, agreementId: s.cySeller.id, role: 'seller_agent' });
    await call(s.admin, 'POST', `/api/v1/deals/${won.id}/stage`, {
      stageId: s.pipeline.stage('Won'),
      expectedVersion: won.version,
    });
    const report = await call<AgentSideReportDto>(s.admin, 'GET', '/api/v1/agents/analytics/sides');
    expect(report.rows).toEqual([
      {
        side: 'buyer',
        deals: 1,
        open: 0,
        won: 1,
        lost: 0,
        winRate: 1,
        amounts: [{ currency: 'USD', amount: '1000.10' }],
      },
      {
        side: 'seller',
        deals: 2,
        open: 1,
        won: 1,
        lost: 0,
        winRate: 1,
        amounts: [{ currency: 'USD', amount: '1250.10' }],
      },
    ]);
    // A rep sees the report over the deals it may read: none of the admin's.
    const mine = await call<AgentSideReportDto>(s.rep, 'GET', '/api/v1/agents/analytics/sides');
    expect(mine.rows.map((r) => r.deals)).toEqual([0, 0]);
  });
  it("give an agent its own work: its parties' deals and what its agreements pay, earned when won", async () => {
    const s = await setUp();
    const won = await s.newDeal(s.admin, { name: 'Won house', amount: '1000.10' });
    const open = await s.newDeal(s.admin, { name: 'Open house', amount: '333.33' });
    const others = await s.newDeal(s.admin, { name: 'Other house', amount: '900.00' });
    await s.assign(s.admin, won.id, { agentPartyId: s.ann.id, agreementId: s.annBuyer.id, role: 'buyer_agent' });
    await s.assign(s.admin, open.id, { agentPartyId: s.ann.id, agreementId: s.annBuyer.id, role: 'buyer_agent' });
    await s.assign(s.admin, others.id, { agentPartyId: s.cy.id, agreementId: s.cySeller.id, role: 'seller_agent' });
    await call(s.admin, 'POST', `/api/v1/deals/${won.id}/stage`, {
      stageId: s.pipeline.stage('Won'),
      expectedVersion: won.version,
    });
    const ann = await createTestUser(deps, s.admin, 'agent', { agentPartyId: s.ann.id });
    const work = await call<AgentWorkDto>(ann, 'GET', '/api/v1/agents/my-work');
    // 2.5 % of 1000.10 = 25.0025 → 25.00; of 333.33 = 8.33325 → 8.33 (half away from zero).
    expect(work.items.map((i) => [i.dealName, i.side, i.compensation, i.earned]).sort()).toEqual([
      ['Open house', 'buyer', '8.33', false],
      ['Won house', 'buyer', '25.00', true],
    ]);
    expect(work.totals).toEqual([{ currency: 'USD', earned: '25.00', expected: '8.33' }]);
    const cy = await createTestUser(deps, s.admin, 'agent', { agentPartyId: s.cy.id });
    const cyWork = await call<AgentWorkDto>(cy, 'GET', '/api/v1/agents/my-work');
    expect(cyWork.items.map((i) => [i.dealName, i.compensation, i.compensationCurrency])).toEqual([
      ['Other house', '1500.00', 'USD'],
    ]);
    // Other roles have no agency work of their own.
    for (const actor of [s.admin, s.rep, s.partner])
      expect((await api.as(actor, { method: 'GET', url: '/api/v1/agents/my-work' })).statusCode).toBe(403);
  });
});

describe('agent users', () => {
  it("see the deals of their party (or its firm) and only their side's notes", async () => {
    const s = await setUp();
    const noParty = await call<Problem>(
      s.admin,
      'POST',
      '/api/v1/users',
      { email: 'agent-x@example.test', name: 'X', role: 'agent' },
      422,
    );
    expect(noParty.errors).toEqual([{ field: 'agentPartyId', message: 'is required for the agent role' }]);
    const annUser = await createTestUser(deps, s.admin, 'agent', { agentPartyId: s.ann.id });
    const cyUser = await createTestUser(deps, s.admin, 'agent', { agentPartyId: s.cy.id });
    const acmeUser = await createTestUser(deps, s.admin, 'agent', { agentPartyId: s.acme.id });
    const deal = await s.newDeal(s.admin);
    const elsewhere = await s.newDeal(s.admin);
    await s.assign(s.admin, deal.id, { agentPartyId: s.ann.id, agreementId: s.annBuyer.id, role: 'buyer_agent' });
    await s.assign(s.admin, deal.id, { agentPartyId: s.cy.id, agreementId: s.cySeller.id, role: 'seller_agent' });
    const note = (body: string, agentSide?: 'buyer' | 'seller') =>
      call<{ id: string }>(
        s.admin,
        'POST',
        '/api/v1/activities',
        { type: 'note', body, dealId: deal.id, ...(agentSide ? { agentSide } : {}) },
        201,
      );
    const buyerNote = await note('buyer side', 'buyer');
    const sellerNote = await note('seller side', 'seller');
    const internal = await note('internal');
    const noDeal = await call<Problem>(
      s.admin,
      'POST',
      '/api/v1/activities',
      { type: 'note', body: 'x', accountId: deal.accountId ?? undefined, agentSide: 'buyer' },
      422,
    );
    expect(noDeal.errors?.map((e) => e.field)).toContain('agentSide');

    const dealsOf = async (a: Actor) =>
      (await call<{ items: { id: string }[] }>(a, 'GET', '/api/v1/deals?limit=200')).items.map((d) => d.id);
    const notesOf = async (a: Actor) =>
      (await call<{ items: { id: string }[] }>(a, 'GET', `/api/v1/activities?dealId=${deal.id}&limit=200`)).items.map(
        (n) => n.id,
      );
    expect(await dealsOf(annUser)).toEqual([deal.id]);
    expect(await dealsOf(cyUser)).toEqual([deal.id]);
    // The firm's user sees what its people work on.
    expect(await dealsOf(acmeUser)).toEqual([deal.id]);
    expect(await notesOf(annUser)).toEqual([buyerNote.id]);
    expect(await notesOf(cyUser)).toEqual([sellerNote.id]);
    await call(annUser, 'GET', `/api/v1/activities/${buyerNote.id}`);
    await call(annUser, 'GET', `/api/v1/activities/${sellerNote.id}`, undefined, 404);
    await call(annUser, 'GET', `/api/v1/activities/${internal.id}`, undefined, 404);
    await call(annUser, 'GET', `/api/v1/deals/${elsewhere.id}`, undefined, 404);
    const agency = await call<DealAgencyDto>(cyUser, 'GET', `/api/v1/deals/${deal.id}/agents`);
    expect(agency.agents).toHaveLength(2);
    // Agents read; they change neither the deal nor its agents.
    await call(annUser, 'PATCH', `/api/v1/deals/${deal.id}`, { nextStep: 'x' }, 403, { 'if-match': '*' });
    await s.assign(
      annUser,
      deal.id,
      { agentPartyId: s.bob.id, agreementId: s.bobSeller.id, role: 'seller_agent' },
      403,
    );
    await call(annUser, 'GET', '/api/v1/agent-parties', undefined, 403);
  });
});

describe("agents' commission statements", () => {
  it('pay each agent on a won deal what its agreement in force that day gives, and take it back on reopening', async () => {
    const s = await setUp();
    clock.set('2026-03-02T09:00:00.000Z');
    // Ann also sells under an agreement that ends with March.
    const annShort = await call<AgreementDto>(
      s.admin,
      'POST',
      '/api/v1/agency-agreements',
      {
        agentPartyId: s.ann.id,
        side: 'seller',
        representedAccountId: s.cySeller.representedAccountId,
        effectiveFrom: '2026-01-01',
        effectiveTo: '2026-03-31',
        compensationKind: 'percent',
        compensationPercent: '2.5',
      },
      201,
    );
    const first = await s.newDeal(s.admin, { name: 'First house', amount: '1000.20' });
    const late = await s.newDeal(s.admin, { name: 'Late house', amount: '2000.00' });
    await s.assign(s.admin, first.id, { agentPartyId: s.ann.id, agreementId: s.annBuyer.id, role: 'buyer_agent' });
    await s.assign(s.admin, first.id, { agentPartyId: s.cy.id, agreementId: s.cySeller.id, role: 'seller_agent' });
    await s.assign(s.admin, late.id, { agentPartyId: s.ann.id, agreementId: annShort.id, role: 'seller_agent' });
    clock.set('2026-03-10T10:00:00.000Z');
    const won = await call<DealDto>(s.admin, 'POST', `/api/v1/deals/${first.id}/stage`, {
      stageId: s.pipeline.stage('Won'),
      expectedVersion: first.version,
    });
    // April: the late deal is won after Ann's agreement ended (no line); the first is reopened.
    clock.set('2026-04-02T10:00:00.000Z');
    await call(s.admin, 'POST', `/api/v1/deals/${late.id}/stage`, {
      stageId: s.pipeline.stage('Won'),
      expectedVersion: late.version,
    });
    await call(s.admin, 'POST', `/api/v1/deals/${first.id}/stage`, {
      stageId: s.pipeline.stage('Open'),
      expectedVersion: won.version,
    });

    const ann = await createTestUser(deps, s.admin, 'agent', { agentPartyId: s.ann.id });
    type Statement = StatementDto;
    const march = await call<Statement>(ann, 'GET', '/api/v1/commission-statements?period=2026-03');
    expect(march.payee).toEqual({ kind: 'agent', id: s.ann.id, name: 'Ann Agent' });
    // 2.5 % of 1,000.20 = 25.005 → 25.01 (half away from zero).
    expect(march.lines.map((l) => [l.kind, l.dealName, l.basis, l.ratePercent, l.amount, l.currency])).toEqual([
      ['agent', 'First house', '1000.20', '2.5000', '25.01', 'USD'],
    ]);
    expect(march.totals).toEqual([{ currency: 'USD', amount: '25.01' }]);
    const trace = await deps.db
      .selectFrom('events')
      .select(['id', 'type'])
      .where('entity_id', '=', first.id)
      .where('type', 'in', ['deal.won', 'deal.created', 'deal.agent_assigned', 'deal.reopened'])
      .orderBy('id')
      .execute();
    const idOf = (type: string, n = 0) => String(trace.filter((e) => e.type === type)[n]?.id);
    expect(march.lines[0]?.eventIds).toEqual([idOf('deal.won'), idOf('deal.created'), idOf('deal.agent_assigned')]);
    const april = await call<Statement>(ann, 'GET', '/api/v1/commission-statements?period=2026-04');
    expect(april.lines.map((l) => [l.kind, l.dealName, l.amount])).toEqual([['clawback', 'First house', '-25.01']]);
    expect(april.lines[0]?.eventIds).toEqual([idOf('deal.won'), idOf('deal.reopened')]);

    // Cy's fixed amount, read by an admin; the month after, taken back in full.
    const cyOf = (period: string) =>
      call<Statement>(
        s.admin,
        'GET',
        `/api/v1/commission-statements?period=${period}&payeeKind=agent&payeeId=${s.cy.id}`,
      );
    expect((await cyOf('2026-03')).lines.map((l) => [l.kind, l.basis, l.ratePercent, l.amount])).toEqual([
      ['agent', null, null, '1500.00'],
    ]);
    expect((await cyOf('2026-04')).totals).toEqual([{ currency: 'USD', amount: '-1500.00' }]);

    // An agent reads only its own party's statement: not a colleague's, not its firm's.
    const forbidden = (actor: Actor, id: string) =>
      call(actor, 'GET', `/api/v1/commission-statements?period=2026-03&payeeKind=agent&payeeId=${id}`, undefined, 403);
    await forbidden(ann, s.cy.id);
    await forbidden(ann, s.acme.id);
    await forbidden(s.rep, s.ann.id);
    // As with partner accounts, managers do not read an agent's statement.
    await forbidden(s.manager, s.ann.id);
    await forbidden(s.partner, s.ann.id);
    const firm = await createTestUser(deps, s.admin, 'agent', { agentPartyId: s.acme.id });
    expect((await call<Statement>(firm, 'GET', '/api/v1/commission-statements?period=2026-03')).payee.id).toBe(
      s.acme.id,
    );
    await forbidden(firm, s.ann.id);
    expect(
      (
        await call<Statement>(
          s.auditor,
          'GET',
          `/api/v1/commission-statements?period=2026-03&payeeKind=agent&payeeId=${s.ann.id}`,
        )
      ).totals,
    ).toEqual(march.totals);
    const team = await call<{ items: { payee: { kind: string; name: string }; totals: { amount: string }[] }[] }>(
      s.admin,
      'GET',
      '/api/v1/commission-statements/team?period=2026-03',
    );
    expect(team.items.filter((i) => i.payee.kind === 'agent').map((i) => [i.payee.name, i.totals[0]?.amount])).toEqual([
      ['Ann Agent', '25.01'],
      ['Cy Solo', '1500.00'],
    ]);
  });
});
