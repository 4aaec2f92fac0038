import { describe, expect, it } from 'vitest';
import {
  journeyDropProbability,
  journeyMarkovStages,
  journeyTransitions,
  type JourneyMilestone,
  type JourneyState,
} from '../../src/analytics/journey-markov.ts';
import { estimateMarkov, solveMarkov } from '../../src/analytics/markov.ts';

const H = 3_600_000;
const trace = (...steps: [JourneyState, number][]): JourneyMilestone[] =>
  steps.map(([state, hours]) => ({ state, at: hours * H }));

/*
 * Five journeys (hours from each lead's creation) and an empty one:
 *   J1: lead 0, MQL 24, SQL 48, meeting booked 72, meeting held 96, opportunity 120, won 240
 *   J2: lead 0, MQL 48, SQL 72, meeting booked 96, booked again 100 (no move), recycled 120 (dropped),
 *       won 200 (after the path ended: not counted)
 *   J3: lead 0, MQL 24, disqualified 72 (dropped)
 *   J4: lead 0, SQL 24 (MQL skipped), opportunity 48, lost 96
 *   J5: lead 0, MQL 12, nothing since (open at MQL: censored)
 * Moves (count, Σ days):
 *   lead → MQL 4 (1 + 2 + 1 + 0.5 = 4.5), lead → SQL 1 (1)        P = 4/5, 1/5; stay 5.5/5 = 1.1
 *   MQL → SQL 2 (1 + 1), MQL → dropped 1 (2)                      P = 2/3, 1/3; stay 4/3
 *   SQL → booked 2 (1 + 1), SQL → opportunity 1 (1)               P = 2/3, 1/3; stay 1
 *   booked → held 1 (1), booked → dropped 1 (96 → 120: 1)         P = 1/2, 1/2; stay 1
 *   held → opportunity 1 (1)                                      P = 1;        stay 1
 *   opportunity → won 1 (5), → lost 1 (2)                         P = 1/2, 1/2; stay 3.5
 * The chain is acyclic, so P(won | i) = Σ_j P(i → j) P(won | j):
 *   opportunity 1/2, held 1/2, booked 1/4, SQL 2/3·1/4 + 1/3·1/2 = 1/3, MQL 2/3·1/3 = 2/9,
 *   lead 4/5·2/9 + 1/5·1/3 = 11/45.
 * P(dropped | i): opportunity 0, held 0, booked 1/2, SQL 2/3·1/2 = 1/3, MQL 1/3 + 2/3·1/3 = 5/9,
 *   lead 4/5·5/9 + 1/5·1/3 = 23/45. P(lost or dropped) = 1 − P(won): lead 34/45.
 * Days to close t_i = m_i + Σ_j P(i → j) t_j: opportunity 3.5, held 4.5, booked 1 + 4.5/2 = 3.25,
 *   SQL 1 + 2/3·3.25 + 1/3·3.5 = 13/3, MQL 4/3 + 2/3·13/3 = 38/9, lead 1.1 + 4/5·38/9 + 1/5·13/3 = 481/90.
 * Days to win (over the winning paths only): opportunity 3.5, held 4.5, booked 1 + 1 + 3.5 = 5.5,
 *   SQL (via booked 1/6, 6.5 days; direct 1/6, 4.5 days) 5.5, MQL 4/3 + 5.5 = 41/6,
 *   lead 1.1 + (8/45·41/6 + 3/45·5.5) / (11/45) = 1249/165.
 */
const traces = [
  trace(
    ['lead', 0],
    ['mql', 24],
    ['sql', 48],
    ['meeting_booked', 72],
    ['meeting_held', 96],
    ['opportunity', 120],
    ['won', 240],
  ),
  trace(
    ['lead', 0],
    ['mql', 48],
    ['sql', 72],
    ['meeting_booked', 96],
    ['meeting_booked', 100],
    ['dropped', 120],
    ['won', 200],
  ),
  trace(['lead', 0], ['mql', 24], ['dropped', 72]),
  trace(['lead', 0], ['sql', 24], ['opportunity', 48], ['lost', 96]),
  trace(['lead', 0], ['mql', 12]),
  [],
];

