import { canEditAvailability, type Actor } from '../../contract/access.ts';
import type { BusyFeedDto, SetBusyFeedInput } from '../../contract/booking.ts';
import { forbidden, invalid, notFound } from '../../contract/errors.ts';
import type { DbExecutor } from '../../db/database.ts';
import { busyTimesFromIcs, IcsBusyError, type BusyRange } from '../../domain/ics-busy.ts';
import { write, type Deps } from '../context.ts';
import type { EventInput } from '../events/event-log.ts';
import { cancelWaitingJob, enqueueJob } from '../jobs/enqueue.ts';
import { JobFailed, type JobContext } from '../jobs/queue.ts';
import { getUser } from '../users/users.service.ts';
import * as repo from './booking.repository.ts';
import { BusyFeedError, feedUrlProblem, fetchBusyFeed } from './busy-feed-fetch.ts';
import { BUSY_HORIZON_DAYS, MAX_BUSY_RANGES, reasonOf } from './busy-import.service.ts';

export const BUSY_FEED_SYNC_JOB = 'booking.busy_feed_sync';
/** A feed is read again this long after each attempt. */
export const BUSY_FEED_INTERVAL_MS = 3_600_000;
const DAY = 86_400_000;
const FOREVER = new Date('9999-12-31');

/** The scheme and host of a feed URL: what anyone but the rep sees (the path and query hold the secret). */
const hostPart = (url: string) => {
  const u = new URL(url);
  return `${u.protocol}//${u.host}/…`;
};

async function toDto(db: DbExecutor, actor: Actor, row: repo.BusyFeedRow, now: Date): Promise<BusyFeedDto> {
  const own = actor.userId === row.user_id;
  return {
    userId: row.user_id,
    url: own ? row.url : hostPart(row.url),
    urlHidden: !own,
    lastAttemptAt: row.last_attempt_at?.toISOString() ?? null,
    lastSuccessAt: row.last_success_at?.toISOString() ?? null,
    lastError: row.last_error,
    ranges: await repo.countFeedTimeOff(db, row.org_id, row.user_id, now),
    updatedAt: row.updated_at.toISOString(),
  };
}

async function allowed(deps: Deps, actor: Actor, userId: string): Promise<void> {
  await getUser(deps, actor, userId);
  if (!canEditAvailability(actor, userId)) throw forbidden('You may not change this user’s calendar');
}

const syncKey = (userId: string, version: number) => `${BUSY_FEED_SYNC_JOB}:${userId}:${version}`;

/** One waiting sync per feed version: a replaced URL starts a new chain, and the old one ends when it runs. */
const syncJob = (orgId: string, userId: string, version: number, runAt: Date) => ({
  orgId,
  kind: BUSY_FEED_SYNC_JOB,
  payload: { userId, version },
  key: syncKey(userId, version),
  runAt,
});

/** The rep's feed and how its last sync went; null when none is set. */
export async function getBusyFeed(deps: Deps, actor: Actor, userId: string): Promise<{ feed: BusyFeedDto | null }> {
  await allowed(deps, actor, userId);
  const row = await repo.getBusyFeed(deps.db, actor.orgId, userId);
  return { feed: row ? await toDto(deps.db, actor, row, deps.clock.now()) : null };
}

/**
 * Sets (or replaces) a rep's busy-time feed URL: https only. It is read at once by a job on the
 * queue, and every hour after.
 */
export async function setBusyFeed(
  deps: Deps,
  actor: Actor,
  userId: string,
  input: SetBusyFeedInput,
): Promise<BusyFeedDto> {
  await allowed(deps, actor, userId);
  const problem = feedUrlProblem(deps.busyFeeds, input.url);
  if (problem) throw invalid([{ field: 'url', message: problem }]);
  const now = deps.clock.now();
  return write(deps, actor.orgId, async (trx) => {
    const row = await repo.upsertBusyFeed(trx, {
      org_id: actor.orgId,
      user_id: userId,
      url: input.url,
      set_by: actor.userId,
      now,
    });
    await enqueueJob(deps, trx, { ...syncJob(actor.orgId, userId, row.version, now), createdBy: actor.userId });
    await deps.eventLog.append(trx, actor, [
      { entityType: 'user', entityId: userId, type: 'user.busy_feed_set', data: { host: new URL(input.url).host } },
    ]);
    return toDto(trx, actor, row, now);
  });
}

/**
 * Removes a rep's feed: it is no longer read; the ranges it added stay until removed by hand. Its
 * waiting read is canceled: a feed set again starts over at version 1, whose first read must not
 * be taken for that waiting one (an hour on) by the job key.
 */
export async function removeBusyFeed(deps: Deps, actor: Actor, userId: string): Promise<void> {
  await allowed(deps, actor, userId);
  await write(deps, actor.orgId, async (trx) => {
    const row = await repo.deleteBusyFeed(trx, actor.orgId, userId);
    if (!row) throw notFound('busy-time feed', userId);
    await cancelWaitingJob(deps, trx, actor.orgId, syncKey(userId, row.version), 'the feed was removed');
    await deps.eventLog.append(trx, actor, [
      { entityType: 'user', entityId: userId, type: 'user.busy_feed_removed', data: {} },
    ]);
  });
}

