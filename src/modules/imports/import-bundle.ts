import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '../../contract/access.ts';
import { bundleOrder, entityOfFile, type BundleMapping } from '../../contract/import-bundle.ts';
import { parseCsv } from '../../contract/csv.ts';
import { invalid } from '../../contract/errors.ts';
import { importOptionsSchema, type ImportOptions, type ImportSummary } from '../../contract/imports.ts';
import { fieldOf } from '../../contract/import-fields.ts';
import { convertRow, proposeMapping } from '../../domain/import-rows.ts';
import type { Deps } from '../context.ts';
import type { Reject } from './import-batch.ts';
import { loadStaticRefs, ReferenceResolver, type RefAnswer } from './import-references.ts';
import { assertMayImport, runImport } from './run-import.ts';

export interface BundleStep {
  file: string;
  entity: BundleMapping['files'][number]['entity'];
  options: ImportOptions;
  /** Header → field (null: ignored), as the import will read the file. */
  columns: { column: string; field: string | null }[];
  rows: number;
  /** Problems found before anything is written: mapping, and cells that cannot be read. */
  problems: string[];
}

export interface BundlePlan {
  steps: BundleStep[];
  /** Files of the folder that are not imported, with why. */
  skipped: { file: string; reason: string }[];
  /** The mapping the plan follows, to save and reuse (`--save-mapping`). */
  mapping: BundleMapping;
  problems: number;
}

const pairs = (r: Record<string, string> | undefined) => Object.entries(r ?? {}).map(([k, v]) => `${k}=${v}`);

/** The files of the folder as a mapping: each recognised by its name, unless `given` names it. */
function mappingFor(dir: string, given: BundleMapping, skipped: BundlePlan['skipped']): BundleMapping {
  if (given.files.length > 0) return given;
  const files: BundleMapping['files'] = [];
  for (const file of fs.readdirSync(dir).sort()) {
    if (!file.toLowerCase().endsWith('.csv')) continue;
    const entity = entityOfFile(file);
    if (!entity) {
      skipped.push({ file, reason: 'its name says no entity; name it in a mapping file' });
      continue;
    }
    const twice = files.find((f) => f.entity === entity);
    if (twice) {
      skipped.push({ file, reason: `${twice.file} is read as ${entity} already; name them in a mapping file` });
      continue;
    }
    files.push({ file, entity });
  }
  return { ...given, files };
}

const SHOWN_PROBLEMS = 20;

/** Kinds of reference a bundle checks across its files before writing anything. */
type CheckedRef = 'user' | 'team' | 'account' | 'product';

/** The fields by which the records of a file can be named, per kind of reference to them. */
const namedBy: Partial<Record<BundleStep['entity'], { kind: CheckedRef; fields: readonly string[] }>> = {
  users: { kind: 'user', fields: ['externalId', 'email', 'name'] },
  teams: { kind: 'team', fields: ['externalId', 'name'] },
  accounts: { kind: 'account', fields: ['externalId', 'name', 'domain'] },
  products: { kind: 'product', fields: ['externalId', 'sku', 'name'] },
};

/** What a file gives (the names of its records) and names (references, with the first line of each). */
interface FileRefs {
  gives: Set<string>;
  names: Map<string, { kind: CheckedRef; field: string; value: string; line: number }>;
}

const fold = (v: string) => v.trim().toLowerCase();

function collectRefs(
  entity: BundleStep['entity'],
  values: ReadonlyMap<string, unknown>,
  line: number,
  into: FileRefs,
): void {
  const own = namedBy[entity];
  if (own)
    for (const f of own.fields) {
      const v = values.get(f);
      if (typeof v === 'string' && v.trim() !== '') into.gives.add(`${own.kind}:${fold(v)}`);
    }
  for (const [field, v] of values) {
    if (typeof v !== 'string') continue;
    const kind = fieldOf(entity, field)?.ref;
    if (kind !== 'user' && kind !== 'team' && kind !== 'account' && kind !== 'product') continue;
    const key = `${kind}:${fold(v)}`;
    if (!into.names.has(key)) into.names.set(key, { kind, field, value: v.trim(), line });
  }
}

/**
 * Which of the values name exactly one record of the organization, per kind (folded as `fold`);
 * the bundle asks it for the references no file of the bundle answers.
 */
export type ExistingRefs = (kind: CheckedRef, values: readonly string[]) => Promise<Map<string, RefAnswer>>;

