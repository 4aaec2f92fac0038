/**
 * The criteria of a territory. A record matches when every criterion that is set matches (one of
 * the listed values of each); an empty list or a missing bound is not a criterion.
 */
export interface TerritoryCriteria {
  /** ISO country codes, compared without case. */
  countries: readonly string[];
  /** Regions (state, province, Bundesland), compared without case. */
  regions: readonly string[];
  /** Postal code prefixes ("80", "9"): the record's postal code starts with one of them. */
  postalPrefixes: readonly string[];
  /** Industries, compared without case. */
  industries: readonly string[];
  /** Company size: employees at least this many. */
  employeesMin: number | null;
  /** Company size: employees at most this many. */
  employeesMax: number | null;
  /** Named accounts: the record is (or belongs to) one of these accounts. */
  accountIds: readonly string[];
}

export interface TerritoryDef {
  id: string;
  name: string;
  parentId: string | null;
  criteria: TerritoryCriteria;
}

/** What the resolver knows of an account or lead. */
export interface TerritorySubject {
  accountId: string | null;
  country: string | null;
  region: string | null;
  postalCode: string | null;
  industry: string | null;
  employees: number | null;
}

/**
 * How specific a match is, compared field by field in this order (larger wins):
 * 1. `named`: the record is a named account of the territory (or of an ancestor);
 * 2. `criteria`: how many kinds of criterion matched along the territory and its ancestors;
 * 3. `postal`: the length of the longest postal prefix that matched ("803" beats "80");
 * 4. `depth`: how deep the territory sits in the hierarchy (a child beats its parent).
 */
export interface Specificity {
  named: number;
  criteria: number;
  postal: number;
  depth: number;
}

export interface TerritoryResolution {
  territoryId: string | null;
  /** Why, in words, for the record and the event. */
  reasons: string[];
  /** Other territories that matched as specifically as the chosen one (an overlap the admin should fix). */
  tiedWith: string[];
}

const lower = (s: string) => s.trim().toLowerCase();
const listed = (values: readonly string[], v: string | null) =>
  values.length === 0 || (v !== null && values.some((x) => lower(x) === lower(v)));
const postalDigits = (s: string) => s.replace(/[\s-]/g, '').toUpperCase();

/** The specificity of one territory's own criteria against a subject, or null when they do not match. */
function ownMatch(c: TerritoryCriteria, s: TerritorySubject): Specificity | null {
  let criteria = 0;
  let postal = 0;
  let named = 0;
  if (c.accountIds.length) {
    if (s.accountId === null || !c.accountIds.includes(s.accountId)) return null;
    named = 1;
    criteria++;
  }
  for (const [values, v] of [
    [c.countries, s.country],
    [c.regions, s.region],
    [c.industries, s.industry],
  ] as const) {
    if (!listed(values, v)) return null;
    if (values.length) criteria++;
  }
  if (c.postalPrefixes.length) {
    const code = s.postalCode === null ? null : postalDigits(s.postalCode);
    const hits = code === null ? [] : c.postalPrefixes.filter((p) => code.startsWith(postalDigits(p)));
    if (!hits.length) return null;
    postal = Math.max(...hits.map((p) => postalDigits(p).length));
    criteria++;
  }
  if (c.employeesMin !== null || c.employeesMax !== null) {
    const n = s.employees;
    if (n === null) return null;
    if (c.employeesMin !== null && n < c.employeesMin) return null;
    if (c.employeesMax !== null && n > c.employeesMax) return null;
    criteria++;
  }
  return { named, criteria, postal, depth: 0 };
}

/** Territory → its ancestors, nearest first (a cycle, which the service refuses, is cut). */
export function ancestorsOf(territories: readonly TerritoryDef[], id: string): TerritoryDef[] {
  const byId = new Map(territories.map((t) => [t.id, t]));
  const out: TerritoryDef[] = [];
  const seen = new Set([id]);
  let parent = byId.get(id)?.parentId ?? null;
  while (parent !== null && !seen.has(parent)) {
    const p = byId.get(parent);
    if (!p) break;
    out.push(p);
    seen.add(parent);
    parent = p.parentId;
  }
  return out;
}

/** How specifically a territory (its own criteria and every ancestor's) matches, or null. */
export function matchTerritory(
  territories: readonly TerritoryDef[],
  t: TerritoryDef,
  s: TerritorySubject,
): Specificity | null {
  const chain = [t, ...ancestorsOf(territories, t.id)];
  const total: Specificity = { named: 0, criteria: 0, postal: 0, depth: chain.length - 1 };
  for (const link of chain) {
    const m = ownMatch(link.criteria, s);
    if (!m) return null;
    total.named = Math.max(total.named, m.named);
    total.criteria += m.criteria;
    total.postal = Math.max(total.postal, m.postal);
  }
  // A territory with no criteria anywhere in its chain matches everything: it is a catch-all, not a match.
  if (total.criteria === 0) return null;
  return total;
}

/** Compares two specificities: positive when a is more specific. */
export function compareSpecificity(a: Specificity, b: Specificity): number {
  return a.named - b.named || a.criteria - b.criteria || a.postal - b.postal || a.depth - b.depth;
}

function describe(s: Specificity): string {
  const parts = [s.named ? 'named account' : `${s.criteria} matching ${s.criteria === 1 ? 'criterion' : 'criteria'}`];
  if (s.postal) parts.push(`postal prefix of ${s.postal}`);
  if (s.depth) parts.push(`depth ${s.depth}`);
  return parts.join(', ');
}

