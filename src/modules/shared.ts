import { AppError, invalid, notFound, versionConflict, type FieldProblem } from '../contract/errors.ts';
import { camelKey, camelSnapshot } from '../contract/events/casing.ts';
import { diffFields } from '../domain/event-hash.ts';
import type { EventInput } from './events/events.service.ts';

/** What the client sent in If-Match: a version, or '*' to overwrite whatever is there. */
export type ExpectedVersion = number | '*';

/**
 * Why a process step made a change nobody asked for directly, recorded on its event as `cause`: a
 * held first meeting created or advanced the deal, or a user claimed an unassigned lead.
 */
export type EventCause = { kind: 'meeting_held'; bookingId: string } | { kind: 'claim' };

/**
 * The version to update against. A missing If-Match is refused (no silent overwrites); a stale one
 * is a 409 naming the current version.
 */
export function checkVersion(
  entity: string,
  id: string,
  current: number,
  expected: ExpectedVersion | undefined,
): number {
  if (expected === undefined) {
    throw new AppError(
      'precondition_required',
      `Send If-Match with the version of the ${entity} you edited (or * to overwrite)`,
      {
        details: { currentVersion: current },
      },
    );
  }
  if (expected !== '*' && expected !== current) throw versionConflict(entity, id, current, expected);
  return current;
}

/** Throws not_found unless the record exists (used for records the actor may not see, too). */
export function found<T>(row: T | undefined | null, entity: string, id: string): T {
  if (row === undefined || row === null) throw notFound(entity, id);
  return row;
}

export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

/** Builds a page from rows fetched with limit + 1. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  map: (r: R) => T,
  cursorOf: (r: R) => string,
): { items: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(map), nextCursor: rows.length > limit && last !== undefined ? cursorOf(last) : null };
}

/**
 * Runs a check that may fail validation (such as resolveOwner) after other checks have already
 * found bad fields, so that one response names every bad field instead of the first one only.
 */
export async function withProblems<T>(problems: readonly FieldProblem[], check: () => Promise<T>): Promise<T> {
  let value: T;
  try {
    value = await check();
  } catch (err) {
    if (problems.length > 0 && err instanceof AppError && err.code === 'validation_failed')
      throw invalid([...problems, ...(err.fields ?? [])]);
    throw err;
  }
  if (problems.length > 0) throw invalid([...problems]);
  return value;
}

/**
 * `.updated` for field changes and `.assigned` for an owner change, so both are visible in the log.
 * Snapshots and field names may come as stored (`owner_id`): the events name them in camelCase.
 */
export function changeEvents(
  entity: string,
  id: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  fields?: readonly string[],
): EventInput[] {
  const from = camelSnapshot(before);
  const to = camelSnapshot(after);
  const keys = (fields ?? Object.keys(before))
    .map(camelKey)
    .filter((k) => !['version', 'updatedAt', 'createdAt', 'orgId', 'id'].includes(k));
  const changes = diffFields(from, to, keys);
  const events: EventInput[] = [];
  const owner = changes.ownerId;
  delete changes.ownerId;
  if (Object.keys(changes).length > 0)
    events.push({ entityType: entity, entityId: id, type: `${entity}.updated`, data: { changes } });
  if (owner)
    events.push({
      entityType: entity,
      entityId: id,
      type: `${entity}.assigned`,
      data: { changes: { ownerId: owner } },
    });
  return events;
}