/** `ExistingRefs` answered from the organization's records, as the import itself resolves them. */
export function existingRefs(deps: Deps, actor: Actor): ExistingRefs {
  let resolver: ReferenceResolver | undefined;
  return async (kind, values) => {
    resolver ??= new ReferenceResolver(actor.orgId, await loadStaticRefs(deps.db, actor.orgId));
    const r = resolver;
    if (kind === 'account' || kind === 'product') await r.prefetch(deps.db, new Map([[kind, new Set(values)]]));
    const answer = (v: string): RefAnswer =>
      kind === 'user' ? r.user(v) : kind === 'team' ? r.team(v) : r.batched(kind, v);
    return new Map(values.map((v) => [v, answer(v)]));
  };
}

const FILE_OF: Record<CheckedRef, string> = { user: 'users', team: 'teams', account: 'accounts', product: 'products' };

/**
 * References between the files of a bundle, checked before anything is written: every user and
 * team a file names (never created from a reference) and, without `createMissing`, every account
 * and product, must be a record of another file of the bundle or of the organization.
 */
async function crossCheck(
  steps: readonly BundleStep[],
  refs: readonly FileRefs[],
  createMissing: boolean,
  existing: ExistingRefs,
): Promise<void> {
  const given = new Set(refs.flatMap((r) => [...r.gives]));
  for (const [i, step] of steps.entries()) {
    // A person the user map names is looked up as the user it maps to.
    const userMap = new Map(Object.entries(step.options.userMap ?? {}).map(([k, v]) => [fold(k), v]));
    const named = [...(refs[i]?.names.values() ?? [])].map((n) =>
      n.kind === 'user' ? { ...n, value: userMap.get(fold(n.value)) ?? n.value } : n,
    );
    const names = named.filter(
      (n) => (n.kind === 'user' || n.kind === 'team' || !createMissing) && !given.has(`${n.kind}:${fold(n.value)}`),
    );
    const answers = new Map<string, RefAnswer>();
    for (const kind of ['user', 'team', 'account', 'product'] as const) {
      const values = names.filter((n) => n.kind === kind).map((n) => n.value);
      if (values.length > 0) for (const [v, a] of await existing(kind, values)) answers.set(`${kind}:${v}`, a);
    }
    let bad = 0;
    for (const n of names.sort((a, b) => a.line - b.line)) {
      const a = answers.get(`${n.kind}:${n.value}`);
      if (!a || 'id' in a) continue;
      if (bad++ >= SHOWN_PROBLEMS) continue;
      step.problems.push(
        'ambiguous' in a
          ? `line ${n.line}: ${n.field} "${n.value}" matches ${a.ambiguous} ${n.kind}s of the organization`
          : `line ${n.line}: ${n.field} "${n.value}" is in no ${FILE_OF[n.kind]} file of the folder and is not ${n.kind === 'account' ? 'an' : 'a'} ${n.kind} of the organization`,
      );
    }
    if (bad > SHOWN_PROBLEMS)
      step.problems.push(`… and ${bad - SHOWN_PROBLEMS} more references that resolve to nothing`);
  }
}

/** One file of the bundle checked: its mapping, and every cell that cannot be read (the first few named). */
async function checkFile(
  dir: string,
  f: BundleMapping['files'][number],
  mapping: BundleMapping,
  refs: FileRefs,
): Promise<BundleStep> {
  const problems: string[] = [];
  const parsed = importOptionsSchema.safeParse({
    entity: f.entity,
    preset: mapping.preset,
    map: pairs(f.map),
    stageMap: pairs(f.stageMap),
    userMap: pairs(f.userMap),
    createMissing: mapping.createMissing,
    missingEmail: mapping.missingEmail,
    onDuplicate: mapping.onDuplicate,
    dateOrder: mapping.dateOrder,
  });
  if (!parsed.success)
    throw invalid(parsed.error.issues.map((i) => ({ field: `${f.file}: ${i.path.join('.')}`, message: i.message })));
  const options = parsed.data;
  const step: BundleStep = { file: f.file, entity: f.entity, options, columns: [], rows: 0, problems };
  const full = path.join(dir, f.file);
  if (!fs.existsSync(full)) {
    problems.push('the file is not in the folder');
    return step;
  }
  let headers: string[] | null = null;
  let cols: ReturnType<typeof proposeMapping>['columns'] = [];
  let bad = 0;
  for await (const rec of parseCsv(fs.createReadStream(full), options.delimiter)) {
    if (!headers) {
      headers = rec.fields.map((h) => h.trim());
      const m = proposeMapping(f.entity, headers, {
        preset: options.preset,
        map: options.map,
        missingEmail: options.missingEmail,
      });
      cols = m.columns;
      step.columns = m.columns.map((c) => ({ column: c.header, field: c.field }));
      problems.push(...m.problems);
      if (m.problems.length > 0) break;
      continue;
    }
    step.rows++;
    const converted = convertRow(f.entity, cols, rec.fields, options.dateOrder);
    collectRefs(f.entity, converted.values, rec.line, refs);
    if (converted.problems.length === 0) continue;
    if (bad++ < SHOWN_PROBLEMS) problems.push(`line ${rec.line}: ${converted.problems.join('; ')}`);
  }
  if (bad > SHOWN_PROBLEMS) problems.push(`… and ${bad - SHOWN_PROBLEMS} more lines that cannot be read`);
  if (!headers) problems.push('the file is empty: the first line must name the columns');
  return step;
}

