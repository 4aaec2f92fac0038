import { canManageWebhooks, type Actor } from '../../contract/access.ts';
import { AppError, forbidden, invalid } from '../../contract/errors.ts';
import type {
  CreateWebhookInput,
  ListWebhookAttemptsQuery,
  RotateWebhookSecretInput,
  UpdateWebhookInput,
  WebhookAttemptDto,
  WebhookDto,
  WebhookWithSecretDto,
} from '../../contract/webhooks.ts';
import { diffFields } from '../../domain/event-hash.ts';
import { generateWebhookSecret } from '../../domain/webhook-signature.ts';
import { write, type Deps } from '../context.ts';
import { sealedThrough, seqBefore } from '../events/events.service.ts';
import { checkVersion, found, iso, toPage, type ExpectedVersion } from '../shared.ts';
import { attemptRow, sendMessage } from './deliver-endpoint.ts';
import { testMessage } from './webhook-payload.ts';
import { checkDestination } from './webhook-transport.ts';
import * as repo from './webhooks.repository.ts';

/** Endpoints per organization at most (the list is answered whole). */
export const MAX_ENDPOINTS = 50;
const DEFAULT_OVERLAP_HOURS = 24;

export function toWebhookDto(r: repo.EndpointRow, headSeq: number): WebhookDto {
  return {
    id: r.id,
    url: r.url,
    description: r.description,
    eventTypes: r.event_types,
    enabled: r.enabled,
    disabledReason: r.disabled_reason,
    cursorSeq: r.cursor_seq,
    backlog: Math.max(0, headSeq - r.cursor_seq),
    failedAttempts: r.attempt_count,
    nextAttemptAt: iso(r.next_attempt_at),
    failingSince: iso(r.failing_since),
    lastSuccessAt: iso(r.last_success_at),
    previousSecretExpiresAt: r.previous_secret ? iso(r.previous_secret_expires_at) : null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

export function toAttemptDto(r: repo.AttemptRow): WebhookAttemptDto {
  return {
    id: String(r.id),
    messageId: r.message_id,
    eventType: r.event_type,
    eventSeq: r.event_seq,
    attempt: r.attempt,
    attemptedAt: r.attempted_at.toISOString(),
    outcome: r.outcome as WebhookAttemptDto['outcome'],
    status: r.status,
    durationMs: r.duration_ms,
    responseExcerpt: r.response_excerpt,
    error: r.error,
    nextAttemptAt: iso(r.next_attempt_at),
    test: r.test,
  };
}

function assertAdmin(actor: Actor): void {
  if (!canManageWebhooks(actor)) throw forbidden('Only admins can manage webhooks');
}

/** The URL as recorded in the log: without a password or user name it may carry. */
function loggedUrl(url: string): string {
  const u = new URL(url);
  u.username = '';
  u.password = '';
  return u.toString();
}

/** What the log records of an endpoint (never its secrets). */
function snapshot(r: repo.EndpointRow) {
  return { url: loggedUrl(r.url), description: r.description, eventTypes: r.event_types, enabled: r.enabled };
}

/** Refuses a URL that leads to an address delivery would refuse (checked again at every delivery). */
async function assertDestination(deps: Deps, url: string): Promise<void> {
  const problem = await checkDestination(deps.webhooks, url);
  if (problem) throw invalid([{ field: 'url', message: problem }], 'Webhooks cannot be delivered to this URL');
}

async function loadEndpoint(deps: Deps, actor: Actor, id: string): Promise<repo.EndpointRow> {
  assertAdmin(actor);
  return found(await repo.getEndpoint(deps.db, actor.orgId, id), 'webhook', id);
}

export async function listWebhooks(deps: Deps, actor: Actor): Promise<{ items: WebhookDto[]; nextCursor: null }> {
  assertAdmin(actor);
  const head = await sealedThrough(deps.db, actor.orgId);
  const rows = await repo.listEndpoints(deps.db, actor.orgId, MAX_ENDPOINTS);
  return { items: rows.map((r) => toWebhookDto(r, head)), nextCursor: null };
}

export async function getWebhook(deps: Deps, actor: Actor, id: string): Promise<WebhookDto> {
  const row = await loadEndpoint(deps, actor, id);
  return toWebhookDto(row, await sealedThrough(deps.db, actor.orgId));
}

/**
 * Registers an endpoint. Its cursor starts at the end of the log: it receives the events written
 * from now on (replay reaches back further). The secret is answered here and on rotation only.
 */
export async function createWebhook(
  deps: Deps,
  actor: Actor,
  input: CreateWebhookInput,
): Promise<WebhookWithSecretDto> {
  assertAdmin(actor);
  await assertDestination(deps, input.url);
  const now = deps.clock.now();
  const id = deps.ids.id();
  const secret = input.secret ?? generateWebhookSecret();
  await deps.sealer.flush(actor.orgId);
  const row = await write(deps, actor.orgId, async (trx) => {
    if ((await repo.countEndpoints(trx, actor.orgId)) >= MAX_ENDPOINTS)
      throw new AppError('conflict', `An organization has at most ${MAX_ENDPOINTS} webhook endpoints`);
    const inserted = await repo.insertEndpoint(trx, {
      org_id: actor.orgId,
      id,
      url: input.url,
      description: input.description ?? null,
      event_types: input.eventTypes,
      enabled: input.enabled ?? true,
      secret,
      cursor_seq: await sealedThrough(trx, actor.orgId),
      created_at: now,
      updated_at: now,
    });
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'webhook_endpoint',
        entityId: id,
        type: 'webhook_endpoint.created',
        data: { after: snapshot(inserted) },
      },
    ]);
    return inserted;
  });
  return { ...toWebhookDto(row, row.cursor_seq), secret };
}

