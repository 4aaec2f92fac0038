import { expect } from 'vitest';
import type { Actor } from '../../src/contract/access.ts';
import type { DealDto } from '../../src/contract/deals.ts';
import type { ManualClock } from '../../src/domain/deps.ts';
import type { Api } from './api.ts';
import type { TestDeps } from './db.ts';
import { createTestOrg, createTestTeam, createTestUser } from './factories.ts';
import { createTestPipeline } from './sales.ts';

export const DAY = 86_400_000;

/** Q → D → N → Won / Lost, no gates and no order rule, so skips and backward moves can happen. */
export const flowStages = [
  { name: 'Q', kind: 'open' as const, probability: 10 },
  { name: 'D', kind: 'open' as const, probability: 30 },
  { name: 'N', kind: 'open' as const, probability: 70 },
  { name: 'Won', kind: 'won' as const },
  { name: 'Lost', kind: 'lost' as const },
];

/** Writes deals through the API as `actor`, on a clock the test moves. */
export function dealWriter(api: Api, actor: Actor) {
  const create = async (payload: Record<string, unknown>): Promise<DealDto> => {
    const res = await api.as(actor, { method: 'POST', url: '/api/v1/deals', payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<DealDto>();
  };
  const move = async (deal: DealDto, stageId: string, extra: Record<string, unknown> = {}): Promise<DealDto> => {
    const res = await api.as(actor, {
      method: 'POST',
      url: `/api/v1/deals/${deal.id}/stage`,
      headers: { 'if-match': String(deal.version) },
      payload: { stageId, ...extra },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<DealDto>();
  };
  const update = async (deal: DealDto, payload: Record<string, unknown>): Promise<DealDto> => {
    const res = await api.as(actor, {
      method: 'PATCH',
      url: `/api/v1/deals/${deal.id}`,
      headers: { 'if-match': String(deal.version) },
      payload,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<DealDto>();
  };
  return { create, move, update };
}

/**
 * Four deals in a fresh organization, day k = start + k days (the clock starts on Monday 2026-03-02 09:00 UTC):
 *   Alpha   (admin): Q@0 → D@1 → N@3 → Won@6
 *   Bravo   (admin): Q@0 → N@2 (skips D) → Lost@4
 *   Charlie (admin): Q@1 → D@2 → Q@5 (backward) → D@5 (zero-length stay in Q), still open
 *   Delta   (rita, in a team): Q@2 → D@3 → Won@4 (skips N) → reopened into N@6, still open
 * and, in another organization, a deal with a long history that must never count. Ends at day 10.
 */
export async function buildFlowHistory(deps: TestDeps, api: Api, clock: ManualClock) {
  clock.set('2026-03-02T09:00:00.000Z');
  const { admin } = await createTestOrg(deps);
  const team = await createTestTeam(deps, admin);
  const rita = await createTestUser(deps, admin, 'rep', { teamId: team.id, name: 'Rita Rep' });
  const p = await createTestPipeline(deps, admin, { stages: flowStages });
  const other = await createTestOrg(deps);
  const op = await createTestPipeline(deps, other.admin, { stages: flowStages });
  const w = dealWriter(api, admin);
  const ow = dealWriter(api, other.admin);
  const at = (day: number) => clock.set(new Date(Date.parse('2026-03-02T09:00:00.000Z') + day * DAY));

  at(0);
  let alpha = await w.create({ name: 'Alpha', pipelineId: p.id });
  let bravo = await w.create({ name: 'Bravo', pipelineId: p.id });
  let stranger = await ow.create({ name: 'Stranger', pipelineId: op.id });
  at(1);
  alpha = await w.move(alpha, p.stage('D'));
  let charlie = await w.create({ name: 'Charlie', pipelineId: p.id });
  stranger = await ow.move(stranger, op.stage('N'));
  at(2);
  bravo = await w.move(bravo, p.stage('N'));
  charlie = await w.move(charlie, p.stage('D'));
  let delta = await w.create({ name: 'Delta', pipelineId: p.id, ownerId: rita.userId });
  stranger = await ow.move(stranger, op.stage('Q'));
  at(3);
  alpha = await w.move(alpha, p.stage('N'));
  delta = await w.move(delta, p.stage('D'));
  at(4);
  bravo = await w.move(bravo, p.stage('Lost'), { lostReason: 'no budget' });
  delta = await w.move(delta, p.stage('Won'));
  at(5);
  charlie = await w.move(charlie, p.stage('Q'));
  charlie = await w.move(charlie, p.stage('D'));
  at(6);
  alpha = await w.move(alpha, p.stage('Won'));
  delta = await w.move(delta, p.stage('N'));
  stranger = await ow.move(stranger, op.stage('Won'));
  at(10);
  return {
    admin,
    rita,
    team,
    pipeline: p,
    other: { ...other, pipeline: op },
    deals: { alpha, bravo, charlie, delta, stranger },
  };
}

/**
 * Deals for the waterfall from Tuesday 2026-03-03 to Saturday 2026-03-07 (start instant
 * 2026-03-03 00:00 UTC = day 0.625, end instant 2026-03-08 00:00 UTC = day 5.625), forecast window
 * March 2026; day k = Monday 2026-03-02 09:00 UTC + k days:
 *   Alpha   1000, close 03-31, created @0; amount 1200 @2; → D @1, → N @3; won @6 (after the end)
 *   Bravo    500, close 03-20, created @0; lost @4
 *   Charlie  300, close 03-25, created @1 (inside the range), open
 *   Delta    800, close 04-15, created @2; close 03-28 @3; won @4; reopened @6 (after the end)
 *   Echo     700, close 04-10 (outside the window), created @0; close 03-30 @2 (pulled in)
 *   Foxtrot  400, close 03-15, created @0; close 04-20 @3 (pushed out)
 *   Golf     900, close 03-10, created @0, owned by rita; amount 600 @1
 * and another organization's deal (5000, close 03-15) that must never count.
 */
export async function buildWaterfallHistory(deps: TestDeps, api: Api, clock: ManualClock) {
  const { admin } = await createTestOrg(deps);
  const rita = await createTestUser(deps, admin, 'rep', { name: 'Rita Rep' });
  const p = await createTestPipeline(deps, admin, { stages: flowStages });
  const other = await createTestOrg(deps);
  const op = await createTestPipeline(deps, other.admin, { stages: flowStages });
  const w = dealWriter(api, admin);
  const at = (day: number) => clock.set(new Date(Date.parse('2026-03-02T09:00:00.000Z') + day * DAY));
  const deal = (name: string, amount: string, close: string, extra: Record<string, unknown> = {}) =>
    w.create({ name, pipelineId: p.id, amount, expectedCloseDate: close, ...extra });

  at(0);
  let alpha = await deal('Alpha', '1000.00', '2026-03-31');
  let bravo = await deal('Bravo', '500.00', '2026-03-20');
  let echo = await deal('Echo', '700.00', '2026-04-10');
  let foxtrot = await deal('Foxtrot', '400.00', '2026-03-15');
  let golf = await deal('Golf', '900.00', '2026-03-10', { ownerId: rita.userId });
  await dealWriter(api, other.admin).create({
    name: 'Stranger',
    pipelineId: op.id,
    amount: '5000.00',
    expectedCloseDate: '2026-03-15',
  });
  at(1);
  alpha = await w.move(alpha, p.stage('D'));
  const charlie = await deal('Charlie', '300.00', '2026-03-25');
  golf = await w.update(golf, { amount: '600.00' });
  at(2);
  alpha = await w.update(alpha, { amount: '1200.00' });
  let delta = await deal('Delta', '800.00', '2026-04-15');
  echo = await w.update(echo, { expectedCloseDate: '2026-03-30' });
  at(3);
  alpha = await w.move(alpha, p.stage('N'));
  delta = await w.update(delta, { expectedCloseDate: '2026-03-28' });
  foxtrot = await w.update(foxtrot, { expectedCloseDate: '2026-04-20' });
  at(4);
  bravo = await w.move(bravo, p.stage('Lost'), { lostReason: 'no budget' });
  delta = await w.move(delta, p.stage('Won'));
  at(6);
  alpha = await w.move(alpha, p.stage('Won'));
  delta = await w.move(delta, p.stage('N'));
  at(10);
  return {
    admin,
    rita,
    pipeline: p,
    other: { ...other, pipeline: op },
    deals: { alpha, bravo, charlie, delta, echo, foxtrot, golf },
  };
}

/** GET /api/v1/analytics/<name> as `actor` with the query parameters given. */
export async function getReport<T>(
  api: Api,
  actor: Actor,
  name: string,
  query: Record<string, string>,
): Promise<{ status: number; body: T }> {
  const res = await api.as(actor, {
    method: 'GET',
    url: `/api/v1/analytics/${name}?${new URLSearchParams(query).toString()}`,
  });
  return { status: res.statusCode, body: res.json<T>() };
}
