import { scopeFor, type Actor } from '../../contract/access.ts';
import { forbidden, notFound } from '../../contract/errors.ts';
import type { EventExportQuery } from '../../contract/event-export.ts';
import { reading, type Deps } from '../context.ts';
import * as f from './export-formats.ts';
import * as repo from './export.repository.ts';

/** Rows read per query: memory stays bounded by one page whatever the size of the log. */
export const EXPORT_PAGE = 1000;

export interface EventExport {
  contentType: string;
  fileName: string;
  /** The document in pieces, read page by page as the consumer asks for them. */
  chunks: AsyncIterable<string>;
}

export interface ExportOptions {
  pageSize?: number;
  /** Called after each page of events with the count so far (CLI progress). */
  onEvents?: (count: number) => void;
}

/**
 * Who may export the log: admins and auditors (everything), managers (the deals of the people
 * below them, as their record scope says). A whole-log export is a bulk extraction, so reps,
 * inside sales, marketing and partners are refused even for the deals they can see one by one.
 */
export function canExportEvents(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'auditor' || actor.role === 'manager';
}

/**
 * Checks access and the filters, then returns the export as a lazy stream: nothing is read until
 * the consumer pulls, and each pull reads one keyset page (deals, accounts, users, then events by
 * deal and id), so an export of millions of events runs in constant memory.
 */
export async function prepareEventExport(
  deps: Deps,
  actor: Actor,
  query: EventExportQuery,
  opts: ExportOptions = {},
): Promise<EventExport> {
  if (!canExportEvents(actor)) throw forbidden('Only admins, auditors and managers can export the event log');
  deps = reading(deps);
  if (query.pipelineId && !(await repo.pipelineExists(deps.db, actor.orgId, query.pipelineId)))
    throw notFound('pipeline', query.pipelineId);
  const selection: repo.ExportSelection = {
    orgId: actor.orgId,
    scope: scopeFor(actor, 'deal', 'read'),
    pipelineId: query.pipelineId,
    from: query.from,
    to: query.to,
    timezone: await repo.organizationTimezone(deps.db, actor.orgId),
  };
  const pageSize = opts.pageSize ?? EXPORT_PAGE;
  const chunks =
    query.format === 'ocel'
      ? ocel(deps, selection, pageSize, opts.onEvents)
      : xes(deps, selection, pageSize, opts.onEvents);
  return query.format === 'ocel'
    ? { contentType: 'application/json; charset=utf-8', fileName: 'pipewright-events.jsonocel', chunks }
    : { contentType: 'application/xml; charset=utf-8', fileName: 'pipewright-events.xes', chunks };
}

/** Pages of rows keyed by the last row, until a short page. */
async function* pages<T, K>(
  read: (after: K | null) => Promise<T[]>,
  keyOf: (row: T) => K,
  pageSize: number,
): AsyncGenerator<T[]> {
  let after: K | null = null;
  for (;;) {
    const rows = await read(after);
    if (rows.length > 0) yield rows;
    const last = rows[rows.length - 1];
    if (rows.length < pageSize || last === undefined) return;
    after = keyOf(last);
  }
}

async function* ocel(
  deps: Deps,
  s: repo.ExportSelection,
  size: number,
  onEvents?: (n: number) => void,
): AsyncGenerator<string> {
  yield f.ocelHead(await repo.exportEventTypes(deps.db, s));
  let first = true;
  const sep = (): string => (first ? ((first = false), '') : ',');
  for await (const rows of pages(
    (a: string | null) => repo.exportDealsPage(deps.db, s, a, size),
    (r) => r.id,
    size,
  ))
    yield rows.map((r) => sep() + f.ocelDeal(r)).join('');
  for await (const rows of pages(
    (a: string | null) => repo.exportAccountsPage(deps.db, s, a, size),
    (r) => r.id,
    size,
  ))
    yield rows.map((r) => sep() + f.ocelNamed('account', r)).join('');
  for await (const rows of pages(
    (a: string | null) => repo.exportUsersPage(deps.db, s, a, size),
    (r) => r.id,
    size,
  ))
    yield rows.map((r) => sep() + f.ocelNamed('user', r)).join('');
  yield f.ocelBetweenObjectsAndEvents;
  first = true;
  let count = 0;
  for await (const rows of eventPages(deps, s, size)) {
    yield rows.map((r) => sep() + f.ocelEvent(r)).join('');
    onEvents?.((count += rows.length));
  }
  yield f.ocelTail;
}

async function* xes(
  deps: Deps,
  s: repo.ExportSelection,
  size: number,
  onEvents?: (n: number) => void,
): AsyncGenerator<string> {
  yield f.xesHead;
  let deal: string | null = null;
  let count = 0;
  for await (const rows of eventPages(deps, s, size)) {
    let out = '';
    for (const r of rows) {
      if (r.dealId !== deal) {
        if (deal !== null) out += f.xesTraceClose;
        out += f.xesTraceOpen(r);
        deal = r.dealId;
      }
      out += f.xesEvent(r);
    }
    yield out;
    onEvents?.((count += rows.length));
  }
  if (deal !== null) yield f.xesTraceClose;
  yield f.xesTail;
}

function eventPages(deps: Deps, s: repo.ExportSelection, size: number): AsyncGenerator<repo.ExportEventRow[]> {
  return pages(
    (a: { dealId: string; id: number } | null) => repo.exportEventsPage(deps.db, s, a, size),
    (r) => ({ dealId: r.dealId, id: r.id }),
    size,
  );
}
