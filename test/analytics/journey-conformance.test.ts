import { describe, expect, it } from 'vitest';
import type { DesignedStage } from '../../src/analytics/conformance.ts';
import {
  designedJourney,
  journeyConformance,
  journeyTraceConformance,
  type JourneyCase,
} from '../../src/analytics/journey-conformance.ts';

// A pipeline O1 → O2 → (W won | L lost).
const stages: DesignedStage[] = [
  { id: 'W', name: 'Won', position: 3, kind: 'won' },
  { id: 'O2', name: 'Demo', position: 2, kind: 'open' },
  { id: 'L', name: 'Lost', position: 4, kind: 'lost' },
  { id: 'O1', name: 'Qualify', position: 1, kind: 'open' },
];
// Without a held-meeting action: lead 1, MQL 2, SQL 3, opportunity 4, O1 5, O2 6; W, L and dropped 7.
const design = designedJourney(stages, { action: 'none', stageId: null });
const check = (trace: string[]) => journeyTraceConformance(design, trace);

describe('the designed journey', () => {
  it('runs from the lifecycle through the opportunity and the open stages by position to an outcome', () => {
    expect(design.steps.map((s) => [s.id, s.label, s.side])).toEqual([
      ['lead', 'Lead', 'marketing'],
      ['mql', 'MQL', 'marketing'],
      ['sql', 'SQL accepted', 'sales'],
      ['opportunity', 'Opportunity', 'sales'],
      ['O1', 'Qualify', 'sales'],
      ['O2', 'Demo', 'sales'],
    ]);
    expect(design.outcomes).toEqual([
      { id: 'W', label: 'Won', kind: 'won' },
      { id: 'L', label: 'Lost', kind: 'lost' },
      { id: 'dropped', label: 'Dropped', kind: 'lost' },
    ]);
  });

  it("places the meetings after the pipeline's held-meeting setting", () => {
    const ids = (action: 'create_deal' | 'advance_deal' | 'create_or_advance') =>
      designedJourney(stages, { action, stageId: 'O2' }).steps.map((s) => s.id);
    // A held meeting makes the deal, in Demo: the meetings come before the opportunity, Qualify is no step.
    const creating = ['lead', 'mql', 'sql', 'meeting_booked', 'meeting_held', 'opportunity', 'O2'];
    expect(ids('create_deal')).toEqual(creating);
    expect(ids('create_or_advance')).toEqual(creating);
    // A held meeting moves the deal on to Demo: the meetings come just before it.
    expect(ids('advance_deal')).toEqual([
      'lead',
      'mql',
      'sql',
      'opportunity',
      'O1',
      'meeting_booked',
      'meeting_held',
      'O2',
    ]);
  });
});

describe('conformance of one journey (hand-computed)', () => {
  it('a journey that followed the design, won or dropped, has cost 0; undesigned milestones are left out', () => {
    expect(check(['lead', 'mql', 'sql', 'opportunity', 'O1', 'O2', 'W'])).toMatchObject({
      deviations: [],
      cost: 0,
      fitness: 1,
    });
    // Dropped after MQL: an outcome is allowed from any step; the model path stops where the journey got to.
    expect(check(['lead', 'mql', 'dropped'])).toMatchObject({ modelPath: ['lead', 'mql', 'dropped'], cost: 0 });
    // Meetings are no designed step here: a booking between lead and MQL is not judged.
    expect(check(['lead', 'meeting_booked', 'mql'])).toMatchObject({ trace: ['lead', 'mql'], cost: 0, fitness: 1 });
  });

  it('an opportunity with no SQL acceptance skips SQL: cost 4 + 5 − 2·4 = 1, fitness 1 − 1/9', () => {
    const c = check(['lead', 'mql', 'opportunity', 'O1']);
    expect(c).toEqual({
      trace: ['lead', 'mql', 'opportunity', 'O1'],
      modelPath: ['lead', 'mql', 'sql', 'opportunity', 'O1'],
      deviations: [{ kind: 'skipped', step: 'sql', after: null }],
      skips: 1,
      outOfOrder: 0,
      repeats: 0,
      cost: 1,
      fitness: 1 - 1 / 9,
    });
  });

  it('a deal created before MQL: MQL and SQL out of order after Qualify, Demo skipped by the win; cost 6 + 7 − 2·4 = 5', () => {
    const c = check(['lead', 'opportunity', 'O1', 'mql', 'sql', 'W']);
    expect(c.deviations).toEqual([
      { kind: 'skipped', step: 'O2', after: null },
      { kind: 'out_of_order', step: 'mql', after: 'O1' },
      { kind: 'out_of_order', step: 'sql', after: 'O1' },
    ]);
    expect(c.modelPath).toEqual(['lead', 'mql', 'sql', 'opportunity', 'O1', 'O2', 'W']);
    expect([c.skips, c.outOfOrder, c.repeats, c.cost]).toEqual([1, 2, 0, 5]);
    expect(c.fitness).toBeCloseTo(1 - 5 / 13, 12);
  });

  it('a recycled lead that comes back: MQL repeated, SQL out of order after dropped; cost 5 + 3 − 2·3 = 2', () => {
    expect(check(['lead', 'mql', 'dropped', 'mql', 'sql'])).toMatchObject({
      modelPath: ['lead', 'mql', 'sql'],
      deviations: [
        { kind: 'repeated', step: 'mql', after: null },
        { kind: 'out_of_order', step: 'sql', after: 'dropped' },
      ],
      skips: 0,
      outOfOrder: 1,
      repeats: 1,
      cost: 2,
      fitness: 3 / 4,
    });
  });
});

