import type { DbExecutor } from '../../db/database.ts';

export async function claimKey(
  db: DbExecutor,
  k: { orgId: string; userId: string; key: string; method: string; path: string; requestHash: string; at: Date },
): Promise<boolean> {
  const r = await db
    .insertInto('idempotency_keys')
    .values({
      org_id: k.orgId,
      user_id: k.userId,
      key: k.key,
      method: k.method,
      path: k.path,
      request_hash: k.requestHash,
      status_code: null,
      response: null,
      created_at: k.at,
    })
    .onConflict((oc) => oc.columns(['org_id', 'user_id', 'key']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function getKey(db: DbExecutor, orgId: string, userId: string, key: string) {
  return db
    .selectFrom('idempotency_keys')
    .select(['method', 'path', 'request_hash', 'status_code', 'response', 'created_at'])
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .executeTakeFirst();
}

export async function completeKey(
  db: DbExecutor,
  orgId: string,
  userId: string,
  key: string,
  status: number,
  response: unknown,
): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ status_code: status, response: JSON.stringify(response ?? null) })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .execute();
}

export async function releaseKey(db: DbExecutor, orgId: string, userId: string, key: string): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .where('status_code', 'is', null)
    .execute();
}

export async function purgeOlderThan(db: DbExecutor, before: Date): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('created_at', '<', before).execute();
}
