import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commissionOn, tierPortions } from '../../src/analytics/commission-arithmetic.ts';
import {
  commissionLedger,
  statementOf,
  type CommissionEvent,
  type CommissionInput,
  type CommissionPlan,
  type PlanAssignment,
} from '../../src/analytics/commissions.ts';
import { sumMoney } from '../../src/contract/money.ts';

const plan = (over: Partial<CommissionPlan> & { id: string }): CommissionPlan => ({
  basis: 'amount',
  currency: 'USD',
  rates: [{ family: null, ratePercent: '10' }],
  tiers: [],
  cap: null,
  clawbackDays: 90,
  overridePercent: null,
  overrideLevels: 0,
  ...over,
});
const assign = (planId: string, payeeId: string, payeeKind: 'user' | 'partner' = 'user'): PlanAssignment => ({
  planId,
  payeeKind,
  payeeId,
  startsOn: '2026-01-01',
  endsOn: null,
});

let seq = 0;
const ev = (type: string, entityId: string, at: string, data: Record<string, unknown>): CommissionEvent => ({
  id: `e${++seq}`,
  type,
  entityId,
  occurredAt: new Date(at),
  data,
});
const created = (dealId: string, at: string, after: Record<string, unknown>) =>
  ev('deal.created', dealId, at, { after: { currency: 'USD', status: 'open', lineItems: [], ...after } });
const won = (dealId: string, at: string) => ev('deal.won', dealId, at, {});

const input = (over: Partial<CommissionInput>): CommissionInput => ({
  plans: [],
  assignments: [],
  events: [],
  timeZone: 'UTC',
  ...over,
});
const amounts = (lines: { amount: string }[]) => lines.map((l) => l.amount);

describe('tiers', () => {
  it('splits a credit that crosses a tier boundary across both tiers', () => {
    const tiers = [
      { from: '0.00', multiplier: '1' },
      { from: '10000.00', multiplier: '1.5' },
    ];
    // 6,000 already credited, 6,000 more: 4,000 fills the first tier, 2,000 lands in the second.
    expect(tierPortions(tiers, 600_000n, 600_000n)).toEqual([
      { portion: 400_000n, multiplier: '1' },
      { portion: 200_000n, multiplier: '1.5' },
    ]);
  });

  it('rounds basis × rate × multiplier half away from zero to the cent', () => {
    // 33.33 × 7.5% × 1.25 = 3.12469 → 3.12; 0.10 × 5% = 0.005 → 0.01; -0.10 × 5% → -0.01
    expect(commissionOn(3333n, '7.5', '1.25')).toBe(312n);
    expect(commissionOn(10n, '5', '1')).toBe(1n);
    expect(commissionOn(-10n, '5', '1')).toBe(-1n);
  });

  it('portions always add up to the credit (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { maxLength: 4 }),
        fc.bigInt({ min: 0n, max: 10_000_000n }),
        fc.bigInt({ min: 0n, max: 10_000_000n }),
        (bounds, before, basis) => {
          const tiers = [
            { from: '0.00', multiplier: '1' },
            ...bounds.map((b) => ({ from: `${b}.00`, multiplier: '2' })),
          ];
          const sum = tierPortions(tiers, before, basis).reduce((a, p) => a + p.portion, 0n);
          expect(sum).toBe(basis);
        },
      ),
    );
  });
});

