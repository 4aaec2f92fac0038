import type { HeldMeetingAction, StageKind } from '../contract/pipelines.ts';
import { lcs, type DesignedStage } from './conformance.ts';

/** The milestones of a journey that are not deal stages (deal stages are named by their stage id). */
export const journeyMilestoneSteps = [
  'lead',
  'mql',
  'sql',
  'meeting_booked',
  'meeting_held',
  'opportunity',
  'dropped',
] as const;
export type JourneyMilestoneStep = (typeof journeyMilestoneSteps)[number];

/** One step of the designed journey, in designed order. */
export interface JourneyStep {
  id: string;
  label: string;
  side: 'marketing' | 'sales';
}

/** One way a journey ends: a won or lost stage of the pipeline, or dropped by marketing. */
export interface JourneyOutcome {
  id: string;
  label: string;
  kind: Exclude<StageKind, 'open'>;
}

/** The designed journey: the steps in order, then any one outcome (allowed from any step). */
export interface JourneyDesign {
  steps: JourneyStep[];
  outcomes: JourneyOutcome[];
}

const meetingSteps: JourneyStep[] = [
  { id: 'meeting_booked', label: 'Meeting booked', side: 'sales' },
  { id: 'meeting_held', label: 'Meeting held', side: 'sales' },
];

/**
 * The designed journey of a pipeline, derived from the definitions the organization already keeps
 * (so there is no second definition to keep in step with them):
 * - marketing, in the lifecycle's order: lead → MQL → SQL (accepted by sales);
 * - the opportunity (the lead converted into a deal), then the pipeline's open stages by position;
 * - the meetings after the pipeline's held-meeting setting: `create_deal` and `create_or_advance`
 *   (a held meeting makes the deal) put meeting booked → meeting held before the opportunity, and
 *   the deal enters at the setting's stage, so the open stages before it are not designed steps;
 *   `advance_deal` (a held meeting moves the deal on) puts them just before the setting's stage;
 *   `none` leaves meetings out of the design (they happen anywhere and are not judged);
 * - the outcomes: the pipeline's won and lost stages, and dropped (disqualified or recycled back
 *   in the lifecycle), any of them allowed from any step.
 * Campaign touches are no designed step: they recur all along the journey, and a lead entered by
 * hand or imported has none.
 */
export function designedJourney(
  stages: readonly DesignedStage[],
  heldMeeting: { action: HeldMeetingAction; stageId: string | null },
): JourneyDesign {
  const open = [...stages].filter((s) => s.kind === 'open').sort((a, b) => a.position - b.position);
  const at = open.findIndex((s) => s.id === heldMeeting.stageId);
  const stageSteps = (list: readonly DesignedStage[]): JourneyStep[] =>
    list.map((s) => ({ id: s.id, label: s.name, side: 'sales' }));
  const marketing: JourneyStep[] = [
    { id: 'lead', label: 'Lead', side: 'marketing' },
    { id: 'mql', label: 'MQL', side: 'marketing' },
    { id: 'sql', label: 'SQL accepted', side: 'sales' },
  ];
  const opportunity: JourneyStep = { id: 'opportunity', label: 'Opportunity', side: 'sales' };
  let sales: JourneyStep[];
  if (at < 0 || heldMeeting.action === 'none') sales = [opportunity, ...stageSteps(open)];
  else if (heldMeeting.action === 'advance_deal')
    sales = [opportunity, ...stageSteps(open.slice(0, at)), ...meetingSteps, ...stageSteps(open.slice(at))];
  else sales = [...meetingSteps, opportunity, ...stageSteps(open.slice(at))];
  const closed = [...stages].filter((s) => s.kind !== 'open').sort((a, b) => a.position - b.position);
  return {
    steps: [...marketing, ...sales],
    outcomes: [
      ...closed.map((s) => ({
        id: s.id,
        label: s.name,
        kind: s.kind === 'won' ? ('won' as const) : ('lost' as const),
      })),
      { id: 'dropped', label: 'Dropped', kind: 'lost' },
    ],
  };
}

/** One deviation of a journey from the design. */
export interface JourneyDeviation {
  /**
   * `skipped`: a designed step before the furthest one reached (every step for a won journey) never
   * taken; `out_of_order`: a step first taken after a later designed step (or after an outcome),
   * named in `after`; `repeated`: a step taken again.
   */
  kind: 'skipped' | 'out_of_order' | 'repeated';
  step: string;
  after: string | null;
}