describe('conformance of the journeys (hand-computed)', () => {
  const journey = (leadId: string, owner: 'ann' | 'bob', milestones: string[]): JourneyCase => ({
    leadId,
    name: `Lead ${leadId}`,
    dealId: milestones.includes('opportunity') ? `deal-${leadId}` : null,
    dealName: milestones.includes('opportunity') ? `Deal ${leadId}` : null,
    ownerId: owner,
    ownerName: owner === 'ann' ? 'Ann' : 'Bob',
    teamId: owner === 'ann' ? 'east' : null,
    teamName: owner === 'ann' ? 'East' : null,
    milestones,
  });
  const cases = [
    journey('1', 'ann', ['lead', 'mql', 'sql', 'opportunity', 'O1', 'O2', 'W']),
    journey('2', 'ann', ['lead', 'mql', 'opportunity', 'O1']),
    journey('3', 'ann', ['lead', 'opportunity', 'O1', 'mql', 'sql', 'W']),
    journey('4', 'bob', ['lead', 'mql', 'dropped']),
    journey('5', 'bob', ['lead', 'mql', 'dropped', 'mql', 'sql']),
    // Nothing the design names: not a journey of the analysis.
    journey('6', 'bob', ['meeting_held']),
  ];
  const fit = [1, 8 / 9, 8 / 13, 1, 3 / 4];

  it('sums per journey, owner and team, counts each deviation and lists the deviating journeys least fitting first', () => {
    const r = journeyConformance(design, cases, { journeyLimit: 2 });
    expect(r.overall).toMatchObject({ journeys: 5, deviatingJourneys: 3, skips: 2, outOfOrder: 3, repeats: 1 });
    expect(r.overall.meanFitness).toBeCloseTo(fit.reduce((a, b) => a + b) / 5, 12);
    expect(r.byOwner.map((g) => [g.id, g.journeys, g.deviatingJourneys, g.skips, g.outOfOrder, g.repeats])).toEqual([
      ['ann', 3, 2, 2, 2, 0],
      ['bob', 2, 1, 0, 1, 1],
    ]);
    expect(r.byOwner[0]?.meanFitness).toBeCloseTo((1 + 8 / 9 + 8 / 13) / 3, 12);
    expect(r.byOwner[1]?.meanFitness).toBeCloseTo(7 / 8, 12);
    expect(r.byTeam.map((g) => [g.id, g.name, g.journeys])).toEqual([
      ['east', 'East', 3],
      [null, null, 2],
    ]);
    expect(r.deviations.map((d) => [d.kind, d.step, d.after, d.journeys, d.occurrences])).toEqual([
      ['skipped', 'sql', null, 1, 1],
      ['skipped', 'O2', null, 1, 1],
      ['out_of_order', 'mql', 'O1', 1, 1],
      ['out_of_order', 'sql', 'O1', 1, 1],
      ['out_of_order', 'sql', 'dropped', 1, 1],
      ['repeated', 'mql', null, 1, 1],
    ]);
    // Least fitting first (8/13, then 3/4), cut at the limit.
    expect(r.journeys.map((j) => [j.leadId, j.dealId, j.ownerId, j.teamId])).toEqual([
      ['3', 'deal-3', 'ann', 'east'],
      ['5', null, 'bob', null],
    ]);
  });

  it('counts a deviation once per journey however often it happens, and every time in occurrences', () => {
    const twice = journeyConformance(
      design,
      [journey('7', 'bob', ['lead', 'mql', 'mql', 'mql']), journey('8', 'bob', ['lead', 'mql', 'mql'])],
      { journeyLimit: 10 },
    );
    expect(twice.deviations).toEqual([{ kind: 'repeated', step: 'mql', after: null, journeys: 2, occurrences: 3 }]);
  });

  it('without journeys: zero totals and no fitness', () => {
    const r = journeyConformance(design, [], { journeyLimit: 10 });
    expect(r).toEqual({
      overall: { journeys: 0, deviatingJourneys: 0, skips: 0, outOfOrder: 0, repeats: 0, meanFitness: null },
      byOwner: [],
      byTeam: [],
      deviations: [],
      journeys: [],
    });
  });
});
