import { describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { ConfigError, loadConfig } from '../src/config.ts';
import { compileEventTypeFilter, matchesEventType, webhookSecretSchema } from '../src/contract/webhooks.ts';
import { isPublicAddress } from '../src/domain/network-address.ts';
import { nextAttemptAt, parseRetryAfter } from '../src/domain/webhook-retry.ts';
import { generateWebhookSecret, signWebhook } from '../src/domain/webhook-signature.ts';

describe('webhook rules', () => {
  it('classifies addresses: loopback, private, link-local, metadata and wrapped IPv4 are not public', () => {
    const refused = [
      '127.0.0.1',
      '10.0.0.8',
      '172.16.5.4',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '::1',
      '::',
      'fe80::1',
      'fd00:ec2::254',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::127.0.0.1',
      '2002:7f00:1::',
      'not-an-ip',
    ];
    for (const a of refused) expect(isPublicAddress(a), a).toBe(false);
    for (const a of ['8.8.8.8', '93.184.216.34', '2606:4700:4700::1111']) expect(isPublicAddress(a), a).toBe(true);
  });

  it('reads Retry-After as seconds or an HTTP date, capped at a day', () => {
    const now = new Date('2026-01-05T09:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 05 Jan 2026 09:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('999999', now)).toBe(24 * 3_600_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(nextAttemptAt(1, now, 120_000).toISOString()).toBe('2026-01-05T09:02:00.000Z');
    expect(nextAttemptAt(20, now, null).toISOString()).toBe('2026-01-05T19:00:00.000Z');
  });

  it('selects event types by exact name, entity.* or *', () => {
    expect(matchesEventType('deal.*', 'deal.stage_changed')).toBe(true);
    expect(matchesEventType('deal.*', 'dealer.created')).toBe(false);
    expect(matchesEventType('lead.converted', 'lead.created')).toBe(false);
    expect(matchesEventType('*', 'anything.at_all')).toBe(true);
    expect(compileEventTypeFilter(['deal.*', 'lead.converted'])).toEqual({
      all: false,
      exact: ['lead.converted'],
      prefixes: ['deal.'],
    });
  });

  it('signs as the Standard Webhooks reference does, with every valid secret', () => {
    const a = generateWebhookSecret();
    const b = generateWebhookSecret();
    expect(webhookSecretSchema.safeParse(a).success).toBe(true);
    expect(webhookSecretSchema.safeParse(`whsec_${Buffer.alloc(16).toString('base64')}`).success).toBe(false);
    const at = new Date('2026-01-05T09:00:00Z');
    const body = '{"type":"deal.created"}';
    const header = signWebhook([a, b], 'evt_1', at.getTime() / 1000, body);
    expect(header.split(' ')).toEqual([new Webhook(a).sign('evt_1', at, body), new Webhook(b).sign('evt_1', at, body)]);
  });

  it('reads its configuration: private receivers refused and 15 s unless set', () => {
    expect(loadConfig({}).webhooks).toEqual({ allowPrivate: false, timeoutMs: 15_000 });
    expect(loadConfig({ PIPEWRIGHT_WEBHOOK_ALLOW_PRIVATE: 'true' }).webhooks).toMatchObject({ allowPrivate: true });
    expect(() => loadConfig({ PIPEWRIGHT_WEBHOOK_TIMEOUT_SECONDS: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ PIPEWRIGHT_WEBHOOK_ALLOW_PRIVATE: 'yes' })).toThrow(/PIPEWRIGHT_WEBHOOK_ALLOW_PRIVATE/);
  });
});