describe('a month with a tier crossed mid-deal, a split and a clawback (worked by hand)', () => {
  // Rita and Tom are on plan P: 10 % of amount, ×1 up to 10,000.00 a month and ×1.5 past it,
  // clawback within 90 days. Their manager Mona has plan M: a 2 % override one level down.
  const P = plan({
    id: 'P',
    tiers: [
      { from: '0.00', multiplier: '1' },
      { from: '10000.00', multiplier: '1.5' },
    ],
  });
  const M = plan({ id: 'M', rates: [], overridePercent: '2', overrideLevels: 1 });
  // The people as the log created them: Rita and Tom report to Mona.
  const people = [
    ev('user.created', 'mona', '2026-01-05T09:00:00Z', { after: { role: 'manager', managerId: null } }),
    ev('user.created', 'rita', '2026-01-05T09:00:00Z', { after: { role: 'rep', managerId: 'mona' } }),
    ev('user.created', 'tom', '2026-01-05T09:00:00Z', { after: { role: 'rep', managerId: 'mona' } }),
  ];
  const events = [
    created('d1', '2026-03-02T10:00:00Z', { ownerId: 'rita', amount: '6000.00' }),
    won('d1', '2026-03-05T10:00:00Z'),
    created('d2', '2026-03-06T10:00:00Z', { ownerId: 'rita', amount: '8000.00' }),
    ev('commission_split.set', 'd2', '2026-03-07T10:00:00Z', {
      members: [
        { userId: 'rita', percent: '75' },
        { userId: 'tom', percent: '25' },
      ],
    }),
    won('d2', '2026-03-12T10:00:00Z'),
    ev('deal.reopened', 'd1', '2026-04-02T10:00:00Z', { previousStatus: 'won' }),
  ];
  const lines = commissionLedger(
    input({
      plans: [P, M],
      assignments: [assign('P', 'rita'), assign('P', 'tom'), assign('M', 'mona')],
      events: [...people, ...events],
    }),
  );

  it('pays Rita 600.00 on d1, then her 6,000.00 share of d2 as 4,000.00 at ×1 and 2,000.00 at ×1.5', () => {
    const march = statementOf(lines, { kind: 'user', id: 'rita' }, '2026-03');
    expect(march.lines.map((l) => [l.dealId, l.basis, l.multiplier, l.amount])).toEqual([
      ['d1', '6000.00', '1', '600.00'],
      ['d2', '4000.00', '1', '400.00'],
      ['d2', '2000.00', '1.5', '300.00'],
    ]);
    expect(march.totals).toEqual([{ currency: 'USD', amount: '1300.00' }]);
    // Every line names the events it came from: the win, the event that set the amount, the split.
    expect(march.lines[0]?.eventIds).toEqual([events[1]?.id, events[0]?.id]);
    expect(march.lines[1]?.eventIds).toEqual([events[4]?.id, events[2]?.id, events[3]?.id]);
  });

  it('pays Tom his 25 % of d2: 2,000.00 × 10 % = 200.00', () => {
    const march = statementOf(lines, { kind: 'user', id: 'tom' }, '2026-03');
    expect(march.lines.map((l) => [l.basis, l.note, l.amount])).toEqual([
      ['2000.00', 'won deal, 25.00% credited', '200.00'],
    ]);
  });

  it('gives Mona 2 % of every credit below her: 120.00 + 120.00 + 40.00', () => {
    const march = statementOf(lines, { kind: 'user', id: 'mona' }, '2026-03');
    expect(amounts(march.lines)).toEqual(['120.00', '120.00', '40.00']);
    expect(march.totals[0]?.amount).toBe('280.00');
  });

  it('claws d1 back in April, the month it was reopened, leaving March as it was', () => {
    const april = statementOf(lines, { kind: 'user', id: 'rita' }, '2026-04');
    expect(april.lines.map((l) => [l.kind, l.amount, l.eventIds])).toEqual([
      ['clawback', '-600.00', [events[1]?.id, events[5]?.id]],
    ]);
    expect(statementOf(lines, { kind: 'user', id: 'mona' }, '2026-04').totals[0]?.amount).toBe('-120.00');
  });

  it('is reproducible: the March statement from the events up to the end of March is the same', () => {
    const upToMarch = commissionLedger(
      input({
        plans: [P, M],
        assignments: [assign('P', 'rita'), assign('P', 'tom'), assign('M', 'mona')],
        events: [...people, ...events].filter((e) => e.occurredAt < new Date('2026-04-01T00:00:00Z')),
      }),
    );
    expect(statementOf(upToMarch, { kind: 'user', id: 'rita' }, '2026-03')).toEqual(
      statementOf(lines, { kind: 'user', id: 'rita' }, '2026-03'),
    );
  });
});

