import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import type { FormDto, FormSubmissionDto, PublicFormDto } from '../src/contract/forms.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestTeam, createTestUser } from './helpers/factories.ts';

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

let lastAddress = 0;
/** A client address of its own for each submission unless one is given (the per-address limit is tested apart). */
const nextAddress = () => {
  lastAddress += 1;
  return `127.1.${Math.floor(lastAddress / 250)}.${(lastAddress % 250) + 1}`;
};

async function post<T>(actor: Actor, url: string, payload: Record<string, unknown>, status = 201): Promise<T> {
  const r = await api.as(actor, { method: 'POST', url, payload });
  expect(r.statusCode, r.body).toBe(status);
  return r.json<T>();
}

const fieldsOf = (res: LightMyRequestResponse) =>
  res
    .json<{ errors: { field: string }[] }>()
    .errors.map((e) => e.field)
    .sort();

const standardFields = [
  { leadField: 'firstName', label: 'First name', required: false },
  { leadField: 'lastName', label: 'Last name', required: true },
  { leadField: 'email', label: 'Work email', required: true },
  { leadField: 'company', label: 'Company', required: false },
  { leadField: 'phone', label: 'Phone', required: false },
];

async function world() {
  const org = await createTestOrg(deps);
  const marketer = await createTestUser(deps, org.admin, 'marketing');
  const rep = await createTestUser(deps, org.admin, 'rep');
  const campaign = await post<{ id: string }>(marketer, '/api/v1/campaigns', {
    name: 'Spring webinar',
    type: 'event',
    utmSource: 'newsletter',
    utmMedium: 'email',
    utmCampaign: `spring-${org.orgId.slice(0, 8)}`,
  });
  const form = (extra: Record<string, unknown> = {}) =>
    post<FormDto>(marketer, '/api/v1/capture-forms', {
      name: 'Webinar sign-up',
      campaignId: campaign.id,
      fields: standardFields,
      consentText: 'I agree that Example Ltd may email me about this webinar.',
      routing: { kind: 'owner', ownerId: rep.userId },
      ...extra,
    });
  return { ...org, marketer, rep, campaign, form };
}

function submit(
  key: string,
  payload: Record<string, unknown> | string,
  opts: { address?: string; form?: boolean } = {},
): Promise<LightMyRequestResponse> {
  const body =
    typeof payload === 'string'
      ? payload
      : opts.form
        ? new URLSearchParams(Object.entries(payload).map(([k, v]): [string, string] => [k, String(v)])).toString()
        : JSON.stringify(payload);
  return api.inject({
    method: 'POST',
    url: `/api/v1/forms/${encodeURIComponent(key)}/submissions`,
    payload: body,
    remoteAddress: opts.address ?? nextAddress(),
    headers: { 'content-type': opts.form ? 'application/x-www-form-urlencoded' : 'application/json' },
  });
}

const person = { firstName: 'Grace', lastName: 'Hopper', email: 'grace@navy.example', consent: true };

async function submissions(actor: Actor, formId: string) {
  const r = await api.as(actor, { method: 'GET', url: `/api/v1/capture-forms/${formId}/submissions` });
  expect(r.statusCode, r.body).toBe(200);
  return r.json<{ items: FormSubmissionDto[] }>().items;
}

async function leadsWithEmail(orgId: string, email: string) {
  return deps.db.selectFrom('leads').selectAll().where('org_id', '=', orgId).where('email', 'ilike', email).execute();
}

async function eventTypes(orgId: string, entityId: string) {
  const rows = await deps.db
    .selectFrom('events')
    .select(['type', 'actor_id'])
    .where('org_id', '=', orgId)
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.type);
}

