import type { Actor } from '../../contract/access.ts';
import { createBookingSchema, slotsQuery } from '../../contract/booking.ts';
import { createActivity } from '../activities/create-activity.ts';
import { cancelBooking, createBooking, findBookingSlots, recordBookingOutcome } from '../booking/booking.service.ts';
import type { Deps } from '../context.ts';
import type { Action } from './demo-history.ts';
import type { Random } from './random.ts';
import { recentBookableCalls } from './demo.repository.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface DemoBookingContext {
  deps: Deps;
  rng: Random;
  orgId: string;
  start: number;
  end: number;
  sdrs: Actor[];
  fieldReps: Actor[];
  /** Meetings booked over the past year, and booked in its last days for the coming week. */
  past: number;
  upcoming: number;
  counts: Record<string, number>;
}

/** Windows of three hours (UTC) that fall in the morning of Tokyo, Berlin and New York. */
const windowHours = [1, 8, 14];

const cancelReasons = [
  'The buyer asked to move it to next quarter',
  'The buyer’s decision maker is travelling',
  'The buyer chose to evaluate later',
];

/** The first weekday on or after the UTC day of t, at midnight UTC. */
function weekdayOnOrAfter(t: number): number {
  const day = Math.floor(t / DAY) * DAY;
  const weekday = new Date(day).getUTCDay();
  return day + (weekday === 6 ? 2 : weekday === 0 ? 1 : 0) * DAY;
}

/**
 * A lead or deal the inside rep called lately that a meeting can be about: a lead neither converted
 * nor disqualified, or an open deal of theirs, most recent first; the rng picks one of the last few.
 */
async function calledRecently(ctx: DemoBookingContext, sdr: Actor, now: Date) {
  const rows = await recentBookableCalls(
    ctx.deps.db,
    ctx.orgId,
    sdr.userId,
    new Date(now.getTime() - 45 * DAY),
    now,
    5,
  );
  if (rows.length === 0) return null;
  const r = ctx.rng.pick(rows);
  return r.lead_id ? { leadId: r.lead_id } : r.deal_id ? { dealId: r.deal_id } : null;
}

/**
 * Inside sales booking field reps for leads and deals they called: each booking a call that set
 * the meeting, a slot found and booked through the booking service as the API does, then, at the
 * meeting, the field rep recording it held or a no-show (about 15 %); a few are cancelled with a
 * reason before they happen. The last few are booked in the final days for the coming week.
 */
export function scheduleDemoBookings(ctx: DemoBookingContext): Action[] {
  const { deps, rng, start, end } = ctx;
  const actions: Action[] = [];
  const bump = (k: string) => {
    ctx.counts[k] = (ctx.counts[k] ?? 0) + 1;
  };
  const first = start + 30 * DAY;
  const plans: { bookAt: number; meetingDay: number }[] = [];
  for (let i = 0; i < ctx.past; i++) {
    const bookAt = first + ((i + rng.next()) / ctx.past) * (end - 10 * DAY - first);
    plans.push({ bookAt, meetingDay: weekdayOnOrAfter(bookAt + rng.int(1, 5) * DAY) });
  }
  for (let i = 0; i < ctx.upcoming; i++) {
    const bookAt = end - DAY - (i + 1) * 3 * HOUR;
    plans.push({ bookAt, meetingDay: weekdayOnOrAfter(end + (1 + i) * DAY) });
  }
  for (const [i, plan] of plans.entries()) {
    const sdr = ctx.sdrs[i % ctx.sdrs.length];
    if (!sdr) break;
    const from = plan.meetingDay + (windowHours[i % windowHours.length] ?? 8) * HOUR;
    const to = from + 3 * HOUR;
    const fate = rng.weighted([
      ['held', 78],
      ['no_show', 14],
      ['cancelled', 8],
    ] as const);
    const cancelReason = rng.pick(cancelReasons);
    const booking = { id: '', ownerId: '' };
    actions.push({
      at: plan.bookAt,
      run: async () => {
        const now = deps.clock.now();
        const about = await calledRecently(ctx, sdr, now);
        if (!about) return;
        const slots = await findBookingSlots(
          deps,
          sdr,
          slotsQuery.parse({ from: new Date(from).toISOString(), to: new Date(to).toISOString(), durationMinutes: 45 }),
        );
        if (slots.items.length === 0) return;
        const slot = rng.pick(slots.items.slice(0, 4));
        await createActivity(deps, sdr, {
          type: 'call',
          direction: 'outbound',
          disposition: 'meeting_booked',
          ...about,
          durationSeconds: rng.int(180, 720),
          occurredAt: now.toISOString(),
        });
        bump('calls');
        const b = await createBooking(
          deps,
          sdr,
          createBookingSchema.parse({ ownerId: slot.repId, start: slot.start, durationMinutes: 45, ...about }),
        );
        booking.id = b.id;
        booking.ownerId = b.ownerId;
        bump('bookings');
      },
    });
    if (fate === 'cancelled') {
      const at = plan.bookAt + 2 * HOUR;
      if (at < end)
        actions.push({
          at,
          run: async () => {
            if (!booking.id) return;
            await cancelBooking(deps, sdr, booking.id, '*', { reason: cancelReason });
          },
        });
      continue;
    }
    // the outcome is recorded as the meeting's window closes, after the meeting has begun
    const outcomeAt = to + 10 * 60_000;
    if (outcomeAt < end)
      actions.push({
        at: outcomeAt,
        run: async () => {
          const rep = ctx.fieldReps.find((r) => r.userId === booking.ownerId);
          if (!booking.id || !rep) return;
          await recordBookingOutcome(deps, rep, booking.id, '*', { outcome: fate });
        },
      });
  }
  return actions;
}
