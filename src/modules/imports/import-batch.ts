import { inScope, scopeFor, type Actor, type ScopedEntity } from '../../contract/access.ts';
import { partnerAccountTypes } from '../../contract/accounts.ts';
import { fieldOf, singular, type ImportEntity } from '../../contract/import-fields.ts';
import type { Value } from '../../domain/import-rows.ts';
import type { DbExecutor } from '../../db/database.ts';
import type { Deps } from '../context.ts';
import * as lookups from './import-lookups.repository.ts';
import { createdPrice, planRecord, type PlanContext, type PlannedRecord } from './import-records.ts';
import type { BatchedRefKind, ReferenceResolver } from './import-references.ts';
import { writeBatch } from './import-write.ts';

export type OnDuplicate = 'skip' | 'update' | 'new';

export interface BatchRow {
  line: number;
  cells: string[];
  values: Map<string, Value>;
}

export interface Reject {
  line: number;
  cells: string[];
  reason: string;
}

export interface BatchOutcome {
  inserted: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  created: number;
  /** New rows with a value the import made up (see PlannedRecord.generated). */
  generated: number;
  /** New deals whose stage path the file does not tell (closed, or open past the first stage). */
  pathUnknown: number;
  /** New deals without a creation date (recorded as created at their close, or at the import). */
  noCreationDate: number;
  rejects: Reject[];
  /** What happens to each accepted line (for the preview). */
  actions: { line: number; action: 'insert' | 'update' }[];
}

export interface ImportRun {
  entity: ImportEntity;
  resolver: ReferenceResolver;
  stageMap: ReadonlyMap<string, string>;
  /** People named in the file (folded) → the user reference to resolve instead. */
  userMap: ReadonlyMap<string, string>;
  createMissing: boolean;
  missingEmail: 'reject' | 'placeholder';
  onDuplicate: OnDuplicate;
  dryRun: boolean;
  baseCurrency: string;
}

const scoped = (entity: ImportEntity): entity is 'accounts' | 'contacts' | 'leads' | 'deals' | 'activities' =>
  entity !== 'products' && entity !== 'users' && entity !== 'teams';

/** A planned record and what happens to it: a new row, or an update of an existing one. */
export interface Decision {
  record: PlannedRecord;
  existing: Record<string, unknown> | null;
  duplicateOf: string | null;
}

function wantedRefs(entity: ImportEntity, rows: readonly BatchRow[]): Map<BatchedRefKind, Set<string>> {
  const wanted = new Map<BatchedRefKind, Set<string>>();
  for (const row of rows) {
    for (const [name, v] of row.values) {
      const ref = fieldOf(entity, name)?.ref;
      if (!ref || typeof v !== 'string' || ref === 'user' || ref === 'team' || ref === 'pipeline' || ref === 'stage')
        continue;
      let set = wanted.get(ref);
      if (!set) wanted.set(ref, (set = new Set()));
      set.add(v);
    }
  }
  return wanted;
}

/** Rows of another owner than a manager may assign are refused; a manager's rows without owner become theirs. */
function checkOwner(actor: Actor, entity: ImportEntity, record: PlannedRecord): string | null {
  if (!scoped(entity) || actor.role === 'admin') return null;
  const ownerId = (record.columns.owner_id as string | null) ?? actor.userId;
  record.columns.owner_id = ownerId;
  const single = singular[entity] as ScopedEntity;
  return inScope(scopeFor(actor, single, 'write'), { ownerId })
    ? null
    : 'owner: you may import records only for yourself and the people you manage';
}

/**
 * Imports one batch: resolves references, validates, sorts rows into inserts, updates (same
 * external id) and duplicates, then writes all of it in one transaction (unless a dry run). A batch
 * is all-or-nothing: if any write fails, none of its rows is stored.
 */
