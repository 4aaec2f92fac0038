/** SQLSTATE classes and codes that say the database (or the connection to it) failed, not the statement. */
const TRANSIENT_CLASSES = ['08', '53', '57']; // connection exception, insufficient resources, operator intervention
const TRANSIENT_CODES = new Set(['40001', '40P01']); // serialization failure, deadlock
const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN']);
const TRANSIENT_MESSAGES = [
  /Connection terminated/i,
  /connection (is )?(closed|ended)/i,
  /Client has encountered a connection error/i,
];

/**
 * Whether an error (or one it was caused by) comes from the database being unavailable for a
 * while — a restart, a failover, a dropped connection — rather than from the statement itself:
 * the same work may succeed when tried again.
 */
export function isTransient(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 10; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (TRANSIENT_CODES.has(code) || TRANSIENT_NODE_CODES.has(code)) return true;
      if (code.length === 5 && TRANSIENT_CLASSES.includes(code.slice(0, 2))) return true;
    }
    if (TRANSIENT_MESSAGES.some((m) => m.test(e.message))) return true;
  }
  return false;
}
