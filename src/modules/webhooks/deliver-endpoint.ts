import { compileEventTypeFilter, type WebhookOutcome } from '../../contract/webhooks.ts';
import { failedTooLong, nextAttemptAt, parseRetryAfter } from '../../domain/webhook-retry.ts';
import { signWebhook } from '../../domain/webhook-signature.ts';
import { write, type Deps } from '../context.ts';
import { readSelectedEvents } from '../events/events.service.ts';
import { eventMessage, type WebhookMessage } from './webhook-payload.ts';
import type { WebhookResponse } from './webhook-transport.ts';
import * as repo from './webhooks.repository.ts';

/** Events read from the log per query. */
const PAGE = 500;
/** A run gives its lease back after this long, so one busy endpoint does not hold a slot for ever. */
const RUN_MS = 10_000;
/** The lease outlives one attempt (its timeout) by this much; every step of a run renews it. */
const LEASE_MARGIN_MS = 5_000;

/** The secrets that sign a delivery now: the current one, and the previous one during a rotation's overlap. */
export function signingSecrets(e: repo.EndpointRow, now: Date): string[] {
  const overlap = e.previous_secret && e.previous_secret_expires_at && e.previous_secret_expires_at > now;
  return overlap && e.previous_secret ? [e.secret, e.previous_secret] : [e.secret];
}

/** Signs and sends one message to an endpoint (Standard Webhooks headers). */
export function sendMessage(deps: Deps, e: repo.EndpointRow, m: WebhookMessage, now: Date): Promise<WebhookResponse> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return deps.webhookTransport.send({
    url: e.url,
    body: m.body,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Pipewright-Webhooks/1',
      'webhook-id': m.id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signWebhook(signingSecrets(e, now), m.id, timestamp, m.body),
    },
  });
}

/** How an answer is logged: delivered (2xx), gone (410), refused (address check) or failed. */
export function outcomeOf(r: WebhookResponse): WebhookOutcome {
  if (r.kind === 'refused') return 'refused';
  if (r.kind === 'error') return 'failed';
  if (r.status >= 200 && r.status < 300) return 'delivered';
  return r.status === 410 ? 'gone' : 'failed';
}

/** The attempt log row of an answer. */
export function attemptRow(
  e: repo.EndpointRow,
  m: WebhookMessage,
  r: WebhookResponse,
  at: Date,
  attempt: number,
  nextAt: Date | null,
  test: boolean,
): repo.NewAttempt {
  return {
    org_id: e.org_id,
    endpoint_id: e.id,
    message_id: m.id,
    event_id: m.eventId,
    event_seq: m.seq,
    event_type: m.type,
    attempt,
    attempted_at: at,
    outcome: outcomeOf(r),
    status: r.kind === 'response' ? r.status : null,
    duration_ms: r.durationMs,
    response_excerpt: r.kind === 'response' ? r.excerpt : null,
    error:
      r.kind === 'response' ? (outcomeOf(r) === 'delivered' ? null : `The receiver answered ${r.status}`) : r.error,
    next_attempt_at: nextAt,
    test,
  };
}

export type RunOutcome = 'not_due' | 'caught_up' | 'failed' | 'disabled' | 'interrupted' | 'time_up';

export interface DeliveryRun {
  outcome: RunOutcome;
  delivered: number;
}

export interface RunOptions {
  /** Checked between deliveries: true ends the run early (the server is stopping). */
  stopping?: () => boolean;
  runMs?: number;
  /**
   * Called when the run has caught up: resolves true when new events were sealed meanwhile (the
   * run goes on with its lease instead of giving it back and being started again).
   */
  waitForMore?: () => Promise<boolean>;
}

/**
 * Records successful deliveries while the next ones are sent: whatever succeeded during one
 * write goes into the next (the attempts and the cursor in one statement), so the database's
 * round trip does not add to each delivery's. After a crash, the deliveries of one write may be
 * sent again (at-least-once); nothing is skipped.
 */
function deliveryLog(deps: Deps, lease: repo.LeaseKey, leaseFor: () => Date) {
  let pending: { row: repo.NewAttempt; seq: number; at: Date }[] = [];
  let writing: Promise<void> | null = null;
  let failure: Error | null = null;
  let lost = false;
  const drain = async () => {
    try {
      while (pending.length > 0 && !lost) {
        const batch = pending;
        pending = [];
        const last = batch[batch.length - 1];
        if (!last) break;
        const kept = await repo.logAttempts(
          deps.db,
          lease,
          batch.map((b) => b.row),
          {
            cursor_seq: last.seq,
            attempt_count: 0,
            next_attempt_at: null,
            failing_since: null,
            last_success_at: last.at,
            lease_until: leaseFor(),
          },
        );
        if (!kept) lost = true;
      }
    } catch (err) {
      failure = err instanceof Error ? err : new Error(String(err));
    } finally {
      writing = null;
    }
  };
  return {
    add(row: repo.NewAttempt, seq: number, at: Date): void {
      pending.push({ row, seq, at });
      writing ??= drain();
    },
    /** False once a write found the lease or version changed; throws a write's error. */
    holds(): boolean {
      if (failure) throw failure;
      return !lost;
    },
    /** Waits until everything added is written; false when the lease or version did not hold. */
    async settle(): Promise<boolean> {
      while (writing) await writing;
      if (failure) throw failure;
      return !lost;
    },
  };
}

