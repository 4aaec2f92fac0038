import { DateTime } from 'luxon';
import type { CallDisposition } from '../contract/activities.ts';
import type { CadenceDelay, CadenceRules, CadenceStep } from '../contract/cadences.ts';
import { addBusinessMinutes, isWorkingDay } from './approval-escalation.ts';
import { holidayLookup, type Holiday } from './holidays.ts';
import type { BusinessHours } from './sla.ts';

/**
 * The instant a step comes due when the previous one was done at `from`: calendar hours add
 * elapsed time; calendar days add days on the wall clock of the hours' time zone (a
 * daylight-saving change keeps the time of day); business hours count only working time (see
 * `addBusinessMinutes`); business days move to the same time of day that many working days later,
 * and a delay of zero business units waits until business hours open (now, when they are open).
 * A date of the `holidays` (read in the hours' time zone) is no working day, as a weekend is not.
 */
export function stepDueAt(
  from: Date,
  delay: CadenceDelay,
  hours: BusinessHours,
  holidays: readonly Holiday[] = [],
): Date {
  if (delay.clock === 'calendar') {
    if (delay.unit === 'hours') return new Date(from.getTime() + delay.amount * 3_600_000);
    return DateTime.fromJSDate(from, { zone: hours.timeZone }).plus({ days: delay.amount }).toJSDate();
  }
  if (delay.unit === 'hours' || delay.amount === 0) return addBusinessMinutes(from, delay.amount * 60, hours, holidays);
  let day = DateTime.fromJSDate(from, { zone: hours.timeZone });
  let counted = 0;
  const holidayOf = holidayLookup(holidays);
  // Every week has a working day (the hours' own rule), so without holidays this ends within
  // amount weeks; holidays that leave none for three years are passed over as if there were none.
  for (let i = 0; counted < delay.amount && i < delay.amount * 7 + 366 * 3; i++) {
    day = day.plus({ days: 1 });
    if (isWorkingDay(day, hours, holidayOf)) counted++;
  }
  if (counted < delay.amount) return stepDueAt(from, delay, hours);
  return day.toJSDate();
}

/** Where an enrolment stands, as the rules see it. */
export interface EnrolmentState {
  status: 'active' | 'paused' | 'ended';
  stepIndex: number;
  /** When the current step is due; while paused, when the pause ends (null: until a call back is set). */
  dueAt: Date | null;
  pausedUntil: Date | null;
  pauseReason: string | null;
  /** The step of the first conversation with a person, and of the meeting or opportunity. */
  reachedStep: number | null;
  convertedStep: number | null;
  endedReason: string | null;
}

/** What happened on the lead: a call with its disposition, or the current email or task step done. */
export type CadenceOutcome =
  | { kind: 'call'; disposition: CallDisposition; callBackAt?: Date | null }
  | { kind: 'done' }
  | { kind: 'lead_closed'; reason: string; converted: boolean };

export type CadenceTransition = 'advanced' | 'paused' | 'resumed' | 'ended';

/** Dispositions that mean a person was spoken to. */
export const reachedDispositions: readonly CallDisposition[] = [
  'connected',
  'not_interested',
  'call_back_later',
  'meeting_booked',
];

/** The reason an enrolment ends with when its last step is done. */
export const COMPLETED_REASON = 'completed';

/** The state at the first step, enrolled at `now`. */
export function startEnrolment(
  steps: readonly CadenceStep[],
  now: Date,
  hours: BusinessHours,
  holidays: readonly Holiday[] = [],
): EnrolmentState {
  const first = steps[0];
  if (!first) throw new RangeError('a cadence has at least one step');
  return {
    status: 'active',
    stepIndex: 0,
    dueAt: stepDueAt(now, first.delay, hours, holidays),
    pausedUntil: null,
    pauseReason: null,
    reachedStep: null,
    convertedStep: null,
    endedReason: null,
  };
}

function ended(s: EnrolmentState, reason: string): EnrolmentState {
  return { ...s, status: 'ended', dueAt: null, pausedUntil: null, pauseReason: null, endedReason: reason };
}

function advance(
  s: EnrolmentState,
  steps: readonly CadenceStep[],
  now: Date,
  hours: BusinessHours,
  holidays: readonly Holiday[],
): EnrolmentState {
  const next = steps[s.stepIndex + 1];
  if (!next) return ended(s, COMPLETED_REASON);
  return {
    ...s,
    status: 'active',
    stepIndex: s.stepIndex + 1,
    dueAt: stepDueAt(now, next.delay, hours, holidays),
    pausedUntil: null,
    pauseReason: null,
  };
}

