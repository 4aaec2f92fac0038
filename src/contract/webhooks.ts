import { z } from 'zod';
import { dateTimeSchema, optionalText } from './common.ts';
import { eventFilterProblems } from './events/index.ts';

/**
 * An event-type filter: an exact type (`lead.converted`), every type of an entity (`deal.*`), or
 * everything (`*`).
 */
export const eventTypePatternSchema = z
  .string()
  .trim()
  .regex(
    /^(\*|[a-z][a-z0-9_]*\.(\*|[a-z][a-z0-9_]*))$/,
    'must be an event type such as lead.converted, an entity with .* such as deal.*, or *',
  );

/** Whether an event type is selected by one filter pattern. */
export function matchesEventType(pattern: string, type: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1));
  return pattern === type;
}

/** The filter patterns compiled for a query: every type, or these exact types and these prefixes. */
export interface EventTypeFilter {
  all: boolean;
  exact: string[];
  /** Type prefixes ending with the dot (`deal.`). */
  prefixes: string[];
}

/** Compiles filter patterns (already validated) for the log query. */
export function compileEventTypeFilter(patterns: readonly string[]): EventTypeFilter {
  if (patterns.includes('*')) return { all: true, exact: [], prefixes: [] };
  return {
    all: false,
    exact: patterns.filter((p) => !p.endsWith('.*')),
    prefixes: patterns.filter((p) => p.endsWith('.*')).map((p) => p.slice(0, -1)),
  };
}

/** `whsec_` + the base64 of 24 to 64 random bytes (the Standard Webhooks form). */
export const webhookSecretSchema = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, 'must be whsec_ followed by base64')
  .refine((s) => {
    const b64 = s.slice('whsec_'.length);
    if (b64.length % 4 !== 0) return false;
    const bytes = (b64.length / 4) * 3 - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);
    return bytes >= 24 && bytes <= 64;
  }, 'must encode 24 to 64 bytes in padded base64');

export const webhookUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '';
    } catch {
      return false;
    }
  }, 'must be an http:// or https:// URL');

const eventTypesSchema = z
  .array(eventTypePatternSchema)
  .min(1, 'must name at least one event type (or *)')
  .max(50)
  .refine((a) => new Set(a).size === a.length, 'must not repeat a type')
  // Each pattern names a type of the event catalog or a kind of record events are about.
  .superRefine((patterns, ctx) => {
    for (const p of eventFilterProblems(patterns))
      ctx.addIssue({ code: 'custom', path: [p.index], message: p.message });
  });

export const createWebhookSchema = z.strictObject({
  url: webhookUrlSchema,
  description: optionalText(500),
  eventTypes: eventTypesSchema,
  enabled: z.boolean().optional(),
  /** Your own secret; one is generated when left out. */
  secret: webhookSecretSchema.optional(),
});
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

export const updateWebhookSchema = z.strictObject({
  url: webhookUrlSchema.optional(),
  description: optionalText(500),
  eventTypes: eventTypesSchema.optional(),
  /** true re-enables a disabled endpoint (delivery resumes from its cursor); false pauses it. */
  enabled: z.boolean().optional(),
});
export type UpdateWebhookInput = z.infer<typeof updateWebhookSchema>;

export const rotateWebhookSecretSchema = z.strictObject({
  /** How long the old secret still signs deliveries beside the new one (default 24 h; 0 ends it now). */
  overlapHours: z.number().int().min(0).max(168).optional(),
  secret: webhookSecretSchema.optional(),
});
export type RotateWebhookSecretInput = z.infer<typeof rotateWebhookSecretSchema>;

export const replayWebhookQuery = z.strictObject({
  from: dateTimeSchema,
});
export type ReplayWebhookQuery = z.infer<typeof replayWebhookQuery>;

export const webhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string().nullable(),
  eventTypes: z.array(z.string()),
  enabled: z.boolean(),
  /** Why delivery stopped: set when the endpoint was disabled (by an admin, a 410, or 5 days of failures). */
  disabledReason: z.string().nullable(),
  /** The last event of the log handled for this endpoint (delivered or not selected by its filter). */
  cursorSeq: z.number().int(),
  /** Events of the log after the cursor (selected by the filter or not). */
  backlog: z.number().int(),
  /** Failed attempts at the event after the cursor. */
  failedAttempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  failingSince: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  /** Until when the previous secret still signs deliveries too (secret rotation). */
  previousSecretExpiresAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type WebhookDto = z.infer<typeof webhookSchema>;

/** The endpoint with its signing secret: answered only on creation and rotation. */
export const webhookWithSecretSchema = webhookSchema.extend({ secret: z.string() });
export type WebhookWithSecretDto = z.infer<typeof webhookWithSecretSchema>;

export const webhookOutcomes = ['delivered', 'failed', 'refused', 'gone'] as const;
export type WebhookOutcome = (typeof webhookOutcomes)[number];

export const webhookAttemptSchema = z.object({
  id: z.string(),
  /** The `webhook-id` sent: `evt_<event id>` for events of the log, `test_…` for test messages. */
  messageId: z.string(),
  eventType: z.string(),
  eventSeq: z.number().int().nullable(),
  /** 1 for the first try of this message. */
  attempt: z.number().int(),
  attemptedAt: z.string(),
  outcome: z.enum(webhookOutcomes),
  /** The receiver's HTTP status, when it answered. */
  status: z.number().int().nullable(),
  durationMs: z.number().int(),
  responseExcerpt: z.string().nullable(),
  error: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  test: z.boolean(),
});
export type WebhookAttemptDto = z.infer<typeof webhookAttemptSchema>;

export const listWebhookAttemptsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .regex(/^\d{1,19}$/, 'must be a cursor returned by this list')
    .optional(),
});
export type ListWebhookAttemptsQuery = z.infer<typeof listWebhookAttemptsQuery>;

/**
 * Delays before the 2nd, 3rd, … attempt at one message: immediately, then 5 s, 5 min, 30 min,
 * 2 h, 5 h, 10 h, 10 h; past the eighth attempt every 10 h until the endpoint succeeds or is
 * disabled after 5 days of failing.
 */
export const WEBHOOK_RETRY_DELAYS_MS: readonly number[] = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
];

/** An endpoint with no success for this long is disabled. */
export const WEBHOOK_DISABLE_AFTER_MS = 5 * 24 * 3_600_000;

/**
 * The body of a webhook for an event of the log (Standard Webhooks shape). `data.payload` is the
 * event's data as the log holds it; `data.previousEventId` is the previous event of the same
 * record among the types the endpoint receives (null for the first), so a gap shows.
 */
export const webhookEventPayloadSchema = z.object({
  type: z.string(),
  timestamp: z.string(),
  data: z.object({
    eventId: z.string(),
    seq: z.number().int(),
    entityType: z.string(),
    entityId: z.string(),
    previousEventId: z.string().nullable(),
    actorId: z.string().nullable(),
    occurredAt: z.string(),
    businessTime: z.string().nullable(),
    imported: z.boolean(),
    /** The version of `payload` (see the event catalog): the current version of the type. */
    version: z.number().int(),
    payload: z.record(z.string(), z.unknown()),
  }),
});
export type WebhookEventPayload = z.infer<typeof webhookEventPayloadSchema>;
