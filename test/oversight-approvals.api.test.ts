import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import type { DealDto } from '../src/contract/deals.ts';
import type { ApprovalDto, HeldForApproval } from '../src/contract/oversight.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';
import { createTestPipeline, createTestProduct } from './helpers/sales.ts';
import { createSalesTeam } from './helpers/sales-team.ts';

let deps: TestDeps;
let api: Api;
const clock = new ManualClock('2026-03-10T09:00:00.000Z');

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  api = await createApi(deps);
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

type Problem = { code: string; errors?: { field: string; message: string }[] };
const typesOf = async (entityId: string) =>
  (
    await deps.db
      .selectFrom('events')
      .select(['type', 'actor_id'])
      .where('entity_id', '=', entityId)
      .orderBy('id')
      .execute()
  ).map((e) => e.type);

async function post<T>(actor: Actor, url: string, payload: unknown, status = 201): Promise<T> {
  const res = await api.as(actor, { method: 'POST', url, payload: payload as Record<string, unknown> });
  expect(res.statusCode, res.body).toBe(status);
  return res.json<T>();
}
async function patchDeal(actor: Actor, deal: { id: string; version: number }, payload: unknown) {
  return api.as(actor, {
    method: 'PATCH',
    url: `/api/v1/deals/${deal.id}`,
    headers: { 'if-match': String(deal.version) },
    payload: payload as Record<string, unknown>,
  });
}
async function getDeal(actor: Actor, id: string): Promise<DealDto> {
  return (await api.as(actor, { method: 'GET', url: `/api/v1/deals/${id}` })).json<DealDto>();
}

/** An organization with a director above the team's manager, a pipeline, a product at 100.00 and the rules. */
async function setUp() {
  const { admin } = await createTestOrg(deps);
  const team = await createSalesTeam(deps, admin);
  const director = await createTestUser(deps, admin, 'manager', { name: 'Dora Director' });
  await api.as(admin, {
    method: 'PATCH',
    url: `/api/v1/users/${team.manager.userId}`,
    headers: { 'if-match': '*' },
    payload: { managerId: director.userId },
  });
  const pipeline = await createTestPipeline(deps, admin);
  const product = await createTestProduct(deps, admin, { listPrice: '100.00' });
  await post(admin, '/api/v1/approval-rules', { kind: 'discount_above', threshold: '20', levels: 2 });
  await post(admin, '/api/v1/approval-rules', {
    kind: 'amount_above',
    threshold: '50000.00',
    currency: 'USD',
    approverKind: 'role',
    approverRole: 'admin',
  });
  await post(admin, '/api/v1/approval-rules', { kind: 'reopen_won' });
  await post(admin, '/api/v1/approval-rules', { kind: 'locked_period', approverKind: 'role', approverRole: 'admin' });
  const deal = await post<DealDto>(team.rep, '/api/v1/deals', {
    name: 'Acme renewal',
    pipelineId: pipeline.id,
    accountId: null,
  });
  return { admin, ...team, director, pipeline, product, deal };
}

