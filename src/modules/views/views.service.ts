import type { Actor } from '../../contract/access.ts';
import { AppError, invalid } from '../../contract/errors.ts';
import {
  MAX_VIEWS_PER_ENTITY,
  storedViewSchema,
  type CreateViewInput,
  type ListViewsQuery,
  type UpdateViewInput,
  type ViewDto,
} from '../../contract/views.ts';
import type { DbExecutor } from '../../db/database.ts';
import { encodeCursor } from '../../db/list.ts';
import type { Deps } from '../context.ts';
import { checkVersion, found, toPage, type ExpectedVersion } from '../shared.ts';
import * as repo from './views.repository.ts';

/*
 * Saved views belong to one user: every query is keyed by the actor's own user id, so another
 * user's view (even an admin's or a teammate's) is not found. Every role may keep views, since a
 * view only stores how to ask the list, and the list applies the actor's record scope itself.
 * Views are preferences, not business records: no events are recorded for them.
 */

export function toViewDto(r: repo.ViewRow): ViewDto {
  return {
    id: r.id,
    entity: r.entity as ViewDto['entity'],
    name: r.name,
    filters: r.filters,
    sort: r.sort,
    columns: r.columns,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

async function assertNameFree(
  db: DbExecutor,
  actor: Actor,
  entity: string,
  name: string,
  selfId: string | null,
): Promise<void> {
  const clash = await repo.findViewByName(db, actor.orgId, actor.userId, entity, name);
  if (clash && clash.id !== selfId)
    throw new AppError('duplicate', `You already have a ${entity} view named "${name}"`, {
      fields: [{ field: 'name', message: 'is already the name of another of your views of this table' }],
    });
}

export async function createView(deps: Deps, actor: Actor, input: CreateViewInput): Promise<ViewDto> {
  const row = await deps.db.transaction().execute(async (trx) => {
    await assertNameFree(trx, actor, input.entity, input.name, null);
    if ((await repo.countViews(trx, actor.orgId, actor.userId, input.entity)) >= MAX_VIEWS_PER_ENTITY) {
      throw new AppError(
        'conflict',
        `You already have ${MAX_VIEWS_PER_ENTITY} ${input.entity} views; delete one first`,
      );
    }
    const now = deps.clock.now();
    return repo.insertView(trx, {
      org_id: actor.orgId,
      id: deps.ids.id(),
      user_id: actor.userId,
      entity: input.entity,
      name: input.name,
      filters: JSON.stringify(input.filters),
      sort: JSON.stringify(input.sort),
      columns: JSON.stringify(input.columns),
      created_at: now,
      updated_at: now,
    });
  });
  return toViewDto(row);
}

export async function getView(deps: Deps, actor: Actor, id: string): Promise<ViewDto> {
  return toViewDto(found(await repo.getView(deps.db, actor.orgId, actor.userId, id), 'view', id));
}

export async function listViews(
  deps: Deps,
  actor: Actor,
  q: ListViewsQuery,
): Promise<{ items: ViewDto[]; nextCursor: string | null }> {
  const rows = await repo.listViews(deps.db, actor.orgId, actor.userId, q);
  return toPage(rows, q.limit, toViewDto, (r) => encodeCursor(r[q.sort], r.id));
}

export async function updateView(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: UpdateViewInput,
): Promise<ViewDto> {
  const row = await deps.db.transaction().execute(async (trx) => {
    const before = found(await repo.lockView(trx, actor.orgId, actor.userId, id), 'view', id);
    const version = checkVersion('view', id, before.version, expected);
    const filters = input.filters ?? before.filters;
    const sort = input.sort === undefined ? before.sort : input.sort;
    const checked = storedViewSchema.safeParse({ entity: before.entity, filters, sort });
    if (!checked.success)
      throw invalid(checked.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
    if (input.name !== undefined) await assertNameFree(trx, actor, before.entity, input.name, id);
    const after = await repo.updateView(trx, actor.orgId, id, version, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      filters: JSON.stringify(filters),
      sort: JSON.stringify(sort),
      ...(input.columns !== undefined ? { columns: JSON.stringify(input.columns) } : {}),
      updated_at: deps.clock.now(),
    });
    return after;
  });
  return toViewDto(row);
}

export async function deleteView(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const before = found(await repo.lockView(trx, actor.orgId, actor.userId, id), 'view', id);
    const version = checkVersion('view', id, before.version, expected);
    await repo.deleteView(trx, actor.orgId, actor.userId, id, version);
  });
}
