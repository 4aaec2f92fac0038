import { z } from 'zod';
import type { DbExecutor } from '../../db/database.ts';
import type { Actor } from '../../domain/access.ts';
import { canReadAudit } from '../../domain/access.ts';
import { forbidden } from '../../domain/errors.ts';
import type { Deps } from '../context.ts';
import { verifyChain, type VerifyReport } from './chain.ts';
import * as repo from './events.repository.ts';

export interface EventInput {
  entityType: string;
  entityId: string;
  type: string;
  data: Record<string, unknown>;
  businessTime?: Date | null;
  imported?: boolean;
}

/** Appends events in the caller's transaction and returns their ids in order; the sealer chains them after commit. */
export async function recordEvents(trx: DbExecutor, deps: Pick<Deps, 'clock'>, actor: Pick<Actor, 'orgId' | 'userId'> | { orgId: string; userId: null }, events: readonly EventInput[]): Promise<number[]> {
  const at = deps.clock.now();
  return repo.insertEvents(
    trx,
    events.map((e) => ({ ...e, orgId: actor.orgId, actorId: actor.userId, occurredAt: at })),
  );
}

/** As `recordEvents`, for thousands of events at once (imports): appended with COPY, sealed the same way. */
export async function recordManyEvents(trx: DbExecutor, deps: Pick<Deps, 'clock'>, actor: Pick<Actor, 'orgId' | 'userId'>, events: readonly EventInput[]): Promise<number[]> {
  const at = deps.clock.now();
  return repo.copyEvents(
    trx,
    events.map((e) => ({ ...e, orgId: actor.orgId, actorId: actor.userId, occurredAt: at })),
  );
}

export const timelineEntrySchema = z.object({
  id: z.number().int(),
  seq: z.number().int().nullable(),
  type: z.string(),
  /** The record the event is about: the timeline's own record, or one merged into it. */
  entityId: z.string(),
  occurredAt: z.string(),
  businessTime: z.string().nullable(),
  imported: z.boolean(),
  actor: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export async function timeline(
  deps: Deps,
  actor: Actor,
  entityType: string,
  entityId: string,
  opts: { limit: number; before?: number | undefined },
): Promise<{ items: TimelineEntry[]; nextCursor: string | null }> {
  const merged = await repo.mergedInto(deps.db, actor.orgId, entityType, entityId);
  const rows = await repo.listEntityEvents(deps.db, actor.orgId, entityType, [entityId, ...merged], { limit: opts.limit + 1, beforeId: opts.before });
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      seq: r.seq,
      type: r.type,
      entityId: r.entityId,
      occurredAt: r.occurredAt.toISOString(),
      businessTime: r.businessTime ? r.businessTime.toISOString() : null,
      imported: r.imported,
      actor: r.actorId ? { id: r.actorId, name: r.actorName } : null,
      data: r.data,
    })),
    nextCursor: rows.length > opts.limit && last ? String(last.id) : null,
  };
}

export async function verifyAudit(deps: Deps, actor: Actor): Promise<VerifyReport> {
  if (!canReadAudit(actor)) throw forbidden('Only admins and auditors can verify the audit trail');
  await deps.sealer.flush(actor.orgId);
  return verifyChain(deps.db, actor.orgId);
}
