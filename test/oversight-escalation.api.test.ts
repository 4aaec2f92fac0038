import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import type { DealDto } from '../src/contract/deals.ts';
import type { ApprovalDto, ApprovalRuleDto, HeldForApproval } from '../src/contract/oversight.ts';
import { jobHandlers } from '../src/compose.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { checkApprovalEscalation } from '../src/modules/oversight/approval-escalation.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';
import { createTestPipeline, createTestProduct } from './helpers/sales.ts';
import { createSalesTeam } from './helpers/sales-team.ts';

let deps: TestDeps;
let api: Api;
// Friday 2026-03-06 15:00 UTC; the test organizations keep the default business hours
// (Mon–Fri 09:00–17:00) in their time zone, UTC.
const clock = new ManualClock('2026-03-06T15:00:00.000Z');

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  api = await createApi(deps);
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

async function post<T>(actor: Actor, url: string, payload: unknown, status = 201): Promise<T> {
  const res = await api.as(actor, { method: 'POST', url, payload: payload as Record<string, unknown> });
  expect(res.statusCode, res.body).toBe(status);
  return res.json<T>();
}
const getApproval = async (actor: Actor, id: string) =>
  (await api.as(actor, { method: 'GET', url: `/api/v1/approvals/${id}` })).json<ApprovalDto>();
const inbox = async (a: Actor) =>
  (await api.as(a, { method: 'GET', url: '/api/v1/approvals?mine=true' })).json<{ items: ApprovalDto[] }>().items;
const escalationsOf = async (id: string) =>
  deps.db
    .selectFrom('events')
    .select(['type', 'actor_id', 'data'])
    .where('entity_id', '=', id)
    .where('type', '=', 'approval.escalated')
    .orderBy('id')
    .execute();
const jobOf = (orgId: string, id: string) =>
  deps.db
    .selectFrom('jobs')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('job_key', '=', `approval.escalation:${id}`)
    .where('status', '=', 'queued')
    .orderBy('run_at')
    .execute();

/** A rep, their manager, a director above the manager, a product at 100.00 and one discount rule. */
async function setUp(rule: Record<string, unknown>) {
  clock.set('2026-03-06T15:00:00.000Z');
  const { admin, orgId } = await createTestOrg(deps);
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
  const created = await post<ApprovalRuleDto>(admin, '/api/v1/approval-rules', { kind: 'discount_above', ...rule });
  const deal = await post<DealDto>(team.rep, '/api/v1/deals', { name: 'Acme renewal', pipelineId: pipeline.id });
  const res = await api.as(team.rep, {
    method: 'PATCH',
    url: `/api/v1/deals/${deal.id}`,
    headers: { 'if-match': String(deal.version) },
    payload: { lineItems: [{ productId: product.id, quantity: '2', discountPercent: '30' }] },
  });
  expect(res.statusCode, res.body).toBe(202);
  return { orgId, admin, ...team, director, rule: created, approval: res.json<HeldForApproval>().approval };
}

