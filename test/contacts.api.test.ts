import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, type TestOrg } from './helpers/factories.ts';
import { createSalesTeam } from './helpers/sales-team.ts';

interface Contact {
  id: string;
  accountId: string | null;
  firstName: string | null;
  lastName: string;
  emails: string[];
  phones: string[];
  ownerId: string | null;
  doNotContact: boolean;
  version: number;
}
interface Page {
  items: Contact[];
  nextCursor: string | null;
}

const clock = new ManualClock('2026-02-02T09:00:00.000Z');
let deps: TestDeps;
let api: Api;
let org: TestOrg;

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  api = await createApi(deps);
  org = await createTestOrg(deps);
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

const fieldsOf = (res: LightMyRequestResponse) =>
  res
    .json<{ errors: { field: string }[] }>()
    .errors.map((e) => e.field)
    .sort();
const names = (res: LightMyRequestResponse) => res.json<Page>().items.map((c) => c.lastName);

async function createAccount(actor: Actor, name: string): Promise<string> {
  const res = await api.as(actor, { method: 'POST', url: '/api/v1/accounts', payload: { name } });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string }>().id;
}

async function createContact(actor: Actor, payload: Record<string, unknown>): Promise<Contact> {
  clock.advance(1000);
  const res = await api.as(actor, { method: 'POST', url: '/api/v1/contacts', payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Contact>();
}

describe('contacts over HTTP', () => {
  it('creates a B2B contact at an account and a B2C consumer with none, and updates with If-Match', async () => {
    const accountId = await createAccount(org.admin, 'Acme Anvils');
    const b2b = await createContact(org.admin, {
      accountId,
      firstName: 'Wile E.',
      lastName: 'Coyote',
      emails: ['wile@acme.example', 'w.coyote@acme.example'],
      phones: ['+1 555 0100 x12'],
    });
    expect(b2b).toMatchObject({
      accountId,
      firstName: 'Wile E.',
      emails: ['wile@acme.example', 'w.coyote@acme.example'],
      phones: ['+1 555 0100 x12'],
      ownerId: org.admin.userId,
      doNotContact: false,
      version: 1,
    });
    const b2c = await createContact(org.admin, { lastName: 'Consumer' });
    expect(b2c).toMatchObject({ accountId: null, firstName: null, emails: [], phones: [] });

    const updated = await api.as(org.admin, {
      method: 'PATCH',
      url: `/api/v1/contacts/${b2c.id}`,
      headers: { 'if-match': '1' },
      payload: { firstName: 'Carla', emails: ['carla@home.example'], doNotContact: true },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({
      firstName: 'Carla',
      emails: ['carla@home.example'],
      doNotContact: true,
      version: 2,
    });

    const stale = await api.as(org.admin, {
      method: 'PATCH',
      url: `/api/v1/contacts/${b2c.id}`,
      headers: { 'if-match': '1' },
      payload: { title: 'Buyer' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', currentVersion: 2, sentVersion: 1 });
    const missing = await api.as(org.admin, {
      method: 'PATCH',
      url: `/api/v1/contacts/${b2c.id}`,
      payload: { title: 'Buyer' },
    });
    expect(missing.statusCode).toBe(428);

    const moved = await api.as(org.admin, {
      method: 'PATCH',
      url: `/api/v1/contacts/${b2b.id}`,
      headers: { 'if-match': '1' },
      payload: { accountId: null },
    });
    expect(moved.json()).toMatchObject({ accountId: null, version: 2 });

    const timeline = await api.as(org.admin, { method: 'GET', url: `/api/v1/contacts/${b2c.id}/timeline` });
    const items = timeline.json<{ items: { type: string; data: Record<string, unknown> }[] }>().items;
    expect(items.map((i) => i.type)).toEqual(['contact.updated', 'contact.created']);
    expect(items[0]?.data).toEqual({
      changes: {
        firstName: { from: null, to: 'Carla' },
        emails: { from: [], to: ['carla@home.example'] },
        doNotContact: { from: false, to: true },
      },
    });
  });

  it('answers bad input with problem+json naming every bad field, and writes nothing', async () => {
    const o = await createTestOrg(deps);
    const bad = await api.as(o.admin, {
      method: 'POST',
      url: '/api/v1/contacts',
      payload: {
        lastName: ' ',
        emails: ['not-an-email'],
        phones: ['call me'],
        accountId: 'x',
        ownerId: 7,
        doNotContact: 'yes',
        colour: 'red',
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(fieldsOf(bad)).toEqual([
      'accountId',
      'colour',
      'doNotContact',
      'emails.0',
      'lastName',
      'ownerId',
      'phones.0',
    ]);

    const repeats = await api.as(o.admin, {
      method: 'POST',
      url: '/api/v1/contacts',
      payload: {
        lastName: 'X',
        emails: ['a@x.example', 'A@x.example'],
        phones: Array.from({ length: 11 }, (_, i) => `+1 555 01${i + 10}`),
      },
    });
    expect(fieldsOf(repeats)).toEqual(['emails', 'phones']);

    // Checks that need the database report together, too.
    const other = await createTestOrg(deps);
    const foreignAccount = await createAccount(other.admin, 'Elsewhere Inc');
    const refs = await api.as(o.admin, {
      method: 'POST',
      url: '/api/v1/contacts',
      payload: { lastName: 'X', accountId: foreignAccount, ownerId: other.admin.userId },
    });
    expect(refs.statusCode).toBe(422);
    expect(fieldsOf(refs)).toEqual(['accountId', 'ownerId']);

    const badQuery = await api.as(o.admin, {
      method: 'GET',
      url: '/api/v1/contacts?hasAccount=maybe&sort=colour&createdFrom=yesterday',
    });
    expect(badQuery.statusCode).toBe(422);
    expect(fieldsOf(badQuery)).toEqual(['createdFrom', 'hasAccount', 'sort']);

    const list = await api.as(o.admin, { method: 'GET', url: '/api/v1/contacts' });
    expect(list.json<Page>().items).toHaveLength(0);
  });

  it('keeps reps to their own contacts, managers to their team, and other organizations out', async () => {
    const o = await createTestOrg(deps);
    const t = await createSalesTeam(deps, o.admin);
    const mine = await createContact(t.rep, { lastName: 'Mine' });
    await createContact(t.teammate, { lastName: 'Teammates' });
    await createContact(t.outsider, { lastName: 'Outsiders' });

    expect(names(await api.as(t.rep, { method: 'GET', url: '/api/v1/contacts' }))).toEqual(['Mine']);
    expect(names(await api.as(t.manager, { method: 'GET', url: '/api/v1/contacts' }))).toEqual(['Mine', 'Teammates']);
    expect(names(await api.as(t.marketing, { method: 'GET', url: '/api/v1/contacts' }))).toEqual([
      'Mine',
      'Outsiders',
      'Teammates',
    ]);

    expect((await api.as(t.teammate, { method: 'GET', url: `/api/v1/contacts/${mine.id}` })).statusCode).toBe(404);
    expect(
      (
        await api.as(t.teammate, {
          method: 'PATCH',
          url: `/api/v1/contacts/${mine.id}`,
          headers: { 'if-match': '*' },
          payload: { title: 'x' },
        })
      ).statusCode,
    ).toBe(404);
    expect((await api.as(t.teammate, { method: 'GET', url: `/api/v1/contacts/${mine.id}/timeline` })).statusCode).toBe(
      404,
    );
    expect((await api.as(t.manager, { method: 'GET', url: `/api/v1/contacts/${mine.id}` })).statusCode).toBe(200);

    // Marketing reads contacts but does not own or change them.
    expect(
      (await api.as(t.marketing, { method: 'POST', url: '/api/v1/contacts', payload: { lastName: 'Nope' } }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await api.as(t.marketing, {
          method: 'PATCH',
          url: `/api/v1/contacts/${mine.id}`,
          headers: { 'if-match': '*' },
          payload: { title: 'x' },
        })
      ).statusCode,
    ).toBe(403);

    const other = await createTestOrg(deps);
    expect((await api.as(other.admin, { method: 'GET', url: `/api/v1/contacts/${mine.id}` })).statusCode).toBe(404);
    expect(
      (
        await api.as(other.admin, {
          method: 'DELETE',
          url: `/api/v1/contacts/${mine.id}`,
          headers: { 'if-match': '*' },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await api.as(other.admin, { method: 'GET', url: '/api/v1/contacts?q=Mine' })).json<Page>().items,
    ).toHaveLength(0);
  });

  it('puts contacts only at accounts the actor can see and assigns within scope', async () => {
    const o = await createTestOrg(deps);
    const t = await createSalesTeam(deps, o.admin);
    const ownAccount = await createAccount(t.rep, 'Rep Account');
    const teammateAccount = await createAccount(t.teammate, 'Teammate Account');
    const c = await createContact(t.rep, { lastName: 'Placed', accountId: ownAccount });

    const hidden = await api.as(t.rep, {
      method: 'PATCH',
      url: `/api/v1/contacts/${c.id}`,
      headers: { 'if-match': '1' },
      payload: { accountId: teammateAccount },
    });
    expect(hidden.statusCode).toBe(422);
    expect(fieldsOf(hidden)).toEqual(['accountId']);
    const handOff = await api.as(t.rep, {
      method: 'PATCH',
      url: `/api/v1/contacts/${c.id}`,
      headers: { 'if-match': '1' },
      payload: { ownerId: t.teammate.userId },
    });
    expect(handOff.statusCode).toBe(403);

    // The manager sees both accounts and may move the contact and reassign it within the team.
    const moved = await api.as(t.manager, {
      method: 'PATCH',
      url: `/api/v1/contacts/${c.id}`,
      headers: { 'if-match': '1' },
      payload: { accountId: teammateAccount, ownerId: t.teammate.userId },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ accountId: teammateAccount, ownerId: t.teammate.userId, version: 2 });
    const events = await deps.db
      .selectFrom('events')
      .select(['type', 'data'])
      .where('org_id', '=', o.orgId)
      .where('entity_id', '=', c.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['contact.created', 'contact.updated', 'contact.assigned']);
    expect(events[2]?.data).toEqual({ changes: { ownerId: { from: t.rep.userId, to: t.teammate.userId } } });
    expect((await api.as(t.rep, { method: 'GET', url: `/api/v1/contacts/${c.id}` })).statusCode).toBe(404);
  });

  it('filters B2B from B2C, by account, owner, text, do-not-contact and creation time', async () => {
    const o = await createTestOrg(deps);
    const t = await createSalesTeam(deps, o.admin);
    const acme = await createAccount(o.admin, 'Acme');
    const globex = await createAccount(o.admin, 'Globex');
    const start = clock.now().toISOString();
    await createContact(o.admin, {
      lastName: 'Anvil',
      firstName: 'Ann',
      accountId: acme,
      emails: ['ann@acme.example'],
    });
    const cutoff = new Date(clock.now().getTime() + 500).toISOString();
    await createContact(o.admin, { lastName: 'Gadget', accountId: globex, ownerId: t.rep.userId });
    await createContact(o.admin, { lastName: 'Shopper', emails: ['shop@home.example'], doNotContact: true });

    const get = (qs: string) => api.as(o.admin, { method: 'GET', url: `/api/v1/contacts?${qs}` });
    expect(names(await get('hasAccount=true'))).toEqual(['Anvil', 'Gadget']);
    expect(names(await get('hasAccount=false'))).toEqual(['Shopper']);
    expect(names(await get(`accountId=${acme}`))).toEqual(['Anvil']);
    expect(names(await get(`ownerId=${t.rep.userId}`))).toEqual(['Gadget']);
    expect(names(await get('q=ann%20anv'))).toEqual(['Anvil']);
    expect(names(await get('q=home.example'))).toEqual(['Shopper']);
    expect(names(await get('q=100%25'))).toEqual([]);
    expect(names(await get('doNotContact=true'))).toEqual(['Shopper']);
    expect(
      names(await get(`createdFrom=${encodeURIComponent(start)}&createdTo=${encodeURIComponent(cutoff)}`)),
    ).toEqual(['Anvil']);
    expect(names(await get(`createdFrom=${encodeURIComponent(cutoff)}`))).toEqual(['Gadget', 'Shopper']);
  });

  it('pages with a cursor in name and creation order', async () => {
    const o = await createTestOrg(deps);
    for (const lastName of ['Delta', 'Alpha', 'Echo', 'Charlie', 'Bravo']) await createContact(o.admin, { lastName });
    const collect = async (qs: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await api.as(o.admin, {
          method: 'GET',
          url: `/api/v1/contacts?limit=2&${qs}${cursor ? `&cursor=${cursor}` : ''}`,
        });
        expect(res.statusCode).toBe(200);
        seen.push(...names(res));
        cursor = res.json<Page>().nextCursor;
      } while (cursor);
      return seen;
    };
    expect(await collect('sort=name')).toEqual(['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo']);
    expect(await collect('sort=name&order=desc')).toEqual(['Echo', 'Delta', 'Charlie', 'Bravo', 'Alpha']);
    expect(await collect('sort=created_at')).toEqual(['Delta', 'Alpha', 'Echo', 'Charlie', 'Bravo']);
  });

  it('soft-deletes with If-Match and keeps the history', async () => {
    const c = await createContact(org.admin, { lastName: 'Gone' });
    const stale = await api.as(org.admin, {
      method: 'DELETE',
      url: `/api/v1/contacts/${c.id}`,
      headers: { 'if-match': '7' },
    });
    expect(stale.statusCode).toBe(409);
    const del = await api.as(org.admin, {
      method: 'DELETE',
      url: `/api/v1/contacts/${c.id}`,
      headers: { 'if-match': '1' },
    });
    expect(del.statusCode).toBe(204);
    expect((await api.as(org.admin, { method: 'GET', url: `/api/v1/contacts/${c.id}` })).statusCode).toBe(404);
    expect(names(await api.as(org.admin, { method: 'GET', url: '/api/v1/contacts?q=Gone' }))).toEqual([]);
    const events = await deps.db
      .selectFrom('events')
      .select('type')
      .where('org_id', '=', org.orgId)
      .where('entity_id', '=', c.id)
      .orderBy('id', 'desc')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['contact.deleted', 'contact.created']);
    const verify = await api.as(org.admin, { method: 'GET', url: '/api/v1/audit/verify' });
    expect(verify.json()).toMatchObject({ ok: true, unsealed: 0 });
  });
});
