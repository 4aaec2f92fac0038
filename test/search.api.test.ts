import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';
import { createSalesTeam } from './helpers/sales-team.ts';

interface Hit {
  type: string;
  id: string;
  title: string;
  subtitle: string | null;
  score: number;
}

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

async function post(actor: Actor, url: string, payload: Record<string, unknown>): Promise<string> {
  const res = await api.as(actor, { method: 'POST', url, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

/** Deals have no module yet: rows go in directly, with the pipeline and stage they need. */
async function insertDeal(
  orgId: string,
  name: string,
  opts: { ownerId: string; partnerAccountId?: string; deleted?: boolean },
): Promise<string> {
  const now = new Date();
  const pipelineId = randomUUID();
  const stageId = randomUUID();
  const id = randomUUID();
  await deps.db
    .insertInto('pipelines')
    .values({
      org_id: orgId,
      id: pipelineId,
      name: `Pipeline ${pipelineId}`,
      description: null,
      enforce_stage_order: false,
      is_default: false,
      active: true,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await deps.db
    .insertInto('stages')
    .values({
      org_id: orgId,
      id: stageId,
      pipeline_id: pipelineId,
      name: 'Pitch',
      position: 1,
      probability: 20,
      forecast_category: 'pipeline',
      kind: 'open',
      expected_days: null,
      required_fields: '[]',
    })
    .execute();
  await deps.db
    .insertInto('deals')
    .values({
      org_id: orgId,
      id,
      external_id: null,
      name,
      account_id: null,
      primary_contact_id: null,
      pipeline_id: pipelineId,
      stage_id: stageId,
      status: 'open',
      amount: '12000.00',
      currency: 'USD',
      expected_close_date: null,
      closed_at: null,
      owner_id: opts.ownerId,
      source: null,
      channel: opts.partnerAccountId ? 'partner' : 'direct',
      partner_account_id: opts.partnerAccountId ?? null,
      lost_reason: null,
      next_step: null,
      stage_entered_at: now,
      created_by: null,
      created_at: now,
      updated_at: now,
      deleted_at: opts.deleted ? now : null,
    })
    .execute();
  return id;
}

const search = async (actor: Actor, qs: string): Promise<Hit[]> => {
  const res = await api.as(actor, { method: 'GET', url: `/api/v1/search?${qs}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Hit[] }>().items;
};
const titles = (hits: Hit[]) => hits.map((h) => `${h.type}:${h.title}`);
const fieldsOf = (res: LightMyRequestResponse) =>
  res
    .json<{ errors: { field: string }[] }>()
    .errors.map((e) => e.field)
    .sort();

describe('search over HTTP', () => {
  it('finds records by near matches and ranks exact and prefix matches first', async () => {
    const { admin } = await createTestOrg(deps);
    for (const name of ['Acme', 'Acme Corporation Holdings', 'Globex', 'Initech'])
      await post(admin, '/api/v1/accounts', { name, domain: `${name.split(' ')[0]?.toLowerCase()}.example` });

    const exact = await search(admin, 'q=acme');
    expect(titles(exact)).toEqual(['account:Acme', 'account:Acme Corporation Holdings']);
    expect(exact[0]).toMatchObject({ score: 1, subtitle: 'acme.example' });
    expect(exact[1]?.score).toBeLessThan(1);

    // Typos and extra words still find Acme; nothing unrelated comes along.
    for (const q of ['acme corp', 'acmee', 'ACME inc', 'acm']) {
      expect(titles(await search(admin, `q=${encodeURIComponent(q)}`)), q).toContain('account:Acme');
    }
    expect(titles(await search(admin, 'q=acme%20corp'))[0]).toBe('account:Acme Corporation Holdings');
    expect(titles(await search(admin, 'q=acmee'))[0]).toBe('account:Acme');
    expect(titles(await search(admin, 'q=acm'))[0]).toBe('account:Acme');
    expect(titles(await search(admin, 'q=globx'))).toEqual(['account:Globex']);
    expect(await search(admin, 'q=zzzz')).toEqual([]);
    // LIKE wildcards in the query are text, not patterns.
    expect(await search(admin, 'q=%25')).toEqual([]);
  });

  it('searches contacts, leads and deals, filtered by type and cut to the limit', async () => {
    const { admin, orgId } = await createTestOrg(deps);
    await post(admin, '/api/v1/accounts', { name: 'Acme' });
    await post(admin, '/api/v1/contacts', {
      firstName: 'Wile',
      lastName: 'Coyote',
      title: 'Buyer',
      emails: ['wile@acme.example'],
    });
    await post(admin, '/api/v1/leads', { firstName: 'Road', lastName: 'Runner', company: 'Acme' });
    await insertDeal(orgId, 'Acme renewal 2026', { ownerId: admin.userId });

    const all = await search(admin, 'q=acme');
    expect(titles(all).sort()).toEqual(['account:Acme', 'deal:Acme renewal 2026', 'lead:Road Runner']);
    expect(all.find((h) => h.type === 'lead')?.subtitle).toBe('Acme · new');
    expect(all.find((h) => h.type === 'deal')?.subtitle).toBe('open · 12000.00 USD');
    expect(titles(await search(admin, 'q=acme&types=lead,deal')).sort()).toEqual([
      'deal:Acme renewal 2026',
      'lead:Road Runner',
    ]);
    expect(titles(await search(admin, 'q=acme&types=lead&types=account')).sort()).toEqual([
      'account:Acme',
      'lead:Road Runner',
    ]);
    expect(await search(admin, 'q=acme&limit=1')).toHaveLength(1);

    const contact = await search(admin, 'q=wile%20coyote');
    expect(contact).toMatchObject([
      { type: 'contact', title: 'Wile Coyote', subtitle: 'Buyer · wile@acme.example', score: 1 },
    ]);
    expect(titles(await search(admin, 'q=coyotte'))).toEqual(['contact:Wile Coyote']);
  });

  it('applies each record type’s read scope and never shows deleted records or other organizations', async () => {
    const { admin, orgId } = await createTestOrg(deps);
    const t = await createSalesTeam(deps, admin);
    await post(t.rep, '/api/v1/accounts', { name: 'Umbrella Rep' });
    await post(t.teammate, '/api/v1/contacts', { firstName: 'Umbrella', lastName: 'Teammate' });
    await post(t.outsider, '/api/v1/leads', { lastName: 'Outsider', company: 'Umbrella Outside' });
    await insertDeal(orgId, 'Umbrella deal of rep', { ownerId: t.rep.userId });
    await insertDeal(orgId, 'Umbrella deleted deal', { ownerId: t.rep.userId, deleted: true });
    const partnerAccount = await post(admin, '/api/v1/accounts', { name: 'Channel Partner', type: 'reseller' });
    await insertDeal(orgId, 'Umbrella via partner', { ownerId: t.outsider.userId, partnerAccountId: partnerAccount });
    const gone = await post(admin, '/api/v1/accounts', { name: 'Umbrella Deleted' });
    expect(
      (await api.as(admin, { method: 'DELETE', url: `/api/v1/accounts/${gone}`, headers: { 'if-match': '1' } }))
        .statusCode,
    ).toBe(204);

    const other = await createTestOrg(deps);
    await post(other.admin, '/api/v1/accounts', { name: 'Umbrella' });

    const q = 'q=umbrella&limit=50';
    expect(titles(await search(t.rep, q)).sort()).toEqual(['account:Umbrella Rep', 'deal:Umbrella deal of rep']);
    expect(titles(await search(t.manager, q)).sort()).toEqual([
      'account:Umbrella Rep',
      'contact:Umbrella Teammate',
      'deal:Umbrella deal of rep',
    ]);
    expect(titles(await search(t.outsider, q)).sort()).toEqual(['deal:Umbrella via partner', 'lead:Outsider']);
    // Marketing reads all accounts, contacts and leads, and no deals.
    expect(titles(await search(t.marketing, q)).sort()).toEqual([
      'account:Umbrella Rep',
      'contact:Umbrella Teammate',
      'lead:Outsider',
    ]);
    const partner = await createTestUser(deps, admin, 'partner', { partnerAccountId: partnerAccount });
    expect(titles(await search(partner, q))).toEqual(['deal:Umbrella via partner']);
    expect(titles(await search(admin, q)).sort()).toEqual([
      'account:Umbrella Rep',
      'contact:Umbrella Teammate',
      'deal:Umbrella deal of rep',
      'deal:Umbrella via partner',
      'lead:Outsider',
    ]);
    expect(titles(await search(other.admin, q))).toEqual(['account:Umbrella']);
  });

  it('answers bad input with problem+json naming every bad field', async () => {
    const { admin } = await createTestOrg(deps);
    const res = await api.as(admin, { method: 'GET', url: '/api/v1/search?q=%20&types=account,widget&limit=500' });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(fieldsOf(res)).toEqual(['limit', 'q', 'types.1']);
    const none = await api.as(admin, { method: 'GET', url: '/api/v1/search' });
    expect(fieldsOf(none)).toEqual(['q']);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = await api.inject({ method: 'GET', url: '/api/openapi.json' });
    const paths = Object.keys(doc.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/search',
        '/api/v1/contacts',
        '/api/v1/contacts/{id}',
        '/api/v1/leads',
        '/api/v1/leads/{id}/timeline',
      ]),
    );
  });
});