describe('journeyTransitions', () => {
  it('counts the moves between milestones, ending each path at its first absorbing milestone', () => {
    const r = journeyTransitions(traces);
    expect(r.journeys).toBe(5);
    expect(r.open).toEqual([{ state: 'mql', journeys: 1 }]);
    const moves = r.transitions
      .map((t) => [`${t.fromStageId}>${t.toStageId}`, t.count, t.totalDays] as const)
      .sort((a, b) => a[0].localeCompare(b[0]));
    expect(moves).toEqual([
      ['lead>mql', 4, 4.5],
      ['lead>sql', 1, 1],
      ['meeting_booked>dropped', 1, 1],
      ['meeting_booked>meeting_held', 1, 1],
      ['meeting_held>opportunity', 1, 1],
      ['mql>dropped', 1, 2],
      ['mql>sql', 2, 2],
      ['opportunity>lost', 1, 2],
      ['opportunity>won', 1, 5],
      ['sql>meeting_booked', 2, 2],
      ['sql>opportunity', 1, 1],
    ]);
  });
});

describe('the journey chain (hand-computed)', () => {
  const { transitions } = journeyTransitions(traces);
  const model = estimateMarkov({ stages: journeyMarkovStages, transitions });
  const solved = solveMarkov(model);
  const at = (id: string) => model.stages.findIndex((s) => s.id === id);

  it('estimates the moves among the transient milestones and into won, lost and dropped', () => {
    expect(model.stages.map((s) => s.id)).toEqual([
      'lead',
      'mql',
      'sql',
      'meeting_booked',
      'meeting_held',
      'opportunity',
    ]);
    expect(model.exits).toEqual([5, 3, 3, 2, 1, 2]);
    const row = (id: string) => model.q[at(id)] ?? [];
    expect(row('lead')).toEqual([0, 4 / 5, 1 / 5, 0, 0, 0]);
    expect(row('mql')).toEqual([0, 0, 2 / 3, 0, 0, 0]);
    expect(row('sql')).toEqual([0, 0, 0, 2 / 3, 0, 1 / 3]);
    expect(row('meeting_booked')).toEqual([0, 0, 0, 0, 1 / 2, 0]);
    expect(row('meeting_held')).toEqual([0, 0, 0, 0, 0, 1]);
    expect(row('opportunity')).toEqual([0, 0, 0, 0, 0, 0]);
    expect(model.won).toEqual([0, 0, 0, 0, 0, 1 / 2]);
    // Lost and dropped together: MQL 1/3 dropped, booked 1/2 dropped, opportunity 1/2 lost.
    expect(model.lost).toEqual([0, 1 / 3, 0, 1 / 2, 0, 1 / 2]);
    model.sojournDays.forEach((m, i) => expect(m).toBeCloseTo([1.1, 4 / 3, 1, 1, 1, 3.5][i] ?? NaN, 12));
  });

  it('gives P(won), P(dropped), days to close and days to win from every milestone', () => {
    const expected: [string, number, number, number, number][] = [
      ['lead', 11 / 45, 23 / 45, 481 / 90, 1249 / 165],
      ['mql', 2 / 9, 5 / 9, 38 / 9, 41 / 6],
      ['sql', 1 / 3, 1 / 3, 13 / 3, 5.5],
      ['meeting_booked', 1 / 4, 1 / 2, 3.25, 5.5],
      ['meeting_held', 1 / 2, 0, 4.5, 4.5],
      ['opportunity', 1 / 2, 0, 3.5, 3.5],
    ];
    const drop = journeyDropProbability(model, solved, transitions);
    for (const [id, win, dropped, toClose, toWin] of expected) {
      const r = solved[at(id)];
      expect(r?.winProbability, id).toBeCloseTo(win, 12);
      expect(r?.lossProbability, id).toBeCloseTo(1 - win, 12);
      expect(drop[at(id)], id).toBeCloseTo(dropped, 12);
      expect(r?.expectedDaysToClose, id).toBeCloseTo(toClose, 12);
      expect(r?.expectedDaysToWin, id).toBeCloseTo(toWin, 12);
    }
  });
});
