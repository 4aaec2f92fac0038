import { describe, expect, it } from 'vitest';
import { bottlenecks, type BottleneckInput } from '../../src/analytics/bottlenecks.ts';

const DAY = 86_400_000;
const stages = [
  { id: 'D', name: 'Discovery', position: 2 },
  { id: 'Q', name: 'Qualify', position: 1 },
  { id: 'P', name: 'Proposal', position: 3 },
];

// A 14-day period (2 weeks).
// Q: 7 arrivals, 5 completed totalling 20 days (W = 4), 28 deal-days of WIP (L = 28/14 = 2),
//    λ = 7/14 = 0.5 a day → λW = 2 = L: no discrepancy; 3.5 arrivals a week.
// D: 2 arrivals, 1 completed after 14 days (W = 14), 7 deal-days (L = 0.5), λ = 1/7 → λW = 2,
//    discrepancy 0.5 − 2 = −1.5, relative −1.5 / 0.5 = −3.
// P: nothing happened (skipped by every deal): zeros, no W, no threshold.
const input: BottleneckInput = {
  stages,
  periodMs: 14 * DAY,
  weeks: ['2026-03-02', '2026-03-09'],
  counts: [
    {
      stageId: 'Q',
      arrivals: 7,
      completed: 5,
      completedSojournMs: 20 * DAY,
      wipTimeMs: 28 * DAY,
      wipNow: 2,
      wonP75Ms: 3 * DAY,
      staleCount: 2,
    },
    {
      stageId: 'D',
      arrivals: 2,
      completed: 1,
      completedSojournMs: 14 * DAY,
      wipTimeMs: 7 * DAY,
      wipNow: 1,
      wonP75Ms: null,
      staleCount: 0,
    },
  ],
  weekly: [
    { stageId: 'Q', weekStart: '2026-03-02', arrivals: 4, wip: 1 },
    { stageId: 'Q', weekStart: '2026-03-09', arrivals: 3, wip: 2 },
    { stageId: 'D', weekStart: '2026-03-09', arrivals: 2, wip: 0 },
  ],
  stale: [
    {
      stageId: 'Q',
      dealId: 's1',
      name: 'Slow one',
      ownerId: 'ann',
      enteredAt: '2026-03-10T00:00:00.000Z',
      ageMs: 5 * DAY,
    },
    {
      stageId: 'Q',
      dealId: 's2',
      name: 'Slower',
      ownerId: null,
      enteredAt: '2026-03-06T00:00:00.000Z',
      ageMs: 9 * DAY,
    },
  ],
};

describe('bottlenecks', () => {
  const result = bottlenecks(input, { dealLimit: 1 });

  it('computes flow and checks Little’s law per stage (hand-computed)', () => {
    expect(result.periodDays).toBe(14);
    const [q, d, p] = result.stages;
    expect(q).toMatchObject({
      stageId: 'Q',
      arrivals: 7,
      arrivalsPerWeek: 3.5,
      meanSojournDays: 4,
      completed: 5,
      wipNow: 2,
      staleThresholdDays: 3,
      staleCount: 2,
    });
    expect(q?.littlesLaw).toEqual({
      averageWip: 2,
      arrivalRatePerDay: 0.5,
      predictedWip: 2,
      discrepancy: 0,
      relativeDiscrepancy: 0,
    });
    expect(d?.arrivalsPerWeek).toBe(1);
    expect(d?.meanSojournDays).toBe(14);
    expect(d?.littlesLaw.averageWip).toBe(0.5);
    expect(d?.littlesLaw.arrivalRatePerDay).toBeCloseTo(1 / 7, 12);
    expect(d?.littlesLaw.predictedWip).toBeCloseTo(2, 12);
    expect(d?.littlesLaw.discrepancy).toBeCloseTo(-1.5, 12);
    expect(d?.littlesLaw.relativeDiscrepancy).toBeCloseTo(-3, 12);
    expect(p).toMatchObject({
      stageId: 'P',
      arrivals: 0,
      arrivalsPerWeek: 0,
      meanSojournDays: null,
      staleThresholdDays: null,
      staleCount: 0,
      staleDeals: [],
    });
    expect(p?.littlesLaw).toEqual({
      averageWip: 0,
      arrivalRatePerDay: 0,
      predictedWip: null,
      discrepancy: null,
      relativeDiscrepancy: null,
    });
  });

  it('lists stale deals oldest first, capped, and fills weeks without events with zeros', () => {
    expect(result.stages[0]?.staleDeals).toEqual([
      { dealId: 's2', name: 'Slower', ownerId: null, enteredAt: '2026-03-06T00:00:00.000Z', ageDays: 9 },
    ]);
    expect(result.stages[1]?.weekly).toEqual([
      { weekStart: '2026-03-02', arrivals: 0, wip: 0 },
      { weekStart: '2026-03-09', arrivals: 2, wip: 0 },
    ]);
  });

  it('names the stage with the highest average WIP as the bottleneck, none on an empty range', () => {
    expect(result.bottleneckStageId).toBe('Q');
    const empty = bottlenecks({ ...input, counts: [], weekly: [], stale: [], weeks: [] }, { dealLimit: 5 });
    expect(empty.bottleneckStageId).toBeNull();
    expect(empty.stages.map((s) => [s.stageId, s.arrivals, s.weekly])).toEqual([
      ['Q', 0, []],
      ['D', 0, []],
      ['P', 0, []],
    ]);
  });
});
