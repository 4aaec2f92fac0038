import { describe, expect, it } from 'vitest';
import {
  conformance,
  traceConformance,
  type ConformanceTraceGroup,
  type DesignedStage,
} from '../../src/analytics/conformance.ts';

// Designed order: Q → D → P → N → (W won | L lost); ranks Q1 D2 P3 N4, W and L 5.
const stages: DesignedStage[] = [
  { id: 'Q', name: 'Qualify', position: 1, kind: 'open' },
  { id: 'D', name: 'Discovery', position: 2, kind: 'open' },
  { id: 'P', name: 'Proposal', position: 3, kind: 'open' },
  { id: 'N', name: 'Negotiation', position: 4, kind: 'open' },
  { id: 'W', name: 'Won', position: 5, kind: 'won' },
  { id: 'L', name: 'Lost', position: 6, kind: 'lost' },
];
const check = (trace: string[]) => traceConformance(stages, trace);

describe('conformance of one trace (hand-computed)', () => {
  it('a deal that followed the design has cost 0 and fitness 1', () => {
    expect(check(['Q', 'D', 'P', 'N', 'W'])).toEqual({
      skips: 0,
      backwardMoves: 0,
      repeats: 0,
      modelPath: ['Q', 'D', 'P', 'N', 'W'],
      cost: 0,
      fitness: 1,
    });
    // Lost from Discovery: losing is allowed from any stage; the model path stops where the deal got to.
    expect(check(['Q', 'D', 'L'])).toMatchObject({ skips: 0, modelPath: ['Q', 'D', 'L'], cost: 0, fitness: 1 });
    // A single open visit (also a zero-length one: visits count whatever their length).
    expect(check(['Q'])).toMatchObject({ modelPath: ['Q'], cost: 0, fitness: 1 });
  });

  it('skipped stages: Q → P → W skips D and N; aligned with Q D P N W: cost 3 + 5 − 2·3 = 2, fitness 1 − 2/8', () => {
    expect(check(['Q', 'P', 'W'])).toEqual({
      skips: 2,
      backwardMoves: 0,
      repeats: 0,
      modelPath: ['Q', 'D', 'P', 'N', 'W'],
      cost: 2,
      fitness: 0.75,
    });
  });

  it('a backward move and a repeat on an open deal: Q D P D against Q D P, cost 4 + 3 − 6 = 1, fitness 6/7', () => {
    const c = check(['Q', 'D', 'P', 'D']);
    expect(c).toMatchObject({ skips: 0, backwardMoves: 1, repeats: 1, modelPath: ['Q', 'D', 'P'], cost: 1 });
    expect(c.fitness).toBeCloseTo(6 / 7, 12);
  });

  it('created in a later stage: P → L skips Q and D; model Q D P L, cost 2 + 4 − 4 = 2, fitness 2/3', () => {
    const c = check(['P', 'L']);
    expect(c).toMatchObject({ skips: 2, backwardMoves: 0, modelPath: ['Q', 'D', 'P', 'L'], cost: 2 });
    expect(c.fitness).toBeCloseTo(2 / 3, 12);
  });

  it('a reopened deal: lost from N, reopened into N, then won: one backward move, one repeat, cost 7 + 5 − 10 = 2', () => {
    const c = check(['Q', 'D', 'P', 'N', 'L', 'N', 'W']);
    expect(c).toMatchObject({ skips: 0, backwardMoves: 1, repeats: 1, modelPath: ['Q', 'D', 'P', 'N', 'W'], cost: 2 });
    expect(c.fitness).toBeCloseTo(5 / 6, 12);
  });

  it('created won skips every open stage (cost 1 + 5 − 2 = 4); won then lost reverses an outcome (cost 6 + 5 − 10 = 1)', () => {
    const created = check(['W']);
    expect(created).toMatchObject({ skips: 4, cost: 4 });
    expect(created.fitness).toBeCloseTo(1 / 3, 12);
    const reversed = check(['Q', 'D', 'P', 'N', 'W', 'L']);
    expect(reversed).toMatchObject({
      skips: 0,
      backwardMoves: 1,
      repeats: 0,
      modelPath: ['Q', 'D', 'P', 'N', 'L'],
      cost: 1,
    });
    expect(reversed.fitness).toBeCloseTo(10 / 11, 12);
  });
});

