import type { Actor } from '../../contract/access.ts';
import type { AnalysisInfo, AnalyticsFilters } from '../../contract/analytics.ts';
import { forbidden, invalid } from '../../contract/errors.ts';
import { reading, type Deps } from '../context.ts';
import type { AnyAnalysis } from './analysis.ts';
import { findPipelineRef, inAnalyticsSnapshot, replicaLag } from './analytics.repository.ts';
import { analyses } from './registry.ts';

/**
 * Every role but partner reads analytics, each over the deals its read scope shows (the SQL applies
 * the scope); a partner's view of the organization's pipeline is not theirs to analyse.
 */
export function assertCanReadAnalytics(actor: Actor): void {
  if (actor.role === 'partner') throw forbidden('Partners cannot read analytics');
}

/** Runs one analysis for the actor, its statements in one read-only snapshot. */
export async function runAnalysis(
  deps: Deps,
  actor: Actor,
  analysis: AnyAnalysis,
  filters: AnalyticsFilters,
  params: Record<string, unknown>,
): Promise<unknown> {
  return (await runAnalysisWithLag(deps, actor, analysis, filters, params)).result;
}

/**
 * Runs one analysis on the replica when one is configured (else the database), and says how far
 * behind the data it read was: the replica's replay lag in seconds, measured in the analysis's own
 * snapshot (null when it read the primary).
 */
export async function runAnalysisWithLag(
  deps: Deps,
  actor: Actor,
  analysis: AnyAnalysis,
  filters: AnalyticsFilters,
  params: Record<string, unknown>,
): Promise<{ result: unknown; replicaLagSeconds: number | null }> {
  assertCanReadAnalytics(actor);
  const from = reading(deps);
  const onReplica = from !== deps;
  return inAnalyticsSnapshot(from.db, async (db) => {
    const replicaLagSeconds = onReplica ? await replicaLag(db) : null;
    return { result: await analysis.run({ ...from, db }, actor, filters, params), replicaLagSeconds };
  });
}

/** The analyses there are, with their routes and own parameters. */
export function listAnalyses(actor: Actor): AnalysisInfo[] {
  assertCanReadAnalytics(actor);
  return analyses.map((a) => ({
    name: a.name,
    summary: a.summary,
    path: `/api/v1/analytics/${a.name}`,
    params: Object.keys(a.params.shape),
  }));
}

/** A pipeline id from an id or a name (the CLI's `--pipeline`); `field` names the option in the error. */
export async function pipelineIdOf(deps: Deps, actor: Actor, ref: string, field = 'pipelineId'): Promise<string> {
  const found = await findPipelineRef(deps.db, actor.orgId, ref);
  if (!found) throw invalid([{ field, message: `no pipeline "${ref}" in this organization` }], 'invalid input');
  return found.id;
}