describe('approval rules hold a change until approved', () => {
  it('a discount above the rule waits for the manager chain in order, then is applied as the rep asked', async () => {
    const s = await setUp();
    const res = await patchDeal(s.rep, s.deal, {
      lineItems: [{ productId: s.product.id, quantity: '2', discountPercent: '30' }],
    });
    expect(res.statusCode, res.body).toBe(202);
    const held = res.json<HeldForApproval>();
    expect(held.status).toBe('pending_approval');
    expect(held.approval.reasons.map((r) => r.message)).toEqual([
      'line 1: discount of 30% from list price is above 20%',
    ]);
    // Two levels up the owner's chain: the team manager, then the director above them.
    expect(held.approval.approvers).toEqual([
      { kind: 'user', userId: s.manager.userId, name: 'Mona Manager' },
      { kind: 'user', userId: s.director.userId, name: 'Dora Director' },
    ]);
    expect(held.approval.canDecide).toBe(false);
    // Nothing changed yet.
    const untouched = await getDeal(s.rep, s.deal.id);
    expect(untouched.lineItems).toEqual([]);
    expect(untouched.version).toBe(s.deal.version);

    // The inbox: the manager's step waits for the manager, not the director.
    const inbox = async (a: Actor) =>
      (await api.as(a, { method: 'GET', url: '/api/v1/approvals?mine=true' })).json<{ items: ApprovalDto[] }>().items;
    expect((await inbox(s.manager)).map((a) => a.id)).toEqual([held.approval.id]);
    expect(await inbox(s.director)).toEqual([]);
    expect(await inbox(s.rep)).toEqual([]);

    const decide = (a: Actor, decision: 'approve' | 'reject', note?: string) =>
      api.as(a, {
        method: 'POST',
        url: `/api/v1/approvals/${held.approval.id}/decision`,
        payload: { decision, ...(note ? { note } : {}) },
      });
    expect((await decide(s.director, 'approve')).statusCode).toBe(403);
    const first = (await decide(s.manager, 'approve', 'fine by me')).json<ApprovalDto>();
    expect(first).toMatchObject({ status: 'pending', step: 1 });
    expect((await inbox(s.director)).map((a) => a.id)).toEqual([held.approval.id]);
    const done = (await decide(s.director, 'approve', 'strategic account')).json<ApprovalDto>();
    expect(done.status).toBe('approved');
    expect(done.decisions.map((d) => [d.userId, d.decision, d.note])).toEqual([
      [s.manager.userId, 'approved', 'fine by me'],
      [s.director.userId, 'approved', 'strategic account'],
    ]);
    const applied = await getDeal(s.rep, s.deal.id);
    expect(applied.lineItems.map((l) => [l.discountPercent, l.netTotal])).toEqual([['30.00', '140.00']]);
    expect(applied.version).toBe(s.deal.version + 1);
    expect(await typesOf(held.approval.id)).toEqual([
      'approval.requested',
      'approval.step_approved',
      'approval.approved',
    ]);
    // The change itself is the rep's, written when approved.
    const change = await deps.db
      .selectFrom('events')
      .select(['actor_id'])
      .where('entity_id', '=', s.deal.id)
      .where('type', '=', 'deal.updated')
      .executeTakeFirstOrThrow();
    expect(change.actor_id).toBe(s.rep.userId);

    // The approved discount sent again with another line is not asked for again.
    const again = await patchDeal(s.rep, applied, {
      lineItems: [
        { productId: s.product.id, quantity: '2', discountPercent: '30' },
        { productId: s.product.id, quantity: '1', discountPercent: '10' },
      ],
    });
    expect(again.statusCode, again.body).toBe(200);
  });

  it('a rejected change is dropped; one change waits at a time; others may not see or decide it', async () => {
    const s = await setUp();
    const res = await patchDeal(s.rep, s.deal, { amount: '75000.00' });
    expect(res.statusCode, res.body).toBe(202);
    const { approval } = res.json<HeldForApproval>();
    expect(approval.approvers).toEqual([{ kind: 'role', role: 'admin' }]);
    const second = await patchDeal(s.rep, s.deal, { amount: '80000.00' });
    expect(second.statusCode).toBe(409);
    expect((await api.as(s.outsider, { method: 'GET', url: `/api/v1/approvals/${approval.id}` })).statusCode).toBe(404);
    expect((await api.as(s.manager, { method: 'GET', url: `/api/v1/approvals/${approval.id}` })).statusCode).toBe(200);
    const byManager = await api.as(s.manager, {
      method: 'POST',
      url: `/api/v1/approvals/${approval.id}/decision`,
      payload: { decision: 'approve' },
    });
    expect(byManager.statusCode).toBe(403);
    const rejected = await post<ApprovalDto>(
      s.admin,
      `/api/v1/approvals/${approval.id}/decision`,
      { decision: 'reject', note: 'needs a signed order form' },
      200,
    );
    expect(rejected.status).toBe('rejected');
    expect((await getDeal(s.rep, s.deal.id)).amount).toBeNull();
    const late = await api.as(s.admin, {
      method: 'POST',
      url: `/api/v1/approvals/${approval.id}/decision`,
      payload: { decision: 'approve' },
    });
    expect(late.statusCode).toBe(409);
    expect(await typesOf(approval.id)).toEqual(['approval.requested', 'approval.rejected']);
    // Below the limit the change goes through at once.
    expect((await patchDeal(s.rep, s.deal, { amount: '40000.00' })).statusCode).toBe(200);
  });

  it('an approval whose deal changed meanwhile cannot be applied (409) and stays pending', async () => {
    const s = await setUp();
    const held = (await patchDeal(s.rep, s.deal, { amount: '90000.00' })).json<HeldForApproval>();
    expect((await patchDeal(s.rep, s.deal, { nextStep: 'call back' })).statusCode).toBe(200);
    const res = await api.as(s.admin, {
      method: 'POST',
      url: `/api/v1/approvals/${held.approval.id}/decision`,
      payload: { decision: 'approve' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<Problem>().code).toBe('version_conflict');
    const still = await api.as(s.admin, { method: 'GET', url: `/api/v1/approvals/${held.approval.id}` });
    expect(still.json<ApprovalDto>().status).toBe('pending');
  });

  it('reopening a won deal and changing a deal closed in a locked period wait for approval', async () => {
    const s = await setUp();
    const withAccount = await post<{ id: string }>(s.rep, '/api/v1/accounts', { name: 'Acme Corp' });
    const ready = (await patchDeal(s.rep, s.deal, { accountId: withAccount.id })).json<DealDto>();
    const won = await post<DealDto>(
      s.rep,
      `/api/v1/deals/${s.deal.id}/stage`,
      { stageId: s.pipeline.stage('Won'), expectedVersion: ready.version },
      200,
    );
    expect(won.status).toBe('won');
    await post(s.admin, '/api/v1/period-locks', { startsOn: '2026-03-01', endsOn: '2026-04-01' });
    clock.set('2026-04-03T09:00:00.000Z');
    const reopen = await api.as(s.rep, {
      method: 'POST',
      url: `/api/v1/deals/${s.deal.id}/stage`,
      payload: { stageId: s.pipeline.stage('Negotiation'), expectedVersion: won.version },
    });
    expect(reopen.statusCode, reopen.body).toBe(202);
    const held = reopen.json<HeldForApproval>();
    expect(held.approval.reasons.map((r) => r.message).sort()).toEqual([
      'changes the outcome of a deal closed in the locked period 2026-03-01 – 2026-04-01',
      'reopens a won deal',
    ]);
    expect(held.approval.approvers).toEqual([
      { kind: 'user', userId: s.manager.userId, name: 'Mona Manager' },
      { kind: 'role', role: 'admin' },
    ]);
    expect((await getDeal(s.rep, s.deal.id)).status).toBe('won');
    // A bulk move is held by the same rules: reported as sent for approval, the deal left as it was.
    const other = await post<DealDto>(s.rep, '/api/v1/deals', {
      name: 'Bulk won',
      pipelineId: s.pipeline.id,
      accountId: withAccount.id,
    });
    const otherWon = await post<DealDto>(
      s.rep,
      `/api/v1/deals/${other.id}/stage`,
      { stageId: s.pipeline.stage('Won'), expectedVersion: other.version },
      200,
    );
    const bulk = await post<{ succeeded: number; results: { id: string; ok: boolean; message?: string }[] }>(
      s.rep,
      '/api/v1/deals/bulk/stage',
      { records: [{ id: other.id, version: otherWon.version }], stageId: s.pipeline.stage('Negotiation') },
      200,
    );
    expect(bulk.succeeded).toBe(0);
    expect(bulk.results[0]?.message).toBe('sent for approval instead: reopens a won deal');
    expect((await getDeal(s.rep, other.id)).status).toBe('won');
    await post(s.manager, `/api/v1/approvals/${held.approval.id}/decision`, { decision: 'approve' }, 200);
    const done = await post<ApprovalDto>(
      s.admin,
      `/api/v1/approvals/${held.approval.id}/decision`,
      { decision: 'approve' },
      200,
    );
    expect(done.status).toBe('approved');
    const reopened = await getDeal(s.rep, s.deal.id);
    expect(reopened.status).toBe('open');
    expect(await typesOf(s.deal.id)).toContain('deal.reopened');
    // A close date moved into the locked period needs approval too.
    const back = await patchDeal(s.rep, reopened, { expectedCloseDate: '2026-03-15' });
    expect(back.statusCode).toBe(202);
    expect(back.json<HeldForApproval>().approval.reasons[0]?.message).toBe(
      'close date 2026-03-15 is inside the locked period 2026-03-01 – 2026-04-01',
    );
    clock.set('2026-03-10T09:00:00.000Z');
  });

  it('rules and locks: admins set them, every bad field is named, the steps are events', async () => {
    const { admin } = await createTestOrg(deps);
    const rep = await createTestUser(deps, admin, 'rep');
    const bad = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/approval-rules',
      payload: { kind: 'amount_above', threshold: 'lots', approverKind: 'role' },
    });
    expect(bad.statusCode).toBe(422);
    expect(
      bad
        .json<Problem>()
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual(['approverRole', 'currency', 'threshold']);
    const byRep = await api.as(rep, {
      method: 'POST',
      url: '/api/v1/approval-rules',
      payload: { kind: 'reopen_won' },
    });
    expect(byRep.statusCode).toBe(403);
    const rule = await post<{ id: string; version: number }>(admin, '/api/v1/approval-rules', { kind: 'reopen_won' });
    const off = await api.as(admin, {
      method: 'PATCH',
      url: `/api/v1/approval-rules/${rule.id}`,
      headers: { 'if-match': String(rule.version) },
      payload: { active: false },
    });
    expect(off.json<{ active: boolean }>().active).toBe(false);
    expect(await typesOf(rule.id)).toEqual(['approval_rule.created', 'approval_rule.updated']);
    const lock = await post<{ id: string }>(admin, '/api/v1/period-locks', {
      startsOn: '2026-01-01',
      endsOn: '2026-04-01',
    });
    const overlap = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/period-locks',
      payload: { startsOn: '2026-03-01', endsOn: '2026-05-01' },
    });
    expect(overlap.statusCode).toBe(422);
    const backwards = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/period-locks',
      payload: { startsOn: '2026-05-01', endsOn: '2026-04-01' },
    });
    expect(backwards.json<Problem>().errors?.map((e) => e.field)).toEqual(['endsOn']);
    expect(await typesOf(lock.id)).toEqual(['period.locked']);
  });
});
