import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import type { WebhookAttemptsTable, WebhookEndpointsTable } from '../../db/schema.ts';
import { updateVersioned, versionMissed } from '../../db/versioned.ts';

export type EndpointRow = Selectable<WebhookEndpointsTable>;
export type AttemptRow = Selectable<WebhookAttemptsTable>;
export type NewAttempt = Omit<Insertable<WebhookAttemptsTable>, 'id'>;

export async function insertEndpoint(db: DbExecutor, row: Insertable<WebhookEndpointsTable>): Promise<EndpointRow> {
  return db.insertInto('webhook_endpoints').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function getEndpoint(db: DbExecutor, orgId: string, id: string): Promise<EndpointRow | undefined> {
  return db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The endpoint's row locked for this transaction's change (see src/db/versioned.ts). */
export async function lockEndpoint(db: DbExecutor, orgId: string, id: string): Promise<EndpointRow | undefined> {
  return db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

export async function listEndpoints(db: DbExecutor, orgId: string, limit: number): Promise<EndpointRow[]> {
  return db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function countEndpoints(db: DbExecutor, orgId: string): Promise<number> {
  const r = await db
    .selectFrom('webhook_endpoints')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/**
 * An admin's change: applied only at the version they saw, and raising it (which stops a delivery
 * run under way); otherwise 409 with the current version, or 404 (see `updateVersioned`).
 */
export function updateEndpoint(
  db: DbExecutor,
  key: { orgId: string; id: string; version: number },
  patch: Updateable<WebhookEndpointsTable>,
): Promise<EndpointRow> {
  return updateVersioned(db, 'webhook_endpoints', key, patch);
}

/** Deletes the endpoint at the version the admin saw; otherwise 409 with the current version, or 404. */
export async function deleteEndpoint(db: DbExecutor, orgId: string, id: string, version: number): Promise<void> {
  const r = await db
    .deleteFrom('webhook_endpoints')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (r.numDeletedRows === 0n) throw await versionMissed(db, 'webhook_endpoints', { orgId, id, version });
}

/** Endpoints of every organization with sealed events past their cursor, due and not leased. */
export async function dueEndpoints(db: DbExecutor, now: Date, limit: number): Promise<{ orgId: string; id: string }[]> {
  const r = await sql<{ orgId: string; id: string }>`
    select w.org_id as "orgId", w.id from webhook_endpoints w
    join event_chain_heads h on h.org_id = w.org_id
    where w.enabled and h.last_seq > w.cursor_seq
      and (w.next_attempt_at is null or w.next_attempt_at <= ${now})
      and (w.lease_until is null or w.lease_until <= ${now})
    order by w.next_attempt_at nulls first
    limit ${limit}`.execute(db);
  return r.rows;
}

/**
 * Takes an endpoint's delivery lease when it is enabled, due and not leased by anyone: a compare
 * and set, so of several servers asking at once exactly one gets it.
 */
export async function claimEndpoint(
  db: DbExecutor,
  orgId: string,
  id: string,
  owner: string,
  now: Date,
  until: Date,
): Promise<EndpointRow | undefined> {
  return db
    .updateTable('webhook_endpoints')
    .set({ lease_owner: owner, lease_until: until })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('enabled', '=', true)
    .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]))
    .returningAll()
    .executeTakeFirst();
}

/** Who holds the lease and at which version of the endpoint: every write of a run checks both. */
export interface LeaseKey {
  orgId: string;
  id: string;
  owner: string;
  version: number;
}

const attemptColumns = [
  'org_id',
  'endpoint_id',
  'message_id',
  'event_id',
  'event_seq',
  'event_type',
  'attempt',
  'attempted_at',
  'outcome',
  'status',
  'duration_ms',
  'response_excerpt',
  'error',
  'next_attempt_at',
  'test',
] as const;

function attemptValues(a: NewAttempt) {
  return sql.join([
    a.org_id,
    a.endpoint_id,
    a.message_id,
    a.event_id ?? null,
    a.event_seq ?? null,
    a.event_type,
    a.attempt,
    a.attempted_at,
    a.outcome,
    a.status ?? null,
    a.duration_ms,
    a.response_excerpt ?? null,
    a.error ?? null,
    a.next_attempt_at ?? null,
    a.test ?? false,
  ]);
}

/**
 * Logs attempts and, in the same statement, applies their effect to the endpoint while the lease
 * and version still hold. False when they did not (an admin changed the endpoint, or the lease
 * passed to another server): the run stops; the attempts stay logged.
 */
export async function logAttempts(
  db: DbExecutor,
  lease: LeaseKey,
  attempts: readonly NewAttempt[],
  effect: Updateable<WebhookEndpointsTable>,
): Promise<boolean> {
  const sets = Object.entries(effect).map(([k, v]) => sql`${sql.ref(k)} = ${v as unknown}`);
  const r = await sql<{ id: string }>`
    with logged as (
      insert into webhook_attempts (${sql.join(attemptColumns.map((c) => sql.ref(c)))})
      values ${sql.join(attempts.map((a) => sql`(${attemptValues(a)})`))}
    )
    update webhook_endpoints set ${sql.join(sets)}
    where org_id = ${lease.orgId} and id = ${lease.id} and lease_owner = ${lease.owner} and version = ${lease.version}
    returning id`.execute(db);
  return r.rows.length === 1;
}

/** Moves the cursor over events the filter does not select, while the lease and version hold. */
export async function advanceCursor(db: DbExecutor, lease: LeaseKey, seq: number, until: Date): Promise<boolean> {
  const r = await db
    .updateTable('webhook_endpoints')
    .set({ cursor_seq: seq, lease_until: until })
    .where('org_id', '=', lease.orgId)
    .where('id', '=', lease.id)
    .where('lease_owner', '=', lease.owner)
    .where('version', '=', lease.version)
    .where('cursor_seq', '<', seq)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export async function releaseLease(db: DbExecutor, orgId: string, id: string, owner: string): Promise<void> {
  await db
    .updateTable('webhook_endpoints')
    .set({ lease_owner: null, lease_until: null })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .execute();
}

export async function insertAttempt(db: DbExecutor, attempt: NewAttempt): Promise<AttemptRow> {
  return db.insertInto('webhook_attempts').values(attempt).returningAll().executeTakeFirstOrThrow();
}

/** An endpoint's attempts, newest first, before the attempt id `before`. */
export async function listAttempts(
  db: DbExecutor,
  orgId: string,
  endpointId: string,
  limit: number,
  before: number | undefined,
): Promise<AttemptRow[]> {
  let q = db
    .selectFrom('webhook_attempts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('endpoint_id', '=', endpointId);
  if (before !== undefined) q = q.where('id', '<', before);
  return q.orderBy('id', 'desc').limit(limit).execute();
}

/** Deletes attempts logged before `before`, endpoint by endpoint (each uses its index). */
export async function pruneAttempts(db: DbExecutor, before: Date): Promise<number> {
  const endpoints = await db.selectFrom('webhook_endpoints').select(['org_id', 'id']).execute();
  let n = 0;
  for (const e of endpoints) {
    const r = await db
      .deleteFrom('webhook_attempts')
      .where('org_id', '=', e.org_id)
      .where('endpoint_id', '=', e.id)
      .where('attempted_at', '<', before)
      .executeTakeFirst();
    n += Number(r.numDeletedRows);
  }
  return n;
}
