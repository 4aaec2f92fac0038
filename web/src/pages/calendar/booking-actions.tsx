import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { canChangeBooking, canRecordBookingOutcome, type Actor } from '../../../../src/contract/access.ts';
import type { BookingDto, HeldMeetingEffect } from '../../../../src/contract/booking.ts';
import { DealEffectNote } from '../../components/deal-effect.tsx';
import { api, ifMatch } from '../../api.ts';
import { problemText } from '../../components/form-errors.ts';
import { instantToWall, wallToInstant } from './week.ts';

type Mode = null | 'reschedule' | 'cancel';

/**
 * What may be done with a booked meeting from the calendar, as the shared access rule allows:
 * its outside rep (or their manager, or an admin) records held or no-show once it has begun;
 * either party reschedules or cancels it, with a reason. Recording held says what it did to the
 * deal (the pipeline's held-meeting setting).
 */
export function BookingActions({ actor, booking, now }: { actor: Actor; booking: BookingDto; now: number }) {
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const minutes = Math.round((Date.parse(booking.end) - Date.parse(booking.start)) / 60_000);
  const [when, setWhen] = useState(() => instantToWall(booking.start, booking.timezone));
  const [duration, setDuration] = useState(minutes);
  const [reason, setReason] = useState('');
  const [effect, setEffect] = useState<HeldMeetingEffect | null>(null);
  if (booking.status !== 'booked') return effect ? <DealEffectNote effect={effect} /> : null;
  const parties = { ownerId: booking.ownerId, bookedBy: booking.bookedBy };
  const mayOutcome = canRecordBookingOutcome(actor, parties) && Date.parse(booking.start) <= now;
  const mayChange = canChangeBooking(actor, parties);
  if (!mayOutcome && !mayChange) return null;
  const path = { params: { path: { id: booking.id }, header: ifMatch(booking.version) } };

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      setMode(null);
      await queryClient.invalidateQueries({ queryKey: ['bookings'] });
    } catch (err) {
      setError(problemText(err));
    } finally {
      setBusy(false);
    }
  };
  const outcome = (value: 'held' | 'no_show') =>
    run(async () => {
      const recorded = await api.post('/bookings/{id}/outcome', { ...path, body: { outcome: value } });
      setEffect(recorded.dealEffect);
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (mode === 'cancel') void run(() => api.post('/bookings/{id}/cancel', { ...path, body: { reason } }));
    if (mode === 'reschedule') {
      const start = wallToInstant(when, booking.timezone);
      if (!start) {
        setError('Start: must be a date and time');
        return;
      }
      void run(() =>
        api.post('/bookings/{id}/reschedule', { ...path, body: { start, durationMinutes: duration, reason } }),
      );
    }
  };

  return (
    <div className="booking-actions">
      {mayOutcome && (
        <>
          <button type="button" disabled={busy} onClick={() => void outcome('held')}>
            Held
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => void outcome('no_show')}>
            No-show
          </button>{' '}
        </>
      )}
      {mayChange && mode === null && (
        <>
          <button type="button" onClick={() => setMode('reschedule')}>
            Reschedule
          </button>{' '}
          <button type="button" onClick={() => setMode('cancel')}>
            Cancel meeting
          </button>
        </>
      )}
      {mode && (
        <form onSubmit={submit} className="booking-change" data-testid="booking-change">
          {mode === 'reschedule' && (
            <>
              <label>
                New start ({booking.timezone}){' '}
                <input type="datetime-local" required value={when} onChange={(e) => setWhen(e.target.value)} />
              </label>{' '}
              <label>
                Length{' '}
                <select value={duration} onChange={(e) => setDuration(Number(e.target.value))}>
                  {[...new Set([30, 45, 60, 90, minutes])]
                    .sort((a, b) => a - b)
                    .map((m) => (
                      <option key={m} value={m}>
                        {m} minutes
                      </option>
                    ))}
                </select>
              </label>{' '}
            </>
          )}
          <label>
            Reason <input required value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
          </label>{' '}
          <button type="submit" disabled={busy}>
            {mode === 'cancel' ? 'Cancel the meeting' : 'Move the meeting'}
          </button>{' '}
          <button type="button" onClick={() => setMode(null)}>
            Keep it
          </button>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
