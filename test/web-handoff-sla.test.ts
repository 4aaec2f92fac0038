import { describe, expect, it } from 'vitest';
import { slaView } from '../web/src/handoff-sla.ts';

const due = '2026-03-02T09:05:00.000Z';
const at = (iso: string) => Date.parse(iso);
const open = { status: 'open', dueAt: due, firstTouchAt: null, minutesToTouch: null };

describe('the SLA countdown of a hand-off', () => {
  it('counts down to the due time in minutes and seconds, "due soon" in the last minute', () => {
    expect(slaView(open, at('2026-03-02T09:00:00.000Z'))).toEqual({ state: 'running', text: '5:00 left' });
    expect(slaView(open, at('2026-03-02T09:03:55.500Z'))).toEqual({ state: 'running', text: '1:04 left' });
    expect(slaView(open, at('2026-03-02T09:04:30.000Z'))).toEqual({ state: 'due_soon', text: '0:30 left' });
  });

  it('says how long it is overdue, in hours past an hour', () => {
    expect(slaView(open, at('2026-03-02T09:05:00.000Z'))).toEqual({ state: 'overdue', text: 'Overdue by 0:00' });
    expect(slaView(open, at('2026-03-02T11:12:00.000Z'))).toEqual({ state: 'overdue', text: 'Overdue by 2 h 07 min' });
  });

  it('shows the speed to lead once touched, late or in time', () => {
    const inTime = { ...open, firstTouchAt: '2026-03-02T09:02:30.000Z', minutesToTouch: 2.5 };
    expect(slaView(inTime, at('2026-03-02T10:00:00.000Z'))).toEqual({
      state: 'touched_in_time',
      text: 'Touched after 2.5 min',
    });
    const late = { ...open, firstTouchAt: '2026-03-02T09:12:00.000Z', minutesToTouch: 12 };
    expect(slaView(late, at('2026-03-02T10:00:00.000Z'))).toEqual({
      state: 'touched_late',
      text: 'Touched after 12 min (late)',
    });
  });

  it('gives a slow first touch in hours', () => {
    const slow = { ...open, firstTouchAt: '2026-03-02T12:23:02.000Z', minutesToTouch: 198.03 };
    expect(slaView(slow, at('2026-03-02T13:00:00.000Z')).text).toBe('Touched after 3 h 18 min (late)');
  });

  it('stops for a hand-off decided without a touch', () => {
    expect(slaView({ ...open, status: 'rejected' }, at('2026-03-02T10:00:00.000Z'))).toEqual({
      state: 'closed',
      text: 'Not touched',
    });
  });
});
