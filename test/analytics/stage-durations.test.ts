import { describe, expect, it } from 'vitest';
import { computeStageDurations, durationStats } from '../../src/analytics/durations.ts';
import type { PipelineModel } from '../../src/analytics/model.ts';

const D = 86_400;
const pipeline: Pick<PipelineModel, 'stages'> = {
  stages: [
    { id: 'q', name: 'Qualify', position: 1, kind: 'open', probability: 10, forecastCategory: 'pipeline' },
    { id: 'd', name: 'Discovery', position: 2, kind: 'open', probability: 25, forecastCategory: 'pipeline' },
    { id: 'w', name: 'Won', position: 3, kind: 'won', probability: 100, forecastCategory: 'closed' },
    { id: 'l', name: 'Lost', position: 4, kind: 'lost', probability: 0, forecastCategory: 'omitted' },
  ],
};

describe('duration statistics', () => {
  it('interpolate quantiles between closest ranks and report days', () => {
    // [1, 2, 4, 10] days: P50 at rank 1.5 → 2 + 0.5·2 = 3; P75 at 2.25 → 4 + 0.25·6 = 5.5;
    // P90 at 2.7 → 4 + 0.7·6 = 8.2; mean 17/4 = 4.25.
    const s = durationStats([10 * D, 1 * D, 4 * D, 2 * D]);
    expect(s.count).toBe(4);
    expect(s.p50).toBeCloseTo(3, 10);
    expect(s.p75).toBeCloseTo(5.5, 10);
    expect(s.p90).toBeCloseTo(8.2, 10);
    expect(s.mean).toBeCloseTo(4.25, 10);
  });

  it('count zero-length stays as zero, a single visit as itself, and nothing as unknown', () => {
    // [0, 0, 6]: P50 at rank 1 → 0; P75 at 1.5 → 3; P90 at 1.8 → 4.8; mean 2.
    const z = durationStats([0, 6 * D, 0]);
    expect([z.p50, z.p75, z.mean]).toEqual([0, 3, 2]);
    expect(z.p90).toBeCloseTo(4.8, 10);
    expect(durationStats([3 * D])).toEqual({ count: 1, p50: 3, p75: 3, p90: 3, mean: 3 });
    expect(durationStats([])).toEqual({ count: 0, p50: null, p75: null, p90: null, mean: null });
  });

  it('leaves skipped stages out (count 0, no figures) and keeps visits in progress apart', () => {
    const r = computeStageDurations(
      pipeline,
      [{ stageId: 'q', count: 2, inProgress: 1, p50: 1.5 * D, p75: 1.75 * D, p90: 1.9 * D, mean: 1.5 * D }],
      { won: { count: 1, p50: 4 * D, p75: 4 * D, p90: 4 * D, mean: 4 * D } },
    );
    expect(r.stages).toEqual([
      { stageId: 'q', name: 'Qualify', count: 2, inProgress: 1, p50: 1.5, p75: 1.75, p90: 1.9, mean: 1.5 },
      { stageId: 'd', name: 'Discovery', count: 0, inProgress: 0, p50: null, p75: null, p90: null, mean: null },
    ]);
    expect(r.cycle).toEqual({
      won: { count: 1, p50: 4, p75: 4, p90: 4, mean: 4 },
      lost: { count: 0, p50: null, p75: null, p90: null, mean: null },
    });
  });
});
