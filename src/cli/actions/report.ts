import { analysisQuerySchema, pickFilters } from '../../contract/analytics.ts';
import { invalid, type FieldProblem } from '../../contract/errors.ts';
import type { Deps } from '../../modules/context.ts';
import type { AnyAnalysis } from '../../modules/analytics/analysis.ts';
import { pipelineIdOf, runAnalysisWithLag } from '../../modules/analytics/analytics.service.ts';
import { analyses, findAnalysis } from '../../modules/analytics/registry.ts';
import { withDeps } from '../context.ts';
import { parseInput, withOptionNames, type OptionNames } from '../input.ts';
import type { Io } from '../io.ts';
import { operatorActor } from '../operator.ts';
import { resolveOrganization } from '../organization.ts';
import { formatTable } from '../table.ts';

export interface ReportOptions {
  list?: boolean;
  json?: boolean;
  org?: string;
  pipeline?: string;
  from?: string;
  to?: string;
  owner?: string;
  team?: string;
  channel?: string;
  partner?: string;
  product?: string;
  segment?: string;
  source?: string;
  param?: string[];
}

const filterOptions: OptionNames = {
  pipelineId: '--pipeline',
  from: '--from',
  to: '--to',
  ownerId: '--owner',
  teamId: '--team',
  channel: '--channel',
  partnerId: '--partner',
  productId: '--product',
  segment: '--segment',
  source: '--source',
};

function listing(io: Io): void {
  for (const line of formatTable(
    ['ANALYSIS', 'PARAMETERS', 'SUMMARY'],
    analyses.map((a) => [a.name, Object.keys(a.params.shape).join(', ') || '-', a.summary]),
  )) {
    io.out(line);
  }
}

/** `--param key=value` pairs as an object; malformed or unknown keys are named. */
function paramsOf(analysis: AnyAnalysis, pairs: readonly string[]): Record<string, string> {
  const known = Object.keys(analysis.params.shape);
  const problems: FieldProblem[] = [];
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const key = eq > 0 ? pair.slice(0, eq).trim() : '';
    if (!key) problems.push({ field: '--param', message: `"${pair}" is not key=value` });
    else if (!known.includes(key))
      problems.push({
        field: `--param ${key}`,
        message: `is not a parameter of ${analysis.name}${known.length ? ` (it takes ${known.join(', ')})` : ' (it takes none)'}`,
      });
    else out[key] = pair.slice(eq + 1).trim();
  }
  if (problems.length) throw invalid(problems, 'invalid input');
  return out;
}

/** Runs `report <name>` on open dependencies; `io.out` receives the tables or the JSON. */
export async function runReport(io: Io, deps: Deps, analysis: AnyAnalysis, opts: ReportOptions): Promise<void> {
  const params = paramsOf(analysis, opts.param ?? []);
  const names: OptionNames = {
    ...filterOptions,
    ...Object.fromEntries(Object.keys(params).map((k) => [k, `--param ${k}`])),
  };
  const raw = {
    from: opts.from,
    to: opts.to,
    ownerId: opts.owner,
    teamId: opts.team,
    channel: opts.channel,
    partnerId: opts.partner,
    productId: opts.product,
    segment: opts.segment,
    source: opts.source,
    ...params,
  };
  // Everything but the pipeline is checked before the organization is looked at.
  const query = parseInput(analysisQuerySchema(analysis.params), raw, names) as Record<string, unknown>;
  const org = await resolveOrganization(deps, opts.org);
  const actor = operatorActor(org.id);
  if (opts.pipeline !== undefined) query.pipelineId = await pipelineIdOf(deps, actor, opts.pipeline, '--pipeline');
  const { result, replicaLagSeconds } = await withOptionNames(names, () =>
    runAnalysisWithLag(deps, actor, analysis, pickFilters(query), analysis.params.parse(query)),
  );
  if (replicaLagSeconds !== null)
    io.err(`Read from the replica (DATABASE_READ_URL), ${replicaLagSeconds.toFixed(3)} s behind the primary.`);
  if (opts.json) io.out(JSON.stringify(result, null, 2));
  else io.out(analysis.render(result));
}

export async function reportCommand(io: Io, name: string | undefined, opts: ReportOptions): Promise<void> {
  if (opts.list) {
    listing(io);
    return;
  }
  const known = analyses.map((a) => a.name).join(', ');
  if (name === undefined)
    throw invalid([{ field: 'name', message: `name an analysis: ${known} (or use --list)` }], 'invalid input');
  const analysis = findAnalysis(name);
  if (!analysis)
    throw invalid([{ field: 'name', message: `no analysis "${name}"; the analyses are: ${known}` }], 'invalid input');
  paramsOf(analysis, opts.param ?? []);
  await withDeps((deps) => runReport(io, deps, analysis, opts));
}