export async function importBatch(
  deps: Deps,
  actor: Actor,
  run: ImportRun,
  rows: readonly BatchRow[],
  /** Runs inside the batch's transaction (when it writes) with the batch's outcome, before it commits. */
  onCommit?: (trx: DbExecutor, outcome: BatchOutcome) => Promise<void>,
): Promise<BatchOutcome> {
  const out: BatchOutcome = {
    inserted: 0,
    updated: 0,
    unchanged: 0,
    duplicates: 0,
    created: 0,
    generated: 0,
    pathUnknown: 0,
    noCreationDate: 0,
    rejects: [],
    actions: [],
  };
  await run.resolver.prefetch(deps.db, wantedRefs(run.entity, rows));
  const ctx: PlanContext = {
    entity: run.entity,
    resolver: run.resolver,
    stageMap: run.stageMap,
    userMap: run.userMap,
    createMissing: run.createMissing,
    missingEmail: run.missingEmail,
    baseCurrency: run.baseCurrency,
    toCreate: new Map(),
    newId: () => deps.ids.id(),
  };
  const planned: PlannedRecord[] = [];
  const seenExt = new Map<string, number>();
  const known = await knownByExternalId(deps.db, actor.orgId, run.entity, rows);
  for (const row of rows) {
    const plan = planRecord(ctx, row.line, row.cells, row.values);
    if (!plan.ok) {
      out.rejects.push({ line: row.line, cells: row.cells, reason: plan.reason });
      continue;
    }
    const denied = checkOwner(actor, run.entity, plan.record);
    if (denied) {
      out.rejects.push({ line: row.line, cells: row.cells, reason: denied });
      continue;
    }
    const ext = plan.record.externalId;
    const earlier = ext === null ? undefined : seenExt.get(ext);
    if (earlier !== undefined) {
      out.duplicates++;
      out.rejects.push({
        line: row.line,
        cells: row.cells,
        reason: `duplicate: repeats external id "${ext ?? ''}" of line ${earlier}`,
      });
      continue;
    }
    if (ext !== null) seenExt.set(ext, row.line);
    learnRow(run, ctx, plan.record, known);
    planned.push(plan.record);
  }
  await checkPartners(deps.db, actor.orgId, run.entity, planned, ctx, out);
  const decisions = await decide(deps.db, actor, run, planned, out);
  out.actions = decisions.map((d) => ({ line: d.record.line, action: d.existing ? 'update' : 'insert' }));
  const inserted = decisions.filter((d) => !d.existing);
  out.generated = inserted.filter((d) => d.record.generated).length;
  out.pathUnknown = inserted.filter((d) => d.record.history?.pathUnknown).length;
  out.noCreationDate = inserted.filter((d) => d.record.history && d.record.createdAt === null).length;
  if (run.dryRun) {
    for (const d of decisions)
      if (d.existing) out.updated++;
      else out.inserted++;
    out.created += ctx.toCreate.size;
    rememberCreated(run, ctx);
    return out;
  }
  const written = await writeBatch(
    deps,
    actor,
    run,
    decisions,
    [...ctx.toCreate.values()],
    onCommit &&
      ((trx, w) =>
        onCommit(trx, {
          ...out,
          inserted: out.inserted + w.inserted,
          updated: out.updated + w.updated,
          unchanged: out.unchanged + w.unchanged,
          created: out.created + ctx.toCreate.size,
        })),
  );
  out.inserted += written.inserted;
  out.updated += written.updated;
  out.unchanged += written.unchanged;
  out.created += ctx.toCreate.size;
  rememberCreated(run, ctx);
  return out;
}

/** Accounts and users of the batch already stored under their external id (their rows update them). */
async function knownByExternalId(
  db: DbExecutor,
  orgId: string,
  entity: ImportEntity,
  rows: readonly BatchRow[],
): Promise<Map<string, Record<string, unknown>>> {
  if (entity !== 'accounts' && entity !== 'users') return new Map();
  const ids = rows.flatMap((r) => {
    const v = r.values.get('externalId');
    return typeof v === 'string' ? [v] : [];
  });
  return lookups.rowsByExternalId(db, entity, orgId, ids);
}

/**
 * Makes an account or user row known to the lines after it (a parent account, a manager), before
 * its batch is written. An account row named as an account created for a missing reference
 * (a parent named by an earlier line) fills that account instead of adding a second one.
 */
