import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import type { DealDto } from '../src/contract/deals.ts';
import type { ExceptionRateDto, FindingDto } from '../src/contract/oversight.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { runDetection } from '../src/modules/oversight/findings.service.ts';
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
async function call<T>(
  actor: Actor,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: Record<string, unknown>,
  headers = {},
) {
  const res = await api.as(actor, { method, url, headers, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.json<T>() };
}
const findingsOf = async (a: Actor, query = '') =>
  (await call<{ items: FindingDto[] }>(a, 'GET', `/api/v1/findings${query}`)).body.items;

describe('detectors on the log, findings in the oversight queue', () => {
  it('finds a skip, a backdated call and a bulk reassignment once; each role sees and works only its part', async () => {
    const { admin } = await createTestOrg(deps);
    const team = await createSalesTeam(deps, admin);
    const auditor = await createTestUser(deps, admin, 'auditor');
    const pipeline = await createTestPipeline(deps, admin);
    const deal = (await call<DealDto>(team.rep, 'POST', '/api/v1/deals', { name: 'Skipper', pipelineId: pipeline.id }))
      .body;
    // Rita moves Qualify → Discovery (the designed next step), then Discovery → Negotiation, over Proposal.
    const d1 = (
      await call<DealDto>(team.rep, 'POST', `/api/v1/deals/${deal.id}/stage`, {
        stageId: pipeline.stage('Discovery'),
        expectedVersion: deal.version,
      })
    ).body;
    const skipped = await call<DealDto>(team.rep, 'POST', `/api/v1/deals/${deal.id}/stage`, {
      stageId: pipeline.stage('Negotiation'),
      expectedVersion: d1.version,
    });
    expect(skipped.status).toBe(200);
    // Tom logs a call on his deal as if it happened five weeks ago.
    const tomsDeal = (
      await call<DealDto>(team.teammate, 'POST', '/api/v1/deals', { name: 'Call target', pipelineId: pipeline.id })
    ).body;
    const call1 = await call<{ id: string }>(team.teammate, 'POST', '/api/v1/activities', {
      type: 'call',
      direction: 'outbound',
      disposition: 'connected',
      dealId: tomsDeal.id,
      occurredAt: '2026-02-01T10:00:00.000Z',
    });
    expect(call1.status, JSON.stringify(call1.body)).toBe(201);
    // The manager creates 20 deals and hands each to Tom, a minute apart: 20 reassignments within the hour.
    for (let i = 0; i < 20; i++) {
      const d = (
        await call<DealDto>(team.manager, 'POST', '/api/v1/deals', { name: `Bulk ${i}`, pipelineId: pipeline.id })
      ).body;
      clock.advance(60_000);
      await call(
        team.manager,
        'PATCH',
        `/api/v1/deals/${d.id}`,
        { ownerId: team.teammate.userId },
        { 'if-match': '*' },
      );
    }
    clock.advance(3600_000);

    expect(await runDetection(deps, admin.orgId)).toBe(3);
    expect(await runDetection(deps, admin.orgId)).toBe(0);

    const all = await findingsOf(auditor);
    expect(all.map((f) => [f.detector, f.personId]).sort()).toEqual(
      [
        ['backdating', team.teammate.userId],
        ['bulk_change', team.manager.userId],
        ['stage_skip', team.rep.userId],
      ].sort(),
    );
    const skip = all.find((f) => f.detector === 'stage_skip');
    expect(skip?.summary).toBe('moved forward over 1 designed stage');
    expect(skip?.subjectId).toBe(deal.id);
    const events = await deps.db
      .selectFrom('events')
      .select(['id', 'type'])
      .where('org_id', '=', admin.orgId)
      .where('type', '=', 'deal.stage_changed')
      .where('entity_id', '=', deal.id)
      .orderBy('id')
      .execute();
    expect(skip?.evidence).toEqual([String(events[1]?.id)]);
    expect(all.find((f) => f.detector === 'backdating')?.summary).toBe(
      'activity recorded as of 2026-02-01, 36 days before it was written',
    );

    // Reps see their own, managers their team's (not their own to work), the outsider nothing.
    expect((await findingsOf(team.rep)).map((f) => [f.detector, f.canWork])).toEqual([['stage_skip', false]]);
    expect((await findingsOf(team.outsider)).length).toBe(0);
    const mine = await findingsOf(team.manager);
    expect(mine.map((f) => [f.detector, f.canWork]).sort()).toEqual(
      [
        ['backdating', true],
        ['bulk_change', false],
        ['stage_skip', true],
      ].sort(),
    );
    expect((await call(team.marketing, 'GET', '/api/v1/findings')).body).toEqual({ items: [], nextCursor: null });

    // Working a finding: a reason is needed to dismiss; the rep may not; every step is an event.
    const noReason = await call<Problem>(
      team.manager,
      'PATCH',
      `/api/v1/findings/${skip?.id}`,
      { status: 'dismissed' },
      {
        'if-match': '1',
      },
    );
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors?.map((e) => e.field)).toEqual(['reason']);
    const byRep = await call(
      team.rep,
      'PATCH',
      `/api/v1/findings/${skip?.id}`,
      { status: 'confirmed' },
      { 'if-match': '1' },
    );
    expect(byRep.status).toBe(403);
    const assigned = await call<FindingDto>(
      team.manager,
      'PATCH',
      `/api/v1/findings/${skip?.id}`,
      { assigneeId: team.manager.userId },
      { 'if-match': '1' },
    );
    expect(assigned.body.assigneeId).toBe(team.manager.userId);
    const dismissed = await call<FindingDto>(
      team.manager,
      'PATCH',
      `/api/v1/findings/${skip?.id}`,
      { status: 'dismissed', reason: 'Proposal was agreed on the first call' },
      { 'if-match': '2' },
    );
    expect(dismissed.body).toMatchObject({ status: 'dismissed', reason: 'Proposal was agreed on the first call' });
    const bulk = all.find((f) => f.detector === 'bulk_change');
    const confirmed = await call<FindingDto>(
      auditor,
      'PATCH',
      `/api/v1/findings/${bulk?.id}`,
      { status: 'confirmed' },
      {
        'if-match': '1',
      },
    );
    expect(confirmed.body.status).toBe('confirmed');
    const types = await deps.db
      .selectFrom('events')
      .select('type')
      .where('entity_id', '=', skip?.id ?? '')
      .orderBy('id')
      .execute();
    expect(types.map((t) => t.type)).toEqual(['finding.opened', 'finding.assigned', 'finding.dismissed']);

    // Exception rates: dismissed findings do not count.
    const rates = (await call<{ items: ExceptionRateDto[] }>(admin, 'GET', '/api/v1/findings/exception-rates')).body
      .items;
    const of = (id: string) => rates.find((r) => r.personId === id);
    expect(of(team.rep.userId)).toMatchObject({ findings: 0, changes: 3 });
    expect(of(team.manager.userId)).toMatchObject({ findings: 1, changes: 40, rate: 0.025 });
    expect((await call(team.rep, 'GET', '/api/v1/findings/exception-rates')).status).toBe(403);

    // Asking for a run queues a job; reps may not.
    expect((await call(team.rep, 'POST', '/api/v1/findings/detect')).status).toBe(403);
    const run = await call<{ jobId: string }>(auditor, 'POST', '/api/v1/findings/detect');
    expect(run.status).toBe(202);
    const job = await deps.db
      .selectFrom('jobs')
      .select(['kind', 'status'])
      .where('id', '=', run.body.jobId)
      .executeTakeFirst();
    expect(job).toEqual({ kind: 'oversight.detect', status: 'queued' });
  });

  it('reads line discounts from created and updated deals: a discount far from the product median is an outlier', async () => {
    const { admin } = await createTestOrg(deps);
    const rep = await createTestUser(deps, admin, 'rep');
    const pipeline = await createTestPipeline(deps, admin);
    const product = await createTestProduct(deps, admin, { listPrice: '100.00' });
    // Nine deals at 8–12% off list, one at 45% (set by an update, after creation at 10%).
    const discounts = ['10', '8', '12', '10', '9', '11', '10', '12', '8'];
    for (const [i, d] of discounts.entries())
      await call(rep, 'POST', '/api/v1/deals', {
        name: `Line ${i}`,
        pipelineId: pipeline.id,
        lineItems: [{ productId: product.id, quantity: '1', discountPercent: d }],
      });
    const deep = (
      await call<DealDto>(rep, 'POST', '/api/v1/deals', {
        name: 'Deep',
        pipelineId: pipeline.id,
        lineItems: [{ productId: product.id, quantity: '1', discountPercent: '10' }],
      })
    ).body;
    await call(
      rep,
      'PATCH',
      `/api/v1/deals/${deep.id}`,
      { lineItems: [{ productId: product.id, quantity: '1', discountPercent: '45' }] },
      { 'if-match': String(deep.version) },
    );
    await runDetection(deps, admin.orgId);
    // Ten lines: median 10, deviations 0,2,2,0,1,1,0,2,2,35 → MAD 1.5; z = 0.6745 × 35 / 1.5 = 15.738…, kept as 15.74.
    const found = await findingsOf(admin, '?detector=discount_outlier');
    expect(found.map((f) => [f.subjectId, f.personId, f.score, f.severity])).toEqual([
      [deep.id, rep.userId, '15.7400', 'high'],
    ]);
  });
});