/**
 * A paused enrolment whose pause is over at `now` is active again, its current step due when the
 * pause ended; anything else is returned as it is.
 */
export function resumeIfDue(s: EnrolmentState, now: Date): { state: EnrolmentState; resumed: boolean } {
  if (s.status !== 'paused' || !s.pausedUntil || s.pausedUntil.getTime() > now.getTime())
    return { state: s, resumed: false };
  return {
    state: { ...s, status: 'active', dueAt: s.pausedUntil, pausedUntil: null, pauseReason: null },
    resumed: true,
  };
}

/**
 * What an outcome does to an enrolment at `now`, and the transitions it made in order. An ended
 * enrolment does not change. A call is weighed whatever kind the current step is (a paused
 * enrolment is resumed first): its disposition's rule advances (after the last step the enrolment
 * ends as completed), pauses so many days (the same step is due again then), pauses until the call
 * back (its time when known, else until one is set or the next call) or ends with the rule's
 * reason. The first call that reached a person, and a booked meeting, are remembered with their
 * step. `done` advances only from an email or task step. A closed lead ends the enrolment
 * (converted with an opportunity counts as converted at the current step).
 */
export function applyOutcome(
  s: EnrolmentState,
  outcome: CadenceOutcome,
  def: { steps: readonly CadenceStep[]; rules: CadenceRules },
  now: Date,
  hours: BusinessHours,
  holidays: readonly Holiday[] = [],
): { state: EnrolmentState; transitions: CadenceTransition[] } {
  if (s.status === 'ended') return { state: s, transitions: [] };
  if (outcome.kind === 'lead_closed') {
    const state = ended(
      outcome.converted && s.convertedStep === null ? { ...s, convertedStep: s.stepIndex } : s,
      outcome.reason,
    );
    return { state, transitions: ['ended'] };
  }
  if (outcome.kind === 'done') {
    const kind = def.steps[s.stepIndex]?.kind;
    if (s.status !== 'active' || kind === 'call') return { state: s, transitions: [] };
    const state = advance(s, def.steps, now, hours, holidays);
    return { state, transitions: [state.status === 'ended' ? 'ended' : 'advanced'] };
  }
  const transitions: CadenceTransition[] = [];
  let state = s;
  if (state.status === 'paused') {
    state = { ...state, status: 'active', dueAt: now, pausedUntil: null, pauseReason: null };
    transitions.push('resumed');
  }
  if (state.reachedStep === null && reachedDispositions.includes(outcome.disposition))
    state = { ...state, reachedStep: state.stepIndex };
  if (state.convertedStep === null && outcome.disposition === 'meeting_booked')
    state = { ...state, convertedStep: state.stepIndex };
  const rule = def.rules[outcome.disposition];
  switch (rule.action) {
    case 'advance':
      state = advance(state, def.steps, now, hours, holidays);
      transitions.push(state.status === 'ended' ? 'ended' : 'advanced');
      break;
    case 'pause': {
      const until = DateTime.fromJSDate(now, { zone: hours.timeZone }).plus({ days: rule.days }).toJSDate();
      state = { ...state, status: 'paused', dueAt: until, pausedUntil: until, pauseReason: outcome.disposition };
      transitions.push('paused');
      break;
    }
    case 'pause_until_call_back': {
      const until = outcome.callBackAt ?? null;
      state = { ...state, status: 'paused', dueAt: until, pausedUntil: until, pauseReason: outcome.disposition };
      transitions.push('paused');
      break;
    }
    case 'end':
      state = ended(state, rule.reason);
      transitions.push('ended');
      break;
  }
  return { state, transitions };
}

/**
 * A call back set while the enrolment waits for one: the pause now ends at its time. Anything else
 * is left as it is.
 */
export function setCallBack(s: EnrolmentState, at: Date): EnrolmentState {
  if (s.status !== 'paused' || s.pauseReason !== 'call_back_later' || s.pausedUntil !== null) return s;
  return { ...s, dueAt: at, pausedUntil: at };
}

/** Whether the current step is due at `now` (a pause that is over counts as due). */
export function isStepDue(s: EnrolmentState, now: Date): boolean {
  return s.status !== 'ended' && s.dueAt !== null && s.dueAt.getTime() <= now.getTime();
}
