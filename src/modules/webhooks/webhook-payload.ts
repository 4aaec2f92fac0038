import { upcastEvent } from '../../contract/events/index.ts';
import type { WebhookEventPayload } from '../../contract/webhooks.ts';
import type { SelectedEvent } from '../events/events.service.ts';

/** One webhook message: its `webhook-id`, its type and the JSON body that is signed and sent. */
export interface WebhookMessage {
  id: string;
  type: string;
  body: string;
  eventId: number | null;
  seq: number | null;
}

/** The `webhook-id` of an event of the log: receivers dedupe on it. */
export const messageIdOf = (eventId: number): string => `evt_${eventId}`;

/**
 * The message for an event of the log, in the Standard Webhooks shape `{type, timestamp, data}`.
 * `data.previousEventId` is the previous event of the same record among the types the endpoint
 * receives, so a receiver can tell it missed one. The one place a webhook payload is built.
 */
export function eventMessage(e: SelectedEvent): WebhookMessage {
  const id = messageIdOf(e.id);
  // Receivers get the current version of every type, whatever version the event was stored with.
  const { version, data } = upcastEvent(e.type, e.version, e.data);
  const body: WebhookEventPayload = {
    type: e.type,
    timestamp: e.occurredAt.toISOString(),
    data: {
      eventId: id,
      seq: e.seq,
      entityType: e.entityType,
      entityId: e.entityId,
      previousEventId: e.previousId === null ? null : messageIdOf(e.previousId),
      actorId: e.actorId,
      occurredAt: e.occurredAt.toISOString(),
      businessTime: e.businessTime ? e.businessTime.toISOString() : null,
      imported: e.imported,
      version,
      payload: data,
    },
  };
  return { id, type: e.type, body: JSON.stringify(body), eventId: e.id, seq: e.seq };
}

/** A test message ("send test event"): not in the log, never retried. */
export function testMessage(id: string, now: Date): WebhookMessage {
  const body = {
    type: 'webhook.test',
    timestamp: now.toISOString(),
    data: { eventId: id, message: 'A test message from Pipewright: your endpoint received and can verify it.' },
  };
  return { id, type: 'webhook.test', body: JSON.stringify(body), eventId: null, seq: null };
}
