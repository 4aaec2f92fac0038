import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import type { AccountDto } from '../src/contract/accounts.ts';
import type { ContactDto } from '../src/contract/contacts.ts';
import type { ConvertLeadResult } from '../src/contract/lead-conversion.ts';
import type { LeadDto } from '../src/contract/leads.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';
import { createTestPipeline } from './helpers/sales.ts';

let deps: TestDeps;
let api: Api;

beforeAll(async () => {
  deps = await createTestDeps();
  api = await createApi(deps);
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

type Problem = { code: string; errors?: { field: string; message: string }[]; [k: string]: unknown };

const fieldsOf = (res: LightMyRequestResponse) => (res.json<Problem>().errors ?? []).map((e) => e.field).sort();

async function createLead(actor: Actor, payload: Record<string, unknown>): Promise<LeadDto> {
  const res = await api.as(actor, { method: 'POST', url: '/api/v1/leads', payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<LeadDto>();
}

async function post<T>(actor: Actor, url: string, payload: Record<string, unknown>): Promise<T> {
  const res = await api.as(actor, { method: 'POST', url, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<T>();
}

const convert = (actor: Actor, id: string, payload: Record<string, unknown>, version: number | string | null = 1) =>
  api.as(actor, {
    method: 'POST',
    url: `/api/v1/leads/${id}/convert`,
    headers: version === null ? {} : { 'if-match': String(version) },
    payload,
  });

const eventTypes = async (id: string) =>
  (await deps.db.selectFrom('events').select('type').where('entity_id', '=', id).orderBy('id').execute()).map(
    (e) => e.type,
  );

/** Everything a conversion could write in the organization, to compare before and after a refusal. */
async function snapshotOf(orgId: string, leadId: string) {
  await deps.sealer.flush(orgId);
  const count = async (table: 'accounts' | 'contacts' | 'deals' | 'deal_contacts' | 'events') =>
    Number(
      (
        await deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('org_id', '=', orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    accounts: await count('accounts'),
    contacts: await count('contacts'),
    deals: await count('deals'),
    dealContacts: await count('deal_contacts'),
    events: await count('events'),
    lead: await deps.db
      .selectFrom('leads')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', '=', leadId)
      .executeTakeFirstOrThrow(),
  };
}

const fullLead = {
  firstName: 'Wile',
  lastName: 'Coyote',
  email: 'wile@acme.example',
  phone: '+1 555 0100',
  title: 'Head of Engineering',
  company: 'Acme Corp',
  companyDomain: 'acme.example',
  industry: 'Manufacturing',
  source: 'webinar',
};

describe('POST /leads/:id/convert', () => {
  it('creates account, contact and deal from the lead, owned by the lead owner, and records every event', async () => {
    const { admin } = await createTestOrg(deps);
    const pipeline = await createTestPipeline(deps, admin);
    const rep = await createTestUser(deps, admin, 'rep');
    const lead = await createLead(rep, fullLead);

    const res = await convert(rep, lead.id, {
      account: { create: {} },
      deal: { create: { amount: '5000.00', contactRole: 'decision_maker' } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const { lead: converted, account, contact, deal } = res.json<ConvertLeadResult>();
    expect(account).toMatchObject({
      name: 'Acme Corp',
      domain: 'acme.example',
      industry: 'Manufacturing',
      type: 'prospect',
      ownerId: rep.userId,
    });
    expect(contact).toMatchObject({
      accountId: account?.id,
      firstName: 'Wile',
      lastName: 'Coyote',
      title: 'Head of Engineering',
      emails: ['wile@acme.example'],
      phones: ['+1 555 0100'],
      ownerId: rep.userId,
    });
    expect(deal).toMatchObject({
      name: 'Acme Corp – new deal',
      accountId: account?.id,
      primaryContactId: contact.id,
      contactRoles: [{ contactId: contact.id, role: 'decision_maker' }],
      pipelineId: pipeline.id,
      stageId: pipeline.stage('Qualify'),
      amount: '5000.00',
      source: 'webinar',
      ownerId: rep.userId,
    });
    expect(converted).toMatchObject({
      status: 'converted',
      convertedAccountId: account?.id,
      convertedContactId: contact.id,
      convertedDealId: deal?.id,
      version: 2,
    });
    expect(converted.convertedAt).not.toBeNull();

    const reread = await api.as(rep, { method: 'GET', url: `/api/v1/leads/${lead.id}` });
    expect(reread.json()).toEqual(converted);
    expect(await eventTypes(account?.id ?? '')).toEqual(['account.created']);
    expect(await eventTypes(contact.id)).toEqual(['contact.created']);
    expect(await eventTypes(deal?.id ?? '')).toEqual(['deal.created']);
    expect(await eventTypes(lead.id)).toEqual([
      'lead.created',
      'lead.status_changed',
      'lead.updated',
      // with a deal the lead becomes an opportunity in the marketing lifecycle
      'lead.lifecycle_changed',
      'lead.converted',
    ]);
    const [convertedEvent] = await deps.db
      .selectFrom('events')
      .select(['data', 'actor_id'])
      .where('entity_id', '=', lead.id)
      .where('type', '=', 'lead.converted')
      .execute();
    expect(convertedEvent).toEqual({
      actor_id: rep.userId,
      data: {
        accountId: account?.id,
        contactId: contact.id,
        dealId: deal?.id,
        created: { account: true, contact: true, deal: true },
      },
    });
  });

  it('links an existing account and contact and creates only the deal', async () => {
    const { admin } = await createTestOrg(deps);
    await createTestPipeline(deps, admin);
    const account = await post<AccountDto>(admin, '/api/v1/accounts', { name: 'Globex' });
    const contact = await post<ContactDto>(admin, '/api/v1/contacts', { accountId: account.id, lastName: 'Scorpio' });
    const lead = await createLead(admin, { lastName: 'Scorpio', company: 'Globex Corporation' });
    const before = await snapshotOf(admin.orgId, lead.id);

    const res = await convert(admin, lead.id, {
      account: { id: account.id },
      contact: { id: contact.id },
      deal: { create: {} },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<ConvertLeadResult>();
    expect(body.account).toEqual(account);
    expect(body.contact).toEqual(contact);
    expect(body.deal).toMatchObject({
      name: 'Globex – new deal',
      accountId: account.id,
      primaryContactId: contact.id,
      contactRoles: [],
    });
    expect(body.lead).toMatchObject({
      convertedAccountId: account.id,
      convertedContactId: contact.id,
      convertedDealId: body.deal?.id,
    });

    const after = await snapshotOf(admin.orgId, lead.id);
    expect([after.accounts, after.contacts, after.deals]).toEqual([before.accounts, before.contacts, before.deals + 1]);
    const [event] = await deps.db
      .selectFrom('events')
      .select('data')
      .where('entity_id', '=', lead.id)
      .where('type', '=', 'lead.converted')
      .execute();
    expect(event?.data).toMatchObject({ created: { account: false, contact: false, deal: true } });
  });

  it('names every bad link: unseen account, contact at another account', async () => {
    const { admin } = await createTestOrg(deps);
    const rep = await createTestUser(deps, admin, 'rep');
    const hidden = await post<AccountDto>(admin, '/api/v1/accounts', { name: 'Hidden' });
    const mine = await post<AccountDto>(rep, '/api/v1/accounts', { name: 'Mine' });
    const elsewhere = await post<AccountDto>(rep, '/api/v1/accounts', { name: 'Elsewhere' });
    const contact = await post<ContactDto>(rep, '/api/v1/contacts', { accountId: elsewhere.id, lastName: 'Moved' });
    const lead = await createLead(rep, { lastName: 'Moved' });

    const both = await convert(rep, lead.id, { account: { id: hidden.id }, contact: { id: contact.id } });
    expect(both.statusCode).toBe(422);
    expect(fieldsOf(both)).toEqual(['account.id', 'contact.id']);

    const mismatch = await convert(rep, lead.id, { account: { id: mine.id }, contact: { id: contact.id } });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json<Problem>().errors).toEqual([
      {
        field: 'contact.id',
        message: `is at account ${elsewhere.id}, not at account ${mine.id} as this conversion is`,
      },
    ]);
    const b2c = await convert(rep, lead.id, { contact: { id: contact.id } });
    expect(fieldsOf(b2c)).toEqual(['contact.id']);
    const intoNew = await convert(rep, lead.id, {
      account: { create: { name: 'New Co' } },
      contact: { id: contact.id },
    });
    expect(fieldsOf(intoNew)).toEqual(['contact.id']);
    expect((await api.as(rep, { method: 'GET', url: `/api/v1/leads/${lead.id}` })).json()).toMatchObject({
      status: 'new',
      version: 1,
    });
  });

  it('converts a B2C consumer: a contact without an account, and a deal named after the person', async () => {
    const { admin } = await createTestOrg(deps);
    await createTestPipeline(deps, admin);
    const lead = await createLead(admin, {
      firstName: 'Road',
      lastName: 'Runner',
      email: 'beep@desert.example',
      source: 'referral',
    });

    const res = await convert(admin, lead.id, { deal: { create: { amount: '49.00' } } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<ConvertLeadResult>();
    expect(body.account).toBeNull();
    expect(body.contact).toMatchObject({
      accountId: null,
      firstName: 'Road',
      lastName: 'Runner',
      emails: ['beep@desert.example'],
      phones: [],
    });
    expect(body.deal).toMatchObject({
      name: 'Road Runner – new deal',
      accountId: null,
      primaryContactId: body.contact.id,
      source: 'referral',
    });
    expect(body.lead).toMatchObject({
      status: 'converted',
      convertedAccountId: null,
      convertedContactId: body.contact.id,
    });
  });

  it('converts without a deal', async () => {
    const { admin } = await createTestOrg(deps);
    const lead = await createLead(admin, fullLead);
    const res = await convert(admin, lead.id, {
      account: { create: { name: 'Acme (HQ)', type: 'customer' } },
      contact: { create: { title: 'CTO' } },
      deal: null,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<ConvertLeadResult>();
    expect(body.account).toMatchObject({ name: 'Acme (HQ)', type: 'customer', domain: 'acme.example' });
    expect(body.contact).toMatchObject({ title: 'CTO', accountId: body.account?.id });
    expect(body.deal).toBeNull();
    expect(body.lead).toMatchObject({ status: 'converted', convertedDealId: null });
    const [event] = await deps.db
      .selectFrom('events')
      .select('data')
      .where('entity_id', '=', lead.id)
      .where('type', '=', 'lead.converted')
      .execute();
    expect(event?.data).toEqual({
      accountId: body.account?.id,
      contactId: body.contact.id,
      dealId: null,
      created: { account: true, contact: true, deal: false },
    });
  });

  it('writes nothing when the last step is refused (stage gate, an owner the actor may not assign)', async () => {
    const { admin } = await createTestOrg(deps);
    await createTestPipeline(deps, admin);
    const gated = await createTestPipeline(deps, admin, {
      stages: [
        { name: 'Priced', kind: 'open', probability: 20, requiredFields: ['amount'] },
        { name: 'Won', kind: 'won' },
        { name: 'Lost', kind: 'lost' },
      ],
    });
    const rep = await createTestUser(deps, admin, 'rep');
    const otherRep = await createTestUser(deps, admin, 'rep');
    const lead = await createLead(rep, fullLead);
    const before = await snapshotOf(admin.orgId, lead.id);

    const gate = await convert(rep, lead.id, { account: { create: {} }, deal: { create: { pipelineId: gated.id } } });
    expect(gate.statusCode).toBe(422);
    expect(gate.json()).toMatchObject({ code: 'stage_gate_failed', missingFields: ['amount'] });
    expect(fieldsOf(gate)).toEqual(['deal.create.amount']);
    expect(await snapshotOf(admin.orgId, lead.id)).toEqual(before);

    const owner = await convert(rep, lead.id, {
      account: { create: {} },
      deal: { create: { ownerId: otherRep.userId } },
    });
    expect(owner.statusCode).toBe(403);
    expect(await snapshotOf(admin.orgId, lead.id)).toEqual(before);

    const badPipeline = await convert(rep, lead.id, {
      account: { create: {} },
      deal: { create: { pipelineId: '0b8c5a3e-9d8e-4a47-9a84-0f0cbd7e8a11' } },
    });
    expect(badPipeline.statusCode).toBe(422);
    expect(fieldsOf(badPipeline)).toEqual(['deal.create.pipelineId']);
    expect(await snapshotOf(admin.orgId, lead.id)).toEqual(before);
  });

  it('answers bad input with problem+json naming every bad field', async () => {
    const { admin } = await createTestOrg(deps);
    const lead = await createLead(admin, { lastName: 'Nameless' });
    const bad = await convert(admin, lead.id, {
      account: { id: 'nope', create: { domain: 'not a domain' } },
      contact: { create: { accountId: '0b8c5a3e-9d8e-4a47-9a84-0f0cbd7e8a11', emails: ['x'] } },
      deal: { create: { amount: '-1', contactRole: 'boss' } },
      colour: 'red',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(fieldsOf(bad)).toEqual([
      'account',
      'account.create.domain',
      'account.id',
      'colour',
      'contact.create.accountId',
      'contact.create.emails.0',
      'deal.create.amount',
      'deal.create.contactRole',
    ]);

    const neither = await convert(admin, lead.id, { account: {}, contact: {} });
    expect(fieldsOf(neither)).toEqual(['account', 'contact']);

    const noCompany = await convert(admin, lead.id, { account: { create: {} } });
    expect(noCompany.statusCode).toBe(422);
    expect(noCompany.json<Problem>().errors).toEqual([
      { field: 'account.create.name', message: 'is required: the lead has no company to name the account after' },
    ]);
  });

  it('refuses converted and disqualified leads, stale and missing If-Match', async () => {
    const { admin } = await createTestOrg(deps);
    const lead = await createLead(admin, { lastName: 'Twice' });
    expect((await convert(admin, lead.id, {}, null)).statusCode).toBe(428);
    const stale = await convert(admin, lead.id, {}, 7);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', currentVersion: 1, sentVersion: 7 });

    expect((await convert(admin, lead.id, {})).statusCode).toBe(200);
    const again = await convert(admin, lead.id, {}, '*');
    expect(again.statusCode).toBe(422);
    expect(again.json()).toMatchObject({ code: 'invalid_transition', leadStatus: 'converted' });

    const dq = await createLead(admin, {
      lastName: 'Nope',
      status: 'disqualified',
      disqualifiedReason: 'Student project',
    });
    const refused = await convert(admin, dq.id, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'invalid_transition', leadStatus: 'disqualified' });
  });

  it("keeps reps to their own leads: another rep's lead is not found", async () => {
    const { admin } = await createTestOrg(deps);
    const rep = await createTestUser(deps, admin, 'rep');
    const other = await createTestUser(deps, admin, 'rep');
    const lead = await createLead(other, fullLead);
    await api.tokenFor(rep); // issuing the token is an event of its own
    const before = await snapshotOf(admin.orgId, lead.id);
    const res = await convert(rep, lead.id, { account: { create: {} } });
    expect(res.statusCode).toBe(404);
    expect(await snapshotOf(admin.orgId, lead.id)).toEqual(before);
  });

  it('lets exactly one of two simultaneous conversions through', async () => {
    const { admin } = await createTestOrg(deps);
    await createTestPipeline(deps, admin);
    const lead = await createLead(admin, fullLead);
    const payload = { account: { create: {} }, deal: { create: {} } };
    const results = await Promise.all([convert(admin, lead.id, payload), convert(admin, lead.id, payload)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 422]);
    const after = await snapshotOf(admin.orgId, lead.id);
    expect([after.accounts, after.contacts, after.deals]).toEqual([1, 1, 1]);
    const winner = results.find((r) => r.statusCode === 200)?.json<ConvertLeadResult>();
    expect(after.lead).toMatchObject({ status: 'converted', converted_deal_id: winner?.deal?.id });
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = await api.inject({ method: 'GET', url: '/api/openapi.json' });
    const op = doc.json<{ paths: Record<string, { post?: { summary?: string; requestBody?: unknown } }> }>().paths[
      '/api/v1/leads/{id}/convert'
    ]?.post;
    expect(op?.summary).toMatch(/Convert a lead/);
    expect(JSON.stringify(op?.requestBody)).toContain('B2C consumer');
  });
});
