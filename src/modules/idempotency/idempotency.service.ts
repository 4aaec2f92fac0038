import { createHash } from 'node:crypto';
import type { Actor } from '../../contract/access.ts';
import { canonicalJson } from '../../domain/event-hash.ts';
import { AppError } from '../../contract/errors.ts';
import type { Deps } from '../context.ts';
import * as repo from './idempotency.repository.ts';

export type Replay = { kind: 'replay'; status: number; body: unknown } | { kind: 'proceed' };

/**
 * Claims an Idempotency-Key for a write. A retry with the same key and body returns the stored
 * first response; the same key with another body is refused; a retry while the first is still
 * running is refused with 409 so that it can be retried again.
 */
export async function beginIdempotent(
  deps: Deps,
  actor: Actor,
  key: string,
  method: string,
  path: string,
  body: unknown,
): Promise<Replay> {
  const requestHash = createHash('sha256')
    .update(`${method} ${path} ${canonicalJson(body ?? null)}`)
    .digest('hex');
  const claimed = await repo.claimKey(deps.db, {
    orgId: actor.orgId,
    userId: actor.userId,
    key,
    method,
    path,
    requestHash,
    at: deps.clock.now(),
  });
  if (claimed) return { kind: 'proceed' };
  const existing = await repo.getKey(deps.db, actor.orgId, actor.userId, key);
  if (!existing) return beginIdempotent(deps, actor, key, method, path, body);
  if (existing.request_hash !== requestHash) {
    throw new AppError('idempotency_conflict', 'This Idempotency-Key was already used for a different request');
  }
  if (existing.status_code === null) {
    throw new AppError(
      'idempotency_conflict',
      'A request with this Idempotency-Key is still being processed; retry shortly',
    );
  }
  return { kind: 'replay', status: existing.status_code, body: existing.response };
}

/** Stores the response of a successful write; a failed one frees the key for a retry. */
export async function finishIdempotent(
  deps: Deps,
  actor: Actor,
  key: string,
  status: number,
  body: unknown,
): Promise<void> {
  if (status >= 200 && status < 300) await repo.completeKey(deps.db, actor.orgId, actor.userId, key, status, body);
  else await repo.releaseKey(deps.db, actor.orgId, actor.userId, key);
}

/** Keys are kept for 24 hours. */
export async function purgeIdempotencyKeys(deps: Deps): Promise<void> {
  await repo.purgeOlderThan(deps.db, new Date(deps.clock.now().getTime() - 24 * 3600 * 1000));
}
