import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkResponse } from '../src/contract/bulk.ts';
import type { DealDto } from '../src/contract/deals.ts';
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

type Problem = { code: string; errors?: { field: string; message: string }[] };
const typesOf = async (id: string) =>
  (await deps.db.selectFrom('events').select('type').where('entity_id', '=', id).orderBy('id').execute()).map(
    (e) => e.type,
  );

describe('bulk actions over HTTP', () => {
  it('moves deals to a stage one by one under the stage rules, reporting each refusal with its reason', async () => {
    const { admin } = await createTestOrg(deps);
    const p = await createTestPipeline(deps, admin);
    const post = (payload: object) =>
      api.as(admin, { method: 'POST', url: '/api/v1/deals', payload: { pipelineId: p.id, ...payload } });
    const ready = (await post({ name: 'Ready', amount: '100.00', expectedCloseDate: '2026-12-31' })).json<DealDto>();
    const bare = (await post({ name: 'Bare' })).json<DealDto>();
    const stale = (await post({ name: 'Stale' })).json<DealDto>();
    await api.as(admin, {
      method: 'PATCH',
      url: `/api/v1/deals/${stale.id}`,
      headers: { 'if-match': '1' },
      payload: { nextStep: 'Call' },
    });

    const res = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/deals/bulk/stage',
      payload: {
        stageId: p.stage('Discovery'),
        records: [ready, bare, stale].map((d) => ({ id: d.id, version: d.version })),
      },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<BulkResponse>();
    expect(body).toMatchObject({ succeeded: 2, failed: 1 });
    expect(body.results).toMatchObject([
      { id: ready.id, ok: true, version: 2 },
      { id: bare.id, ok: true, version: 2 },
      { id: stale.id, ok: false, code: 'version_conflict' },
    ]);

    // Proposal needs amount, close date and lines: every deal is refused by the gate, naming what is missing.
    const gated = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/deals/bulk/stage',
      payload: {
        stageId: p.stage('Proposal'),
        records: [
          { id: ready.id, version: 2 },
          { id: bare.id, version: '*' },
        ],
      },
    });
    const g = gated.json<BulkResponse>();
    expect(g).toMatchObject({ succeeded: 0, failed: 2 });
    expect(g.results[0]).toMatchObject({ ok: false, code: 'stage_gate_failed', missingFields: ['lineItems'] });
    expect(g.results[1]).toMatchObject({
      ok: false,
      code: 'stage_gate_failed',
      missingFields: ['amount', 'expectedCloseDate', 'lineItems'],
    });
    expect(await typesOf(bare.id)).toEqual(['deal.created', 'deal.stage_changed']);
  });

  it('assigns and deletes only what the actor may change, with the single actions’ events', async () => {
    const { admin } = await createTestOrg(deps);
    const rep = await createTestUser(deps, admin, 'rep');
    const other = await createTestUser(deps, admin, 'rep');
    const mine = (await api.as(rep, { method: 'POST', url: '/api/v1/accounts', payload: { name: 'Mine' } })).json<{
      id: string;
      version: number;
    }>();
    const theirs = (
      await api.as(other, { method: 'POST', url: '/api/v1/accounts', payload: { name: 'Theirs' } })
    ).json<{ id: string; version: number }>();

    // A rep may not hand an account to someone else: the same refusal as a single update.
    const assign = await api.as(rep, {
      method: 'POST',
      url: '/api/v1/accounts/bulk/assign',
      payload: { ownerId: other.userId, records: [{ id: mine.id, version: 1 }] },
    });
    expect(assign.json<BulkResponse>().results[0]).toMatchObject({ ok: false });
    const byAdmin = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/accounts/bulk/assign',
      payload: {
        ownerId: rep.userId,
        records: [
          { id: mine.id, version: 1 },
          { id: theirs.id, version: 1 },
        ],
      },
    });
    expect(byAdmin.json<BulkResponse>()).toMatchObject({ succeeded: 2, failed: 0 });
    expect(await typesOf(theirs.id)).toEqual(['account.created', 'account.assigned']);

    // The other rep's account is now the rep's; a record outside the scope is not found.
    const foreign = (
      await api.as(other, { method: 'POST', url: '/api/v1/accounts', payload: { name: 'Still theirs' } })
    ).json<{ id: string }>();
    const del = await api.as(rep, {
      method: 'POST',
      url: '/api/v1/accounts/bulk/delete',
      payload: {
        records: [
          { id: theirs.id, version: 2 },
          { id: foreign.id, version: 1 },
        ],
      },
    });
    expect(del.json<BulkResponse>().results).toMatchObject([
      { id: theirs.id, ok: true },
      { id: foreign.id, ok: false, code: 'not_found' },
    ]);
    expect((await api.as(admin, { method: 'GET', url: `/api/v1/accounts/${theirs.id}` })).statusCode).toBe(404);
    expect((await api.as(admin, { method: 'GET', url: `/api/v1/accounts/${foreign.id}` })).statusCode).toBe(200);
  });

  it('refuses a malformed request as a whole, naming every bad field', async () => {
    const { admin } = await createTestOrg(deps);
    const id = '00000000-0000-4000-8000-000000000001';
    const res = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/leads/bulk/assign',
      payload: {
        records: [
          { id, version: 1 },
          { id, version: 0 },
        ],
        ownerId: 'me',
      },
    });
    expect(res.statusCode).toBe(422);
    expect(
      res
        .json<Problem>()
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual(['ownerId', 'records', 'records.1.version']);
    const empty = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/contacts/bulk/delete',
      payload: { records: [] },
    });
    expect(empty.statusCode).toBe(422);
  });
});