export interface JourneyTraceConformance {
  /** The journey's designed steps and outcomes in time order (other milestones left out). */
  trace: string[];
  /** The designed path the trace is aligned with. */
  modelPath: string[];
  deviations: JourneyDeviation[];
  skips: number;
  outOfOrder: number;
  repeats: number;
  /** Unit-cost alignment cost: moves on the log only plus moves on the model only. */
  cost: number;
  /** 1 − cost / (|trace| + |model path|); 1 = conforming. */
  fitness: number;
}

/**
 * Conformance of one journey (its milestones in time order) to the designed journey. Milestones the
 * design does not name are left out. With the steps ranked 1..k in designed order and every outcome
 * k + 1: a first visit to a step of lower rank than a step (or outcome) visited before it is out of
 * order (after the highest-ranked one before it); with m the highest rank of a step visited (k when
 * the journey ends won), every step of rank ≤ m never visited is skipped; every visit to a step or
 * outcome beyond the first is a repeat. Model path: the steps of rank ≤ m, then the outcome the
 * journey ends in, if it ends in one. Cost and fitness as in `traceConformance`.
 */
export function journeyTraceConformance(design: JourneyDesign, milestones: readonly string[]): JourneyTraceConformance {
  const rank = new Map<string, number>(design.steps.map((s, i) => [s.id, i + 1]));
  const outcome = new Map(design.outcomes.map((o) => [o.id, o.kind]));
  const k = design.steps.length;
  const rankOf = (id: string) => rank.get(id) ?? k + 1;
  const trace = milestones.filter((id) => rank.has(id) || outcome.has(id));
  const deviations: JourneyDeviation[] = [];
  const seen = new Set<string>();
  let highest: string | null = null;
  let reached = 0;
  for (const id of trace) {
    if (seen.has(id)) {
      deviations.push({ kind: 'repeated', step: id, after: null });
      continue;
    }
    seen.add(id);
    if (highest !== null && rankOf(id) < rankOf(highest))
      deviations.push({ kind: 'out_of_order', step: id, after: highest });
    if (highest === null || rankOf(id) > rankOf(highest)) highest = id;
    if (rank.has(id)) reached = Math.max(reached, rankOf(id));
  }
  const last = trace[trace.length - 1];
  const ending = last === undefined ? undefined : outcome.get(last);
  const designed = design.steps.slice(0, ending === 'won' ? k : reached).map((s) => s.id);
  const skipped = designed
    .filter((id) => !seen.has(id))
    .map((id) => ({ kind: 'skipped' as const, step: id, after: null }));
  const modelPath = last !== undefined && ending !== undefined ? [...designed, last] : designed;
  const size = trace.length + modelPath.length;
  const cost = size - 2 * lcs(trace, modelPath);
  const all = [...skipped, ...deviations];
  const count = (kind: JourneyDeviation['kind']) => all.filter((d) => d.kind === kind).length;
  return {
    trace,
    modelPath,
    deviations: all,
    skips: count('skipped'),
    outOfOrder: count('out_of_order'),
    repeats: count('repeated'),
    cost,
    fitness: size === 0 ? 1 : 1 - cost / size,
  };
}

/** One journey as the repository reads it: a lead of the cohort and, once converted, its deal. */
export interface JourneyCase {
  leadId: string;
  name: string;
  dealId: string | null;
  dealName: string | null;
  ownerId: string | null;
  ownerName: string | null;
  teamId: string | null;
  teamName: string | null;
  /** Its milestones in time order: the steps of `journeyMilestoneSteps` and the deal's stage ids. */
  milestones: readonly string[];
}

export interface JourneyConformanceTotals {
  /** Journeys with at least one designed step or outcome. */
  journeys: number;
  /** Journeys with a cost above 0. */
  deviatingJourneys: number;
  skips: number;
  outOfOrder: number;
  repeats: number;
  /** Mean of the journeys' fitness (null without journeys). */
  meanFitness: number | null;
}

export interface JourneyConformanceGroup extends JourneyConformanceTotals {
  id: string | null;
  name: string | null;
}

/** How many journeys deviate in one way (kind, step and, out of order, the step it came after). */
export interface JourneyDeviationCount extends JourneyDeviation {
  journeys: number;
  occurrences: number;
}

export type DeviatingJourney = Omit<JourneyCase, 'milestones' | 'ownerName' | 'teamName'> & JourneyTraceConformance;

