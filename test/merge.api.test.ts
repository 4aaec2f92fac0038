import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import { starterPipeline } from '../src/modules/organizations/set-up-organization.ts';
import { createPipeline } from '../src/modules/pipelines/pipelines.service.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';

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

type Timeline = { items: { type: string; entityId: string }[] };
const post = async <T>(actor: Actor, url: string, payload: Record<string, unknown>) => {
  const res = await api.as(actor, { method: 'POST', url, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<T>();
};

describe('merging two records', () => {
  it('moves the accounts’ contacts and deals to the survivor, soft-deletes the other and keeps both histories on the survivor’s timeline', async () => {
    const { admin } = await createTestOrg(deps);
    await createPipeline(deps, admin, starterPipeline);
    const keep = await post<{ id: string }>(admin, '/api/v1/accounts', {
      name: 'Acme Corporation',
      domain: 'acme.example',
    });
    const dup = await post<{ id: string }>(admin, '/api/v1/accounts', { name: 'ACME Corp' });
    const contact = await post<{ id: string }>(admin, '/api/v1/contacts', { lastName: 'Hopper', accountId: dup.id });
    const deal = await post<{ id: string }>(admin, '/api/v1/deals', {
      name: 'Renewal',
      accountId: dup.id,
      primaryContactId: contact.id,
    });
    const res = await api.as(admin, {
      method: 'POST',
      url: `/api/v1/accounts/${keep.id}/merge`,
      payload: { mergeId: dup.id },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      keptId: keep.id,
      mergedId: dup.id,
      moved: { 'contacts.account_id': 1, 'deals.account_id': 1 },
    });
    expect((await api.as(admin, { method: 'GET', url: `/api/v1/accounts/${dup.id}` })).statusCode).toBe(404);
    expect((await api.as(admin, { method: 'GET', url: `/api/v1/contacts/${contact.id}` })).json()).toMatchObject({
      accountId: keep.id,
    });
    expect((await api.as(admin, { method: 'GET', url: `/api/v1/deals/${deal.id}` })).json()).toMatchObject({
      accountId: keep.id,
    });
    const timeline = (
      await api.as(admin, { method: 'GET', url: `/api/v1/accounts/${keep.id}/timeline` })
    ).json<Timeline>();
    expect(timeline.items.map((e) => [e.type, e.entityId === keep.id ? 'kept' : 'merged'])).toEqual([
      ['account.merged_into', 'merged'],
      ['account.merged', 'kept'],
      ['account.created', 'merged'],
      ['account.created', 'kept'],
    ]);
    const again = await api.as(admin, {
      method: 'POST',
      url: `/api/v1/accounts/${keep.id}/merge`,
      payload: { mergeId: dup.id },
    });
    expect(again.statusCode).toBe(422);
    expect(again.json()).toMatchObject({ errors: [{ field: 'mergeId' }] });
  });

  it('merges contacts with their emails, phones and deal roles', async () => {
    const { admin } = await createTestOrg(deps);
    await createPipeline(deps, admin, starterPipeline);
    const keep = await post<{ id: string }>(admin, '/api/v1/contacts', {
      lastName: 'Turing',
      emails: ['alan@example.test'],
    });
    const dup = await post<{ id: string }>(admin, '/api/v1/contacts', {
      lastName: 'Turing',
      emails: ['ALAN@example.test', 'a.turing@example.test'],
      phones: ['+44 20 7946 0000'],
    });
    const deal = await post<{ id: string }>(admin, '/api/v1/deals', {
      name: 'Bombe',
      contactRoles: [{ contactId: dup.id, role: 'champion' }],
    });
    const res = await api.as(admin, {
      method: 'POST',
      url: `/api/v1/contacts/${keep.id}/merge`,
      payload: { mergeId: dup.id },
    });
    expect(res.statusCode, res.body).toBe(200);
    const contact = (await api.as(admin, { method: 'GET', url: `/api/v1/contacts/${keep.id}` })).json<{
      emails: string[];
      phones: string[];
      version: number;
    }>();
    expect(contact).toMatchObject({
      emails: ['alan@example.test', 'a.turing@example.test'],
      phones: ['+44 20 7946 0000'],
      version: 2,
    });
    expect((await api.as(admin, { method: 'GET', url: `/api/v1/deals/${deal.id}` })).json()).toMatchObject({
      contactRoles: [{ contactId: keep.id, role: 'champion' }],
    });
  });

  it('refuses a merge with itself, with a record of another organization, and by someone who may not change both', async () => {
    const { admin } = await createTestOrg(deps);
    const rep = await createTestUser(deps, admin, 'rep');
    const mine = await post<{ id: string }>(rep, '/api/v1/leads', { lastName: 'Mine' });
    const theirs = await post<{ id: string }>(admin, '/api/v1/leads', { lastName: 'Theirs' });
    expect(
      (await api.as(rep, { method: 'POST', url: `/api/v1/leads/${mine.id}/merge`, payload: { mergeId: mine.id } }))
        .statusCode,
    ).toBe(422);
    expect(
      (await api.as(rep, { method: 'POST', url: `/api/v1/leads/${mine.id}/merge`, payload: { mergeId: theirs.id } }))
        .statusCode,
    ).toBe(404);
    const other = await createTestOrg(deps);
    const foreign = await post<{ id: string }>(other.admin, '/api/v1/leads', { lastName: 'Foreign' });
    expect(
      (
        await api.as(admin, {
          method: 'POST',
          url: `/api/v1/leads/${theirs.id}/merge`,
          payload: { mergeId: foreign.id },
        })
      ).statusCode,
    ).toBe(422);
    const ok = await api.as(admin, {
      method: 'POST',
      url: `/api/v1/leads/${theirs.id}/merge`,
      payload: { mergeId: mine.id },
    });
    expect(ok.statusCode).toBe(200);
  });
});