function learnRow(
  run: ImportRun,
  ctx: PlanContext,
  r: PlannedRecord,
  known: ReadonlyMap<string, Record<string, unknown>>,
): void {
  if (run.entity !== 'accounts' && run.entity !== 'users') return;
  const stored = r.externalId ? known.get(r.externalId) : undefined;
  let id = stored ? String(stored.id) : r.id;
  const c = r.columns;
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  if (run.entity === 'users') {
    run.resolver.learnUser({
      id,
      external_id: r.externalId,
      name: text(c.name) ?? '',
      email: text(c.email) ?? '',
    });
    return;
  }
  if (!stored) {
    for (const key of [text(c.name), r.externalId].flatMap((k) => (k ? [k.toLowerCase()] : []))) {
      const inBatch = ctx.toCreate.get(`account:${key}`);
      if (inBatch) {
        ctx.toCreate.delete(`account:${key}`);
        r.id = id = inBatch.id;
        break;
      }
      const earlier = run.resolver.placeholders.get(key);
      if (earlier) {
        run.resolver.placeholders.delete(key);
        r.adopts = id = earlier;
        break;
      }
    }
  }
  run.resolver.learnAccount(id, [text(c.name), text(c.domain), r.externalId]);
}

/** Records created for missing references, found by the later batches (products with their price). */
function rememberCreated(run: ImportRun, ctx: PlanContext): void {
  for (const c of ctx.toCreate.values())
    run.resolver.remember(c.kind, c.value, c.id, c.kind === 'product' ? createdPrice(c) : undefined);
}

/** A partner deal must point to an account of a partner type (accounts created for it are resellers). */
async function checkPartners(
  db: DbExecutor,
  orgId: string,
  entity: ImportEntity,
  planned: PlannedRecord[],
  ctx: PlanContext,
  out: BatchOutcome,
): Promise<void> {
  if (entity !== 'deals') return;
  const created = new Set([...ctx.toCreate.values()].map((c) => c.id));
  const ids = planned
    .map((p) => p.columns.partner_account_id as string | null)
    .filter((id): id is string => id !== null && !created.has(id));
  const types = await lookups.accountTypesOf(db, orgId, [...new Set(ids)]);
  for (let i = planned.length - 1; i >= 0; i--) {
    const p = planned[i];
    const partner = p?.columns.partner_account_id as string | null | undefined;
    if (!p || !partner || created.has(partner)) continue;
    const type = types.get(partner) ?? '';
    if (partnerAccountTypes.some((t) => t === type)) continue;
    out.rejects.push({
      line: p.line,
      cells: p.cells,
      reason: `partner: the account is a ${type}, not one of ${partnerAccountTypes.join(', ')}`,
    });
    planned.splice(i, 1);
  }
  for (const c of ctx.toCreate.values())
    if (planned.some((p) => p.columns.partner_account_id === c.id)) Object.assign(c, { accountType: 'reseller' });
}

async function decide(
  db: DbExecutor,
  actor: Actor,
  run: ImportRun,
  planned: readonly PlannedRecord[],
  out: BatchOutcome,
): Promise<Decision[]> {
  const table = lookups.tableOf(run.entity);
  const existing = await lookups.rowsByExternalId(
    db,
    table,
    actor.orgId,
    planned.flatMap((p) => (p.externalId ? [p.externalId] : [])),
  );
  const adopted = await lookups.rowsById(
    db,
    table,
    actor.orgId,
    planned.flatMap((p) => (p.adopts ? [p.adopts] : [])),
  );
  const decisions: Decision[] = planned.map((record) => ({
    record,
    existing:
      (record.externalId && existing.get(record.externalId)) || (record.adopts && adopted.get(record.adopts)) || null,
    duplicateOf: null,
  }));
  if (table === 'activities') return decisions;
  const redirects = new Map<string, string>();
  const inBatch = duplicatesInBatch(run, decisions, out, redirects);
  const kept = await duplicatesStored(db, actor, run, decisions, inBatch, redirects, out);
  if (redirects.size > 0) {
    // Rows skipped as duplicates are the records they duplicate to the rows that named them.
    for (const [from, to] of redirects) run.resolver.redirect(from, to);
    for (const d of kept)
      for (const [k, v] of Object.entries(d.record.columns))
        if (k.endsWith('_id') && typeof v === 'string') d.record.columns[k] = redirects.get(v) ?? v;
  }
  return kept;
}

