import fs from 'node:fs';
import { bundleMappingSchema } from '../../contract/import-bundle.ts';
import { importSummaryNotes } from '../../contract/imports.ts';
import { invalid } from '../../contract/errors.ts';
import { existingRefs, planBundle, runBundle, type BundlePlan } from '../../modules/imports/import-bundle.ts';
import { withDeps } from '../context.ts';
import { EXIT_FAILURE } from '../errors.ts';
import { parseInput } from '../input.ts';
import type { Io } from '../io.ts';
import { operatorActor } from '../operator.ts';
import { resolveOrganization } from '../organization.ts';
import { keepHeapNearLiveSize } from '../bulk-memory.ts';

export interface BundleCommandOptions {
  org?: string;
  preset?: string;
  mapping?: string;
  saveMapping?: string;
  createMissing?: boolean;
  missingEmail?: string;
  dryRun?: boolean;
}

function readMapping(file: string | undefined): unknown {
  if (!file) return {};
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  } catch (err) {
    throw invalid(
      [{ field: '--mapping', message: `cannot read ${file}: ${err instanceof Error ? err.message : String(err)}` }],
      'invalid input',
    );
  }
}

function planLines(plan: BundlePlan): string[] {
  const lines = plan.steps.map(
    (s, i) =>
      `${i + 1}. ${s.entity} ← ${s.file} (${s.rows} rows): ${s.columns.map((c) => `${c.column} → ${c.field ?? '(ignored)'}`).join(', ')}`,
  );
  for (const s of plan.skipped) lines.push(`   not imported: ${s.file}: ${s.reason}`);
  for (const s of plan.steps) for (const p of s.problems) lines.push(`   problem in ${s.file}: ${p}`);
  return lines;
}

/** `pipewright import bundle <dir>`: plans a folder of exports, shows the plan and every problem, then imports it. */
export async function bundleCommand(io: Io, dir: string, opts: BundleCommandOptions): Promise<void> {
  keepHeapNearLiveSize();
  const fromFile = readMapping(opts.mapping);
  const given = parseInput(
    bundleMappingSchema,
    {
      ...(typeof fromFile === 'object' && fromFile !== null ? fromFile : {}),
      ...(opts.preset ? { preset: opts.preset } : {}),
      ...(opts.missingEmail ? { missingEmail: opts.missingEmail } : {}),
    },
    { preset: '--preset', missingEmail: '--missing-email', files: '--mapping' },
  );
  await withDeps(async (deps) => {
    const org = await resolveOrganization(deps, opts.org);
    const actor = operatorActor(org.id);
    const plan = await planBundle(dir, given, existingRefs(deps, actor));
    io.err(`Plan for ${dir}:`);
    for (const l of planLines(plan)) io.err(l);
    if (opts.saveMapping) {
      fs.writeFileSync(opts.saveMapping, `${JSON.stringify(plan.mapping, null, 2)}\n`);
      io.err(`Mapping saved to ${opts.saveMapping} (reuse it with --mapping)`);
    }
    if (plan.problems > 0) {
      io.out(`${plan.problems} problem(s): nothing imported. Fix the files or the mapping and run again.`);
      io.setExitCode(EXIT_FAILURE);
      return;
    }
    if (opts.dryRun) {
      io.out('Dry run: no problem found, nothing written.');
      return;
    }
    let rejected = 0;
    const result = await runBundle(
      deps,
      actor,
      dir,
      plan,
      { dryRun: false },
      {
        onStep: (s, pass) =>
          io.err(`Importing ${s.entity} from ${s.file}${pass === 'managers' ? ' again, for their managers' : ''}`),
        onReject: (s, r) => {
          if (rejected++ < 50) io.err(`  ${s.file} line ${r.line}: ${r.reason}`);
        },
      },
    );
    for (const i of result.imported) {
      io.out(
        `${i.entity} (${i.file}): ${i.summary.rows} rows, inserted ${i.summary.inserted}, updated ${i.summary.updated}, rejected ${i.summary.rejected}, duplicates ${i.summary.duplicates}, created for missing references ${i.summary.createdReferences}, generated values ${i.summary.generated ?? 0}`,
      );
      for (const note of importSummaryNotes(i.summary)) io.out(`  ${note}`);
    }
    if (result.imported.some((i) => i.summary.rejected > 0)) io.setExitCode(EXIT_FAILURE);
  });
}