export async function updateWebhook(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: UpdateWebhookInput,
): Promise<WebhookDto> {
  assertAdmin(actor);
  if (input.url !== undefined) await assertDestination(deps, input.url);
  const now = deps.clock.now();
  const row = await write(deps, actor.orgId, async (trx) => {
    const before = found(await repo.lockEndpoint(trx, actor.orgId, id), 'webhook', id);
    const version = checkVersion('webhook', id, before.version, expected);
    const enabling = input.enabled === true && !before.enabled;
    const after = await repo.updateEndpoint(
      trx,
      { orgId: actor.orgId, id, version },
      {
        ...(input.url !== undefined ? { url: input.url } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.eventTypes !== undefined ? { event_types: input.eventTypes } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
        ...(input.enabled === false && before.enabled ? { disabled_reason: 'Disabled by an administrator' } : {}),
        // Re-enabled: delivery resumes from the cursor with a fresh retry schedule.
        ...(enabling ? { disabled_reason: null, attempt_count: 0, next_attempt_at: null, failing_since: null } : {}),
        updated_at: now,
      },
    );
    const changes = diffFields(snapshot(before), snapshot(after), ['url', 'description', 'eventTypes', 'enabled']);
    if (Object.keys(changes).length > 0)
      await deps.eventLog.append(trx, actor, [
        { entityType: 'webhook_endpoint', entityId: id, type: 'webhook_endpoint.updated', data: { changes } },
      ]);
    return after;
  });
  return toWebhookDto(row, await sealedThrough(deps.db, actor.orgId));
}

export async function deleteWebhook(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
): Promise<void> {
  assertAdmin(actor);
  await write(deps, actor.orgId, async (trx) => {
    const before = found(await repo.lockEndpoint(trx, actor.orgId, id), 'webhook', id);
    const version = checkVersion('webhook', id, before.version, expected);
    await repo.deleteEndpoint(trx, actor.orgId, id, version);
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'webhook_endpoint',
        entityId: id,
        type: 'webhook_endpoint.deleted',
        data: { before: snapshot(before) },
      },
    ]);
  });
}

