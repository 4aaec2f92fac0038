import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { journeyNodes, processMap, type ProcessMapInput, type VariantCount } from '../../src/analytics/process-map.ts';

const DAY = 86_400_000;
const nodes: ProcessMapInput['nodes'] = [
  { key: 'W', label: 'Won', kind: 'stage', position: 3 },
  { key: 'Q', label: 'Qualify', kind: 'stage', position: 1 },
  { key: 'D', label: 'Discovery', kind: 'stage', position: 2 },
  { key: 'L', label: 'Lost', kind: 'stage', position: 4 },
  { key: 'activity:call', label: 'call', kind: 'activity', position: null },
];

// 7 deals: 3 × Q D W (won, median cycle 10 days), 2 × Q D (open), 1 × Q D Q D W (won, 30 days),
// 1 × Q L (lost, 2 days).
const variants: VariantCount[] = [
  { sequence: ['Q', 'L'], count: 1, won: 0, lost: 1, medianCycleMs: 2 * DAY },
  { sequence: ['Q', 'D', 'W'], count: 3, won: 3, lost: 0, medianCycleMs: 10 * DAY },
  { sequence: ['Q', 'D', 'Q', 'D', 'W'], count: 1, won: 1, lost: 0, medianCycleMs: 30 * DAY },
  { sequence: ['Q', 'D'], count: 2, won: 0, lost: 0, medianCycleMs: null },
];
const input: ProcessMapInput = {
  nodes,
  // Q: 7 first visits + 1 revisit; D: 6 + 1; W: 4; L: 1; 5 calls on 3 deals.
  nodeCounts: [
    { key: 'Q', events: 8, cases: 7 },
    { key: 'D', events: 7, cases: 6 },
    { key: 'W', events: 4, cases: 4 },
    { key: 'L', events: 1, cases: 1 },
    { key: 'activity:call', events: 5, cases: 3 },
  ],
  edges: [
    { from: 'D', to: 'W', count: 4, cases: 4, p50Ms: 3 * DAY, p90Ms: 6 * DAY },
    { from: 'Q', to: 'D', count: 7, cases: 6, p50Ms: 1 * DAY, p90Ms: 4.5 * DAY },
    { from: 'D', to: 'Q', count: 1, cases: 1, p50Ms: 0, p90Ms: 0 },
    { from: 'Q', to: 'L', count: 1, cases: 1, p50Ms: 2 * DAY, p90Ms: 2 * DAY },
  ],
  starts: [{ key: 'Q', count: 7 }],
  ends: [
    { key: 'W', count: 4, open: 0 },
    { key: 'D', count: 2, open: 2 },
    { key: 'L', count: 1, open: 0 },
  ],
  variants,
};