/**
 * The territory of an account or lead: of the territories whose criteria (and whose ancestors'
 * criteria) all match, the most specific one by `Specificity` (named account, then the number of
 * criteria matched, then the longest postal prefix, then the deepest in the hierarchy). Equally
 * specific matches are an overlap: the first by name (then id) is taken and the others are named
 * in `tiedWith`, so the answer is stable while the admin resolves it.
 */
export function resolveTerritory(territories: readonly TerritoryDef[], s: TerritorySubject): TerritoryResolution {
  const matches = territories
    .map((t) => ({ t, m: matchTerritory(territories, t, s) }))
    .filter((x): x is { t: TerritoryDef; m: Specificity } => x.m !== null)
    .sort(
      (a, b) =>
        compareSpecificity(b.m, a.m) ||
        a.t.name.localeCompare(b.t.name) ||
        (a.t.id < b.t.id ? -1 : a.t.id > b.t.id ? 1 : 0),
    );
  const best = matches[0];
  if (!best) return { territoryId: null, reasons: ['no territory matches'], tiedWith: [] };
  const tied = matches.slice(1).filter((x) => compareSpecificity(x.m, best.m) === 0);
  const reasons = [`territory ${best.t.name}: ${describe(best.m)}`];
  const runnerUp = matches.find((x) => compareSpecificity(x.m, best.m) < 0);
  if (runnerUp) reasons.push(`more specific than ${runnerUp.t.name} (${describe(runnerUp.m)})`);
  if (tied.length) reasons.push(`tied with ${tied.map((x) => x.t.name).join(', ')}: first by name taken`);
  return { territoryId: best.t.id, reasons, tiedWith: tied.map((x) => x.t.id) };
}

const intersects = (a: readonly string[], b: readonly string[]) =>
  a.length === 0 || b.length === 0 || a.some((x) => b.some((y) => lower(x) === lower(y)));
const prefixesMeet = (a: readonly string[], b: readonly string[]) =>
  a.length === 0 ||
  b.length === 0 ||
  a.some((x) =>
    b.some((y) => postalDigits(x).startsWith(postalDigits(y)) || postalDigits(y).startsWith(postalDigits(x))),
  );

/** The criteria a territory and its ancestors impose together (all must hold), as one set of lists. */
function effective(territories: readonly TerritoryDef[], t: TerritoryDef): TerritoryCriteria[] {
  return [t, ...ancestorsOf(territories, t.id)].map((x) => x.criteria);
}

function compatible(a: readonly TerritoryCriteria[], b: readonly TerritoryCriteria[]): boolean {
  for (const x of a)
    for (const y of b) {
      if (!intersects(x.countries, y.countries) || !intersects(x.regions, y.regions)) return false;
      if (!intersects(x.industries, y.industries) || !prefixesMeet(x.postalPrefixes, y.postalPrefixes)) return false;
      if (x.accountIds.length && y.accountIds.length && !x.accountIds.some((id) => y.accountIds.includes(id)))
        return false;
      const lo = Math.max(x.employeesMin ?? 0, y.employeesMin ?? 0);
      const hi = Math.min(x.employeesMax ?? Infinity, y.employeesMax ?? Infinity);
      if (lo > hi) return false;
    }
  return true;
}

export interface TerritoryOverlap {
  a: string;
  b: string;
  /** Whether some record would match both equally specifically (resolved only by name order). */
  ambiguous: boolean;
  message: string;
}

const count = (c: TerritoryCriteria) =>
  [c.countries, c.regions, c.industries, c.postalPrefixes, c.accountIds].filter((l) => l.length).length +
  (c.employeesMin !== null || c.employeesMax !== null ? 1 : 0);

/**
 * The specificity a territory would have on a record matching it (postal: whether it has prefixes
 * at all, since the length depends on the record).
 */
function shape(chain: readonly TerritoryCriteria[]): Specificity {
  return {
    named: chain.some((c) => c.accountIds.length > 0) ? 1 : 0,
    criteria: chain.reduce((s, c) => s + count(c), 0),
    postal: chain.some((c) => c.postalPrefixes.length > 0) ? 1 : 0,
    depth: chain.length - 1,
  };
}

/**
 * Pairs of territories, neither an ancestor of the other, that some record could match both: every
 * kind of criterion both set shares a value (postal prefixes: one starts with the other; employee
 * ranges: they meet). `ambiguous` when both would match such a record alike (both or neither by
 * named account, as many criteria, both or neither by postal prefix, the same depth), so only the
 * name order decides, which the admin should resolve.
 */
export function territoryOverlaps(territories: readonly TerritoryDef[]): TerritoryOverlap[] {
  const out: TerritoryOverlap[] = [];
  const list = [...territories].sort((x, y) => x.name.localeCompare(y.name));
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) {
      const a = list[i];
      const b = list[j];
      if (!a || !b) continue;
      const ea = effective(territories, a);
      const eb = effective(territories, b);
      if (ea.every((c) => count(c) === 0) || eb.every((c) => count(c) === 0)) continue;
      if (ancestorsOf(territories, a.id).some((t) => t.id === b.id)) continue;
      if (ancestorsOf(territories, b.id).some((t) => t.id === a.id)) continue;
      if (!compatible(ea, eb)) continue;
      const sa = shape(ea);
      const sb = shape(eb);
      const ambiguous = compareSpecificity(sa, sb) === 0;
      const aWins = compareSpecificity(sa, sb) > 0;
      out.push({
        a: a.id,
        b: b.id,
        ambiguous,
        message: ambiguous
          ? `${a.name} and ${b.name} can both match the same record equally: ${a.name} wins only by name`
          : `${a.name} and ${b.name} overlap: ${aWins ? a.name : b.name} is more specific and wins`,
      });
    }
  return out;
}
