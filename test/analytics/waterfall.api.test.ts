import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/deps.ts';
import type { WaterfallReport } from '../../src/modules/analytics/analyses/waterfall.ts';
import { createApi, type Api } from '../helpers/api.ts';
import { createTestDeps, type TestDeps } from '../helpers/db.ts';
import { buildWaterfallHistory, getReport } from '../helpers/deal-history.ts';

const clock = new ManualClock();
let deps: TestDeps;
let api: Api;
let h: Awaited<ReturnType<typeof buildWaterfallHistory>>;

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  api = await createApi(deps);
  h = await buildWaterfallHistory(deps, api, clock);
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

const march = { from: '2026-03-03', to: '2026-03-07', closeFrom: '2026-03-01', closeTo: '2026-03-31' };
const report = (query: Record<string, string>, actor = h.admin) =>
  getReport<WaterfallReport>(api, actor, 'waterfall', { pipelineId: h.pipeline.id, ...query });
const bars = (r: WaterfallReport) =>
  r.currencies[0]?.bars.map((b) => [b.reason, b.amount, b.count, b.deals.map((d) => d.name)]);

describe('GET /analytics/waterfall', () => {
  it('leads from the start to the end pipeline, one reason per deal (hand-computed)', async () => {
    const { status, body } = await report(march);
    expect(status).toBe(200);
    expect(body.currencies).toHaveLength(1);
    const usd = body.currencies[0];
    // In at the start (03-03 00:00): Alpha 1000, Bravo 500, Foxtrot 400, Golf 900 (Echo closes in April then).
    expect(usd?.start).toEqual({ amount: '2800.00', count: 4 });
    // In at the end (03-08 00:00): Alpha 1200, Charlie 300, Echo 700, Golf 600 (Delta is won, Bravo lost,
    // Foxtrot closes in April). 2800 + 300 + 700 + 200 − 500 − 400 − 300 = 2800.
    expect(usd?.end).toEqual({ amount: '2800.00', count: 4 });
    expect(bars(body)).toEqual([
      ['created', '300.00', 1, ['Charlie']],
      ['pulled_in', '700.00', 1, ['Echo']],
      ['amount_up', '200.00', 1, ['Alpha']],
      ['won', '0.00', 0, []],
      ['lost', '-500.00', 1, ['Bravo']],
      ['pushed_out', '-400.00', 1, ['Foxtrot']],
      ['amount_down', '-300.00', 1, ['Golf']],
    ]);
    expect(usd?.bars[2]?.deals).toEqual([
      { dealId: h.deals.alpha.id, name: 'Alpha', startAmount: '1000.00', endAmount: '1200.00', change: '200.00' },
    ]);
  });

  it('without a forecast window counts every open deal', async () => {
    const { body } = await report({ from: march.from, to: march.to });
    // start: Alpha 1000, Bravo 500, Echo 700, Foxtrot 400, Golf 900 = 3500; end: Alpha 1200, Charlie 300,
    // Echo 700, Foxtrot 400, Golf 600 = 3200 = 3500 + 300 + 200 − 500 − 300.
    expect(body.currencies[0]?.start).toEqual({ amount: '3500.00', count: 5 });
    expect(body.currencies[0]?.end).toEqual({ amount: '3200.00', count: 5 });
    expect(body.currencies[0]?.unchanged).toEqual({ amount: '1100.00', count: 2 });
    expect(
      bars(body)
        ?.filter((b) => b[2] !== 0)
        .map((b) => [b[0], b[1]]),
    ).toEqual([
      ['created', '300.00'],
      ['amount_up', '200.00'],
      ['lost', '-500.00'],
      ['amount_down', '-300.00'],
    ]);
  });

  it('applies the owner filter', async () => {
    const { body } = await report({ ...march, ownerId: h.rita.userId });
    expect(body.currencies[0]?.start).toEqual({ amount: '900.00', count: 1 });
    expect(body.currencies[0]?.end).toEqual({ amount: '600.00', count: 1 });
  });

  it('needs both dates, and never shows another organization’s deals', async () => {
    const missing = await getReport<{ errors: { field: string }[] }>(api, h.admin, 'waterfall', {
      pipelineId: h.pipeline.id,
    });
    expect(missing.status).toBe(422);
    expect(missing.body.errors.map((e) => e.field)).toEqual(['from', 'to']);
    expect((await report({ ...march, pipelineId: h.other.pipeline.id })).status).toBe(422);
  });
});
