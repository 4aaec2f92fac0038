/** Where a hand-off's SLA timer stands at `now`, in words and as a state the screen colours. */
export interface SlaView {
  state: 'running' | 'due_soon' | 'overdue' | 'touched_in_time' | 'touched_late' | 'closed';
  text: string;
}

/** "4:05" below an hour, "2 h 05 min" above. */
function span(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 3600) return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  const minutes = Math.floor(seconds / 60);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** 2.5 → "2.5 min", 198.03 → "3 h 18 min". */
function minutesText(m: number): string {
  if (m < 60) return `${Math.round(m * 10) / 10} min`;
  const whole = Math.round(m);
  return `${Math.floor(whole / 60)} h ${String(whole % 60).padStart(2, '0')} min`;
}

/**
 * The SLA countdown of a hand-off: time left until the first touch is due (under a minute left is
 * "due soon"), how long it is overdue, or, once touched, how fast the first touch came.
 */
export function slaView(
  h: { status: string; dueAt: string; firstTouchAt: string | null; minutesToTouch: number | null },
  now: number,
): SlaView {
  const due = Date.parse(h.dueAt);
  if (h.firstTouchAt !== null && h.minutesToTouch !== null) {
    const inTime = Date.parse(h.firstTouchAt) <= due;
    return {
      state: inTime ? 'touched_in_time' : 'touched_late',
      text: `Touched after ${minutesText(h.minutesToTouch)}${inTime ? '' : ' (late)'}`,
    };
  }
  if (h.status !== 'open') return { state: 'closed', text: 'Not touched' };
  if (now >= due) return { state: 'overdue', text: `Overdue by ${span(now - due)}` };
  return { state: due - now <= 60_000 ? 'due_soon' : 'running', text: `${span(due - now)} left` };
}