describe('other rules', () => {
  it('pays on margin per product family: net less cost, each family at its rate', () => {
    const events = [
      ev('product.created', 'hw', '2026-01-01T00:00:00Z', { after: { family: 'Hardware', cost: '60.00' } }),
      ev('product.created', 'sv', '2026-01-01T00:00:00Z', { after: { family: 'Services', cost: null } }),
      created('d', '2026-03-01T00:00:00Z', {
        ownerId: 'rita',
        amount: '230.00',
        lineItems: [
          { productId: 'hw', quantity: '2', unitPrice: '100.00', discountPercent: '10' },
          { productId: 'sv', quantity: '1', unitPrice: '50.00', discountPercent: '0' },
        ],
      }),
      won('d', '2026-03-02T00:00:00Z'),
    ];
    const P = plan({
      id: 'P',
      basis: 'margin',
      rates: [
        { family: 'Hardware', ratePercent: '20' },
        { family: null, ratePercent: '5' },
      ],
    });
    const lines = commissionLedger(input({ plans: [P], assignments: [assign('P', 'rita')], events }));
    // Hardware: 2 × 100.00 − 10 % = 180.00, less 2 × 60.00 cost = 60.00 at 20 % = 12.00.
    // Services: 50.00 with no cost at the default 5 % = 2.50.
    expect(lines.map((l) => [l.family, l.basis, l.amount])).toEqual([
      ['Hardware', '60.00', '12.00'],
      ['Services', '50.00', '2.50'],
    ]);
  });

  it('stops paying at the monthly cap', () => {
    const events = [
      created('a', '2026-03-01T00:00:00Z', { ownerId: 'rita', amount: '4000.00' }),
      won('a', '2026-03-02T00:00:00Z'),
      created('b', '2026-03-03T00:00:00Z', { ownerId: 'rita', amount: '4000.00' }),
      won('b', '2026-03-04T00:00:00Z'),
    ];
    const lines = commissionLedger(
      input({ plans: [plan({ id: 'P', cap: '500.00' })], assignments: [assign('P', 'rita')], events }),
    );
    expect(lines.map((l) => [l.amount, l.capped])).toEqual([
      ['400.00', false],
      ['100.00', true],
    ]);
  });

  it('claws back in proportion when a won amount is cut, and not after the window', () => {
    const events = [
      created('a', '2026-03-01T00:00:00Z', { ownerId: 'rita', amount: '1000.00' }),
      won('a', '2026-03-02T00:00:00Z'),
      ev('deal.updated', 'a', '2026-03-20T00:00:00Z', { changes: { amount: { from: '1000.00', to: '750.00' } } }),
      ev('deal.reopened', 'a', '2026-05-01T00:00:01Z', { previousStatus: 'won' }),
    ];
    const lines = commissionLedger(
      input({ plans: [plan({ id: 'P', clawbackDays: 30 })], assignments: [assign('P', 'rita')], events }),
    );
    // 100.00 paid; a quarter of the amount goes, so 25.00 comes back; the reopen is 60 days on: kept.
    expect(lines.map((l) => [l.kind, l.period, l.amount])).toEqual([
      ['commission', '2026-03', '100.00'],
      ['clawback', '2026-03', '-25.00'],
    ]);
  });

  it("credits the registering partner through the partner's own plan, and only in its currency", () => {
    const events = [
      created('a', '2026-03-01T00:00:00Z', { ownerId: 'rita', partnerAccountId: 'acme', amount: '2000.00' }),
      won('a', '2026-03-02T00:00:00Z'),
      created('b', '2026-03-01T00:00:00Z', { partnerAccountId: 'acme', amount: '2000.00', currency: 'EUR' }),
      won('b', '2026-03-02T00:00:00Z'),
    ];
    const lines = commissionLedger(
      input({
        plans: [plan({ id: 'PP', rates: [{ family: null, ratePercent: '5' }] })],
        assignments: [assign('PP', 'acme', 'partner')],
        events,
      }),
    );
    expect(lines.map((l) => [l.payeeKind, l.payeeId, l.kind, l.amount])).toEqual([
      ['partner', 'acme', 'partner', '100.00'],
    ]);
  });

  it('adds bonuses and dispute adjustments in the month they are made, the adjustment citing the dispute', () => {
    const events = [
      ev('commission_bonus.granted', 'b1', '2026-03-31T23:00:00Z', {
        payeeKind: 'user',
        payeeId: 'rita',
        amount: '250.00',
        currency: 'USD',
        reason: 'Top of the month',
      }),
      ev('commission_dispute.raised', 'x1', '2026-04-01T09:00:00Z', { payeeKind: 'user', payeeId: 'rita' }),
      ev('commission_dispute.answered', 'x1', '2026-04-02T09:00:00Z', {
        payeeKind: 'user',
        payeeId: 'rita',
        decision: 'accepted',
        note: 'Split was 60/40',
        adjustment: '-12.50',
        currency: 'USD',
      }),
    ];
    // In Europe/Berlin the bonus (23:00 UTC on 31 March) is already April.
    const lines = commissionLedger(input({ events, timeZone: 'Europe/Berlin' }));
    expect(lines.map((l) => [l.kind, l.period, l.amount, l.eventIds])).toEqual([
      ['bonus', '2026-04', '250.00', ['e' + String(seq - 2)]],
      ['adjustment', '2026-04', '-12.50', ['e' + String(seq - 1), 'e' + String(seq)]],
    ]);
    expect(sumMoney(amounts(lines))).toBe('237.50');
  });
});
