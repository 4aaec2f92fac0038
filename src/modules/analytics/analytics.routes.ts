import { z } from 'zod';
import { analysisInfoSchema, analysisQuerySchema, pickFilters } from '../../contract/analytics.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses } from '../../server/http.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import { listAnalyses, runAnalysisWithLag } from './analytics.service.ts';
import { analyses } from './registry.ts';

/** Response header of an analysis read from a replica: the replica's replay lag in seconds. */
export const REPLICA_LAG_HEADER = 'pipewright-replica-lag';

const FILTERS_DOC =
  'Shared filters: pipelineId (default: the default pipeline), from/to (YYYY-MM-DD, both inclusive, organization time zone), ownerId, teamId (comma-separated lists), channel, partnerId, productId, segment (b2b|b2c), source. See docs/analytics.md.';

/** `GET /api/v1/analytics` and one `GET /api/v1/analytics/<name>` per analysis of the registry. */
export function registerAnalyticsRoutes(app: App, deps: Deps): void {
  const tags = ['analytics'];
  app.get(
    '/api/v1/analytics',
    {
      schema: {
        tags,
        summary: 'List the analyses',
        response: { 200: z.object({ items: z.array(analysisInfoSchema) }), ...errorResponses },
      },
    },
    (request) => ({
      items: listAnalyses(actorOf(request)),
    }),
  );
  for (const analysis of analyses) {
    app.get(
      `/api/v1/analytics/${analysis.name}`,
      {
        schema: {
          tags,
          summary: analysis.summary,
          description: FILTERS_DOC,
          querystring: analysisQuerySchema(analysis.params),
          response: { 200: analysis.result, ...errorResponses },
        },
      },
      async (request, reply) => {
        const query = request.query as Record<string, unknown>;
        const { result, replicaLagSeconds } = await runAnalysisWithLag(
          deps,
          actorOf(request),
          analysis,
          pickFilters(query),
          analysis.params.parse(query),
        );
        // Read from a replica: how far behind its data was, with the result it gave.
        if (replicaLagSeconds !== null) void reply.header(REPLICA_LAG_HEADER, replicaLagSeconds.toFixed(3));
        return result;
      },
    );
  }
}