const group = (trace: string[], over: Partial<ConformanceTraceGroup>, sample: string[]): ConformanceTraceGroup => ({
  trace,
  ownerId: null,
  ownerName: null,
  teamId: null,
  teamName: null,
  partnerId: null,
  partnerName: null,
  deals: sample.length,
  sample: sample.map((id) => ({ dealId: id, name: id })),
  ...over,
});
const ann = { ownerId: 'ann', ownerName: 'Ann', teamId: 't1', teamName: 'Team 1' };
const bob = { ownerId: 'bob', ownerName: 'Bob', teamId: 't1', teamName: 'Team 1' };
const partnerX = { partnerId: 'x', partnerName: 'Partner X' };

describe('conformance totals per owner, team and partner (hand-computed)', () => {
  // Ann: 2 × conforming (fitness 1) + 1 × Q P W (0.75, 2 skips, partner X)
  // Bob: 1 × Q D P D (6/7, 1 back, 1 repeat) + 3 × P L (2/3, 2 skips each, partner X; one sampled)
  // nobody: 1 × the reopened deal (5/6, 1 back, 1 repeat)
  const groups = [
    group(['Q', 'D', 'P', 'N', 'W'], ann, ['d1a', 'd1b']),
    group(['Q', 'P', 'W'], { ...ann, ...partnerX }, ['d2']),
    group(['Q', 'D', 'P', 'D'], bob, ['d3']),
    { ...group(['P', 'L'], { ...bob, ...partnerX }, ['d5a']), deals: 3 },
    group(['Q', 'D', 'P', 'N', 'L', 'N', 'W'], {}, ['d6']),
    group([], ann, []),
  ];
  const result = conformance(stages, groups, { dealLimit: 3 });

  it('sums counts and averages fitness over deals', () => {
    // 8 deals; deviating 1 + 1 + 3 + 1 = 6; skips 2 + 3·2 = 8; backward 1 + 1; repeats 1 + 1;
    // fitness (2·1 + 3/4 + 6/7 + 3·2/3 + 5/6) / 8 = (541/84) / 8 = 541/672.
    expect(result.overall).toMatchObject({ deals: 8, deviatingDeals: 6, skips: 8, backwardMoves: 2, repeats: 2 });
    expect(result.overall.meanFitness).toBeCloseTo(541 / 672, 12);
  });

  it('ranks owners, teams and partners least fitting first', () => {
    // Bob (2 + 6/7)/4 = 5/7; nobody 5/6; Ann (2 + 3/4)/3 = 11/12.
    expect(result.byOwner.map((o) => [o.id, o.deals, o.deviatingDeals, o.skips, o.backwardMoves, o.repeats])).toEqual([
      ['bob', 4, 4, 6, 1, 1],
      [null, 1, 1, 0, 1, 1],
      ['ann', 3, 1, 2, 0, 0],
    ]);
    expect(result.byOwner.map((o) => o.meanFitness)).toEqual([
      expect.closeTo(5 / 7, 12),
      expect.closeTo(5 / 6, 12),
      expect.closeTo(11 / 12, 12),
    ]);
    // Team 1: (11/4 + 20/7) / 7 = 157/196 ≈ 0.801 < 5/6 of the deal without a team.
    expect(result.byTeam.map((t) => [t.id, t.name, t.deals])).toEqual([
      ['t1', 'Team 1', 7],
      [null, null, 1],
    ]);
    expect(result.byTeam[0]?.meanFitness).toBeCloseTo(157 / 196, 12);
    // Partner X: (3/4 + 3·2/3) / 4 = 11/16; deals without a partner are not listed.
    expect(result.byPartner).toEqual([
      {
        id: 'x',
        name: 'Partner X',
        deals: 4,
        deviatingDeals: 4,
        skips: 8,
        backwardMoves: 0,
        repeats: 0,
        meanFitness: 11 / 16,
      },
    ]);
  });

  it('drills down to the deviating deals, least fitting first, capped', () => {
    // d5a 2/3 < d2 3/4 < d6 5/6 < d3 6/7 (cut by the limit of 3)
    expect(result.deals.map((d) => [d.dealId, d.cost, d.trace.join('')])).toEqual([
      ['d5a', 2, 'PL'],
      ['d2', 2, 'QPW'],
      ['d6', 2, 'QDPNLNW'],
    ]);
    expect(result.deals[0]).toMatchObject({ ownerId: 'bob', teamId: 't1', partnerId: 'x' });
  });

  it('an empty range gives zero totals and no rows', () => {
    expect(conformance(stages, [], { dealLimit: 3 })).toEqual({
      overall: { deals: 0, deviatingDeals: 0, skips: 0, backwardMoves: 0, repeats: 0, meanFitness: null },
      byOwner: [],
      byTeam: [],
      byPartner: [],
      deals: [],
    });
  });
});
