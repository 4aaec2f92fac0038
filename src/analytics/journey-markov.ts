import type { MarkovModel, MarkovStage, MarkovStageResult, StageTransitionCount } from './markov.ts';

/**
 * The milestones of the joint marketing and sales journey, in designed order: the transient states
 * (lead, MQL, SQL, meeting booked, meeting held, opportunity) and the absorbing ones (won, lost,
 * dropped: disqualified or recycled back in the lifecycle).
 */
export const journeyStates = [
  'lead',
  'mql',
  'sql',
  'meeting_booked',
  'meeting_held',
  'opportunity',
  'won',
  'lost',
  'dropped',
] as const;
export type JourneyState = (typeof journeyStates)[number];

const labels: Record<JourneyState, string> = {
  lead: 'Lead',
  mql: 'MQL',
  sql: 'SQL',
  meeting_booked: 'Meeting booked',
  meeting_held: 'Meeting held',
  opportunity: 'Opportunity',
  won: 'Won',
  lost: 'Lost',
  dropped: 'Dropped',
};

/** The chain's states as Markov stages: dropped absorbs with lost (kind `lost`) and is told apart by `journeyDropProbability`. */
export const journeyMarkovStages: readonly MarkovStage[] = journeyStates.map((s) => ({
  id: s,
  name: labels[s],
  kind: s === 'won' ? 'won' : s === 'lost' || s === 'dropped' ? 'lost' : 'open',
}));

const absorbing = new Set<JourneyState>(['won', 'lost', 'dropped']);

/** One milestone a journey reached, at `at` (epoch milliseconds). */
export interface JourneyMilestone {
  state: JourneyState;
  at: number;
}

export interface JourneyMarkovInput {
  transitions: StageTransitionCount[];
  /** Journeys with at least one milestone. */
  journeys: number;
  /** Journeys still open (not absorbed), by the transient state they last reached. */
  open: { state: JourneyState; journeys: number }[];
}

/**
 * Counts the moves between milestones. Each journey's milestones, in time order, form its path:
 * a milestone equal to the state the journey is in is no move (a second meeting booked in a row),
 * and the path ends at its first absorbing milestone (what follows a disqualification or a close is
 * not counted). A move i → j counts once, with the days from entering i to entering j. A journey
 * whose path ends in a transient state is open: it is censored there, not counted as dropped.
 */
export function journeyTransitions(traces: readonly (readonly JourneyMilestone[])[]): JourneyMarkovInput {
  const counts = new Map<string, StageTransitionCount>();
  const open = new Map<JourneyState, number>();
  let journeys = 0;
  for (const trace of traces) {
    const first = trace[0];
    if (!first) continue;
    journeys++;
    let current = first;
    for (const next of trace.slice(1)) {
      if (absorbing.has(current.state)) break;
      if (next.state === current.state) continue;
      const key = `${current.state}>${next.state}`;
      const c = counts.get(key) ?? { fromStageId: current.state, toStageId: next.state, count: 0, totalDays: 0 };
      c.count += 1;
      c.totalDays += (next.at - current.at) / 86_400_000;
      counts.set(key, c);
      current = next;
    }
    if (!absorbing.has(current.state)) open.set(current.state, (open.get(current.state) ?? 0) + 1);
  }
  return {
    transitions: [...counts.values()],
    journeys,
    open: journeyStates.flatMap((s) => {
      const n = open.get(s);
      return n ? [{ state: s, journeys: n }] : [];
    }),
  };
}

/**
 * Splits the chain's loss into dropped and lost: with N the fundamental matrix (the expected visits
 * `solveMarkov` gives per state) and d_j the share of exits of j into dropped,
 * P(dropped | i) = Σ_j N[i][j] d_j; P(lost | i) is the rest of the loss probability.
 */
export function journeyDropProbability(
  model: MarkovModel,
  solved: readonly MarkovStageResult[],
  transitions: readonly StageTransitionCount[],
): (number | null)[] {
  const dropShare = journeyDropShares(model, transitions);
  return solved.map((r) =>
    r.expectedVisits === null ? null : r.expectedVisits.reduce((s, v, j) => s + v * (dropShare[j] ?? 0), 0),
  );
}

/** The share of exits of each open stage of the model into dropped (its part of `model.lost`). */
export function journeyDropShares(model: MarkovModel, transitions: readonly StageTransitionCount[]): number[] {
  return model.stages.map((s, j) => {
    const exits = model.exits[j] ?? 0;
    const dropped = transitions
      .filter((t) => t.fromStageId === s.id && t.toStageId === 'dropped')
      .reduce((sum, t) => sum + t.count, 0);
    return exits > 0 ? dropped / exits : 0;
  });
}
