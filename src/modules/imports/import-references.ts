import type { DbExecutor } from '../../db/database.ts';
import type { RefKind } from '../../contract/import-fields.ts';
import * as lookups from './import-lookups.repository.ts';

/** The answer for one reference: an id, nothing found, or several records fitting the name. */
export type RefAnswer = { id: string } | { missing: true } | { ambiguous: number };

/** Organization-wide reference data loaded once per import (few rows: users, teams, pipelines). */
export interface StaticRefs {
  /** Grows with the users of the file being imported, line by line. */
  users: lookups.UserKey[];
  teams: { id: string; name: string }[];
  pipelines: { id: string; name: string; is_default: boolean }[];
  stages: lookups.StageKey[];
}

export async function loadStaticRefs(db: DbExecutor, orgId: string): Promise<StaticRefs> {
  const [users, teams, p] = await Promise.all([
    lookups.usersOf(db, orgId),
    lookups.teamsOf(db, orgId),
    lookups.pipelinesOf(db, orgId),
  ]);
  return { users, teams, pipelines: p.pipelines, stages: p.stages };
}

type Candidate = { id: string; externalId: string | null; keys: readonly string[] };

/** Candidates indexed by external id and by folded key, so each value is answered in constant time. */
function indexed(cands: readonly Candidate[]): { byExt: Map<string, string[]>; byKey: Map<string, Set<string>> } {
  const byExt = new Map<string, string[]>();
  const byKey = new Map<string, Set<string>>();
  for (const c of cands) {
    if (c.externalId !== null) byExt.set(c.externalId, [...(byExt.get(c.externalId) ?? []), c.id]);
    for (const k of c.keys) {
      let ids = byKey.get(k);
      if (!ids) byKey.set(k, (ids = new Set()));
      ids.add(c.id);
    }
  }
  return { byExt, byKey };
}

/** One record by external id, else one by name (or email, domain, SKU); several by name are ambiguous. */
function pick(index: ReturnType<typeof indexed>, value: string): RefAnswer {
  const byExt = index.byExt.get(value);
  if (byExt?.length === 1 && byExt[0]) return { id: byExt[0] };
  const byKey = [...(index.byKey.get(value.toLowerCase()) ?? [])];
  if (byKey.length === 1 && byKey[0]) return { id: byKey[0] };
  if (byKey.length > 1) return { ambiguous: byKey.length };
  return { missing: true };
}

/** Bounded so that a million distinct account names do not fill the memory. */
const CACHE_LIMIT = 100_000;

type Batched = Exclude<RefKind, 'user' | 'team' | 'pipeline' | 'stage'>;

/**
 * Resolves reference cells to ids: users and teams from memory, the rest batch by batch (one query
 * per kind and batch), remembering answers across batches.
 */
export class ReferenceResolver {
  private readonly cache = new Map<string, RefAnswer>();
  /** Product prices, for line items of imported deals. */
  readonly productPrices = new Map<string, { listPrice: string; currency: string }>();

  constructor(
    private readonly orgId: string,
    readonly refs: StaticRefs,
  ) {}

  /** Users do not change during an import: each distinct cell is looked up once. */
  private readonly userAnswers = new Map<string, RefAnswer>();

  user(value: string): RefAnswer {
    let answer = this.userAnswers.get(value);
    if (!answer) {
      if (this.userAnswers.size > CACHE_LIMIT) this.userAnswers.clear();
      this.userAnswers.set(value, (answer = this.findUser(value)));
    }
    return answer;
  }

  private findUser(value: string): RefAnswer {
    const f = value.toLowerCase();
    const ext = this.refs.users.filter((u) => u.external_id === value);
    if (ext.length === 1 && ext[0]) return { id: ext[0].id };
    const hits = this.refs.users.filter((u) => u.email.toLowerCase() === f || u.name.toLowerCase() === f);
    if (hits.length === 1 && hits[0]) return { id: hits[0].id };
    return hits.length > 1 ? { ambiguous: hits.length } : { missing: true };
  }

  team(value: string): RefAnswer {
    const hits = this.refs.teams.filter((t) => t.id === value || t.name.toLowerCase() === value.toLowerCase());
    return hits.length === 1 && hits[0]
      ? { id: hits[0].id }
      : hits.length > 1
        ? { ambiguous: hits.length }
        : { missing: true };
  }

  /** A pipeline by name or id; the default pipeline when no name is given. */
  pipeline(value: string | undefined): RefAnswer {
    if (value === undefined) {
      const d = this.refs.pipelines.find((p) => p.is_default) ?? this.refs.pipelines[0];
      return d ? { id: d.id } : { missing: true };
    }
    const hits = this.refs.pipelines.filter((p) => p.id === value || p.name.toLowerCase() === value.toLowerCase());
    return hits.length === 1 && hits[0] ? { id: hits[0].id } : { missing: true };
  }

  stagesOf(pipelineId: string): lookups.StageKey[] {
    return this.refs.stages.filter((s) => s.pipeline_id === pipelineId);
  }

