import { WEBHOOK_DISABLE_AFTER_MS, WEBHOOK_RETRY_DELAYS_MS } from '../contract/webhooks.ts';

/** A Retry-After longer than this is capped: the schedule's own longest gap. */
const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

/**
 * Reads a Retry-After header: delay-seconds or an HTTP date. Returns milliseconds from `now`, or
 * null when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: Date): number | null {
  if (value === undefined) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Math.min(Number(v) * 1000, MAX_RETRY_AFTER_MS);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(0, at - now.getTime()), MAX_RETRY_AFTER_MS);
}

/**
 * When to try a message again after its `failedAttempts`-th failure (1 = the first try failed):
 * the schedule's delay, or the receiver's Retry-After when it sent one.
 */
export function nextAttemptAt(failedAttempts: number, now: Date, retryAfterMs: number | null): Date {
  const scheduled =
    WEBHOOK_RETRY_DELAYS_MS[Math.min(failedAttempts, WEBHOOK_RETRY_DELAYS_MS.length) - 1] ??
    WEBHOOK_RETRY_DELAYS_MS[WEBHOOK_RETRY_DELAYS_MS.length - 1] ??
    0;
  return new Date(now.getTime() + (retryAfterMs ?? scheduled));
}

/** Whether an endpoint failing since `failingSince` has failed long enough to be disabled. */
export function failedTooLong(failingSince: Date, now: Date): boolean {
  return now.getTime() - failingSince.getTime() >= WEBHOOK_DISABLE_AFTER_MS;
}