describe('an approval step not decided in time escalates to the approver above', () => {
  it('counts business hours over the weekend, then goes up the chain to the admins, run by the queued job', async () => {
    const s = await setUp({ threshold: '20', escalateAfterMinutes: 240 });
    expect(s.rule).toMatchObject({ escalateAfterMinutes: 240, escalateIn: 'business_hours' });
    const manager = { kind: 'user', userId: s.manager.userId, name: 'Mona Manager' };
    const director = { kind: 'user', userId: s.director.userId, name: 'Dora Director' };
    // Friday 15:00 + 4 business hours: 2 on Friday, 2 on Monday morning.
    expect(s.approval).toMatchObject({
      approvers: [manager],
      escalation: { minutes: 240, clock: 'business_hours' },
      stepStartedAt: '2026-03-06T15:00:00.000Z',
      escalatesAt: '2026-03-09T11:00:00.000Z',
      escalations: [],
    });
    // The timer is a job in the database, not a timer in memory: it is there after a restart.
    const [job] = await jobOf(s.orgId, s.approval.id);
    expect(job?.run_at.toISOString()).toBe('2026-03-09T11:00:00.000Z');
    expect(job?.payload).toEqual({ approvalId: s.approval.id });

    clock.set('2026-03-09T10:59:59.000Z');
    expect(await checkApprovalEscalation(deps, s.orgId, s.approval.id)).toBe('not_due');
    expect((await getApproval(s.rep, s.approval.id)).approvers).toEqual([manager]);

    // At the time, the queue's handler runs the stored job.
    clock.set('2026-03-09T11:00:00.000Z');
    const handler = jobHandlers(deps)['approval.escalation'];
    if (!handler || !job) throw new Error('no handler or no job for approval.escalation');
    // Claimed by a runner, as the queue does before it calls the handler.
    await deps.db.updateTable('jobs').set({ status: 'running' }).where('id', '=', job.id).execute();
    await handler({ job, signal: new AbortController().signal, fence: async () => {} });
    const up = await getApproval(s.rep, s.approval.id);
    expect(up).toMatchObject({
      status: 'pending',
      step: 0,
      approvers: [director],
      stepStartedAt: '2026-03-09T11:00:00.000Z',
      // The director has nobody above but the admins, who are four business hours further.
      escalatesAt: '2026-03-09T15:00:00.000Z',
      escalations: [{ step: 0, from: manager, to: director, at: '2026-03-09T11:00:00.000Z' }],
    });
    expect((await inbox(s.director)).map((a) => a.id)).toEqual([s.approval.id]);
    expect(await inbox(s.manager)).toEqual([]);
    const decide = (a: Actor) =>
      api.as(a, {
        method: 'POST',
        url: `/api/v1/approvals/${s.approval.id}/decision`,
        payload: { decision: 'approve' },
      });
    expect((await decide(s.manager)).statusCode).toBe(403);
    // The check for the next escalation waits in the queue.
    expect((await jobOf(s.orgId, s.approval.id)).map((j) => j.run_at.toISOString())).toEqual([
      '2026-03-09T15:00:00.000Z',
    ]);

    // Running the check again changes nothing.
    expect(await checkApprovalEscalation(deps, s.orgId, s.approval.id)).toBe('not_due');
    clock.set('2026-03-09T15:00:00.000Z');
    expect(await checkApprovalEscalation(deps, s.orgId, s.approval.id)).toBe('escalated');
    const top = await getApproval(s.rep, s.approval.id);
    expect(top).toMatchObject({ approvers: [{ kind: 'role', role: 'admin' }], escalatesAt: null });
    expect(await checkApprovalEscalation(deps, s.orgId, s.approval.id)).toBe('settled');

    const events = await escalationsOf(s.approval.id);
    expect(events.map((e) => [e.actor_id, e.data])).toEqual([
      [
        null,
        {
          step: 0,
          from: manager,
          to: director,
          waitingSince: '2026-03-06T15:00:00.000Z',
          escalatesAt: '2026-03-09T15:00:00.000Z',
        },
      ],
      [
        null,
        {
          step: 0,
          from: director,
          to: { kind: 'role', role: 'admin' },
          waitingSince: '2026-03-09T11:00:00.000Z',
          escalatesAt: null,
        },
      ],
    ]);
    const done = (await decide(s.admin)).json<ApprovalDto>();
    expect(done).toMatchObject({ status: 'approved', escalatesAt: null });
  });

  it('restarts the wait at each step, drops a later step of the approver it escalated to, and stops when decided', async () => {
    const s = await setUp({ threshold: '20', levels: 2, escalateAfterMinutes: 60, escalateIn: 'elapsed' });
    const director = { kind: 'user', userId: s.director.userId, name: 'Dora Director' };
    expect(s.approval.escalatesAt).toBe('2026-03-06T16:00:00.000Z');
    clock.set('2026-03-06T16:00:00.000Z');
    expect(await checkApprovalEscalation(deps, s.orgId, s.approval.id)).toBe('escalated');
    // The director now decides the first step; the second step, also theirs, is gone.
    const up = await getApproval(s.director, s.approval.id);
    expect(up).toMatchObject({ step: 0, approvers: [director], escalatesAt: '2026-03-06T17:00:00.000Z' });

    const other = await setUp({ threshold: '20', levels: 2, escalateAfterMinutes: 60, escalateIn: 'elapsed' });
    clock.set('2026-03-06T15:30:00.000Z');
    const step = await api.as(other.manager, {
      method: 'POST',
      url: `/api/v1/approvals/${other.approval.id}/decision`,
      payload: { decision: 'approve' },
    });
    expect(step.json<ApprovalDto>()).toMatchObject({
      step: 1,
      stepStartedAt: '2026-03-06T15:30:00.000Z',
      escalatesAt: '2026-03-06T16:30:00.000Z',
    });
    // The check queued for the first step finds the second one not yet due.
    clock.set('2026-03-06T16:00:00.000Z');
    expect(await checkApprovalEscalation(deps, other.orgId, other.approval.id)).toBe('not_due');
    const rejected = await api.as(other.director, {
      method: 'POST',
      url: `/api/v1/approvals/${other.approval.id}/decision`,
      payload: { decision: 'reject', note: 'too deep' },
    });
    expect(rejected.json<ApprovalDto>()).toMatchObject({ status: 'rejected', escalatesAt: null });
    clock.set('2026-03-06T17:00:00.000Z');
    expect(await checkApprovalEscalation(deps, other.orgId, other.approval.id)).toBe('settled');
    expect(await escalationsOf(other.approval.id)).toEqual([]);
  });

  it('a rule without a timeout never escalates; a bad timeout is refused naming every bad field', async () => {
    const s = await setUp({ threshold: '20' });
    expect(s.approval).toMatchObject({ escalation: null, escalatesAt: null });
    expect(await jobOf(s.orgId, s.approval.id)).toEqual([]);
    const bad = await api.as(s.admin, {
      method: 'POST',
      url: '/api/v1/approval-rules',
      payload: { kind: 'reopen_won', escalateAfterMinutes: 0, escalateIn: 'weekly' },
    });
    expect(bad.statusCode).toBe(422);
    expect(
      bad
        .json<{ errors: { field: string }[] }>()
        .errors.map((e) => e.field)
        .sort(),
    ).toEqual(['escalateAfterMinutes', 'escalateIn']);
  });
});
