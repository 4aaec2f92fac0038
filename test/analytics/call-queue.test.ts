import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareQueueLeads,
  queueReason,
  rankCallQueue,
  speedToLeadBy,
  speedToLeadDistribution,
  type QueueLead,
} from '../../src/analytics/call-queue.ts';

const t = (ddhhmm: string) => new Date(`2026-03-${ddhhmm.slice(0, 2)}T${ddhhmm.slice(3)}:00Z`);
const now = t('10 12:00');

const lead = (id: string, over: Partial<QueueLead> = {}): QueueLead => ({
  id,
  createdAt: t('01 09:00'),
  score: null,
  slaDueAt: null,
  callBackAt: null,
  ...over,
});

/*
 * Worked by hand at 10 March 12:00:
 *   cb-late   call back 11:00 today      → call back due (1 h overdue)      1st
 *   cb-early  call back 09:00 today      → call back due (3 h overdue)      comes before cb-late: 0th
 *   sla-soon  SLA due 12:30              → SLA, due sooner                   2nd
 *   sla-late  SLA due 15:00, score 99    → SLA, due later (score does not outrank the SLA clock)  3rd
 *   hot       score 80, came in on the 9th                                   4th
 *   warm-old  score 40, came in on the 1st                                   5th (score before age)
 *   warm-new  score 40, came in on the 8th                                   6th (older first)
 *   cold      unscored, oldest of all                                        7th (unscored last)
 *   later     call back tomorrow 09:00, score 100 → not callable yet        8th
 */
const fixture: QueueLead[] = [
  lead('later', { callBackAt: t('11 09:00'), score: 100 }),
  lead('cold', { createdAt: t('01 08:00') }),
  lead('warm-new', { score: 40, createdAt: t('08 09:00') }),
  lead('warm-old', { score: 40 }),
  lead('hot', { score: 80, createdAt: t('09 09:00') }),
  lead('sla-late', { slaDueAt: t('10 15:00'), score: 99 }),
  lead('sla-soon', { slaDueAt: t('10 12:30') }),
  lead('cb-late', { callBackAt: t('10 11:00') }),
  lead('cb-early', { callBackAt: t('10 09:00'), slaDueAt: t('10 10:00') }),
];

describe('call queue order', () => {
  it('ranks the fixture as worked by hand', () => {
    expect(rankCallQueue(fixture, now).map((l) => l.id)).toEqual([
      'cb-early',
      'cb-late',
      'sla-soon',
      'sla-late',
      'hot',
      'warm-old',
      'warm-new',
      'cold',
      'later',
    ]);
  });

  it('gives each lead its reason', () => {
    const reasons = Object.fromEntries(fixture.map((l) => [l.id, queueReason(l, now)]));
    expect(reasons).toEqual({
      later: 'call_back_later',
      cold: 'ready',
      'warm-new': 'ready',
      'warm-old': 'ready',
      hot: 'ready',
      'sla-late': 'sla',
      'sla-soon': 'sla',
      'cb-late': 'call_back_due',
      'cb-early': 'call_back_due',
    });
  });

  it('a call back at exactly now is due; a minute later it is still ahead', () => {
    expect(queueReason(lead('x', { callBackAt: now }), now)).toBe('call_back_due');
    expect(queueReason(lead('x', { callBackAt: new Date(now.getTime() + 60_000) }), now)).toBe('call_back_later');
  });

  it('a lead with a call back tomorrow rises when tomorrow comes: after the longer-overdue call backs', () => {
    const tomorrow = t('11 09:30');
    expect(rankCallQueue(fixture, tomorrow).map((l) => l.id)).toEqual([
      'cb-early',
      'cb-late',
      'later',
      'sla-soon',
      'sla-late',
      'hot',
      'warm-old',
      'warm-new',
      'cold',
    ]);
  });

  const arbLead = fc.record({
    id: fc.uuid(),
    createdAt: fc.date({ min: t('01 00:00'), max: t('10 12:00'), noInvalidDate: true }),
    score: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    slaDueAt: fc.option(fc.date({ min: t('09 00:00'), max: t('11 00:00'), noInvalidDate: true }), { nil: null }),
    callBackAt: fc.option(fc.date({ min: t('09 00:00'), max: t('11 00:00'), noInvalidDate: true }), { nil: null }),
  });

  it('is a total order: antisymmetric, and the ranking does not depend on the input order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(arbLead, { selector: (l) => l.id, maxLength: 30 }), (leads) => {
        const ranked = rankCallQueue(leads, now).map((l) => l.id);
        expect(rankCallQueue([...leads].reverse(), now).map((l) => l.id)).toEqual(ranked);
        for (const a of leads)
          for (const b of leads) {
            const ab = Math.sign(compareQueueLeads(a, b, now));
            const ba = Math.sign(compareQueueLeads(b, a, now));
            expect(ab === -ba).toBe(true);
          }
      }),
    );
  });

  it('never puts a lead whose call back is ahead before a lead callable now', () => {
    fc.assert(
      fc.property(fc.array(arbLead, { maxLength: 30 }), (leads) => {
        const reasons = rankCallQueue(leads, now).map((l) => queueReason(l, now));
        const firstLater = reasons.indexOf('call_back_later');
        if (firstLater >= 0) expect(reasons.slice(firstLater).every((r) => r === 'call_back_later')).toBe(true);
      }),
    );
  });
});

