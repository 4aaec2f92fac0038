import { describe, expect, it } from 'vitest';
import { channelAnalytics, type DealFact, type RegistrationFact } from '../../src/analytics/channel.ts';
import { businessDaysBetween, businessDaysDueAt } from '../../src/analytics/business-days.ts';

const t = (iso: string) => new Date(`${iso}T09:00:00.000Z`);

// Two partners: Alpha (reseller, Gold) and Beta (distributor, no tier).
const reg = (
  partner: 'A' | 'B',
  status: RegistrationFact['status'],
  registered: string,
  decided: string | null,
  conflicted: boolean,
  dealStatus: RegistrationFact['dealStatus'],
  via: string | null = null,
): RegistrationFact => ({
  partnerId: partner,
  partnerName: partner === 'A' ? 'Alpha' : 'Beta',
  partnerType: partner === 'A' ? 'reseller' : 'distributor',
  tier: partner === 'A' ? 'Gold' : null,
  status,
  registeredAt: t(registered),
  decidedAt: decided ? t(decided) : null,
  conflicted,
  dealStatus,
  distributorName: via,
});

const regs: RegistrationFact[] = [
  // Friday → Monday: 1 business day; Alpha's first two went through Beta (two-tier)
  reg('A', 'approved', '2026-01-02', '2026-01-05', false, 'won', 'Beta'),
  // Monday → Thursday: 3 business days
  reg('A', 'expired', '2026-01-05', '2026-01-08', true, 'open', 'Beta'),
  // Tuesday → Tuesday: 0
  reg('A', 'rejected', '2026-01-06', '2026-01-06', true, null),
  reg('B', 'approved', '2026-01-05', '2026-01-07', false, 'lost'), // 2
  reg('B', 'pending', '2026-01-09', null, false, null),
];

const deal = (
  channel: DealFact['channel'],
  partnerId: string | null,
  status: DealFact['status'],
  created: string,
  closed: string | null,
  amount: string | null,
  via: string | null = null,
): DealFact => ({
  channel,
  partnerId,
  status,
  createdAt: t(created),
  closedAt: closed ? t(closed) : null,
  amount,
  distributorName: via,
});

const deals: DealFact[] = [
  deal('partner', 'A', 'won', '2026-01-05', '2026-01-25', '1000.50', 'Beta'), // 20 days
  deal('partner', 'A', 'open', '2026-01-08', null, '300.00', 'Beta'),
  deal('partner', 'B', 'lost', '2026-01-07', '2026-01-17', '999.00'),
  deal('direct', null, 'won', '2026-01-01', '2026-01-11', '200.00'), // 10 days
  deal('direct', null, 'won', '2026-01-01', '2026-01-31', '100.25'), // 30 days
  deal('direct', null, 'lost', '2026-01-01', '2026-01-05', '50.00'),
];

describe('business days', () => {
  it('counts weekdays after the first date up to the second', () => {
    expect(businessDaysBetween(t('2026-01-02'), t('2026-01-05'))).toBe(1);
    expect(businessDaysBetween(t('2026-01-05'), t('2026-01-08'))).toBe(3);
    expect(businessDaysBetween(t('2026-01-06'), t('2026-01-06'))).toBe(0);
    expect(businessDaysBetween(t('2026-01-02'), t('2026-01-12'))).toBe(6);
  });

  it('gives when an SLA of business days is passed: the first instant past it', () => {
    // Friday 2 January, SLA 2: Monday 5 and Tuesday 6 are within it, Wednesday 7 is the third
    const friday = new Date('2026-01-02T10:00:00.000Z');
    const due = businessDaysDueAt(friday, 2);
    expect(due.toISOString()).toBe('2026-01-07T00:00:00.000Z');
    expect(businessDaysBetween(friday, new Date(due.getTime() - 1))).toBe(2);
    expect(businessDaysBetween(friday, due)).toBe(3);
    // Wednesday afternoon, SLA 1: Thursday is within it, due Friday
    expect(businessDaysDueAt(new Date('2026-01-07T15:00:00.000Z'), 1).toISOString()).toBe('2026-01-09T00:00:00.000Z');
    // registered on a Saturday, SLA 1: Monday is the first business day, due Tuesday
    expect(businessDaysDueAt(new Date('2026-01-03T12:00:00.000Z'), 1).toISOString()).toBe('2026-01-06T00:00:00.000Z');
    // Thursday, SLA 2: Friday, then Monday; due Tuesday
    expect(businessDaysDueAt(new Date('2026-01-08T23:59:59.000Z'), 2).toISOString()).toBe('2026-01-13T00:00:00.000Z');
  });
});

describe('channel analytics (hand-computed)', () => {
  const a = channelAnalytics(regs, deals);

  it('gives the partner funnel and the overall rates', () => {
    // approved counts the expired one (it was approved); won is the registration whose deal won
    expect(a.funnel).toEqual({ registered: 5, approved: 3, won: 1 });
    expect(a.overall).toMatchObject({
      rejected: 1,
      expired: 1,
      conflictRate: 2 / 5,
      // (1 + 3 + 0 + 2) / 4 decided
      meanApprovalBusinessDays: 6 / 4,
      // partner deals closed: A won, B lost
      winRate: 1 / 2,
      meanCycleDays: 20,
      revenueWon: '1000.50',
    });
  });

  it('breaks down by partner, tier and type', () => {
    expect(
      a.byPartner.map((g) => [g.key, g.registered, g.approved, g.conflictRate, g.winRate, g.meanApprovalBusinessDays]),
    ).toEqual([
      ['Alpha', 3, 2, 2 / 3, 1, 4 / 3],
      ['Beta', 2, 1, 0, 0, 2],
    ]);
    expect(a.byTier.map((g) => [g.key, g.registered, g.revenueWon])).toEqual([
      ['Gold', 3, '1000.50'],
      ['no tier', 2, '0.00'],
    ]);
    expect(a.byType.map((g) => [g.key, g.won, g.meanCycleDays])).toEqual([
      ['distributor', 0, null],
      ['reseller', 1, 20],
    ]);
  });

  it('breaks down by the distributor registrations and deals went through, one tier last', () => {
    expect(
      a.byDistributor.map((g) => [
        g.key,
        g.registered,
        g.approved,
        g.rejected,
        g.conflictRate,
        g.meanApprovalBusinessDays,
        g.won,
        g.winRate,
        g.meanCycleDays,
        g.revenueWon,
      ]),
    ).toEqual([
      // Alpha through Beta: approved (1 day, won in 20 days) and expired (3 days, conflicted, open)
      ['Beta', 2, 2, 0, 1 / 2, 2, 1, 1, 20, '1000.50'],
      // Alpha's rejected one (0 days, conflicted), Beta's own approved (2 days, lost) and pending
      ['no distributor', 3, 1, 1, 1 / 3, 1, 0, 0, null, '0.00'],
    ]);
  });

  it('puts channel beside direct', () => {
    expect(a.channelVsDirect).toEqual({
      direct: { deals: 3, won: 2, lost: 1, winRate: 2 / 3, meanCycleDays: 20, revenueWon: '300.25' },
      partner: { deals: 3, won: 1, lost: 1, winRate: 1 / 2, meanCycleDays: 20, revenueWon: '1000.50' },
    });
  });

  it('is empty without data', () => {
    const e = channelAnalytics([], []);
    expect(e.funnel).toEqual({ registered: 0, approved: 0, won: 0 });
    expect(e.overall.conflictRate).toBeNull();
    expect(e.channelVsDirect.direct.winRate).toBeNull();
  });
});
