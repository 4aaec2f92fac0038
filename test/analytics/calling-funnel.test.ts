import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  callingFunnel,
  type FunnelCall,
  type FunnelGrouping,
  type ProspectOutcome,
} from '../../src/analytics/calling-funnel.ts';

const t0 = Date.parse('2026-03-30T10:00:00Z');
const t1 = Date.parse('2026-04-02T10:00:00Z');
const h = (base: number, hours: number) => new Date(base + hours * 3_600_000);
const call = (
  prospectId: string,
  callerId: string,
  at: Date,
  disposition: string,
  extra: Partial<FunnelCall> = {},
) => ({
  prospectId,
  callerId,
  teamId: callerId === 'a' ? 'team-1' : 'team-2',
  script: null,
  at,
  disposition,
  durationSeconds: null,
  objections: 0,
  ...extra,
});

/*
 * l1 (rep a): no answer; 24 h later a 30 s connect (script s@1); 48 h: a 120 s call with one objection
 *   that booked a meeting; the deal opened at 96 h and was won at 336 h.
 * l2 (rep a): busy; 2 h later a 90 s connect (a conversation at 60 s), call back later.
 * l3 (rep b): a voicemail; a meeting booked for it 5 h later (no call recorded the booking).
 * l4 (rep b): a wrong number.
 */
const calls: FunnelCall[] = [
  call('l1', 'a', h(t0, 0), 'no_answer'),
  call('l1', 'a', h(t0, 24), 'connected', { durationSeconds: 30, script: 's@1' }),
  call('l1', 'a', h(t0, 48), 'meeting_booked', { durationSeconds: 120, objections: 1, script: 's@2' }),
  call('l2', 'a', h(t0, 0), 'busy'),
  call('l2', 'a', h(t0, 2), 'call_back_later', { durationSeconds: 90 }),
  call('l3', 'b', h(t1, 0), 'left_voicemail', { script: 's@2' }),
  call('l4', 'b', h(t1, 0), 'wrong_number', { durationSeconds: 200 }),
];
const outcomes: ProspectOutcome[] = [
  { prospectId: 'l1', meetingBookedAt: null, opportunityAt: h(t0, 96), wonAt: h(t0, 336) },
  { prospectId: 'l3', meetingBookedAt: h(t1, 5), opportunityAt: null, wonAt: null },
];

describe('calling funnel (hand-computed)', () => {
  const r = callingFunnel(calls, outcomes, 'rep', 60);

  it('counts prospects that reached each step, the step itself, and the conversion from the step before', () => {
    expect(r.total.dials).toBe(7);
    expect(r.total.steps.map((s) => [s.step, s.reached, s.observed])).toEqual([
      ['dial', 4, 4],
      ['connect', 3, 2], // l3 reached it through its meeting
      ['conversation', 3, 2],
      ['objection', 2, 1],
      ['meeting', 2, 2],
      ['opportunity', 1, 1],
      ['won', 1, 1],
    ]);
    expect(r.total.steps.map((s) => s.conversion)).toEqual([null, 0.75, 1, 2 / 3, 1, 0.5, 1]);
  });

  it('median hours between first occurrences, over prospects with both steps observed', () => {
    // connect: l1 24, l2 2 → 13; conversation: l1 24, l2 0 → 12; the rest from l1 alone
    expect(r.total.steps.map((s) => s.medianHoursFromPrevious)).toEqual([null, 13, 12, 0, 0, 48, 240]);
  });

  it('per rep of the first call', () => {
    expect(r.groups.map((g) => [g.key, g.dials, g.steps.map((s) => s.reached)])).toEqual([
      ['a', 5, [2, 2, 2, 1, 1, 1, 1]],
      ['b', 2, [2, 1, 1, 1, 1, 0, 0]],
    ]);
  });

  it('per team, per month of the first call, and per script of the first connected call with one', () => {
    expect(callingFunnel(calls, outcomes, 'team', 60).groups.map((g) => g.key)).toEqual(['team-1', 'team-2']);
    expect(callingFunnel(calls, outcomes, 'period', 60).groups.map((g) => [g.key, g.steps[0]?.reached])).toEqual([
      ['2026-03', 2],
      ['2026-04', 2],
    ]);
    // l1's first connected call carried s@1; l3's s@2 was on a voicemail, so it has none
    expect(callingFunnel(calls, outcomes, 'script', 60).groups.map((g) => [g.key, g.steps[0]?.reached])).toEqual([
      ['s@1', 1],
      [null, 3],
    ]);
  });

  it('the conversation threshold: at 100 s, l2 (90 s) converses no more, l1 still does (objection)', () => {
    const s = callingFunnel(calls, outcomes, 'rep', 100).total.steps.find((x) => x.step === 'conversation');
    expect([s?.reached, s?.observed]).toEqual([2, 1]);
  });
});

describe('calling funnel (properties)', () => {
  const dispositions = [
    'connected',
    'no_answer',
    'left_voicemail',
    'busy',
    'wrong_number',
    'not_interested',
    'call_back_later',
    'meeting_booked',
  ];
  const anyCall = fc.record({
    prospectId: fc.constantFrom('p1', 'p2', 'p3', 'p4'),
    callerId: fc.constantFrom('a', 'b', null),
    teamId: fc.constantFrom('t', null),
    script: fc.constantFrom('s@1', 's@2', null),
    at: fc.integer({ min: 0, max: 1000 }).map((x) => h(t0, x)),
    disposition: fc.constantFrom(...dispositions),
    durationSeconds: fc.option(fc.integer({ min: 0, max: 600 })),
    objections: fc.integer({ min: 0, max: 2 }),
  });
  const anyOutcome = fc.record({
    prospectId: fc.constantFrom('p1', 'p2', 'p3', 'p4'),
    meetingBookedAt: fc.option(fc.integer({ min: 0, max: 1000 }).map((x) => h(t0, x))),
    opportunityAt: fc.option(fc.integer({ min: 0, max: 1000 }).map((x) => h(t0, x))),
    wonAt: fc.option(fc.integer({ min: 0, max: 1000 }).map((x) => h(t0, x))),
  });

  it('is monotone: each step holds at most the prospects of the one before, observed ≤ reached; groups add up', () => {
    fc.assert(
      fc.property(
        fc.array(anyCall, { maxLength: 30 }),
        fc.uniqueArray(anyOutcome, { selector: (o) => o.prospectId }),
        fc.constantFrom<FunnelGrouping[]>('rep', 'team', 'script', 'period'),
        (cs, os, by) => {
          const r = callingFunnel(cs, os, by, 60);
          for (const g of [r.total, ...r.groups]) {
            g.steps.forEach((s, i) => {
              expect(s.observed).toBeLessThanOrEqual(s.reached);
              if (i > 0) expect(s.reached).toBeLessThanOrEqual(g.steps[i - 1]?.reached ?? 0);
              if (s.conversion !== null) expect(s.conversion).toBeLessThanOrEqual(1);
            });
          }
          r.total.steps.forEach((s, i) =>
            expect(r.groups.reduce((n, g) => n + (g.steps[i]?.reached ?? 0), 0)).toBe(s.reached),
          );
          expect(r.total.dials).toBe(cs.length);
        },
      ),
    );
  });
});
