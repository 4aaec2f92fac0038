import type { z } from 'zod';
import type { Actor } from '../../contract/access.ts';
import { invalid } from '../../contract/errors.ts';
import {
  exportables,
  exportColumns,
  exportLines,
  exportQuery,
  type ExportEntity,
  type ExportFormat,
} from '../../domain/record-export.ts';
import { listAccounts } from '../accounts/accounts.service.ts';
import { listActivities } from '../activities/activities.service.ts';
import { listContacts } from '../contacts/contacts.service.ts';
import { reading, type Deps } from '../context.ts';
import { listDeals } from '../deals/deals.service.ts';
import { dealCsvFields, dealCsvPages } from '../deals/export-deals.ts';
import { listLeads } from '../leads/leads.service.ts';
import { listProducts } from '../products/products.service.ts';

type ListQuery<E extends ExportEntity> = z.infer<(typeof exportables)[E]['listQuery']>;
type List<E extends ExportEntity> = (
  deps: Deps,
  actor: Actor,
  q: ListQuery<E>,
) => Promise<{ items: object[]; nextCursor: string | null }>;

/** The list use case of each exportable entity: the export reads through it, so its filters and the reader's scope apply. */
const lists: { [E in ExportEntity]: List<E> } = {
  deals: listDeals,
  accounts: listAccounts,
  contacts: listContacts,
  leads: listLeads,
  activities: listActivities,
  products: listProducts,
};

/** Records per page read through a list use case (the list's own limit of 200 is for clients). */
const LIST_PAGE = 1000;
/** Deals per page of the CSV fast path. */
const DEAL_CSV_PAGE = 5000;

export interface RecordExport {
  entity: ExportEntity;
  format: ExportFormat;
  contentType: string;
  /** File name extension: csv or jsonl. */
  extension: string;
  /** The file: the header, then one piece per page; pulled, so memory stays that of a page. */
  chunks: AsyncGenerator<string | Buffer>;
}

export interface RecordExportOptions {
  /** Called after each page with the records written so far. */
  onRecords?: (records: number) => void;
  /** Records per page read from the database (tests set it small to cross pages). */
  pageSize?: number;
  /** Read through the list use case even where a faster path exists (tests and benchmarks compare both). */
  listPath?: boolean;
}

/** Pages of the file: text, or bytes of whole lines in UTF-8 as the database wrote them. */
type Pages = AsyncGenerator<{ text: string | Buffer; rows: number }>;

async function* listPages<E extends ExportEntity>(
  deps: Deps,
  actor: Actor,
  entity: E,
  format: ExportFormat,
  filters: object,
  pageSize: number,
): Pages {
  const list = lists[entity] as List<E>;
  const file = exportLines(format, exportColumns(entity));
  let cursor: string | undefined;
  for (;;) {
    const page = await list(deps, actor, {
      ...filters,
      limit: pageSize,
      ...(cursor ? { cursor } : {}),
    } as ListQuery<E>);
    let text = '';
    for (const r of page.items) text += file.line(r as Record<string, unknown>);
    yield { text, rows: page.items.length };
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}

/** The list query of the export, validated: every bad field is named. */
function parseQuery(entity: ExportEntity, input: unknown): { format: ExportFormat } & Record<string, unknown> {
  const r = exportQuery(exportables[entity].listQuery).safeParse(input);
  if (!r.success)
    throw invalid(r.error.issues.map((i) => ({ field: i.path.join('.') || 'query', message: i.message })));
  return r.data as { format: ExportFormat } & Record<string, unknown>;
}

/**
 * Every record of a list query (the list's filters and sort, no paging) as a CSV or JSON-lines
 * file, streamed page by page within the reader's scope: the one export behind the HTTP endpoint
 * and the CLI. Deals to CSV take a fast path where the database formats the lines (same bytes as
 * the list path, checked by the tests); the other exports read through the list use case. The
 * first page is read before this returns, so a bad filter or a refused reader fails before any
 * byte is written.
 */
export async function prepareRecordExport(
  deps: Deps,
  actor: Actor,
  entity: ExportEntity,
  input: unknown,
  opts: RecordExportOptions = {},
): Promise<RecordExport> {
  deps = reading(deps);
  const { format, ...filters } = parseQuery(entity, input);
  const columns = exportColumns(entity);
  let pages: Pages;
  if (entity === 'deals' && format === 'csv' && !opts.listPath) {
    // The database writes the cells in its own order; it must be the DTO's.
    if (dealCsvFields.join() !== columns.join())
      throw new Error(`deal CSV fields ${dealCsvFields.join()} differ from the deal record ${columns.join()}`);
    pages = dealCsvPages(deps, actor, filters as ListQuery<'deals'>, opts.pageSize ?? DEAL_CSV_PAGE);
  } else {
    pages = listPages(deps, actor, entity, format, filters, opts.pageSize ?? LIST_PAGE);
  }
  const first = await pages.next();
  async function* chunks(): AsyncGenerator<string | Buffer> {
    let records = 0;
    const { header } = exportLines(format, columns);
    if (header) yield header;
    for (let page = first; !page.done; page = await pages.next()) {
      records += page.value.rows;
      if (page.value.text.length) yield page.value.text;
      opts.onRecords?.(records);
    }
  }
  return {
    entity,
    format,
    contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
    extension: format,
    chunks: chunks(),
  };
}
