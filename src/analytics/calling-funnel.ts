import { quantile } from './numbers.ts';

/** The steps of the outbound calling funnel, in order. */
export const callingSteps = ['dial', 'connect', 'conversation', 'objection', 'meeting', 'opportunity', 'won'] as const;
export type CallingStep = (typeof callingSteps)[number];

/** Dispositions on which the caller reached a person of the prospect (a wrong number does not count). */
export const connectedDispositions: readonly string[] = [
  'connected',
  'not_interested',
  'call_back_later',
  'meeting_booked',
];

/** One outbound call to a prospect (a lead), as logged. */
export interface FunnelCall {
  prospectId: string;
  callerId: string | null;
  teamId: string | null;
  /** The pitch-script version shown on the call, as `scriptId@version`; null when none was recorded. */
  script: string | null;
  at: Date;
  disposition: string;
  durationSeconds: number | null;
  /** Objections the buyer raised on the call. */
  objections: number;
}

/** What became of a prospect after its calls: the first meeting booked, the opportunity, the win. */
export interface ProspectOutcome {
  prospectId: string;
  meetingBookedAt: Date | null;
  opportunityAt: Date | null;
  wonAt: Date | null;
}

export type FunnelGrouping = 'rep' | 'team' | 'script' | 'period';

export interface CallingFunnelStep {
  step: CallingStep;
  /** Prospects that reached the step: it was observed, or a later step was (monotone). */
  reached: number;
  /** Prospects on which the step itself was observed (an objection raised, a meeting booked, …). */
  observed: number;
  /** reached ÷ reached of the previous step; null for the first step or after an empty step. */
  conversion: number | null;
  /** Median hours from the previous step's first occurrence to this one's, over prospects with both; null when none. */
  medianHoursFromPrevious: number | null;
}

export interface CallingFunnelGroup {
  /** The group's key (user, team, `scriptId@version`, `YYYY-MM`); null for prospects without one. */
  key: string | null;
  dials: number;
  steps: CallingFunnelStep[];
}

/**
 * The key a prospect is counted under: the caller (and the caller's team) and month (UTC) of its
 * first call, and the script version of its first connected call that recorded one.
 */
function groupKey(calls: readonly FunnelCall[], by: FunnelGrouping): string | null {
  const first = calls[0];
  if (!first) return null;
  switch (by) {
    case 'rep':
      return first.callerId;
    case 'team':
      return first.teamId;
    case 'period':
      return first.at.toISOString().slice(0, 7);
    case 'script':
      return calls.find((c) => connectedDispositions.includes(c.disposition) && c.script !== null)?.script ?? null;
  }
}

/** The first time each step was observed on a prospect (null when it was not). */
function stepTimes(calls: readonly FunnelCall[], outcome: ProspectOutcome | undefined, n: number): (Date | null)[] {
  const first = (f: (c: FunnelCall) => boolean) => calls.find(f)?.at ?? null;
  const connected = (c: FunnelCall) => connectedDispositions.includes(c.disposition);
  const conversation = (c: FunnelCall) =>
    connected(c) && ((c.durationSeconds ?? 0) >= n || c.objections > 0 || c.disposition === 'meeting_booked');
  const booked = first((c) => c.disposition === 'meeting_booked');
  const meeting = [booked, outcome?.meetingBookedAt ?? null]
    .filter((d): d is Date => d !== null)
    .sort((a, b) => a.getTime() - b.getTime())[0];
  return [
    calls[0]?.at ?? null,
    first(connected),
    first(conversation),
    first((c) => c.objections > 0),
    meeting ?? null,
    outcome?.opportunityAt ?? null,
    outcome?.wonAt ?? null,
  ];
}

function median(values: number[]): number | null {
  return quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

function funnelOf(prospects: readonly { times: (Date | null)[]; dials: number }[]): Omit<CallingFunnelGroup, 'key'> {
  const reached = callingSteps.map((_, i) => prospects.filter((p) => p.times.slice(i).some((t) => t !== null)).length);
  return {
    dials: prospects.reduce((s, p) => s + p.dials, 0),
    steps: callingSteps.map((step, i) => {
      const previous = i === 0 ? null : (reached[i - 1] ?? 0);
      const gaps = prospects.flatMap((p) => {
        const a = i === 0 ? null : p.times[i - 1];
        const b = p.times[i];
        return a && b ? [(b.getTime() - a.getTime()) / 3_600_000] : [];
      });
      return {
        step,
        reached: reached[i] ?? 0,
        observed: prospects.filter((p) => p.times[i] !== null).length,
        conversion: previous ? (reached[i] ?? 0) / previous : null,
        medianHoursFromPrevious: median(gaps),
      };
    }),
  };
}

/**
 * The outbound calling funnel over prospects (leads called): dial → connect → conversation (a
 * connected call of at least `conversationSeconds`, or one on which an objection was raised or a
 * meeting booked) → objection raised → meeting booked → opportunity → won. A prospect reaches a step
 * when the step or any later one was observed, so every step holds at most as many as the one
 * before; `observed` counts the step itself. Times between steps are medians over prospects on which
 * both steps were observed, from the first occurrence of each. Returns the total and the groups of
 * `by` (sorted by key, null last).
 */
export function callingFunnel(
  calls: readonly FunnelCall[],
  outcomes: readonly ProspectOutcome[],
  by: FunnelGrouping,
  conversationSeconds: number,
): { total: Omit<CallingFunnelGroup, 'key'>; groups: CallingFunnelGroup[] } {
  const byProspect = new Map<string, FunnelCall[]>();
  for (const c of [...calls].sort((a, b) => a.at.getTime() - b.at.getTime()))
    byProspect.set(c.prospectId, [...(byProspect.get(c.prospectId) ?? []), c]);
  const outcomeOf = new Map(outcomes.map((o) => [o.prospectId, o]));
  const prospects = [...byProspect.entries()].map(([id, cs]) => ({
    key: groupKey(cs, by),
    dials: cs.length,
    times: stepTimes(cs, outcomeOf.get(id), conversationSeconds),
  }));
  const keys = [...new Set(prospects.map((p) => p.key))].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a.localeCompare(b),
  );
  return {
    total: funnelOf(prospects),
    groups: keys.map((key) => ({ key, ...funnelOf(prospects.filter((p) => p.key === key)) })),
  };
}
