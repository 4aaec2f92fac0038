import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cadenceFigures, type EnrolmentFact } from '../../src/analytics/cadences.ts';
import { callDispositions } from '../../src/contract/activities.ts';
import { defaultCadenceRules, type CadenceRules, type CadenceStep } from '../../src/contract/cadences.ts';
import {
  applyOutcome,
  isStepDue,
  resumeIfDue,
  setCallBack,
  startEnrolment,
  stepDueAt,
  type CadenceOutcome,
} from '../../src/domain/cadences.ts';
import type { Holiday } from '../../src/domain/holidays.ts';
import type { BusinessHours } from '../../src/domain/sla.ts';

// Monday to Friday, 09:00–17:00 UTC.
const hours: BusinessHours = { weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', timeZone: 'UTC' };
const at = (s: string) => new Date(s);
const iso = (d: Date | null) => d?.toISOString() ?? null;

const steps: CadenceStep[] = [
  { kind: 'call', delay: { amount: 0, unit: 'hours', clock: 'calendar' }, instruction: 'Intro call' },
  { kind: 'email', delay: { amount: 1, unit: 'days', clock: 'business' }, instruction: 'Send the case study' },
  { kind: 'call', delay: { amount: 4, unit: 'hours', clock: 'business' }, instruction: 'Follow-up call' },
];
const rules: CadenceRules = { ...defaultCadenceRules, busy: { action: 'pause', days: 2 } };
const def = { steps, rules };

describe('step due times', () => {
  it('counts calendar hours and days, business hours and business days', () => {
    // Friday 15:00.
    const fri = at('2026-03-06T15:00:00.000Z');
    expect(iso(stepDueAt(fri, { amount: 3, unit: 'hours', clock: 'calendar' }, hours))).toBe(
      '2026-03-06T18:00:00.000Z',
    );
    expect(iso(stepDueAt(fri, { amount: 2, unit: 'days', clock: 'calendar' }, hours))).toBe('2026-03-08T15:00:00.000Z');
    // 2 business hours on Friday, 1 on Monday from 09:00.
    expect(iso(stepDueAt(fri, { amount: 3, unit: 'hours', clock: 'business' }, hours))).toBe(
      '2026-03-09T10:00:00.000Z',
    );
    // One business day after Friday is Monday, same time of day.
    expect(iso(stepDueAt(fri, { amount: 1, unit: 'days', clock: 'business' }, hours))).toBe('2026-03-09T15:00:00.000Z');
    // Zero business time on Saturday waits for Monday's opening.
    expect(iso(stepDueAt(at('2026-03-07T12:00:00.000Z'), { amount: 0, unit: 'days', clock: 'business' }, hours))).toBe(
      '2026-03-09T09:00:00.000Z',
    );
  });
});

describe('business time skips holidays', () => {
  const holiday = (name: string, start: string, end = start, recurring = false): Holiday => ({
    calendarId: 'c',
    calendarName: 'Company',
    name,
    start,
    end,
    recurring,
  });
  // Monday 9 March 2026 is a company day; Good Friday to Easter Monday (3–6 April), every year.
  const holidays = [holiday('Company day', '2026-03-09'), holiday('Easter', '2025-04-03', '2025-04-06', true)];
  const fri = at('2026-03-06T15:00:00.000Z');

  it('business hours and days pass over a holiday as over a weekend', () => {
    // 2 business hours on Friday, Monday is a holiday, 1 on Tuesday from 09:00.
    expect(iso(stepDueAt(fri, { amount: 3, unit: 'hours', clock: 'business' }, hours, holidays))).toBe(
      '2026-03-10T10:00:00.000Z',
    );
    // One business day after Friday is Tuesday when Monday is a holiday, same time of day.
    expect(iso(stepDueAt(fri, { amount: 1, unit: 'days', clock: 'business' }, hours, holidays))).toBe(
      '2026-03-10T15:00:00.000Z',
    );
    // Zero business time on the holiday waits for Tuesday's opening.
    expect(
      iso(stepDueAt(at('2026-03-09T12:00:00.000Z'), { amount: 0, unit: 'hours', clock: 'business' }, hours, holidays)),
    ).toBe('2026-03-10T09:00:00.000Z');
    // A recurring range: Thursday 2 April 16:00, 2 business hours → 1 on Thursday, Friday to Monday off, 1 on Tuesday.
    expect(
      iso(stepDueAt(at('2026-04-02T16:00:00.000Z'), { amount: 2, unit: 'hours', clock: 'business' }, hours, holidays)),
    ).toBe('2026-04-07T10:00:00.000Z');
    // Calendar delays ignore holidays.
    expect(iso(stepDueAt(fri, { amount: 3, unit: 'days', clock: 'calendar' }, hours, holidays))).toBe(
      '2026-03-09T15:00:00.000Z',
    );
  });

  it('passes over holidays that leave no working time for years as if there were none, rather than stopping', () => {
    const always = [holiday('Sabbatical', '2026-01-01', '2030-12-31')];
    expect(iso(stepDueAt(fri, { amount: 1, unit: 'hours', clock: 'business' }, hours, always))).toBe(
      '2026-03-06T16:00:00.000Z',
    );
    expect(iso(stepDueAt(fri, { amount: 1, unit: 'days', clock: 'business' }, hours, always))).toBe(
      '2026-03-09T15:00:00.000Z',
    );
  });

  it('reads a holiday as a date in the business hours’ own time zone', () => {
    const berlin: BusinessHours = { ...hours, timeZone: 'Europe/Berlin' };
    // Friday 16:00 in Berlin: 1 hour on Friday, the company day (Monday in Berlin), 1 hour on Tuesday from 09:00 Berlin.
    expect(iso(stepDueAt(fri, { amount: 2, unit: 'hours', clock: 'business' }, berlin, holidays))).toBe(
      '2026-03-10T09:00:00.000Z',
    );
  });
});

describe('disposition rules', () => {
  const monday = at('2026-03-02T10:00:00.000Z');
  const start = startEnrolment(steps, monday, hours);

  it('advances on no answer to the next step, due after its delay', () => {
    expect(start).toMatchObject({ status: 'active', stepIndex: 0 });
    expect(iso(start.dueAt)).toBe('2026-03-02T10:00:00.000Z');
    const r = applyOutcome(start, { kind: 'call', disposition: 'no_answer' }, def, monday, hours);
    expect(r.transitions).toEqual(['advanced']);
    expect(r.state).toMatchObject({ status: 'active', stepIndex: 1, reachedStep: null });
    expect(iso(r.state.dueAt)).toBe('2026-03-03T10:00:00.000Z');
  });

  it('ends with the rule’s reason on a booked meeting, counting reached and converted at the step', () => {
    const r = applyOutcome(start, { kind: 'call', disposition: 'meeting_booked' }, def, monday, hours);
    expect(r.transitions).toEqual(['ended']);
    expect(r.state).toMatchObject({
      status: 'ended',
      stepIndex: 0,
      endedReason: 'meeting booked',
      reachedStep: 0,
      convertedStep: 0,
      dueAt: null,
    });
  });

  it('pauses for days, then the same step is due again', () => {
    const r = applyOutcome(start, { kind: 'call', disposition: 'busy' }, def, monday, hours);
    expect(r.transitions).toEqual(['paused']);
    expect(r.state).toMatchObject({ status: 'paused', stepIndex: 0, pauseReason: 'busy' });
    expect(iso(r.state.pausedUntil)).toBe('2026-03-04T10:00:00.000Z');
    expect(resumeIfDue(r.state, at('2026-03-04T09:59:00.000Z')).resumed).toBe(false);
    const back = resumeIfDue(r.state, at('2026-03-04T10:00:00.000Z'));
    expect(back.resumed).toBe(true);
    expect(back.state).toMatchObject({ status: 'active', stepIndex: 0, pausedUntil: null });
    expect(isStepDue(back.state, at('2026-03-04T10:00:00.000Z'))).toBe(true);
  });

  it('pauses until the call back: its time when known, else until one is set; the next call resumes', () => {
    const waiting = applyOutcome(start, { kind: 'call', disposition: 'call_back_later' }, def, monday, hours).state;
    expect(waiting).toMatchObject({ status: 'paused', pausedUntil: null, dueAt: null, reachedStep: 0 });
    const set = setCallBack(waiting, at('2026-03-05T14:00:00.000Z'));
    expect(iso(set.pausedUntil)).toBe('2026-03-05T14:00:00.000Z');
    // A second call back does not move a pause that has its time.
    expect(setCallBack(set, at('2026-03-06T14:00:00.000Z'))).toBe(set);
    const known = applyOutcome(
      start,
      { kind: 'call', disposition: 'call_back_later', callBackAt: at('2026-03-03T11:00:00.000Z') },
      def,
      monday,
      hours,
    ).state;
    expect(iso(known.dueAt)).toBe('2026-03-03T11:00:00.000Z');
    const next = applyOutcome(
      waiting,
      { kind: 'call', disposition: 'connected' },
      def,
      at('2026-03-03T09:00:00.000Z'),
      hours,
    );
    expect(next.transitions).toEqual(['resumed', 'advanced']);
    expect(next.state).toMatchObject({ status: 'active', stepIndex: 1 });
  });

  it('advances an email step when it is done, not a call step; ends as completed after the last step', () => {
    expect(applyOutcome(start, { kind: 'done' }, def, monday, hours).transitions).toEqual([]);
    const atEmail = applyOutcome(start, { kind: 'call', disposition: 'no_answer' }, def, monday, hours).state;
    const atLast = applyOutcome(atEmail, { kind: 'done' }, def, at('2026-03-03T10:00:00.000Z'), hours).state;
    expect(atLast.stepIndex).toBe(2);
    // Four business hours after Tuesday 10:00.
    expect(iso(atLast.dueAt)).toBe('2026-03-03T14:00:00.000Z');
    const done = applyOutcome(atLast, { kind: 'call', disposition: 'left_voicemail' }, def, monday, hours);
    expect(done.transitions).toEqual(['ended']);
    expect(done.state).toMatchObject({ status: 'ended', stepIndex: 2, endedReason: 'completed' });
    // An ended enrolment does not change.
    expect(
      applyOutcome(done.state, { kind: 'call', disposition: 'no_answer' }, def, monday, hours).transitions,
    ).toEqual([]);
  });

  it('ends when the lead closes; a conversion with an opportunity counts as converted', () => {
    const r = applyOutcome(
      start,
      { kind: 'lead_closed', reason: 'lead converted', converted: true },
      def,
      monday,
      hours,
    );
    expect(r.state).toMatchObject({ status: 'ended', endedReason: 'lead converted', convertedStep: 0 });
  });
});

describe('enrolment invariants (property)', () => {
  const outcome: fc.Arbitrary<CadenceOutcome> = fc.oneof(
    fc.record({ kind: fc.constant('call' as const), disposition: fc.constantFrom(...callDispositions) }),
    fc.constant({ kind: 'done' as const }),
  );
  const step: fc.Arbitrary<CadenceStep> = fc.record({
    kind: fc.constantFrom('call' as const, 'email' as const, 'task' as const),
    delay: fc.record({
      amount: fc.integer({ min: 0, max: 10 }),
      unit: fc.constantFrom('hours' as const, 'days' as const),
      clock: fc.constantFrom('business' as const, 'calendar' as const),
    }),
    instruction: fc.constant(''),
  });

  it('has one current step in range, moves at most one step at a time, and never comes due before its delay', () => {
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(outcome, fc.integer({ min: 0, max: 5 * 24 * 60 })), { maxLength: 20 }),
        (cadenceSteps, events) => {
          let now = at('2026-03-02T10:00:00.000Z');
          let s = startEnrolment(cadenceSteps, now, hours);
          for (const [o, minutes] of events) {
            now = new Date(now.getTime() + minutes * 60_000);
            s = resumeIfDue(s, now).state;
            const before = s;
            const r = applyOutcome(s, o, { steps: cadenceSteps, rules: defaultCadenceRules }, now, hours);
            s = r.state;
            expect(s.stepIndex).toBeGreaterThanOrEqual(0);
            expect(s.stepIndex).toBeLessThan(cadenceSteps.length);
            expect(s.stepIndex - before.stepIndex).toBeGreaterThanOrEqual(0);
            expect(s.stepIndex - before.stepIndex).toBeLessThanOrEqual(1);
            if (s.status === 'ended') expect(s.dueAt).toBeNull();
            if (s.status === 'active') expect(s.dueAt).not.toBeNull();
            if (r.transitions.includes('advanced')) {
              const delay = (cadenceSteps[s.stepIndex] as CadenceStep).delay;
              const minimum = delay.amount * (delay.unit === 'hours' ? 3_600_000 : 86_400_000);
              // Business time is never shorter than the same calendar hours; business days skip days.
              expect((s.dueAt as Date).getTime() - now.getTime()).toBeGreaterThanOrEqual(
                delay.unit === 'days' && delay.clock === 'business' ? minimum - 3_600_000 : minimum,
              );
            }
          }
        },
      ),
    );
  });
});

