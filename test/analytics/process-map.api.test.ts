import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/deps.ts';
import type { ProcessMapReport } from '../../src/modules/analytics/analyses/process-map.ts';
import { createApi, type Api } from '../helpers/api.ts';
import { createTestDeps, type TestDeps } from '../helpers/db.ts';
import { buildFlowHistory, getReport } from '../helpers/deal-history.ts';

const clock = new ManualClock();
let deps: TestDeps;
let api: Api;
let h: Awaited<ReturnType<typeof buildFlowHistory>>;

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  api = await createApi(deps);
  h = await buildFlowHistory(deps, api, clock);
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

const report = (query: Record<string, string>, actor = h.admin) =>
  getReport<ProcessMapReport>(api, actor, 'process-map', { pipelineId: h.pipeline.id, ...query });

describe('GET /analytics/process-map', () => {
  it('counts the directly-follows pairs, their times, the start and end of each trace, and the variants (hand-computed)', async () => {
    const { status, body } = await report({});
    expect(status).toBe(200);
    expect(body.cases).toBe(4);
    // Q: Alpha, Bravo, Charlie twice, Delta; D: Alpha, Charlie twice, Delta; N: Alpha, Bravo, Delta.
    // Traces end in Won (Alpha), Lost (Bravo), D (Charlie, open) and N (Delta, reopened, open).
    expect(body.nodes.map((n) => [n.label, n.events, n.cases, n.starts, n.ends, n.open])).toEqual([
      ['Q', 5, 4, 4, 0, 0],
      ['D', 4, 3, 0, 1, 1],
      ['N', 3, 3, 0, 1, 1],
      ['Won', 2, 2, 0, 1, 0],
      ['Lost', 1, 1, 0, 1, 0],
    ]);
    const label = new Map(body.nodes.map((n) => [n.key, n.label]));
    // Q→D: Alpha 1 day, Charlie 1 day and 0 days (the zero-length stay), Delta 1 day → sorted 0,1,1,1:
    // P50 at rank 1.5 = 1, P90 at rank 2.7 = 1. Every other pair happens once.
    expect(body.edges.map((e) => [label.get(e.from), label.get(e.to), e.count, e.cases, e.p50Days, e.p90Days])).toEqual(
      [
        ['Q', 'D', 4, 3, 1, 1],
        ['Q', 'N', 1, 1, 2, 2],
        ['D', 'Q', 1, 1, 3, 3],
        ['D', 'N', 1, 1, 2, 2],
        ['D', 'Won', 1, 1, 1, 1],
        ['N', 'Won', 1, 1, 3, 3],
        ['N', 'Lost', 1, 1, 2, 2],
        ['Won', 'N', 1, 1, 2, 2],
      ],
    );
    // Four variants of one deal each (share 1/4); ties are ordered by stage ids, so compare by label.
    const variants = body.variants
      .map((v) => [v.labels.join(' '), v.count, v.share, v.won, v.lost, v.winRate, v.medianCycleDays])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(variants).toEqual([
      ['Q D N Won', 1, 0.25, 1, 0, 1, 6],
      ['Q D Q D', 1, 0.25, 0, 0, null, null],
      ['Q D Won N', 1, 0.25, 0, 0, null, null],
      ['Q N Lost', 1, 0.25, 0, 1, 0, 4],
    ]);
    expect(body.otherVariants).toEqual({ variants: 0, count: 0, share: 0 });
  });

  it('takes the deals that entered the pipeline in the date range, and the other filters', async () => {
    const firstDay = await report({ from: '2026-03-02', to: '2026-03-02', variantLimit: '1' });
    expect(firstDay.body.cases).toBe(2);
    expect(firstDay.body.variants).toHaveLength(1);
    expect(firstDay.body.otherVariants).toEqual({ variants: 1, count: 1, share: 0.5 });
    const rita = await report({ ownerId: h.rita.userId });
    expect(rita.body.cases).toBe(1);
    expect(rita.body.variants.map((v) => v.labels.join(' '))).toEqual(['Q D Won N']);
  });

  it('puts the deals’ activities between the stage entries when asked to', async () => {
    const call = await api.as(h.admin, {
      method: 'POST',
      url: '/api/v1/activities',
      payload: {
        type: 'call',
        dealId: h.deals.charlie.id,
        direction: 'outbound',
        disposition: 'connected',
        occurredAt: '2026-03-05T09:00:00.000Z',
      },
    });
    expect(call.statusCode, call.body).toBe(201);
    const { body } = await report({ activities: 'true' });
    // Charlie: Q@1 D@2 call@3 Q@5 D@5, so D → Q (3 days) becomes D → call (1 day) and call → Q (2 days).
    const label = new Map(body.nodes.map((n) => [n.key, n.label]));
    expect(body.nodes.at(-1)).toMatchObject({
      key: 'activity:call',
      kind: 'activity',
      events: 1,
      cases: 1,
      starts: 0,
      ends: 0,
    });
    const edges = body.edges.map((e) => [label.get(e.from), label.get(e.to), e.count, e.p50Days]);
    expect(edges).toContainEqual(['D', 'call', 1, 1]);
    expect(edges).toContainEqual(['call', 'Q', 1, 2]);
    expect(edges.find((e) => e[0] === 'D' && e[1] === 'Q')).toBeUndefined();
    // Variants stay sequences of stages.
    expect(body.variants.map((v) => v.labels.join(' ')).sort()).toEqual([
      'Q D N Won',
      'Q D Q D',
      'Q D Won N',
      'Q N Lost',
    ]);
  });

  it('never shows another organization’s pipeline or deals', async () => {
    const foreign = await report({ pipelineId: h.other.pipeline.id });
    expect(foreign.status).toBe(422);
    const theirs = await report({ pipelineId: h.other.pipeline.id }, h.other.admin);
    expect(theirs.body.cases).toBe(1);
    expect(theirs.body.variants.map((v) => v.labels.join(' '))).toEqual(['Q N Q Won']);
  });
});