describe('process map', () => {
  it('orders nodes by design, edges by count, and gives variants their share and win rate (hand-computed)', () => {
    const map = processMap(input, { variantLimit: 2 });
    expect(map.cases).toBe(7);
    expect(map.nodes.map((n) => [n.key, n.events, n.cases, n.starts, n.ends, n.open])).toEqual([
      ['Q', 8, 7, 7, 0, 0],
      ['D', 7, 6, 0, 2, 2],
      ['W', 4, 4, 0, 4, 0],
      ['L', 1, 1, 0, 1, 0],
      ['activity:call', 5, 3, 0, 0, 0],
    ]);
    expect(map.edges).toEqual([
      { from: 'Q', to: 'D', count: 7, cases: 6, p50Days: 1, p90Days: 4.5 },
      { from: 'D', to: 'W', count: 4, cases: 4, p50Days: 3, p90Days: 6 },
      // equal counts: by the designed order of the source, then of the target
      { from: 'Q', to: 'L', count: 1, cases: 1, p50Days: 2, p90Days: 2 },
      { from: 'D', to: 'Q', count: 1, cases: 1, p50Days: 0, p90Days: 0 },
    ]);
    // Q D W 3/7 (3 won of 3 closed); Q D 2/7, open only → no win rate; the other two 2/7 together.
    expect(map.variants).toEqual([
      {
        sequence: ['Q', 'D', 'W'],
        labels: ['Qualify', 'Discovery', 'Won'],
        count: 3,
        share: 3 / 7,
        won: 3,
        lost: 0,
        winRate: 1,
        medianCycleDays: 10,
      },
      {
        sequence: ['Q', 'D'],
        labels: ['Qualify', 'Discovery'],
        count: 2,
        share: 2 / 7,
        won: 0,
        lost: 0,
        winRate: null,
        medianCycleDays: null,
      },
    ]);
    expect(map.otherVariants).toEqual({ variants: 2, count: 2, share: 2 / 7 });
  });

  it('breaks ties between equally frequent variants by sequence and computes a lost variant’s win rate as 0', () => {
    const map = processMap(input, { variantLimit: 10 });
    expect(map.variants.slice(2).map((v) => [v.sequence.join(''), v.winRate, v.medianCycleDays])).toEqual([
      ['QDQDW', 1, 30],
      ['QL', 0, 2],
    ]);
    expect(map.otherVariants).toEqual({ variants: 0, count: 0, share: 0 });
  });

  it('an empty range still lists the stages, with nothing on them', () => {
    const map = processMap(
      { nodes, nodeCounts: [], edges: [], starts: [], ends: [], variants: [] },
      { variantLimit: 5 },
    );
    expect(map.cases).toBe(0);
    expect(map.nodes.map((n) => n.key)).toEqual(['Q', 'D', 'W', 'L']);
    expect(map.variants).toEqual([]);
    expect(map.otherVariants).toEqual({ variants: 0, count: 0, share: 0 });
  });

  it('property: variant shares (listed and other) sum to 1 whenever there is a deal', () => {
    const variant = fc.record({
      sequence: fc.array(fc.constantFrom('Q', 'D', 'W', 'L'), { minLength: 1, maxLength: 6 }),
      count: fc.integer({ min: 1, max: 1000 }),
      won: fc.constant(0),
      lost: fc.constant(0),
      medianCycleMs: fc.constant(null),
    });
    fc.assert(
      fc.property(fc.array(variant, { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 40 }), (vs, limit) => {
        const map = processMap(
          { nodes, nodeCounts: [], edges: [], starts: [], ends: [], variants: vs },
          { variantLimit: limit },
        );
        const total = map.variants.reduce((s, v) => s + v.share, map.otherVariants.share);
        expect(total).toBeCloseTo(1, 9);
        expect(map.variants.length).toBe(Math.min(limit, vs.length));
      }),
    );
  });

  it('the joint map orders a journey by design, marketing before sales, and names each node', () => {
    const info = journeyNodes({
      stages: [
        { id: 'W', name: 'Won', position: 2 },
        { id: 'Q', name: 'Qualify', position: 1 },
      ],
      touchKinds: ['clicked', 'submitted_form'],
      lifecycleStages: ['mql', 'sql'],
    });
    const map = processMap(
      {
        nodes: info,
        nodeCounts: [
          { key: 'W', events: 1, cases: 1 },
          { key: 'lead:converted', events: 1, cases: 1 },
          { key: 'activity:call', events: 3, cases: 2 },
          { key: 'handoff:breached', events: 1, cases: 1 },
          { key: 'lifecycle:sql', events: 1, cases: 1 },
          { key: 'touch:submitted_form', events: 2, cases: 2 },
          { key: 'lead:created', events: 2, cases: 2 },
          // a stage the list does not know (written before the list was): a lifecycle node by its key
          { key: 'lifecycle:evangelist', events: 1, cases: 1 },
        ],
        edges: [],
        starts: [{ key: 'lead:created', count: 2 }],
        ends: [{ key: 'W', count: 1, open: 0 }],
        variants: [],
      },
      { variantLimit: 5 },
    );
    expect(map.nodes.map((n) => [n.key, n.label, n.kind, n.side])).toEqual([
      ['lead:created', 'Lead created', 'lead', 'marketing'],
      ['touch:submitted_form', 'Submitted form', 'touch', 'marketing'],
      ['lifecycle:sql', 'SQL', 'lifecycle', 'marketing'],
      ['handoff:breached', 'Hand-off SLA breached', 'handoff', 'sales'],
      ['activity:call', 'Call', 'activity', 'sales'],
      ['lead:converted', 'Converted to a deal', 'lead', 'sales'],
      ['Q', 'Qualify', 'stage', 'sales'],
      ['W', 'Won', 'stage', 'sales'],
      ['lifecycle:evangelist', 'lifecycle:evangelist', 'lifecycle', 'marketing'],
    ]);
    const typed = journeyNodes({
      stages: [],
      touchKinds: ['clicked'],
      campaignTypes: ['email', 'partner_co_marketing'],
      lifecycleStages: [],
    });
    expect(typed.filter((n) => n.kind === 'touch').map((n) => [n.key, n.label])).toEqual([
      ['touch:clicked:email', 'Clicked (email)'],
      ['touch:clicked:partner_co_marketing', 'Clicked (partner co marketing)'],
    ]);
  });
});