export type BusyFeedSyncOutcome =
  | { kind: 'synced'; added: number; removed: number; busy: number }
  | { kind: 'failed'; error: string }
  /** The feed was removed or replaced since this sync was asked for. */
  | { kind: 'gone' };

const keyOf = (start: Date, end: Date) => `${start.toISOString()} ${end.toISOString()}`;

/**
 * Reads a rep's feed and brings their out-of-office ranges in line with it (the system acts: no
 * user). Busy ranges new in the feed are added, marked as the feed's; the feed's own ranges no
 * longer in it are removed; ranges added by hand or from a file are never touched, and a feed range
 * the rep already has is not added twice. A feed that cannot be read or parsed leaves the ranges as
 * they are and records the error. The next sync is queued an hour on either way.
 */
export async function syncBusyFeed(
  deps: Deps,
  orgId: string,
  userId: string,
  version: number,
  fence?: (trx: DbExecutor) => Promise<void>,
): Promise<BusyFeedSyncOutcome> {
  const feed = await repo.getBusyFeed(deps.db, orgId, userId);
  if (!feed || feed.version !== version) return { kind: 'gone' };
  const started = deps.clock.now();
  const settings = await repo.getAvailability(deps.db, orgId, userId);
  let busy: BusyRange[] | null = null;
  let error: string | null = null;
  try {
    const text = await fetchBusyFeed(deps.busyFeeds, feed.url);
    busy = busyTimesFromIcs(text, {
      from: started,
      to: new Date(started.getTime() + BUSY_HORIZON_DAYS * DAY),
      floatingZone: settings?.timezone ?? 'UTC',
      max: MAX_BUSY_RANGES,
    });
  } catch (err) {
    if (err instanceof BusyFeedError) error = err.message;
    else if (err instanceof IcsBusyError) error = `the feed ${err.message}`;
    else throw err;
  }
  return write(deps, orgId, async (trx): Promise<BusyFeedSyncOutcome> => {
    if (fence) await fence(trx);
    const current = await repo.lockBusyFeed(trx, orgId, userId);
    if (!current || current.version !== version) return { kind: 'gone' };
    const now = deps.clock.now();
    const system = { orgId, userId: null };
    await enqueueJob(deps, trx, syncJob(orgId, userId, version, new Date(now.getTime() + BUSY_FEED_INTERVAL_MS)));
    if (busy === null) {
      const message = (error ?? 'the feed could not be read').slice(0, 1000);
      await repo.recordBusyFeedAttempt(trx, orgId, userId, { at: now, error: message });
      if (message !== current.last_error)
        await deps.eventLog.append(trx, system, [
          { entityType: 'user', entityId: userId, type: 'user.busy_feed_failed', data: { error: message } },
        ]);
      return { kind: 'failed', error: message };
    }
    const existing = await repo.listTimeOff(trx, orgId, [userId], now, FOREVER);
    const wanted = new Map(busy.map((b) => [keyOf(b.start, b.end), b]));
    const events: EventInput[] = [];
    let removed = 0;
    for (const t of existing) {
      if (!t.from_feed || wanted.has(keyOf(t.starts_at, t.ends_at))) continue;
      await repo.deleteTimeOff(trx, orgId, t.id);
      removed++;
      events.push({
        entityType: 'user',
        entityId: userId,
        type: 'user.time_off_removed',
        data: { timeOffId: t.id, start: t.starts_at, end: t.ends_at },
      });
    }
    const have = new Set(existing.map((t) => keyOf(t.starts_at, t.ends_at)));
    let added = 0;
    for (const [key, b] of wanted) {
      if (have.has(key)) continue;
      const row = await repo.insertTimeOff(trx, {
        org_id: orgId,
        id: deps.ids.id(),
        user_id: userId,
        starts_at: b.start,
        ends_at: b.end,
        reason: reasonOf(b),
        created_at: now,
        from_feed: true,
      });
      added++;
      events.push({
        entityType: 'user',
        entityId: userId,
        type: 'user.time_off_added',
        data: { timeOffId: row.id, start: row.starts_at, end: row.ends_at, reason: row.reason },
      });
    }
    await repo.recordBusyFeedAttempt(trx, orgId, userId, { at: now, error: null });
    if (added + removed > 0 || current.last_error !== null)
      events.push({
        entityType: 'user',
        entityId: userId,
        type: 'user.busy_feed_synced',
        data: { added, removed, busy: busy.length },
      });
    await deps.eventLog.append(trx, system, events);
    return { kind: 'synced', added, removed, busy: busy.length };
  });
}

/** Runs a feed's sync (at once after the URL is set, then every hour). */
export async function runBusyFeedSyncJob(deps: Deps, ctx: JobContext): Promise<void> {
  const orgId = ctx.job.org_id;
  const { userId, version } = ctx.job.payload as { userId?: unknown; version?: unknown };
  if (!orgId || typeof userId !== 'string' || typeof version !== 'number')
    throw new JobFailed('the job names no organization, user or feed version');
  await syncBusyFeed(deps, orgId, userId, version, (trx) => ctx.fence(trx));
}
