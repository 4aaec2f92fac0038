import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { bookableRoles, bookingScope, canBookMeetings, canRecordBookingOutcome } from '../../../src/contract/access.ts';
import type { BookingDto, HeldMeetingEffect } from '../../../src/contract/booking.ts';
import { api, ifMatch } from '../api.ts';
import { DealEffectNote } from './deal-effect.tsx';
import { formatDateTime } from '../format.ts';
import { useActor } from '../permissions.ts';
import { problemText } from './form-errors.ts';
import { nameOf, usersQuery } from '../queries.ts';

/** A time in another zone, as "Tue 10:00 (Europe/Berlin)". */
function inZone(iso: string, timeZone: string): string {
  const t = new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit', timeZone });
  return `${t.format(new Date(iso))} (${timeZone})`;
}

const DAY_MS = 86_400_000;

/**
 * Books a meeting about a lead or deal in an outside rep's calendar: the free slots of the bookable
 * reps over the next week (the caller's time and the rep's), one click to book; routing's reasons
 * are shown when it chose the rep. Only for the roles that book meetings.
 */
export function BookMeetingCard({ link }: { link: { leadId: string } | { dealId: string } }) {
  const actor = useActor();
  const queryClient = useQueryClient();
  const users = useQuery(usersQuery).data;
  const [duration, setDuration] = useState(60);
  /** One rep's slots, or '' for every bookable rep's. */
  const [repId, setRepId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [booked, setBooked] = useState<BookingDto | null>(null);
  const [busy, setBusy] = useState(false);
  const allowed = actor !== null && canBookMeetings(actor);
  // The window is fixed when the card opens, so the slots query keeps its key.
  const [window] = useState(() => {
    const from = new Date(Date.now() + 5 * 60_000);
    return { from: from.toISOString(), to: new Date(from.getTime() + 7 * DAY_MS).toISOString() };
  });
  const slots = useQuery({
    queryKey: ['bookings', 'slots', window, duration, repId],
    queryFn: () =>
      api.get('/bookings/slots', {
        params: { query: { ...window, durationMinutes: duration, limit: 12, ...(repId ? { repId } : {}) } },
      }),
    enabled: allowed,
  });
  const meetings = useQuery({
    queryKey: ['bookings', link],
    queryFn: () => api.get('/bookings', { params: { query: { ...link } } }),
    // Roles that see no bookings do not ask.
    enabled: actor !== null && bookingScope(actor).kind !== 'none',
  });
  if (!actor) return null;
  const book = async (repId: string, start: string) => {
    setBusy(true);
    setError(null);
    try {
      const b = await api.post('/bookings', { body: { ...link, ownerId: repId, start, durationMinutes: duration } });
      setBooked(b);
      await queryClient.invalidateQueries({ queryKey: ['bookings'] });
    } catch (err) {
      setError(problemText(err));
    } finally {
      setBusy(false);
    }
  };
  const list = meetings.data?.items ?? [];
  if (!allowed && list.length === 0) return null;
  return (
    <section className="card" aria-labelledby="meetings-title" data-testid="meetings-card">
      <h2 id="meetings-title">Meetings</h2>
      {list.length > 0 && (
        <ul className="plain" data-testid="booked-meetings">
          {list.map((m) => (
            <li key={m.id}>
              {formatDateTime(m.start)} with {nameOf(users, m.ownerId)} · <span className="badge">{m.status}</span>
              {m.routing && <span className="muted small"> · routed: {m.routing.reasons.join('; ')}</span>}
            </li>
          ))}
        </ul>
      )}
      {booked && (
        <p className="notice ok" role="status" data-testid="booking-done">
          Booked with {nameOf(users, booked.ownerId)} on {formatDateTime(booked.start)} (
          {inZone(booked.start, booked.timezone)}).
        </p>
      )}
      {allowed && (
        <>
          <label>
            Length{' '}
            <select value={duration} onChange={(e) => setDuration(Number(e.target.value))}>
              <option value={30}>30 minutes</option>
              <option value={60}>1 hour</option>
              <option value={90}>1½ hours</option>
            </select>
          </label>{' '}
          <label>
            With{' '}
            <select value={repId} onChange={(e) => setRepId(e.target.value)}>
              <option value="">any field rep</option>
              {(users ?? [])
                .filter((u) => bookableRoles.includes(u.role) && u.active)
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
            </select>
          </label>
          {slots.isPending && <p className="muted">Finding free slots of the field reps…</p>}
          {slots.error && <p className="notice error">{problemText(slots.error)}</p>}
          {slots.data && slots.data.items.length === 0 && (
            <p className="muted">No field rep has a free slot in the next 7 days.</p>
          )}
          {slots.data && slots.data.items.length > 0 && (
            <ul className="plain slots" data-testid="slots">
              {slots.data.items.map((s) => (
                <li key={`${s.repId}-${s.start}`} data-testid="slot">
                  <button type="button" disabled={busy} onClick={() => void book(s.repId, s.start)}>
                    Book
                  </button>{' '}
                  {formatDateTime(s.start)} · {s.repName} · their time {inZone(s.start, s.timezone)}
                </li>
              ))}
            </ul>
          )}
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </section>
  );
}

/** The meetings booked in my calendar: upcoming and past ones without an outcome, to mark held or no-show. */
export function MyMeetingsCard() {
  const actor = useActor();
  const queryClient = useQueryClient();
  const users = useQuery(usersQuery).data;
  const [error, setError] = useState<string | null>(null);
  const [effect, setEffect] = useState<HeldMeetingEffect | null>(null);
  const mine = useQuery({
    queryKey: ['bookings', 'mine', actor?.userId],
    queryFn: () => api.get('/bookings', { params: { query: { ownerId: actor?.userId ?? '', status: 'booked' } } }),
    enabled: actor !== null && actor.role === 'rep',
  });
  if (!actor || actor.role !== 'rep' || !mine.data) return null;
  const outcome = async (m: BookingDto, value: 'held' | 'no_show') => {
    setError(null);
    try {
      const recorded = await api.post('/bookings/{id}/outcome', {
        params: { path: { id: m.id }, header: ifMatch(m.version) },
        body: { outcome: value },
      });
      setEffect(recorded.dealEffect);
      await queryClient.invalidateQueries({ queryKey: ['bookings'] });
    } catch (err) {
      setError(problemText(err));
    }
  };
  const items = [...mine.data.items].sort((a, b) => (a.start < b.start ? -1 : 1));
  return (
    <section className="card" aria-labelledby="my-meetings-title" data-testid="my-meetings">
      <h2 id="my-meetings-title">My meetings</h2>
      <p className="small">
        <Link to="/calendar" search={{}}>
          Week calendar
        </Link>
      </p>
      {items.length === 0 && <p className="muted">No meeting booked in your calendar.</p>}
      <ul className="plain">
        {items.map((m) => (
          <li key={m.id} data-testid="my-meeting">
            {formatDateTime(m.start)} · {m.title} · booked by {nameOf(users, m.bookedBy)}
            {m.leadId && (
              <>
                {' '}
                ·{' '}
                <Link to="/leads/$leadId" params={{ leadId: m.leadId }}>
                  the lead
                </Link>
              </>
            )}
            {m.dealId && (
              <>
                {' '}
                ·{' '}
                <Link to="/deals/$dealId" params={{ dealId: m.dealId }}>
                  the deal
                </Link>
              </>
            )}
            {Date.parse(m.start) <= Date.now() && canRecordBookingOutcome(actor, m) && (
              <>
                {' '}
                <button type="button" onClick={() => void outcome(m, 'held')}>
                  Held
                </button>{' '}
                <button type="button" onClick={() => void outcome(m, 'no_show')}>
                  No-show
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {effect && <DealEffectNote effect={effect} />}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
