import { useQueries, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { bookableRoles, canEditAvailability } from '../../../../src/contract/access.ts';
import type { BookingDto } from '../../../../src/contract/booking.ts';
import { api } from '../../api.ts';
import { problemText } from '../../components/form-errors.ts';
import { useActor } from '../../permissions.ts';
import { nameOf, usersQuery } from '../../queries.ts';
import { BookingActions } from './booking-actions.tsx';
import { availabilityQuery } from './shared.tsx';
import { isWorkingHour, placeInZone, timeIn, weekOf } from './week.ts';

const statusLabels: Record<BookingDto['status'], string> = {
  booked: 'booked',
  held: 'held',
  no_show: 'no-show',
  cancelled: 'cancelled',
};

/**
 * A rep's week: their booked meetings by day and hour in the rep's own time zone (working hours
 * shaded), each with who booked it and the time on the booker's side, and what the viewer may do
 * with it (record held or no-show, reschedule, cancel). Managers, admins and inside sales pick a
 * field rep; the list shows what the shared booking rule lets the viewer see.
 */
export function CalendarPage() {
  const actor = useActor();
  const search = useSearch({ from: '/calendar' });
  const navigate = useNavigate({ from: '/calendar' });
  const users = useQuery(usersQuery).data;
  const [now] = useState(() => Date.now());
  const reps = (users ?? []).filter((u) => bookableRoles.includes(u.role) && u.active);
  const repId = search.rep ?? (actor && actor.role === 'rep' ? actor.userId : (reps[0]?.id ?? ''));
  const availability = useQuery(availabilityQuery(repId));
  const timeZone = availability.data?.timezone ?? 'UTC';
  const week = weekOf(search.week, timeZone);
  const bookings = useQuery({
    queryKey: ['bookings', 'week', repId, week.from],
    queryFn: () =>
      api.get('/bookings', { params: { query: { ownerId: repId, from: week.from, to: week.to, limit: 500 } } }),
    enabled: repId !== '' && availability.isSuccess,
  });
  const items = bookings.data?.items ?? [];
  const bookers = [...new Set(items.map((b) => b.bookedBy))];
  const bookerZones = useQueries({
    queries: bookers.map((id) => ({ ...availabilityQuery(id), staleTime: 5 * 60_000 })),
  });
  const zoneOf = (userId: string) => bookerZones[bookers.indexOf(userId)]?.data?.timezone;
  if (!actor) return null;

  const placed = items.map((b) => ({ b, at: placeInZone(b.start, timeZone), end: placeInZone(b.end, timeZone) }));
  const hours = placed.map((p) => p.at.hour);
  const working = availability.data?.workingHours ?? [];
  const workHours = working.flatMap((p) => [Number(p.start.slice(0, 2)), Number(p.end.slice(0, 2)) - 1]);
  const first = Math.min(8, ...hours, ...workHours);
  const last = Math.max(17, ...hours, ...workHours);
  const rows = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const today = placeInZone(new Date(now).toISOString(), timeZone).date;
  const go = (change: { week?: string; rep?: string }) =>
    void navigate({ search: (s) => ({ ...s, ...change }), replace: false });

  return (
    <section className="page calendar-page">
      <div className="card-head">
        <h1 data-testid="calendar-title">Calendar · {nameOf(users, repId)}</h1>
        {reps.length > 1 && (
          <label className="inline">
            Rep{' '}
            <select value={repId} onChange={(e) => go({ rep: e.target.value })} data-testid="calendar-rep">
              {reps.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {canEditAvailability(actor, repId) && (
          <Link to="/working-hours" search={{ rep: repId }}>
            Working hours
          </Link>
        )}
      </div>
      <nav className="week-nav" aria-label="Weeks">
        <button type="button" onClick={() => go({ week: week.previous })}>
          ← Previous week
        </button>{' '}
        <button type="button" onClick={() => go({ week: undefined })}>
          This week
        </button>{' '}
        <button type="button" onClick={() => go({ week: week.next })}>
          Next week →
        </button>{' '}
        <span data-testid="calendar-week">
          Week of {week.days[0]?.label} · times in {timeZone}
        </span>
      </nav>
      {(availability.error ?? bookings.error) && (
        <p className="notice error">{problemText(availability.error ?? bookings.error)}</p>
      )}
      {bookings.isSuccess && items.length === 0 && <p className="muted">No meeting in this week.</p>}
      <div className="calendar-scroll">
        <table className="week-grid" data-testid="week-grid">
          <thead>
            <tr>
              <th scope="col">Hour</th>
              {week.days.map((d) => (
                <th
                  key={d.date}
                  scope="col"
                  className={d.date === today ? 'today' : undefined}
                  aria-current={d.date === today ? 'date' : undefined}
                >
                  {d.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((h) => (
              <tr key={h}>
                <th scope="row">{String(h).padStart(2, '0')}:00</th>
                {week.days.map((d) => (
                  <td
                    key={d.date}
                    className={[
                      isWorkingHour(working, d.weekday, h) ? 'working' : 'off-hours',
                      d.date === today && 'today',
                    ]
                      .filter(Boolean)
                      .join(' ')}
                  >
                    {placed
                      .filter((p) => p.at.date === d.date && p.at.hour === h)
                      .map(({ b, at, end }) => {
                        const bookerZone = zoneOf(b.bookedBy);
                        return (
                          <article
                            key={b.id}
                            className={`calendar-booking status-${b.status}`}
                            data-testid="calendar-booking"
                            data-status={b.status}
                          >
                            <strong>
                              {at.time}–{end.time}
                            </strong>{' '}
                            {b.title} <span className="badge">{statusLabels[b.status]}</span>
                            <div className="muted small">
                              booked by {nameOf(users, b.bookedBy)}
                              {bookerZone && bookerZone !== timeZone && (
                                <> · their time {timeIn(b.start, bookerZone)}</>
                              )}
                              {b.location && <> · {b.location}</>}
                            </div>
                            <div className="small">
                              {b.leadId && (
                                <Link to="/leads/$leadId" params={{ leadId: b.leadId }}>
                                  the lead
                                </Link>
                              )}
                              {b.dealId && (
                                <Link to="/deals/$dealId" params={{ dealId: b.dealId }}>
                                  the deal
                                </Link>
                              )}
                              {b.cancelReason && <> · cancelled: {b.cancelReason}</>}
                            </div>
                            <BookingActions actor={actor} booking={b} now={now} />
                          </article>
                        );
                      })}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