/**
 * Replaces the signing secret. During the overlap (default 24 h) deliveries carry signatures
 * under both the new and the old secret, so the receiver can switch at its own pace.
 */
export async function rotateWebhookSecret(
  deps: Deps,
  actor: Actor,
  id: string,
  input: RotateWebhookSecretInput,
): Promise<WebhookWithSecretDto> {
  assertAdmin(actor);
  const now = deps.clock.now();
  const overlapHours = input.overlapHours ?? DEFAULT_OVERLAP_HOURS;
  const secret = input.secret ?? generateWebhookSecret();
  const row = await write(deps, actor.orgId, async (trx) => {
    const before = found(await repo.lockEndpoint(trx, actor.orgId, id), 'webhook', id);
    if (secret === before.secret) throw invalid([{ field: 'secret', message: 'must differ from the current secret' }]);
    const after = await repo.updateEndpoint(
      trx,
      { orgId: actor.orgId, id, version: before.version },
      {
        secret,
        previous_secret: overlapHours > 0 ? before.secret : null,
        previous_secret_expires_at: overlapHours > 0 ? new Date(now.getTime() + overlapHours * 3_600_000) : null,
        updated_at: now,
      },
    );
    await deps.eventLog.append(trx, actor, [
      { entityType: 'webhook_endpoint', entityId: id, type: 'webhook_endpoint.secret_rotated', data: { overlapHours } },
    ]);
    return after;
  });
  return { ...toWebhookDto(row, await sealedThrough(deps.db, actor.orgId)), secret };
}

/**
 * Moves the endpoint's cursor back (or forward) to the first event written at or after `from`:
 * delivery goes on from there, in log order, with a fresh retry schedule. Nothing is copied.
 */
export async function replayWebhook(deps: Deps, actor: Actor, id: string, from: Date): Promise<WebhookDto> {
  assertAdmin(actor);
  await deps.sealer.flush(actor.orgId);
  const now = deps.clock.now();
  const row = await write(deps, actor.orgId, async (trx) => {
    const before = found(await repo.lockEndpoint(trx, actor.orgId, id), 'webhook', id);
    const cursor = await seqBefore(trx, actor.orgId, from);
    const after = await repo.updateEndpoint(
      trx,
      { orgId: actor.orgId, id, version: before.version },
      { cursor_seq: cursor, attempt_count: 0, next_attempt_at: null, failing_since: null, updated_at: now },
    );
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'webhook_endpoint',
        entityId: id,
        type: 'webhook_endpoint.replayed',
        data: { from: from.toISOString(), cursorSeq: { from: before.cursor_seq, to: cursor } },
      },
    ]);
    return after;
  });
  return toWebhookDto(row, await sealedThrough(deps.db, actor.orgId));
}

/**
 * Sends a `webhook.test` message now (also to a disabled endpoint, to check it before enabling)
 * and logs the attempt. It is not an event of the log and is never retried.
 */
export async function sendTestWebhook(deps: Deps, actor: Actor, id: string): Promise<WebhookAttemptDto> {
  const endpoint = await loadEndpoint(deps, actor, id);
  const at = deps.clock.now();
  const message = testMessage(`test_${deps.ids.id()}`, at);
  const response = await sendMessage(deps, endpoint, message, at);
  const row = await repo.insertAttempt(deps.db, attemptRow(endpoint, message, response, at, 1, null, true));
  return toAttemptDto(row);
}

export async function listWebhookAttempts(
  deps: Deps,
  actor: Actor,
  id: string,
  q: ListWebhookAttemptsQuery,
): Promise<{ items: WebhookAttemptDto[]; nextCursor: string | null }> {
  await loadEndpoint(deps, actor, id);
  const rows = await repo.listAttempts(deps.db, actor.orgId, id, q.limit + 1, q.cursor ? Number(q.cursor) : undefined);
  return toPage(rows, q.limit, toAttemptDto, (r) => String(r.id));
}
