import { describe, expect, it } from 'vitest';
import { handoffBy, slaBy, type HandoffLead, type SlaHandoff } from '../../src/analytics/handoff.ts';

const t = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00Z`);

/*
 * Worked by hand (MQL → first touch in minutes):
 *   ann (team x): MQL 09:00 touched 09:05 (5), SQL;   MQL 10:00 touched 11:00 (60), not SQL;
 *                 MQL 12:00 untouched, not SQL      → 3 MQLs, 1 SQL (1/3), touched 2, median 32.5,
 *                                                      p90 = 5 + 0.9 × 55 = 54.5
 *   bob (team x): MQL 09:00 touched 09:20 (20), SQL → 1, 1 (1), touched 1, median 20, p90 20
 *   unowned:      MQL 09:00 untouched               → 1, 0 (0), touched 0, median null
 *   by team: x has 4 MQLs, 2 SQLs (0.5), touched 3 (5, 20, 60): median 20, p90 = 20 + 0.8 × 40 = 52
 */
const leads: HandoffLead[] = [
  { ownerId: 'ann', teamId: 'x', mqlAt: t('09:00'), sqlAt: t('09:30'), firstTouchAt: t('09:05') },
  { ownerId: 'ann', teamId: 'x', mqlAt: t('10:00'), sqlAt: null, firstTouchAt: t('11:00') },
  { ownerId: 'ann', teamId: 'x', mqlAt: t('12:00'), sqlAt: null, firstTouchAt: null },
  { ownerId: 'bob', teamId: 'x', mqlAt: t('09:00'), sqlAt: t('10:00'), firstTouchAt: t('09:20') },
  { ownerId: null, teamId: null, mqlAt: t('09:00'), sqlAt: null, firstTouchAt: null },
];

describe('MQL → SQL hand-off', () => {
  it('per owner: conversion and speed to lead as worked by hand', () => {
    expect(handoffBy(leads, 'owner')).toEqual([
      {
        key: 'ann',
        mqls: 3,
        sqls: 1,
        conversionRate: 1 / 3,
        touched: 2,
        medianMinutesToTouch: 32.5,
        p90MinutesToTouch: 54.5,
      },
      { key: 'bob', mqls: 1, sqls: 1, conversionRate: 1, touched: 1, medianMinutesToTouch: 20, p90MinutesToTouch: 20 },
      {
        key: null,
        mqls: 1,
        sqls: 0,
        conversionRate: 0,
        touched: 0,
        medianMinutesToTouch: null,
        p90MinutesToTouch: null,
      },
    ]);
  });

  it('per team', () => {
    expect(handoffBy(leads, 'team')[0]).toEqual({
      key: 'x',
      mqls: 4,
      sqls: 2,
      conversionRate: 0.5,
      touched: 3,
      medianMinutesToTouch: 20,
      p90MinutesToTouch: 52,
    });
  });
});

/*
 * The SLA, worked by hand (due 09:05 for each):
 *   ann (team x): touched 09:03 → met; touched 09:20, breached 09:05 → missed (once);
 *                 untouched, breached 09:05 → missed; still running (untouched) → neither
 *                 → 4 hand-offs, met 1, missed 2, rate 1/3
 *   bob (team x): touched 09:05 exactly → met; touched 09:06, never breached (checked late) → missed
 *                 → 2, met 1, missed 1, rate 0.5
 *   cat (no team): withdrawn untouched before due → 1, met 0, missed 0, rate null
 *   by team: x → 6 hand-offs, met 2, missed 3, rate 0.4; null → 1, 0, 0, null
 */
const due = t('09:05');
const sla: SlaHandoff[] = [
  { ownerId: 'ann', teamId: 'x', dueAt: due, firstTouchAt: t('09:03'), breachedAt: null },
  { ownerId: 'ann', teamId: 'x', dueAt: due, firstTouchAt: t('09:20'), breachedAt: t('09:05') },
  { ownerId: 'ann', teamId: 'x', dueAt: due, firstTouchAt: null, breachedAt: t('09:05') },
  { ownerId: 'ann', teamId: 'x', dueAt: due, firstTouchAt: null, breachedAt: null },
  { ownerId: 'bob', teamId: 'x', dueAt: due, firstTouchAt: t('09:05'), breachedAt: null },
  { ownerId: 'bob', teamId: 'x', dueAt: due, firstTouchAt: t('09:06'), breachedAt: null },
  { ownerId: 'cat', teamId: null, dueAt: due, firstTouchAt: null, breachedAt: null },
];

describe('the hand-off SLA', () => {
  it('per owner handed to: met, missed and the share met, as worked by hand', () => {
    expect(slaBy(sla, 'owner')).toEqual([
      { key: 'ann', handoffs: 4, met: 1, missed: 2, metRate: 1 / 3 },
      { key: 'bob', handoffs: 2, met: 1, missed: 1, metRate: 0.5 },
      { key: 'cat', handoffs: 1, met: 0, missed: 0, metRate: null },
    ]);
  });

  it('per team', () => {
    expect(slaBy(sla, 'team')).toEqual([
      { key: 'x', handoffs: 6, met: 2, missed: 3, metRate: 0.4 },
      { key: null, handoffs: 1, met: 0, missed: 0, metRate: null },
    ]);
  });
});
