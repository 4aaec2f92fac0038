import { camelSnapshot } from '../../contract/events/casing.ts';
import type { Updateable } from 'kysely';
import type { Actor } from '../../contract/access.ts';
import { canReadReference, canWriteReference } from '../../contract/access.ts';
import { forbidden } from '../../contract/errors.ts';
import type {
  CreateObjectionInput,
  ListObjectionsQuery,
  ObjectionDto,
  UpdateObjectionInput,
} from '../../contract/objections.ts';
import type { ObjectionsTable } from '../../db/schema.ts';
import { encodeCursor } from '../../db/list.ts';
import { changeEvents } from '../shared.ts';
import { write, type Deps } from '../context.ts';
import { checkVersion, found, toPage, type ExpectedVersion } from '../shared.ts';
import * as repo from './objections.repository.ts';

export function toObjectionDto(r: repo.ObjectionRow): ObjectionDto {
  return {
    id: r.id,
    category: r.category as ObjectionDto['category'],
    title: r.title,
    description: r.description,
    recommendedResponses: r.recommended_responses,
    active: r.active,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

const auditFields = ['category', 'title', 'description', 'recommended_responses', 'active'] as const;

function snapshot(r: repo.ObjectionRow): Record<string, unknown> {
  return camelSnapshot(Object.fromEntries(auditFields.map((f) => [f, r[f]])));
}

function assertCanRead(actor: Actor): void {
  if (!canReadReference(actor, 'objection')) throw forbidden('Your role cannot read the objection library');
}

function assertCanWrite(actor: Actor): void {
  if (!canWriteReference(actor, 'objection'))
    throw forbidden('Only admins and managers can change the objection library');
}

export async function createObjection(deps: Deps, actor: Actor, input: CreateObjectionInput): Promise<ObjectionDto> {
  assertCanWrite(actor);
  const now = deps.clock.now();
  const id = deps.ids.id();
  const row = await write(deps, actor.orgId, async (trx) => {
    const inserted = await repo.insertObjection(trx, {
      org_id: actor.orgId,
      id,
      category: input.category,
      title: input.title,
      description: input.description ?? null,
      recommended_responses: JSON.stringify(input.recommendedResponses ?? []),
      active: input.active ?? true,
      created_at: now,
      updated_at: now,
    });
    await deps.eventLog.append(trx, actor, [
      { entityType: 'objection', entityId: id, type: 'objection.created', data: { after: snapshot(inserted) } },
    ]);
    return inserted;
  });
  return toObjectionDto(row);
}

export async function getObjection(deps: Deps, actor: Actor, id: string): Promise<ObjectionDto> {
  assertCanRead(actor);
  return toObjectionDto(found(await repo.getObjection(deps.db, actor.orgId, id), 'objection', id));
}

export async function listObjections(
  deps: Deps,
  actor: Actor,
  q: ListObjectionsQuery,
): Promise<{ items: ObjectionDto[]; nextCursor: string | null }> {
  assertCanRead(actor);
  const rows = await repo.listObjections(deps.db, actor.orgId, q);
  return toPage(rows, q.limit, toObjectionDto, (r) => encodeCursor(r[q.sort], r.id));
}

export async function updateObjection(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: UpdateObjectionInput,
): Promise<ObjectionDto> {
  assertCanWrite(actor);
  const row = await write(deps, actor.orgId, async (trx) => {
    const before = found(await repo.lockObjection(trx, actor.orgId, id), 'objection', id);
    const version = checkVersion('objection', id, before.version, expected);
    const patch: Updateable<ObjectionsTable> = { updated_at: deps.clock.now() };
    if (input.category !== undefined) patch.category = input.category;
    if (input.title !== undefined) patch.title = input.title;
    if (input.description !== undefined) patch.description = input.description;
    if (input.recommendedResponses !== undefined)
      patch.recommended_responses = JSON.stringify(input.recommendedResponses);
    if (input.active !== undefined) patch.active = input.active;
    const after = await repo.updateObjection(trx, actor.orgId, id, version, patch);
    await deps.eventLog.append(trx, actor, changeEvents('objection', id, snapshot(before), snapshot(after)));
    return after;
  });
  return toObjectionDto(row);
}

/**
 * Retires a library entry. Objections already raised keep pointing at it (they are analysed by
 * library entry later), so the row stays and only leaves the active list.
 */
export async function deactivateObjection(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
): Promise<void> {
  assertCanWrite(actor);
  await write(deps, actor.orgId, async (trx) => {
    const before = found(await repo.lockObjection(trx, actor.orgId, id), 'objection', id);
    const version = checkVersion('objection', id, before.version, expected);
    if (!before.active) return;
    await repo.updateObjection(trx, actor.orgId, id, version, {
      active: false,
      updated_at: deps.clock.now(),
    });
    await deps.eventLog.append(trx, actor, [
      { entityType: 'objection', entityId: id, type: 'objection.deactivated', data: { before: snapshot(before) } },
    ]);
  });
}
