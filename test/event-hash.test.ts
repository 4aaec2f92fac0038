import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  GENESIS_HASH,
  hashEvent,
  hashEventWithData,
  sealNext,
  type HashedEvent,
} from '../src/domain/event-hash.ts';

/** The definition, written the plain way: sorted keys at every level, undefined fields left out. */
function plainCanonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(plainCanonical).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${plainCanonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const json = fc.jsonValue();
const date = fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true });
const event = fc.record({
  orgId: fc.uuid(),
  seq: fc.nat(),
  occurredAt: date,
  businessTime: fc.option(date, { nil: null }),
  imported: fc.boolean(),
  actorId: fc.option(fc.uuid(), { nil: null }),
  entityType: fc.string(),
  entityId: fc.uuid(),
  type: fc.string(),
  data: fc.dictionary(fc.string(), json),
  prevHash: fc.option(fc.stringMatching(/^[0-9a-f]{64}$/), { nil: null }),
});

describe('event hashing', () => {
  it('canonical JSON sorts keys at every level and leaves undefined fields out', () => {
    fc.assert(
      fc.property(json, (v) => {
        expect(canonicalJson(v)).toBe(plainCanonical(v));
      }),
    );
    expect(canonicalJson({ b: 1, a: [{ d: undefined, c: new Date(0) }], é: 'x' })).toBe(
      '{"a":[{"c":"1970-01-01T00:00:00.000Z"}],"b":1,"é":"x"}',
    );
    // Objects built with sorted keys take the native serializer; the text is the same.
    const sorted = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(sorted)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
                .map(([k, x]) => [k, sorted(x)]),
            )
          : v;
    fc.assert(
      fc.property(json, (v) => {
        expect(canonicalJson(sorted(v))).toBe(plainCanonical(v));
      }),
    );
    expect(
      canonicalJson({
        a: { toJSON: 'x' },
        b: [undefined, new Date(1)],
        c: Object.create(null) as object,
        d: new Map([['k', 1]]),
      }),
    ).toBe('{"a":{"toJSON":"x"},"b":[null,"1970-01-01T00:00:00.001Z"],"c":{},"d":{}}');
    expect(canonicalJson({ 10: 'a', 9: 'b' })).toBe('{"10":"a","9":"b"}');
  });

  it('hashes the canonical JSON of the event, whether or not the data comes serialized', () => {
    fc.assert(
      fc.property(event, (e: HashedEvent) => {
        const body = plainCanonical({
          ...e,
          occurredAt: e.occurredAt.toISOString(),
          businessTime: e.businessTime?.toISOString() ?? null,
          prevHash: e.prevHash ?? GENESIS_HASH,
        });
        const expected = createHash('sha256').update(body).digest('hex');
        expect(hashEvent(e)).toBe(expected);
        expect(hashEventWithData(e, canonicalJson(e.data))).toBe(expected);
      }),
    );
  });
});

describe('the version in the hash', () => {
  const e: HashedEvent = {
    orgId: '00000000-0000-4000-8000-000000000001',
    seq: 1,
    occurredAt: new Date('2026-01-01T00:00:00.000Z'),
    businessTime: null,
    imported: false,
    actorId: null,
    entityType: 'deal',
    entityId: 'd1',
    type: 'deal.won',
    data: { stageId: 's' },
    prevHash: GENESIS_HASH,
  };

  it('leaves version 1 out, so events stored before versions keep their hash', () => {
    expect(hashEvent({ ...e, version: 1 })).toBe(hashEvent(e));
  });

  it('covers a later version: changing it breaks the hash', () => {
    expect(hashEvent({ ...e, version: 2 })).not.toBe(hashEvent(e));
    expect(hashEvent({ ...e, version: 2 })).not.toBe(hashEvent({ ...e, version: 3 }));
    const body = plainCanonical({ ...e, occurredAt: e.occurredAt.toISOString(), version: 2 });
    expect(hashEvent({ ...e, version: 2 })).toBe(createHash('sha256').update(body).digest('hex'));
  });

  it('seals a chain link by link the same way as hashing each event', () => {
    const { seal, head } = sealNext({ lastSeq: 0, lastHash: GENESIS_HASH }, e, canonicalJson(e.data));
    expect(seal).toEqual({ seq: 1, prevHash: GENESIS_HASH, hash: hashEvent(e) });
    const second = sealNext(head, e, canonicalJson(e.data));
    expect(second.seal).toEqual({
      seq: 2,
      prevHash: seal.hash,
      hash: hashEvent({ ...e, seq: 2, prevHash: seal.hash }),
    });
  });
});