describe('speed to lead', () => {
  /*
   * Worked by hand (creation → first call, minutes):
   *   ann: 3, 30, 120 and one never called → 4 leads, 3 called; buckets [1, 1, 1, 0, 0];
   *        median 30; p90 = 30 + 0.8 × 90 = 102
   *   bob: 2 days = 2880 and 10 days = 14400 → 2, 2; buckets [0, 0, 0, 1, 1]; median 8640;
   *        p90 = 2880 + 0.9 × 11520 = 13248
   *   unowned: never called → 1, 0; no median
   */
  const c = t('01 09:00');
  const after = (minutes: number) => new Date(c.getTime() + minutes * 60_000);
  it('per owner as worked by hand', () => {
    expect(
      speedToLeadBy([
        { ownerId: 'bob', createdAt: c, firstCallAt: after(14_400) },
        { ownerId: 'ann', createdAt: c, firstCallAt: after(30) },
        { ownerId: null, createdAt: c, firstCallAt: null },
        { ownerId: 'ann', createdAt: c, firstCallAt: after(3) },
        { ownerId: 'ann', createdAt: c, firstCallAt: null },
        { ownerId: 'bob', createdAt: c, firstCallAt: after(2880) },
        { ownerId: 'ann', createdAt: c, firstCallAt: after(120) },
      ]),
    ).toEqual([
      { ownerId: 'ann', leads: 4, called: 3, buckets: [1, 1, 1, 0, 0], medianMinutes: 30, p90Minutes: 102 },
      { ownerId: 'bob', leads: 2, called: 2, buckets: [0, 0, 0, 1, 1], medianMinutes: 8640, p90Minutes: 13248 },
      { ownerId: null, leads: 1, called: 0, buckets: [0, 0, 0, 0, 0], medianMinutes: null, p90Minutes: null },
    ]);
  });
});

describe('speedToLeadDistribution', () => {
  const c = t('01 09:00');
  const after = (minutes: number) => new Date(c.getTime() + minutes * 60_000);
  const leads = [
    { createdAt: c, firstCallAt: after(30) },
    { createdAt: c, firstCallAt: after(3) },
    { createdAt: c, firstCallAt: null },
    { createdAt: c, firstCallAt: after(5) },
    { createdAt: c, firstCallAt: after(30) },
  ];
  it('measures the SLA share over all leads and an ECDF with one point per distinct minute, as worked by hand', () => {
    // called minutes 3, 5, 30, 30: median (5 + 30) / 2; p90 at h = 2.7 → 30; within 5 min: 3 and 5 (at most the target)
    expect(speedToLeadDistribution(leads, 5)).toEqual({
      leads: 5,
      called: 4,
      neverCalled: 1,
      buckets: [1, 3, 0, 0, 0],
      medianMinutes: 17.5,
      p90Minutes: 30,
      withinSla: 2,
      withinSlaShare: 0.4,
      ecdf: [
        { minutes: 3, share: 0.2 },
        { minutes: 5, share: 0.4 },
        { minutes: 30, share: 0.8 },
      ],
    });
    expect(speedToLeadDistribution(leads, 4).withinSla).toBe(1);
  });
  it('has no shares without leads', () => {
    expect(speedToLeadDistribution([], 5)).toMatchObject({
      leads: 0,
      withinSlaShare: null,
      ecdf: [],
      medianMinutes: null,
    });
  });
  it('ends its ECDF at the called share and counts within the SLA what the ECDF shows at the target', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: null }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 10_000 }),
        (mins, sla) => {
          const d = speedToLeadDistribution(
            mins.map((m) => ({ createdAt: c, firstCallAt: m === null ? null : after(m) })),
            sla,
          );
          const last = d.ecdf.at(-1)?.share ?? 0;
          expect(last).toBeCloseTo(d.leads === 0 ? 0 : d.called / d.leads, 10);
          const atSla = [...d.ecdf].reverse().find((p) => p.minutes <= sla)?.share ?? 0;
          expect(atSla).toBeCloseTo(d.withinSlaShare ?? 0, 10);
          expect(d.called + d.neverCalled).toBe(d.leads);
        },
      ),
    );
  });
});