/**
 * Delivers what is due for one endpoint, in log order: takes the endpoint's lease (none is taken
 * when it is leased elsewhere, disabled or waiting for a retry), sends the events after its cursor
 * that its filter selects, one at a time, and moves the cursor past each one delivered. A failure
 * is logged with the time of the next attempt (the schedule, or Retry-After) and ends the run; a
 * 410 or 5 days without success disables the endpoint. Running it again, or on another server,
 * is harmless: this is the idempotent unit of work a job queue can drive.
 */
export async function deliverEndpoint(
  deps: Deps,
  owner: string,
  orgId: string,
  endpointId: string,
  opts: RunOptions = {},
): Promise<DeliveryRun> {
  const leaseFor = () => new Date(deps.clock.now().getTime() + deps.webhooks.timeoutMs + LEASE_MARGIN_MS);
  const claimed = await repo.claimEndpoint(deps.db, orgId, endpointId, owner, deps.clock.now(), leaseFor());
  if (!claimed) return { outcome: 'not_due', delivered: 0 };
  const endpoint = claimed;
  const lease: repo.LeaseKey = { orgId, id: endpointId, owner, version: endpoint.version };
  const filter = compileEventTypeFilter(endpoint.event_types);
  const started = performance.now();
  let cursor = endpoint.cursor_seq;
  let delivered = 0;
  const log = deliveryLog(deps, lease, leaseFor);
  const read = (afterSeq: number) => readSelectedEvents(deps.db, orgId, { afterSeq, filter, limit: PAGE });
  const run = async (): Promise<RunOutcome> => {
    let next: ReturnType<typeof read> | null = null;
    for (;;) {
      const { head, events: page } = await (next ?? read(cursor));
      next = null;
      if (head <= cursor) {
        if (opts.waitForMore && !opts.stopping?.() && performance.now() - started < (opts.runMs ?? RUN_MS)) {
          if (await opts.waitForMore()) continue;
        }
        return 'caught_up';
      }
      const last = page[page.length - 1];
      const full = page.length === PAGE && last !== undefined;
      if (full) {
        // More is waiting: read the next page while this one is sent.
        next = read(last.seq);
        next.catch(() => undefined);
      }
      for (const event of page) {
        if (opts.stopping?.() || performance.now() - started > (opts.runMs ?? RUN_MS)) return 'time_up';
        if (!log.holds()) return 'interrupted';
        const message = eventMessage(event);
        const at = deps.clock.now();
        const attempt = endpoint.attempt_count + 1;
        const response = await sendMessage(deps, endpoint, message, at);
        if (outcomeOf(response) !== 'delivered') {
          if (!(await log.settle())) return 'interrupted';
          return failed(endpoint, lease, message, response, at, attempt);
        }
        log.add(attemptRow(endpoint, message, response, at, attempt, null, false), event.seq, at);
        endpoint.attempt_count = 0;
        endpoint.failing_since = null;
        cursor = event.seq;
        delivered += 1;
      }
      if (!full && head > cursor) {
        // Nothing else up to `head` is selected: skip the cursor over the rest (after the
        // deliveries' own records, which move it too).
        if (!(await log.settle())) return 'interrupted';
        if (!(await repo.advanceCursor(deps.db, lease, head, leaseFor()))) return 'interrupted';
        cursor = head;
      }
    }
  };

  const failed = async (
    e: repo.EndpointRow,
    key: repo.LeaseKey,
    message: WebhookMessage,
    response: WebhookResponse,
    at: Date,
    attempt: number,
  ): Promise<RunOutcome> => {
    const failingSince = e.failing_since ?? at;
    const reason =
      response.kind === 'response' && response.status === 410
        ? `The receiver answered 410 Gone on ${at.toISOString()}: it asked for no more deliveries`
        : failedTooLong(failingSince, at)
          ? `No successful delivery since ${failingSince.toISOString()} (5 days); last error: ${attemptRow(e, message, response, at, attempt, null, false).error ?? ''}`
          : null;
    const retryAfter = response.kind === 'response' ? parseRetryAfter(response.retryAfter, at) : null;
    const nextAt = reason ? null : nextAttemptAt(attempt, at, retryAfter);
    const row = attemptRow(e, message, response, at, attempt, nextAt, false);
    const effect = {
      attempt_count: attempt,
      next_attempt_at: nextAt,
      failing_since: failingSince,
      ...(reason ? { enabled: false, disabled_reason: reason, version: e.version + 1, updated_at: at } : {}),
    };
    if (!reason) {
      await repo.logAttempts(deps.db, key, [row], effect);
      return 'failed';
    }
    // Disabling is a change of the endpoint like an admin's: recorded in the log, by no user.
    await write(deps, orgId, async (trx) => {
      if (!(await repo.logAttempts(trx, key, [row], effect))) return;
      await deps.eventLog.append(trx, { orgId, userId: null }, [
        { entityType: 'webhook_endpoint', entityId: e.id, type: 'webhook_endpoint.disabled', data: { reason } },
      ]);
    });
    return 'disabled';
  };

  try {
    const outcome = await run();
    return { outcome: (await log.settle()) ? outcome : 'interrupted', delivered };
  } finally {
    // Even when the run failed: the successes sent are recorded before the lease is given back.
    await log.settle().catch(() => undefined);
    await repo.releaseLease(deps.db, orgId, endpointId, owner);
  }
}