describe('inbound capture forms', () => {
  it('are defined by marketing, published under a key, and a submission becomes a routed lead with its touch and consent', async () => {
    const w = await world();
    const form = await w.form();
    expect(form.publicKey).toMatch(/^pwf_[0-9a-f]{32}_[A-Za-z0-9_-]{32}$/);
    expect(form).toMatchObject({ enabled: true, submissions: 0, submitLabel: 'Send' });

    const definition = await api.inject({ method: 'GET', url: `/api/v1/forms/${form.publicKey}` });
    expect(definition.statusCode, definition.body).toBe(200);
    expect(definition.headers['access-control-allow-origin']).toBe('*');
    const pub = definition.json<PublicFormDto>();
    expect(pub.fields.map((f) => [f.name, f.type, f.required])).toEqual([
      ['firstName', 'text', false],
      ['lastName', 'text', true],
      ['email', 'email', true],
      ['company', 'text', false],
      ['phone', 'tel', false],
    ]);
    expect(pub).toMatchObject({ consentText: form.consentText, honeypotField: 'website' });
    expect(JSON.stringify(pub)).not.toContain(w.campaign.id);

    const r = await submit(form.publicKey, { ...person, company: 'US Navy' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toEqual({ received: true, message: 'Thank you, we will be in touch.' });

    const [lead, ...more] = await leadsWithEmail(w.orgId, person.email);
    expect(more).toHaveLength(0);
    expect(lead).toMatchObject({
      first_name: 'Grace',
      last_name: 'Hopper',
      company: 'US Navy',
      owner_id: w.rep.userId,
      campaign_id: w.campaign.id,
      source: 'web form',
      created_by: null,
    });
    if (!lead) throw new Error('no lead');
    expect(await eventTypes(w.orgId, lead.id)).toEqual(['lead.created', 'touch.recorded']);
    expect(await eventTypes(w.orgId, form.id)).toEqual(['form.created', 'form.submitted']);

    const [sub] = await submissions(w.marketer, form.id);
    expect(sub).toMatchObject({
      outcome: 'created_lead',
      leadId: lead.id,
      contactId: null,
      email: person.email,
      values: { firstName: 'Grace', lastName: 'Hopper', email: person.email, company: 'US Navy' },
      consentText: 'I agree that Example Ltd may email me about this webinar.',
      consentedAt: '2026-03-02T09:00:00.000Z',
    });
    // the rep the form routes to sees the lead and its touch, as any lead of theirs
    const touches = await api.as(w.rep, { method: 'GET', url: `/api/v1/leads/${lead.id}/touches` });
    expect(touches.json<{ items: { kind: string; campaignId: string; id: string }[] }>().items).toEqual([
      expect.objectContaining({ kind: 'submitted_form', campaignId: w.campaign.id, id: sub?.touchId }),
    ]);
    const listed = await api.as(w.marketer, { method: 'GET', url: '/api/v1/capture-forms' });
    expect(listed.json<{ items: FormDto[] }>().items).toEqual([
      expect.objectContaining({ id: form.id, submissions: 1, lastSubmittedAt: '2026-03-02T09:00:00.000Z' }),
    ]);
  });

  it('dedupe by email into the existing lead (filling only its blanks) or contact, in the same organization only', async () => {
    const w = await world();
    const other = await world();
    const form = await w.form({ consentText: null });
    const existing = await post<{ id: string }>(w.marketer, '/api/v1/leads', {
      lastName: 'Lovelace',
      email: 'Ada@Engine.example',
      company: 'Analytical Engines',
    });
    const contact = await post<{ id: string }>(w.admin, '/api/v1/contacts', {
      lastName: 'Babbage',
      emails: ['charles@engine.example'],
    });
    // the same address as a lead of another organization is not matched
    await post(other.marketer, '/api/v1/leads', { lastName: 'Stranger', email: 'newcomer@engine.example' });

    const sent = [
      { firstName: 'Ada', lastName: 'Byron', email: 'ada@engine.example', company: 'Other', phone: '+44 20 7946 0000' },
      { lastName: 'Babbage', email: 'CHARLES@engine.example' },
      { lastName: 'Newcomer', email: 'newcomer@engine.example' },
    ];
    for (const p of sent) {
      clock.advance(1000);
      expect((await submit(form.publicKey, p)).statusCode).toBe(201);
    }

    const [ada, ...moreAda] = await leadsWithEmail(w.orgId, 'ada@engine.example');
    expect(moreAda).toHaveLength(0);
    // blanks filled (first name, phone); what was typed stays (last name, company)
    expect(ada).toMatchObject({
      id: existing.id,
      first_name: 'Ada',
      last_name: 'Lovelace',
      company: 'Analytical Engines',
      phone: '+44 20 7946 0000',
    });
    expect(await eventTypes(w.orgId, existing.id)).toEqual(['lead.created', 'lead.updated', 'touch.recorded']);
    expect(await leadsWithEmail(w.orgId, 'charles@engine.example')).toHaveLength(0);
    expect(await eventTypes(w.orgId, contact.id)).toEqual(['contact.created', 'touch.recorded']);
    const newcomer = await leadsWithEmail(w.orgId, 'newcomer@engine.example');
    expect(newcomer).toHaveLength(1);

    const subs = await submissions(w.marketer, form.id);
    expect(subs.map((s) => [s.outcome, s.leadId ?? s.contactId, s.consentText, s.consentedAt])).toEqual([
      ['created_lead', newcomer[0]?.id, null, null],
      ['matched_contact', contact.id, null, null],
      ['matched_lead', existing.id, null, null],
    ]);
    expect(await leadsWithEmail(other.orgId, 'newcomer@engine.example')).toHaveLength(1);
  });

  it('require consent when the form shows a consent text, and take a plain HTML form post', async () => {
    const w = await world();
    const form = await w.form();
    const { consent: _, ...noConsent } = person;
    const refused = await submit(form.publicKey, noConsent);
    expect(refused.statusCode).toBe(422);
    expect(fieldsOf(refused)).toEqual(['consent']);
    expect(fieldsOf(await submit(form.publicKey, { ...noConsent, consent: 'off' }))).toEqual(['consent']);

    clock.advance(1000);
    const html = await submit(form.publicKey, { ...noConsent, consent: 'on' }, { form: true });
    expect(html.statusCode, html.body).toBe(201);
    const [sub] = await submissions(w.marketer, form.id);
    expect(sub?.consentText).toBe(form.consentText);
    expect(sub?.consentedAt).toBe(clock.now().toISOString());
  });

  it('record UTM codes from the body, else from the page URL, else the campaign’s own', async () => {
    const w = await world();
    const form = await w.form({ consentText: null });
    await submit(form.publicKey, {
      lastName: 'Body',
      email: 'body@utm.example',
      utm_source: 'linkedin',
      utm_medium: 'paid_social',
      pageUrl: 'https://example.com/webinar?utm_source=google&utm_term=crm',
    });
    clock.advance(1000);
    await submit(
      form.publicKey,
      {
        lastName: 'Page',
        email: 'page@utm.example',
        pageUrl: 'https://example.com/webinar?utm_source=google&utm_medium=cpc&utm_campaign=brand&utm_content=ad2',
      },
      { form: true },
    );
    clock.advance(1000);
    await submit(form.publicKey, { lastName: 'None', email: 'none@utm.example' });
    const subs = await submissions(w.marketer, form.id);
    const utm = (s: FormSubmissionDto | undefined) =>
      s && [s.utmSource, s.utmMedium, s.utmCampaign, s.utmContent, s.utmTerm];
    const spring = `spring-${w.orgId.slice(0, 8)}`;
    expect(subs.map(utm)).toEqual([
      ['newsletter', 'email', spring, null, null],
      ['google', 'cpc', 'brand', 'ad2', null],
      ['linkedin', 'paid_social', spring, null, 'crm'],
    ]);
    expect(subs[1]?.pageUrl).toBe(
      'https://example.com/webinar?utm_source=google&utm_medium=cpc&utm_campaign=brand&utm_content=ad2',
    );
    const touches = await deps.db
      .selectFrom('campaign_touches')
      .select(['utm_source', 'utm_term'])
      .where('org_id', '=', w.orgId)
      .where('id', '=', subs[2]?.touchId ?? '')
      .execute();
    expect(touches).toEqual([{ utm_source: 'linkedin', utm_term: 'crm' }]);
  });

  it('answer a filled honeypot as a success and store nothing', async () => {
    const w = await world();
    const form = await w.form();
    const r = await submit(form.publicKey, { ...person, email: 'robot@spam.example', website: 'http://spam' });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toEqual({ received: true, message: form.thankYouMessage });
    // a robot does not even learn that its fields were wrong
    expect((await submit(form.publicKey, { email: 'not an email', website: 'x' })).statusCode).toBe(201);
    expect(await leadsWithEmail(w.orgId, 'robot@spam.example')).toHaveLength(0);
    expect(await submissions(w.marketer, form.id)).toHaveLength(0);
    expect(await eventTypes(w.orgId, form.id)).toEqual(['form.created']);
  });

  it('limit submissions per address and per form with 429 and Retry-After', async () => {
    const w = await world();
    const form = await w.form();
    const address = '127.9.9.9';
    const spam = { ...person, website: 'x' };
    for (let i = 0; i < 10; i += 1) expect((await submit(form.publicKey, spam, { address })).statusCode).toBe(201);
    clock.advance(15_000);
    const limited = await submit(form.publicKey, spam, { address });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('45');
    expect(limited.json()).toMatchObject({ code: 'rate_limited', status: 429 });
    // another address is not held back by it
    expect((await submit(form.publicKey, spam)).statusCode).toBe(201);
    clock.advance(45_000);
    expect((await submit(form.publicKey, spam, { address })).statusCode).toBe(201);

    const busy = await w.form({ name: 'Busy form' });
    for (let i = 0; i < 120; i += 1) expect((await submit(busy.publicKey, spam)).statusCode).toBe(201);
    const formLimited = await submit(busy.publicKey, spam);
    expect(formLimited.statusCode).toBe(429);
    expect(Number(formLimited.headers['retry-after'])).toBeGreaterThan(0);
    // the other form of the organization still takes submissions
    expect((await submit(form.publicKey, spam)).statusCode).toBe(201);
    clock.advance(60_000);
  });

  it('answer 404 to an unknown, malformed, disabled, rotated-away or foreign key', async () => {
    const w = await world();
    const other = await world();
    const form = await w.form();
    const foreign = await other.form();
    const [, , secret] = form.publicKey.split('_');
    const withOtherOrg = `pwf_${other.orgId.replace(/-/g, '')}_${secret}`;
    for (const key of ['nope', 'pwf_', withOtherOrg, `${form.publicKey}x`]) {
      expect((await api.inject({ method: 'GET', url: `/api/v1/forms/${encodeURIComponent(key)}` })).statusCode).toBe(
        404,
      );
      expect((await submit(key, person)).statusCode).toBe(404);
    }
    expect((await submit(foreign.publicKey, { ...person, email: 'cross@org.example' })).statusCode).toBe(201);
    expect(await leadsWithEmail(w.orgId, 'cross@org.example')).toHaveLength(0);
    // another organization's admin cannot open the form by id
    expect((await api.as(other.admin, { method: 'GET', url: `/api/v1/capture-forms/${form.id}` })).statusCode).toBe(
      404,
    );

    const disabled = await api.as(w.marketer, {
      method: 'PATCH',
      url: `/api/v1/capture-forms/${form.id}`,
      headers: { 'if-match': String(form.version) },
      payload: { enabled: false },
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect((await submit(form.publicKey, person)).statusCode).toBe(404);

    const enabled = await api.as(w.marketer, {
      method: 'PATCH',
      url: `/api/v1/capture-forms/${form.id}`,
      headers: { 'if-match': '*' },
      payload: { enabled: true },
    });
    const rotated = await api.as(w.marketer, {
      method: 'POST',
      url: `/api/v1/capture-forms/${form.id}/rotate-key`,
      headers: { 'if-match': String(enabled.json<FormDto>().version) },
    });
    expect(rotated.statusCode, rotated.body).toBe(200);
    const newKey = rotated.json<FormDto>().publicKey;
    expect(newKey).not.toBe(form.publicKey);
    expect((await submit(form.publicKey, person)).statusCode).toBe(404);
    expect((await submit(newKey, person)).statusCode).toBe(201);
    expect(await eventTypes(w.orgId, form.id)).toEqual([
      'form.created',
      'form.updated',
      'form.updated',
      'form.key_rotated',
      'form.submitted',
    ]);
  });

  it('name every bad field of a submission and of a form definition', async () => {
    const w = await world();
    const form = await w.form();
    const bad = await submit(form.publicKey, { phone: 'call me', title: 'CEO', consent: true, lastName: 'X' });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(fieldsOf(bad)).toEqual(['email', 'phone', 'title']);
    const unknown = await submit(form.publicKey, { ...person, favouriteColour: 'blue', email: 7 });
    expect(unknown.statusCode).toBe(422);
    expect(fieldsOf(unknown)).toEqual(['email', 'favouriteColour']);
    expect(fieldsOf(await submit(form.publicKey, { ...person, pageUrl: 'javascript:alert(1)' }))).toEqual(['pageUrl']);
    const large = await submit(form.publicKey, { ...person, company: 'x'.repeat(20_000) });
    expect(large.statusCode).toBe(413);
    expect((await submit(form.publicKey, '{"email":')).statusCode).toBe(400);

    const partner = await post<{ id: string }>(w.admin, '/api/v1/accounts', { name: 'Reseller', type: 'reseller' });
    const partnerUser = await createTestUser(deps, w.admin, 'partner', { partnerAccountId: partner.id });
    const refused = await api.as(w.marketer, {
      method: 'POST',
      url: '/api/v1/capture-forms',
      payload: {
        name: 'Bad',
        campaignId: '00000000-0000-4000-8000-000000000000',
        fields: [
          { leadField: 'email', label: 'Email', required: false },
          { leadField: 'email', label: 'Again', required: true },
        ],
        routing: { kind: 'owner', ownerId: partnerUser.userId },
      },
    });
    expect(refused.statusCode).toBe(422);
    expect(fieldsOf(refused)).toEqual(['fields', 'fields.0.required', 'fields.1.leadField']);
    const refusedRefs = await api.as(w.marketer, {
      method: 'POST',
      url: '/api/v1/capture-forms',
      payload: {
        name: 'Bad refs',
        campaignId: '00000000-0000-4000-8000-000000000000',
        fields: standardFields,
        routing: { kind: 'owner', ownerId: partnerUser.userId },
      },
    });
    expect(fieldsOf(refusedRefs)).toEqual(['campaignId', 'routing.ownerId']);
  });

  it('route new leads round robin over the active members of a team', async () => {
    const w = await world();
    const team = await createTestTeam(deps, w.admin);
    const a = await createTestUser(deps, w.admin, 'rep', { teamId: team.id });
    const b = await createTestUser(deps, w.admin, 'rep', { teamId: team.id });
    const form = await w.form({ consentText: null, routing: { kind: 'round_robin', teamId: team.id } });
    for (const n of [1, 2, 3]) await submit(form.publicKey, { lastName: `Lead ${n}`, email: `rr${n}@team.example` });
    // a matched lead takes no turn
    await submit(form.publicKey, { lastName: 'Lead 1', email: 'rr1@team.example' });
    await submit(form.publicKey, { lastName: 'Lead 4', email: 'rr4@team.example' });
    const owners = [];
    for (const n of [1, 2, 3, 4]) owners.push((await leadsWithEmail(w.orgId, `rr${n}@team.example`))[0]?.owner_id);
    const [first, second] = [a.userId, b.userId].sort();
    expect(owners).toEqual([first, second, first, second]);
  });

  it('are managed by marketing and admins only', async () => {
    const w = await world();
    const form = await w.form();
    for (const actor of [w.rep]) {
      expect((await api.as(actor, { method: 'GET', url: '/api/v1/capture-forms' })).statusCode).toBe(403);
      expect((await api.as(actor, { method: 'GET', url: `/api/v1/capture-forms/${form.id}` })).statusCode).toBe(403);
    }
    expect((await api.as(w.admin, { method: 'GET', url: `/api/v1/capture-forms/${form.id}` })).statusCode).toBe(200);
  });
});
