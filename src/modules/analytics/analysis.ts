import type { z } from 'zod';
import type { Actor } from '../../contract/access.ts';
import type { AnalyticsFilters } from '../../contract/analytics.ts';
import type { Deps } from '../context.ts';

/**
 * One analysis, from which the HTTP route `GET /api/v1/analytics/<name>`, its OpenAPI entry and the
 * CLI command `pipewright report <name>` are generated. Adding an analysis is one definition file
 * in analyses/ and one line in registry.ts.
 */
export interface AnalysisDefinition<Params extends Record<string, unknown>, Result> {
  /** URL and CLI name, kebab-case. */
  name: string;
  /** One line for the API reference and `report --list`. */
  summary: string;
  /** Query parameters beyond the shared filters; every field optional (with a default when it needs one). */
  params: z.ZodObject<z.ZodRawShape> & z.ZodType<Params>;
  /** Response schema (OpenAPI, and the response is checked against it). */
  result: z.ZodType<Result>;
  /** Runs the analysis; access (who may read analytics) is checked before it is called. */
  run(deps: Deps, actor: Actor, filters: AnalyticsFilters, params: Params): Promise<Result>;
  /** Plain-text table(s) for the CLI. */
  render(result: Result): string;
}

/**
 * Any analysis, as the registry holds them: `run` and `render` are methods, so a definition with
 * narrower Params/Result fits here; the generated route parses the params with the definition's
 * own schema and the result is checked against its own result schema.
 */
export type AnyAnalysis = AnalysisDefinition<Record<string, unknown>, unknown>;