export interface JourneyConformanceResult {
  overall: JourneyConformanceTotals;
  byOwner: JourneyConformanceGroup[];
  byTeam: JourneyConformanceGroup[];
  /** Per deviation, most journeys first. */
  deviations: JourneyDeviationCount[];
  /** The deviating journeys, least fitting first, at most `journeyLimit`. */
  journeys: DeviatingJourney[];
}

type Acc = JourneyConformanceGroup & { fitnessSum: number };

const newAcc = (id: string | null, name: string | null): Acc => ({
  id,
  name,
  journeys: 0,
  deviatingJourneys: 0,
  skips: 0,
  outOfOrder: 0,
  repeats: 0,
  meanFitness: null,
  fitnessSum: 0,
});

function add(acc: Acc, c: JourneyTraceConformance): void {
  acc.journeys += 1;
  if (c.cost > 0) acc.deviatingJourneys += 1;
  acc.skips += c.skips;
  acc.outOfOrder += c.outOfOrder;
  acc.repeats += c.repeats;
  acc.fitnessSum += c.fitness;
}

function totals({ fitnessSum, id: _id, name: _name, ...t }: Acc): JourneyConformanceTotals {
  return { ...t, meanFitness: t.journeys === 0 ? null : fitnessSum / t.journeys };
}

/** Least fitting first; then more journeys; then by name so the order is stable. */
function ranked(map: Map<string, Acc>): JourneyConformanceGroup[] {
  return [...map.values()]
    .map((a) => ({ id: a.id, name: a.name, ...totals(a) }))
    .sort(
      (a, b) =>
        (a.meanFitness ?? 1) - (b.meanFitness ?? 1) ||
        b.journeys - a.journeys ||
        (a.name ?? '').localeCompare(b.name ?? '') ||
        (a.id ?? '').localeCompare(b.id ?? ''),
    );
}

/**
 * Conformance of the journeys to the designed journey: per journey `journeyTraceConformance`,
 * totals overall and per owner and team (counts summed, fitness the mean over journeys), the
 * journeys per deviation, and the deviating journeys, least fitting first. A journey with no
 * designed step or outcome is not counted.
 */
export function journeyConformance(
  design: JourneyDesign,
  cases: readonly JourneyCase[],
  opts: { journeyLimit: number },
): JourneyConformanceResult {
  const overall = newAcc(null, null);
  const owners = new Map<string, Acc>();
  const teams = new Map<string, Acc>();
  const deviations = new Map<string, JourneyDeviationCount>();
  const deviating: DeviatingJourney[] = [];
  const into = (map: Map<string, Acc>, id: string | null, name: string | null) => {
    const acc = map.get(id ?? '') ?? newAcc(id, name);
    map.set(id ?? '', acc);
    return acc;
  };
  for (const { milestones, ownerName, teamName, ...j } of cases) {
    const c = journeyTraceConformance(design, milestones);
    if (c.trace.length === 0) continue;
    add(overall, c);
    add(into(owners, j.ownerId, ownerName), c);
    add(into(teams, j.teamId, teamName), c);
    const counted = new Set<string>();
    for (const d of c.deviations) {
      const key = `${d.kind}|${d.step}|${d.after ?? ''}`;
      const n = deviations.get(key) ?? { ...d, journeys: 0, occurrences: 0 };
      n.occurrences += 1;
      if (!counted.has(key)) n.journeys += 1;
      counted.add(key);
      deviations.set(key, n);
    }
    if (c.cost > 0) deviating.push({ ...j, ...c });
  }
  const order = new Map<string, number>([...design.steps, ...design.outcomes].map((s, i) => [s.id, i]));
  const kinds = ['skipped', 'out_of_order', 'repeated'];
  deviating.sort(
    (a, b) =>
      a.fitness - b.fitness || b.cost - a.cost || a.name.localeCompare(b.name) || a.leadId.localeCompare(b.leadId),
  );
  return {
    overall: totals(overall),
    byOwner: ranked(owners),
    byTeam: ranked(teams),
    deviations: [...deviations.values()].sort(
      (a, b) =>
        b.journeys - a.journeys ||
        kinds.indexOf(a.kind) - kinds.indexOf(b.kind) ||
        (order.get(a.step) ?? 0) - (order.get(b.step) ?? 0) ||
        (order.get(a.after ?? '') ?? -1) - (order.get(b.after ?? '') ?? -1),
    ),
    journeys: deviating.slice(0, opts.journeyLimit),
  };
}