/**
 * Plans the import of a folder of exports: which file is which entity (by the mapping file, else
 * by file name), in the order references need (teams, users, accounts, products, contacts, leads,
 * deals, activities), each file's column mapping, and every problem found without writing:
 * mapping problems, cells that cannot be read, and references that neither another file of the
 * folder nor the organization answers. The plan's mapping names every column of every file as
 * it was read (headers recognised by name or preset included), so a saved mapping reads the
 * folder the same way again.
 */
export async function planBundle(dir: string, given: BundleMapping, existing: ExistingRefs): Promise<BundlePlan> {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
    throw invalid([{ field: '<dir>', message: `${dir} is not a folder` }], 'invalid input');
  const skipped: BundlePlan['skipped'] = [];
  const found = mappingFor(dir, given, skipped);
  const ordered = [...found.files].sort((a, b) => bundleOrder.indexOf(a.entity) - bundleOrder.indexOf(b.entity));
  const steps: BundleStep[] = [];
  const refs: FileRefs[] = [];
  for (const f of ordered) {
    const r: FileRefs = { gives: new Set(), names: new Map() };
    steps.push(await checkFile(dir, f, found, r));
    refs.push(r);
  }
  await crossCheck(steps, refs, found.createMissing, existing);
  const mapping: BundleMapping = {
    ...found,
    files: found.files.map((f) => {
      const step = steps.find((s) => s.file === f.file);
      if (!step || step.columns.length === 0) return f;
      return { ...f, map: Object.fromEntries(step.columns.map((c) => [c.column, c.field ?? ''])) };
    }),
  };
  return { steps, skipped, mapping, problems: steps.reduce((n, s) => n + s.problems.length, 0) };
}

export interface BundleHooks {
  onStep?(step: BundleStep, pass: 'first' | 'managers'): void | Promise<void>;
  onReject?(step: BundleStep, reject: Reject): void | Promise<void>;
}

export interface BundleResult {
  plan: BundlePlan;
  /** Per file imported, in order; empty when the plan had problems or for a dry run. */
  imported: { file: string; entity: string; summary: ImportSummary }[];
}

/**
 * Imports a planned bundle, file after file, each as `pipewright import` would. Nothing is written
 * when the plan found a problem (mapping, unreadable cells) or for a dry run: the plan and every
 * problem come first. Teams led by people of the users file are imported before the users (who
 * name their team) and once more after them, to set their manager.
 */
export async function runBundle(
  deps: Deps,
  actor: Actor,
  dir: string,
  plan: BundlePlan,
  opts: { dryRun: boolean },
  hooks: BundleHooks = {},
): Promise<BundleResult> {
  for (const s of plan.steps) assertMayImport(actor, s.entity);
  const result: BundleResult = { plan, imported: [] };
  if (opts.dryRun || plan.problems > 0) return result;
  const teamsLater = plan.steps.find((s) => s.entity === 'teams' && s.columns.some((c) => c.field === 'manager'));
  const hasUsers = plan.steps.some((s) => s.entity === 'users');
  const run = async (step: BundleStep, options: ImportOptions) => {
    const summary = await runImport(deps, actor, fs.createReadStream(path.join(dir, step.file)), options, {
      onReject: (r) => hooks.onReject?.(step, r),
    });
    result.imported.push({ file: step.file, entity: step.entity, summary });
  };
  for (const step of plan.steps) {
    await hooks.onStep?.(step, 'first');
    if (step === teamsLater && hasUsers) {
      // The managers are people of the users file, not imported yet: teams first without them.
      const noManager = Object.fromEntries(
        step.columns.filter((c) => c.field === 'manager').map((c) => [c.column, '']),
      );
      await run(step, { ...step.options, map: { ...step.options.map, ...noManager } });
      continue;
    }
    await run(step, step.options);
    if (step.entity === 'users' && teamsLater) {
      await hooks.onStep?.(teamsLater, 'managers');
      await run(teamsLater, { ...teamsLater.options, onDuplicate: 'update' });
    }
  }
  return result;
}
