import { Readable } from 'node:stream';
import { z } from 'zod';
import type { Actor } from '../../domain/access.ts';
import { accountSchema, listAccountsQuery } from '../../domain/accounts.ts';
import { activitySchema, listActivitiesQuery } from '../../domain/activities.ts';
import { contactSchema, listContactsQuery } from '../../domain/contacts.ts';
import { dealSchema, listDealsQuery } from '../../domain/deals.ts';
import { leadSchema, listLeadsQuery } from '../../domain/leads.ts';
import { listProductsQuery, productSchema } from '../../domain/products.ts';
import { exportLines, exportQuery, type ExportFormat } from '../../domain/record-export.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses } from '../../server/http.ts';
import type { App } from '../../server/types.ts';
import { listAccounts } from '../accounts/accounts.service.ts';
import { listActivities } from '../activities/activities.service.ts';
import { listContacts } from '../contacts/contacts.service.ts';
import type { Deps } from '../context.ts';
import { listDeals } from '../deals/deals.service.ts';
import { listLeads } from '../leads/leads.service.ts';
import { listProducts } from '../products/products.service.ts';
import { exportRecords } from './export.service.ts';

interface Exportable<Q extends z.ZodObject> {
  path: string;
  listQuery: Q;
  record: z.ZodObject;
  list: (deps: Deps, actor: Actor, q: z.infer<Q>) => Promise<{ items: object[]; nextCursor: string | null }>;
}

const exportable = <Q extends z.ZodObject>(e: Exportable<Q>) => e;

// The list use cases take their full query type; the export hands them the parsed query plus paging.
const entities = [
  exportable({ path: 'deals', listQuery: listDealsQuery, record: dealSchema, list: listDeals }),
  exportable({ path: 'accounts', listQuery: listAccountsQuery, record: accountSchema, list: listAccounts }),
  exportable({ path: 'contacts', listQuery: listContactsQuery, record: contactSchema, list: listContacts }),
  exportable({ path: 'leads', listQuery: listLeadsQuery, record: leadSchema, list: listLeads }),
  exportable({ path: 'activities', listQuery: listActivitiesQuery, record: activitySchema, list: listActivities }),
  exportable({ path: 'products', listQuery: listProductsQuery, record: productSchema, list: listProducts }),
];

async function* lines(format: ExportFormat, columns: string[], records: AsyncGenerator<object>): AsyncGenerator<string> {
  const file = exportLines(format, columns);
  if (file.header) yield file.header;
  for await (const r of records) yield file.line(r as Record<string, unknown>);
}

/** GET /api/v1/<entity>/export: the whole filtered list as CSV or JSON lines, streamed. */
export function registerExportRoutes(app: App, deps: Deps): void {
  for (const e of entities) {
    const querystring = exportQuery(e.listQuery);
    app.get(
      `/api/v1/${e.path}/export`,
      {
        schema: {
          tags: [e.path],
          summary: `Export the ${e.path} of a list query (same filters and sort, no paging) as CSV or JSON lines, streamed`,
          querystring,
          // A stream bypasses response serialization; the schema documents the 200 in OpenAPI.
          response: { 200: z.unknown().describe('CSV with a header row (nested values as JSON), or one JSON object per line'), ...errorResponses },
        },
      },
      async (request, reply) => {
        const { format, ...filters } = request.query as { format: ExportFormat } & Record<string, unknown>;
        const actor = actorOf(request);
        const records = await exportRecords((q) => e.list(deps, actor, q as never), filters);
        const columns = Object.keys(e.record.shape);
        const stamp = deps.clock.now().toISOString().slice(0, 10);
        reply
          .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
          .header('content-disposition', `attachment; filename="${e.path}-${stamp}.${format === 'csv' ? 'csv' : 'jsonl'}"`);
        return reply.send(Readable.from(lines(format, columns, records)));
      },
    );
  }
}