/** The id a decided row has once written: the stored record's it updates, else its own. */
const idOf = (d: Decision): string => (d.existing ? String(d.existing.id) : d.record.id);

async function duplicatesStored(
  db: DbExecutor,
  actor: Actor,
  run: ImportRun,
  decisions: Decision[],
  inBatch: Set<number>,
  redirects: Map<string, string>,
  out: BatchOutcome,
): Promise<Decision[]> {
  const table = lookups.tableOf(run.entity);
  if (table === 'activities') return decisions;
  // A deal with an id of its own system is that system's deal: its name says little ("Renewal").
  const probed = (d: Decision) => !d.existing && !(table === 'deals' && d.record.externalId !== null);
  const probes = decisions
    .flatMap((d, i) => (probed(d) ? [{ i, ...d.record.probe }] : []))
    .filter((p) => p.name !== null || p.email !== null || p.domain !== null);
  const hits = (await lookups.findDuplicates(db, table, actor.orgId, probes)).filter((h) => !inBatch.has(h.i));
  if (hits.length === 0) return decisions.filter((_, i) => !inBatch.has(i));
  const others = await lookups.rowsById(db, table, actor.orgId, [...new Set(hits.map((h) => h.id))]);
  const dropped = inBatch;
  for (const hit of hits) {
    const d = decisions[hit.i];
    const other = others.get(hit.id);
    if (!d || !other) continue;
    out.duplicates++;
    if (run.onDuplicate === 'skip') {
      out.rejects.push({
        line: d.record.line,
        cells: d.record.cells,
        reason: `duplicate: ${singular[table]} ${hit.id} (${hit.reason}); skipped`,
      });
      dropped.add(hit.i);
      redirects.set(d.record.id, hit.id);
    } else if (run.onDuplicate === 'update') {
      if (
        scoped(table) &&
        !inScope(scopeFor(actor, singular[table] as ScopedEntity, 'write'), {
          ownerId: other.owner_id as string | null,
        })
      ) {
        out.rejects.push({
          line: d.record.line,
          cells: d.record.cells,
          reason: `duplicate: ${singular[table]} ${hit.id} (${hit.reason}) is not yours to update`,
        });
        dropped.add(hit.i);
        redirects.set(d.record.id, hit.id);
        continue;
      }
      d.existing = other;
      d.duplicateOf = hit.id;
      redirects.set(d.record.id, hit.id);
    } else {
      d.duplicateOf = hit.id;
    }
  }
  return decisions.filter((_, i) => !dropped.has(i));
}

/**
 * Rows of one batch with the same email or domain as an earlier row of the batch (later batches
 * find earlier ones in the database). They cannot update a record not written yet, so `update`
 * skips them like `skip`; `new` imports them.
 */
function duplicatesInBatch(
  run: ImportRun,
  decisions: readonly Decision[],
  out: BatchOutcome,
  redirects: Map<string, string>,
): Set<number> {
  const dropped = new Set<number>();
  const seen = new Map<string, { line: number; id: string }>();
  decisions.forEach((d, i) => {
    if (d.existing) return;
    const keys = [
      d.record.probe.email ? `same email ${d.record.probe.email}` : null,
      d.record.probe.domain ? `same domain ${d.record.probe.domain}` : null,
    ].filter((k): k is string => k !== null);
    const hit = keys.find((k) => seen.has(k));
    for (const k of keys) if (!seen.has(k)) seen.set(k, { line: d.record.line, id: idOf(d) });
    if (!hit) return;
    out.duplicates++;
    if (run.onDuplicate === 'new') return;
    out.rejects.push({
      line: d.record.line,
      cells: d.record.cells,
      reason: `duplicate: ${hit} as line ${seen.get(hit)?.line ?? '?'}; skipped`,
    });
    dropped.add(i);
    const first = seen.get(hit);
    if (first) redirects.set(d.record.id, first.id);
  });
  return dropped;
}
