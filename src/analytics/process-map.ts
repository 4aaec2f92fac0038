const DAY_MS = 86_400_000;

/**
 * What a node stands for: a deal stage (key = stage id), a sales activity (`activity:<type>`), and
 * in the joint map of marketing and sales also a campaign touch (`touch:<kind>` or
 * `touch:<kind>:<campaign type>`), a lifecycle stage (`lifecycle:<stage>`), a step of the lead
 * itself (`lead:created`, `lead:converted`, `lead:disqualified`) or of its hand-off to sales
 * (`handoff:opened`, `handoff:breached`, `handoff:accepted` …).
 */
export type ProcessNodeKind = 'stage' | 'activity' | 'touch' | 'lifecycle' | 'lead' | 'handoff';
export const processNodeKinds = ['stage', 'activity', 'touch', 'lifecycle', 'lead', 'handoff'] as const;

/** A node the map may show. */
export interface ProcessNodeInfo {
  key: string;
  label: string;
  kind: ProcessNodeKind;
  /** Designed order: the stage position in the deal map, the place in the journey in the joint map; null nodes sort last, by label. */
  position: number | null;
}

/** Marketing's part of a journey (the lead's creation, touches and lifecycle) or sales' (the rest). */
export type ProcessSide = 'marketing' | 'sales';

export function nodeSide(n: Pick<ProcessNodeInfo, 'key' | 'kind'>): ProcessSide {
  return n.kind === 'touch' || n.kind === 'lifecycle' || n.key === 'lead:created' ? 'marketing' : 'sales';
}

/** The kind a node key names (for a key missing from the node list). */
function kindOfKey(key: string): ProcessNodeKind {
  const prefix = key.split(':')[0] ?? '';
  return key.includes(':') && (processNodeKinds as readonly string[]).includes(prefix)
    ? (prefix as ProcessNodeKind)
    : 'stage';
}

/** Per node: events at it and distinct deals (cases) with at least one. */
export interface ProcessNodeCount {
  key: string;
  events: number;
  cases: number;
}

/** Per directly-follows pair a → b (b is the next event of the same deal after a). */
export interface ProcessEdgeCount {
  from: string;
  to: string;
  count: number;
  cases: number;
  /** Time from a to b: 50th and 90th percentiles (continuous, linear interpolation), ms. */
  p50Ms: number;
  p90Ms: number;
}

/** First (start) or last (end) event of a deal's trace; `open` counts the deals still open there. */
export interface ProcessEndpointCount {
  key: string;
  count: number;
  open?: number;
}

/** Deals that followed the same stage sequence. */
export interface VariantCount {
  sequence: readonly string[];
  count: number;
  won: number;
  lost: number;
  /** Median (continuous) cycle time of the variant's closed deals: first entry to the closing entry; null if none closed. */
  medianCycleMs: number | null;
}

export interface ProcessMapInput {
  nodes: readonly ProcessNodeInfo[];
  nodeCounts: readonly ProcessNodeCount[];
  edges: readonly ProcessEdgeCount[];
  starts: readonly ProcessEndpointCount[];
  ends: readonly ProcessEndpointCount[];
  variants: readonly VariantCount[];
}

export interface ProcessMapNode extends ProcessNodeInfo {
  side: ProcessSide;
  events: number;
  cases: number;
  /** Deals whose trace starts / ends here; `open` = of those ending here, still open. */
  starts: number;
  ends: number;
  open: number;
}

export interface ProcessMapEdge {
  from: string;
  to: string;
  count: number;
  cases: number;
  p50Days: number;
  p90Days: number;
}

export interface ProcessVariant {
  sequence: string[];
  labels: string[];
  count: number;
  /** count / all deals of the map. */
  share: number;
  won: number;
  lost: number;
  /** won / (won + lost); null when none of its deals is closed (open deals are censored). */
  winRate: number | null;
  medianCycleDays: number | null;
}

export interface ProcessMap {
  /** Deals with at least one event in the map. */
  cases: number;
  nodes: ProcessMapNode[];
  edges: ProcessMapEdge[];
  /** The most frequent variants, at most `variantLimit`. */
  variants: ProcessVariant[];
  /** The variants beyond the limit, together: their shares and the listed ones sum to 1. */
  otherVariants: { variants: number; count: number; share: number };
}

const days = (ms: number) => ms / DAY_MS;
const bySequence = (a: readonly string[], b: readonly string[]) => a.join('\u0000').localeCompare(b.join('\u0000'));

/**
 * Directly-follows graph and variants, from the counts the repository aggregates in the
 * database. Nodes in designed order (stages by position, then activity types); edges by count,
 * most frequent first; variants by count (ties by sequence), each with its share of all deals
 * (Σ shares of the listed and the other variants = 1), its win rate among its closed deals and
 * the median cycle time of those closed deals, in days.
 */
