import { eventCatalog, eventEntityTypes, type EventDefinition } from './catalog.ts';

export { eventCatalog, eventEntityTypes, type EventDefinition, type EventEntityType } from './catalog.ts';

/** A problem with an event: the field (`type`, `entityType`, `version`, `data.<path>`) and why. */
export interface EventProblem {
  field: string;
  message: string;
}

/** The definition of an event type, or undefined when the catalog does not know it. */
export function eventDefinition(type: string): EventDefinition | undefined {
  return eventCatalog.get(type);
}

/**
 * An event type as people read it: the catalog's title, else the type in words
 * (`lead.status_changed` → "Lead status changed", `api_token.revoked` → "API token revoked").
 */
export function eventTitle(type: string): string {
  const title = eventCatalog.get(type)?.title;
  if (title) return title;
  const words = type
    .replace('.', ' ')
    .replace(/_/g, ' ')
    .replace(/\bapi\b/g, 'API')
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const pathOf = (path: readonly PropertyKey[]): string => ['data', ...path.map(String)].join('.');

/**
 * What is wrong with an event a writer is about to append (empty when nothing): a type the catalog
 * does not know, a record kind the type is not about, or a payload its current schema refuses.
 */
export function eventProblems(e: { type: string; entityType: string; data: unknown }): EventProblem[] {
  const def = eventCatalog.get(e.type);
  if (!def) return [{ field: 'type', message: `${e.type} is not an event type of the catalog` }];
  const problems: EventProblem[] = [];
  if (!(def.entityTypes as readonly string[]).includes(e.entityType))
    problems.push({
      field: 'entityType',
      message: `${e.type} is about ${def.entityTypes.join(' or ')}, not ${e.entityType}`,
    });
  const parsed = def.schema.safeParse(e.data);
  if (!parsed.success)
    for (const issue of parsed.error.issues) problems.push({ field: pathOf(issue.path), message: issue.message });
  return problems;
}

/** A stored event's payload read as the current version of its type. */
export interface CurrentPayload {
  version: number;
  data: Record<string, unknown>;
}

/**
 * Reads a stored payload as the current version of its type: applies the upcasters from the
 * stored version on. A type the catalog does not know, or a version newer than it knows, is
 * returned as stored (a newer server may have written it; readers show what they can).
 */
export function upcastEvent(type: string, version: number, data: Record<string, unknown>): CurrentPayload {
  const def = eventCatalog.get(type);
  if (!def || version >= def.version) return { version, data };
  let out = data;
  for (const step of def.history) if (step.version >= version) out = step.upcast(out);
  return { version: def.version, data: out };
}

/**
 * What is wrong with a stored event read through the catalog: its stored version checked
 * against that version's schema, then the upcast payload against the current schema.
 */
export function storedEventProblems(e: {
  type: string;
  entityType: string;
  version: number;
  data: Record<string, unknown>;
}): EventProblem[] {
  const def = eventCatalog.get(e.type);
  if (!def) return [{ field: 'type', message: `${e.type} is not an event type of the catalog` }];
  if (e.version < 1 || e.version > def.version)
    return [{ field: 'version', message: `${e.type} has versions 1 to ${def.version}, not ${e.version}` }];
  const step = def.history.find((s) => s.version === e.version);
  if (step) {
    const old = step.schema.safeParse(e.data);
    if (!old.success)
      return old.error.issues.map((issue) => ({
        field: pathOf(issue.path),
        message: `v${e.version}: ${issue.message}`,
      }));
  }
  return eventProblems({ type: e.type, entityType: e.entityType, data: upcastEvent(e.type, e.version, e.data).data });
}

/** The current version of an event type (new events are stored with it). */
export function currentEventVersion(type: string): number {
  return eventCatalog.get(type)?.version ?? 1;
}

/**
 * Problems with a webhook endpoint's event-type filter patterns (already well formed): an exact
 * type must be in the catalog, an `entity.*` must name a kind of record events are about.
 */
export function eventFilterProblems(patterns: readonly string[]): { index: number; message: string }[] {
  const out: { index: number; message: string }[] = [];
  patterns.forEach((p, index) => {
    if (p === '*') return;
    if (p.endsWith('.*')) {
      const entity = p.slice(0, -2);
      if (!(eventEntityTypes as readonly string[]).includes(entity))
        out.push({ index, message: `${entity} is not a kind of record events are about` });
      return;
    }
    if (!eventCatalog.has(p)) out.push({ index, message: `${p} is not an event type of the catalog` });
  });
  return out;
}
