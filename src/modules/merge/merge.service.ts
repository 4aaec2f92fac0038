import type { MergeEntity } from '../../contract/merge.ts';
import { z } from 'zod';
import type { Actor } from '../../contract/access.ts';
import { idSchema } from '../../contract/common.ts';
import { invalid } from '../../contract/errors.ts';
import type { MergeInput } from '../../contract/imports.ts';
import { assertCanWrite } from '../access.ts';
import { write, type Deps } from '../context.ts';
import * as repo from './merge.repository.ts';

export const mergeResultSchema = z.object({
  keptId: idSchema,
  mergedId: idSchema,
  /** Rows that pointed to the merged record and now point to the kept one, per table.column. */
  moved: z.record(z.string(), z.number().int()),
});
export type MergeResult = z.infer<typeof mergeResultSchema>;

function union(a: readonly string[] | null, b: readonly string[] | null, max: number): string[] {
  const seen = new Map<string, string>();
  for (const v of [...(a ?? []), ...(b ?? [])]) if (!seen.has(v.toLowerCase())) seen.set(v.toLowerCase(), v);
  return [...seen.values()].slice(0, max);
}

/**
 * POST /<entity>/:id/merge: keeps the record in the path and merges the other into it. Everything
 * that pointed to the other (contacts, deals, activities, contact roles, conversions…) is moved to
 * the kept record; a contact also keeps the other's emails and phones. The other is soft-deleted,
 * both get an event (`<entity>.merged` / `<entity>.merged_into`), and the kept record's timeline
 * shows the history of both from then on. The actor must be allowed to change both records.
 */
export async function mergeRecords(
  deps: Deps,
  actor: Actor,
  entity: MergeEntity,
  keepId: string,
  input: MergeInput,
): Promise<MergeResult> {
  const otherId = input.mergeId;
  if (otherId === keepId)
    throw invalid([{ field: 'mergeId', message: 'is the record itself; name another record to merge into it' }]);
  return write(deps, actor.orgId, async (trx) => {
    const rows = await repo.lockPair(trx, entity, actor.orgId, [keepId, otherId].sort() as [string, string]);
    const live = (id: string) => {
      const r = rows.get(id);
      return r && !r.deleted_at ? r : undefined;
    };
    const kept = assertCanWrite(actor, entity, live(keepId), keepId);
    const other = live(otherId);
    if (!other) throw invalid([{ field: 'mergeId', message: `is not a ${entity} you can see in this organization` }]);
    assertCanWrite(actor, entity, other, otherId);
    const now = deps.clock.now();
    const moved = await repo.moveReferences(trx, entity, actor.orgId, otherId, keepId);
    if (entity === 'account') await repo.clearSelfParent(trx, actor.orgId, keepId);
    const changes: Record<string, unknown> = {};
    if (entity === 'contact') {
      const emails = union(kept.emails, other.emails, 10);
      const phones = union(kept.phones, other.phones, 10);
      await repo.setContactChannels(trx, actor.orgId, keepId, emails, phones);
      if (emails.length !== (kept.emails ?? []).length) changes.emails = { from: kept.emails, to: emails };
      if (phones.length !== (kept.phones ?? []).length) changes.phones = { from: kept.phones, to: phones };
    }
    await repo.touch(trx, entity, actor.orgId, keepId, now);
    await repo.softDelete(trx, entity, actor.orgId, otherId, now);
    await repo.recordMerge(trx, {
      org_id: actor.orgId,
      entity_type: entity,
      merged_id: otherId,
      into_id: keepId,
      merged_at: now,
      merged_by: actor.userId,
    });
    await deps.eventLog.append(trx, actor, [
      {
        entityType: entity,
        entityId: keepId,
        type: `${entity}.merged`,
        data: { mergedId: otherId, moved, ...(Object.keys(changes).length ? { changes } : {}) },
      },
      { entityType: entity, entityId: otherId, type: `${entity}.merged_into`, data: { intoId: keepId } },
    ]);
    return { keptId: keepId, mergedId: otherId, moved };
  });
}