export function processMap(input: ProcessMapInput, opts: { variantLimit: number }): ProcessMap {
  const info = new Map(input.nodes.map((n) => [n.key, n]));
  const label = (key: string) => info.get(key)?.label ?? key;
  const counts = new Map(input.nodeCounts.map((c) => [c.key, c]));
  const starts = new Map(input.starts.map((s) => [s.key, s.count]));
  const ends = new Map(input.ends.map((e) => [e.key, e]));
  const keys = new Set([
    ...input.nodeCounts.map((c) => c.key),
    ...input.nodes.filter((n) => n.kind === 'stage').map((n) => n.key),
  ]);
  const nodes = [...keys]
    .map((key): ProcessMapNode => {
      const n = info.get(key) ?? { key, label: key, kind: kindOfKey(key), position: null };
      const c = counts.get(key);
      const e = ends.get(key);
      return {
        ...n,
        side: nodeSide(n),
        events: c?.events ?? 0,
        cases: c?.cases ?? 0,
        starts: starts.get(key) ?? 0,
        ends: e?.count ?? 0,
        open: e?.open ?? 0,
      };
    })
    .sort(
      (a, b) =>
        (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER) ||
        a.label.localeCompare(b.label),
    );
  const order = new Map(nodes.map((n, i) => [n.key, i]));
  const at = (key: string) => order.get(key) ?? nodes.length;
  const edges = input.edges
    .map((e): ProcessMapEdge => ({
      from: e.from,
      to: e.to,
      count: e.count,
      cases: e.cases,
      p50Days: days(e.p50Ms),
      p90Days: days(e.p90Ms),
    }))
    .sort((a, b) => b.count - a.count || at(a.from) - at(b.from) || at(a.to) - at(b.to));
  const cases = input.variants.reduce((n, v) => n + v.count, 0);
  const sorted = [...input.variants].sort((a, b) => b.count - a.count || bySequence(a.sequence, b.sequence));
  const listed = sorted.slice(0, Math.max(0, opts.variantLimit));
  const rest = sorted.slice(listed.length);
  const restCount = rest.reduce((n, v) => n + v.count, 0);
  return {
    cases,
    nodes,
    edges,
    variants: listed.map((v) => ({
      sequence: [...v.sequence],
      labels: v.sequence.map(label),
      count: v.count,
      share: cases === 0 ? 0 : v.count / cases,
      won: v.won,
      lost: v.lost,
      winRate: v.won + v.lost === 0 ? null : v.won / (v.won + v.lost),
      medianCycleDays: v.medianCycleMs === null ? null : days(v.medianCycleMs),
    })),
    otherVariants: { variants: rest.length, count: restCount, share: cases === 0 ? 0 : restCount / cases },
  };
}

const words = (code: string) => code.replaceAll('_', ' ');
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The lifecycle stages' names as people say them. */
const lifecycleLabels: Record<string, string> = {
  subscriber: 'Subscriber',
  lead: 'Lead',
  mql: 'MQL',
  sql: 'SQL',
  opportunity: 'Opportunity',
  customer: 'Customer',
};

/**
 * The nodes of the joint map in the designed order of a journey: the lead's creation, campaign
 * touches (per kind, or per kind and campaign type), the lifecycle stages, the hand-off to sales,
 * sales activities, disqualification, conversion, then the deal's stages by position.
 */
export function journeyNodes(opts: {
  stages: readonly { id: string; name: string; position: number }[];
  touchKinds: readonly string[];
  /** Given: one touch node per kind and campaign type. */
  campaignTypes?: readonly string[] | undefined;
  lifecycleStages: readonly string[];
}): ProcessNodeInfo[] {
  const touches = opts.campaignTypes
    ? opts.touchKinds.flatMap((k) =>
        (opts.campaignTypes ?? []).map((t) => ({
          key: `touch:${k}:${t}`,
          label: `${capital(words(k))} (${words(t)})`,
        })),
      )
    : opts.touchKinds.map((k) => ({ key: `touch:${k}`, label: capital(words(k)) }));
  const list = <K extends ProcessNodeKind>(kind: K, start: number, items: readonly { key: string; label: string }[]) =>
    items.map((x, i): ProcessNodeInfo => ({ ...x, kind, position: start + i }));
  return [
    ...list('lead', 0, [{ key: 'lead:created', label: 'Lead created' }]),
    ...list('touch', 1, touches),
    ...list(
      'lifecycle',
      1 + touches.length,
      opts.lifecycleStages.map((s) => ({ key: `lifecycle:${s}`, label: lifecycleLabels[s] ?? capital(words(s)) })),
    ),
    ...list('handoff', 1 + touches.length + opts.lifecycleStages.length, [
      { key: 'handoff:opened', label: 'Handed to sales' },
      { key: 'handoff:breached', label: 'Hand-off SLA breached' },
      { key: 'handoff:accepted', label: 'Hand-off accepted' },
      { key: 'handoff:rejected', label: 'Hand-off rejected' },
      { key: 'handoff:withdrawn', label: 'Hand-off withdrawn' },
    ]),
    ...list('activity', 6 + touches.length + opts.lifecycleStages.length, [
      { key: 'activity:call', label: 'Call' },
      { key: 'activity:email', label: 'Email' },
      { key: 'activity:meeting_booked', label: 'Meeting booked' },
      { key: 'activity:meeting_held', label: 'Meeting held' },
    ]),
    ...list('lead', 10 + touches.length + opts.lifecycleStages.length, [
      { key: 'lead:disqualified', label: 'Disqualified' },
      { key: 'lead:converted', label: 'Converted to a deal' },
    ]),
    ...opts.stages.map((s): ProcessNodeInfo => ({
      key: s.id,
      label: s.name,
      kind: 'stage',
      position: 12 + touches.length + opts.lifecycleStages.length + s.position,
    })),
  ];
}
