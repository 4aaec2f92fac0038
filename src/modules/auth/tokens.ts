import { createHmac, randomBytes } from 'node:crypto';

/** A random secret token (base64url, 32 bytes). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Tokens are stored only as an HMAC under the instance secret, never in clear. */
export function tokenHash(secret: string, token: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Session cookies and API tokens carry their organization id, so the lookup is keyed by
 * (org_id, token_hash) like every other table.
 */
export function composeToken(prefix: string, orgId: string, secret: string): string {
  return `${prefix}${orgId.replace(/-/g, '')}_${secret}`;
}

export function parseToken(prefix: string, token: string): { orgId: string; secret: string } | null {
  if (!token.startsWith(prefix)) return null;
  const rest = token.slice(prefix.length);
  const sep = rest.indexOf('_');
  if (sep !== 32) return null;
  const hex = rest.slice(0, 32);
  const orgId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  if (!UUID.test(orgId)) return null;
  const secret = rest.slice(sep + 1);
  if (secret.length < 20) return null;
  return { orgId, secret };
}
