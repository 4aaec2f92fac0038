import { eventTitle } from '../../src/contract/events/index.ts';
import type { ApiSchemas } from '../../src/contract/api-paths.ts';
import { formatDate, formatDateTime, formatMoney, formatNumber } from './format.ts';

/*
 * How an event of the log reads in the web app, for the record timelines and the audit view alike:
 * its title from the event catalog, the records it names by their names (resolved by the API once
 * per page), money and dates in the user's locale, codes as words.
 */

export type EventEntry = ApiSchemas['TimelineEntry'];
export type EventReferences = ApiSchemas['EventReferences'];

/** One changed field of an event: before (empty for a creation) and after. */
export interface EntryChange {
  field: string;
  from: string;
  to: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DECIMAL = /^-?\d+(\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const CODE = /^[a-z]+(_[a-z]+)*$/;
/** Fields whose values are codes of a fixed list (`call_back_later`), shown as words (payloads are camelCase). */
const codeFields =
  /^(status|type|kind|role|channel|disposition|callDisposition|direction|callDirection|emailDirection|meetingOutcome|outcome|previousStatus|forecastCategory)$/;
/** Fields that hold an amount of money in the event's currency. */
const moneyFields = /(amount|price|total|value|budget|cost)$/i;

/** A code as words: "call_back_later" → "Call back later". */
export function codeWords(v: string): string {
  return v.charAt(0).toUpperCase() + v.slice(1).replace(/_/g, ' ');
}

/** A field name of a payload as a label: "expectedCloseDate" → "Expected close date", "ownerId" → "Owner". */
export function fieldLabel(field: string): string {
  const words = field
    .replace(/Id$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What a value is shown with: the page's names and the currency of the money in it. */
export interface ValueContext {
  references: EventReferences;
  currency?: string | undefined;
}

/** The currency of the money an event mentions: its own, else the page's (a deal's). */
function currencyOf(data: Record<string, unknown>, fallback: string | undefined): string | undefined {
  if (typeof data.currency === 'string') return data.currency;
  if (isRecord(data.after) && typeof data.after.currency === 'string') return data.after.currency;
  if (isRecord(data.before) && typeof data.before.currency === 'string') return data.before.currency;
  if (isRecord(data.changes) && isRecord(data.changes.currency) && typeof data.changes.currency.to === 'string')
    return data.changes.currency.to;
  return fallback;
}

/** One value of an event's payload as people read it. */
export function showValue(field: string, v: unknown, ctx: ValueContext): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') {
    if (UUID.test(v)) return ctx.references[v.toLowerCase()]?.name ?? 'a record not visible to you';
    if (DECIMAL.test(v) && moneyFields.test(field)) return formatMoney(v, ctx.currency);
    if (DATE.test(v)) return formatDate(v);
    if (DATE_TIME.test(v) && !Number.isNaN(Date.parse(v))) return formatDateTime(v);
    if (CODE.test(v) && codeFields.test(field)) return codeWords(v);
    return v;
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return 'none';
    if (v.every((x) => typeof x === 'string')) return v.map((x) => showValue(field, x, ctx)).join(', ');
    const roles = v.filter(isRecord).filter((x) => typeof x.contactId === 'string' && typeof x.role === 'string');
    if (roles.length === v.length)
      return roles.map((x) => `${showValue('contactId', x.contactId, ctx)} (${codeWords(String(x.role))})`).join(', ');
    return `${formatNumber(v.length)} item${v.length === 1 ? '' : 's'}`;
  }
  if (isRecord(v) && typeof v.name === 'string') return v.name;
  return JSON.stringify(v);
}

/** Bookkeeping fields of a snapshot that say nothing to a reader. */
const hidden = new Set([
  'id',
  'version',
  'createdAt',
  'updatedAt',
  'stageEnteredAt',
  'currency',
  'lineItemsTotal',
  'raisedObjectionId',
  'raisedBy',
  'raisedAt',
  'createdForImport',
  'possibleDuplicateOf',
]);

/** Why a process step made the change (`cause` of the event), in words. */
function causeLine(cause: unknown): EntryChange[] {
  if (!isRecord(cause)) return [];
  if (cause.kind === 'meeting_held') return [{ field: 'Why', from: '', to: 'the first meeting was held' }];
  if (cause.kind === 'claim') return [{ field: 'Why', from: '', to: 'claimed from the call queue' }];
  return [];
}

/** The from → to lines of an event, whatever its type, and why a process step made it. */
export function entryChanges(e: EventEntry, ctx: ValueContext): EntryChange[] {
  return [...changeLines(e, ctx), ...causeLine(e.data.cause)];
}

function changeLines(e: EventEntry, ctx: ValueContext): EntryChange[] {
  const d = e.data;
  // What a held meeting did to the deal, as the rep was told.
  if (e.type === 'booking.held')
    return isRecord(d.dealEffect) && typeof d.dealEffect.message === 'string'
      ? [{ field: 'Deal', from: '', to: d.dealEffect.message }]
      : [];
  const c: ValueContext = { ...ctx, currency: currencyOf(d, ctx.currency) };
  if (e.type.endsWith('.stage_changed') && isRecord(d.from) && isRecord(d.to))
    return [{ field: 'Stage', from: String(d.from.name), to: String(d.to.name) }];
  if (e.type.endsWith('.status_changed') && typeof d.from === 'string' && typeof d.to === 'string')
    return [{ field: 'Status', from: codeWords(d.from), to: codeWords(d.to) }];
  const pairs: [string, unknown, unknown][] = isRecord(d.changes)
    ? Object.entries(d.changes).map(([k, v]) => (isRecord(v) ? [k, v.from, v.to] : [k, undefined, v]))
    : isRecord(d.after)
      ? Object.entries(d.after).map(([k, v]) => [k, undefined, v])
      : isRecord(d.before)
        ? Object.entries(d.before).map(([k, v]) => [k, v, undefined])
        : Object.entries(d)
            .filter(([k]) => k !== 'changes' && k !== 'reason' && k !== 'cause')
            .map(([k, v]) => [k, undefined, v]);
  return pairs
    .filter(([k]) => !hidden.has(k))
    .filter(([, from, to]) => !(from === undefined && (to === null || (Array.isArray(to) && to.length === 0))))
    .map(([k, from, to]) => ({
      field: fieldLabel(k),
      from: from === undefined ? '' : showValue(k, from, c),
      to: to === undefined ? '—' : showValue(k, to, c),
    }));
}

/** An event's title: the catalog's words for its type ("Lead status changed"). */
export function entryTitle(e: Pick<EventEntry, 'type'>): string {
  return eventTitle(e.type);
}

/** The record an event is about, by name, when it is not the page's own ("Call: Discovery", "Acme rollout"). */
export function entrySubject(e: EventEntry, ctx: ValueContext, recordId?: string): string | null {
  if (recordId !== undefined && e.entityId === recordId) return null;
  return ctx.references[e.entityId.toLowerCase()]?.name ?? null;
}