describe('cadence figures', () => {
  it('counts per step by hand', () => {
    // Three steps. Five enrolments of A, one of B, one of a cadence not asked for.
    const facts: EnrolmentFact[] = [
      // Ended at step 0 with a meeting (reached and converted at 0).
      { cadenceId: 'A', status: 'ended', stepIndex: 0, reachedStep: 0, convertedStep: 0 },
      // Still at step 1, nobody reached.
      { cadenceId: 'A', status: 'active', stepIndex: 1, reachedStep: null, convertedStep: null },
      // Reached at step 1, paused at step 1.
      { cadenceId: 'A', status: 'paused', stepIndex: 1, reachedStep: 1, convertedStep: null },
      // Completed at step 2 without reaching anyone.
      { cadenceId: 'A', status: 'ended', stepIndex: 2, reachedStep: null, convertedStep: null },
      // Reached at 1, converted to an opportunity at 2, ended there.
      { cadenceId: 'A', status: 'ended', stepIndex: 2, reachedStep: 1, convertedStep: 2 },
      { cadenceId: 'B', status: 'active', stepIndex: 0, reachedStep: null, convertedStep: null },
      { cadenceId: 'Z', status: 'active', stepIndex: 0, reachedStep: null, convertedStep: null },
    ];
    const defs = [
      {
        id: 'A',
        name: 'Outbound',
        steps: [{ kind: 'call' as const }, { kind: 'email' as const }, { kind: 'call' as const }],
      },
      { id: 'B', name: 'Nurture', steps: [{ kind: 'task' as const }] },
    ];
    const [a, b] = cadenceFigures(defs, facts);
    expect(a).toEqual({
      cadenceId: 'A',
      name: 'Outbound',
      enrolled: 5,
      reached: 3,
      converted: 2,
      ended: 3,
      open: 2,
      steps: [
        { stepIndex: 0, kind: 'call', enrolled: 5, reached: 1, converted: 1, ended: 1 },
        { stepIndex: 1, kind: 'email', enrolled: 4, reached: 2, converted: 0, ended: 0 },
        { stepIndex: 2, kind: 'call', enrolled: 2, reached: 0, converted: 1, ended: 2 },
      ],
    });
    expect(b).toEqual({
      cadenceId: 'B',
      name: 'Nurture',
      enrolled: 1,
      reached: 0,
      converted: 0,
      ended: 0,
      open: 1,
      steps: [{ stepIndex: 0, kind: 'task', enrolled: 1, reached: 0, converted: 0, ended: 0 }],
    });
  });
});