  /** Looks up every value of the batch not answered yet, in one query per kind. */
  async prefetch(db: DbExecutor, wanted: ReadonlyMap<Batched, ReadonlySet<string>>): Promise<void> {
    if (this.cache.size > CACHE_LIMIT) this.cache.clear();
    for (const [kind, values] of wanted) {
      const todo = [...values].filter((v) => !this.cache.has(`${kind}:${v}`));
      if (todo.length === 0) continue;
      const cands = await this.find(db, kind, todo);
      const index = indexed(cands);
      for (const v of todo) this.cache.set(`${kind}:${v}`, pick(index, v));
    }
  }

  private async find(db: DbExecutor, kind: Batched, values: string[]) {
    switch (kind) {
      case 'account':
        return lookups.findAccounts(db, this.orgId, values);
      case 'contact':
        return lookups.findContacts(db, this.orgId, values);
      case 'product': {
        const rows = await lookups.findProducts(db, this.orgId, values);
        for (const r of rows) this.productPrices.set(r.id, { listPrice: r.listPrice, currency: r.currency });
        return rows;
      }
      case 'deal':
        return lookups.findDeals(db, this.orgId, values);
      case 'lead':
        return lookups.findLeads(db, this.orgId, values);
    }
  }

  /** The answer for a value prefetched in this batch, else a record of an earlier line of the file. */
  batched(kind: Batched, value: string): RefAnswer {
    const answer = this.cache.get(`${kind}:${value}`);
    if (answer && !('missing' in answer)) return answer;
    const learned = kind === 'account' ? this.learned.get(value.toLowerCase()) : undefined;
    if (learned && learned.size === 1) return { id: [...learned][0] ?? '' };
    if (learned && learned.size > 1) return { ambiguous: learned.size };
    return answer ?? { missing: true };
  }

  /**
   * Accounts and users of earlier lines of the file being imported, by folded name, domain, email
   * or external id: a later line's reference to them resolves whether or not their batch was
   * written yet, so references inside one file resolve in file order whatever the batch size.
   */
  private readonly learned = new Map<string, Set<string>>();

  learnAccount(id: string, keys: readonly (string | null)[]): void {
    if (this.learned.size > CACHE_LIMIT) this.learned.clear();
    for (const k of keys) {
      if (!k) continue;
      const key = k.toLowerCase();
      let ids = this.learned.get(key);
      if (!ids) this.learned.set(key, (ids = new Set()));
      ids.add(id);
    }
  }

  learnUser(user: lookups.UserKey): void {
    if (this.refs.users.some((u) => u.id === user.id)) return;
    this.refs.users.push(user);
    // Answers given before this user was known may have changed (missing, or now ambiguous).
    this.userAnswers.clear();
  }

  /**
   * A row learned under `from` turned out to be another record (`to`: a duplicate it was skipped
   * for): later references to it resolve to that record.
   */
  redirect(from: string, to: string): void {
    for (const ids of this.learned.values()) if (ids.delete(from)) ids.add(to);
    const before = this.refs.users.length;
    this.refs.users = this.refs.users.filter((u) => u.id !== from);
    if (this.refs.users.length !== before) this.userAnswers.clear();
  }

  private readonly placeholderEmails = new Set<string>();
  /** Product names of the file given a SKU made from them (a second product of that name gets none). */
  private readonly skuNames = new Set<string>();

  /**
   * A SKU made from a product name (`Widget Pro` → `WIDGET-PRO`), or null when an earlier row of
   * the file has that name too: two products of one name need SKUs of their own. The same name
   * gives the same SKU, so a re-import finds the product by it.
   */
  skuFor(name: string): string | null {
    const key = name.trim().toLowerCase();
    if (this.skuNames.has(key)) return null;
    this.skuNames.add(key);
    const sku = name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 100);
    return sku || 'PRODUCT';
  }

  /**
   * A generated address for a user without one: `first.last@users.invalid` (a domain that never
   * receives mail), numbered when the file has two people of that name. The same file gives the
   * same addresses, so a re-import finds the users it created.
   */
  placeholderEmail(name: string): string {
    const slug =
      name
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '.')
        .replace(/^\.+|\.+$/g, '')
        .slice(0, 60) || 'user';
    let email = `${slug}@users.invalid`;
    for (let n = 2; this.placeholderEmails.has(email); n++) email = `${slug}.${n}@users.invalid`;
    this.placeholderEmails.add(email);
    return email;
  }

  /** Accounts created for missing references by earlier batches, by folded name: a later row of that name fills them. */
  readonly placeholders = new Map<string, string>();

  /**
   * Records a record created for a missing reference, so later rows find it; a product with the
   * price it was created with, so later deals naming it get their line item priced as the first.
   */
  remember(kind: Batched, value: string, id: string, price?: { listPrice: string; currency: string }): void {
    this.cache.set(`${kind}:${value}`, { id });
    if (price) this.productPrices.set(id, price);
    if (kind === 'account') this.placeholders.set(value.toLowerCase(), id);
  }

  /** Forgets answers given inside a batch that was rolled back (records created by it are gone). */
  forget(kind: Batched, values: Iterable<string>): void {
    for (const v of values) this.cache.delete(`${kind}:${v}`);
  }
}

export type { Batched as BatchedRefKind };
