import { useQuery } from '@tanstack/react-query';
import { api } from '../../api.ts';
import { problemText } from '../../components/form-errors.ts';
import { formatDate } from '../../format.ts';

/**
 * The holidays a rep keeps in the coming year (the organization's default calendar, their
 * territories', their own), each on the rep's local dates: nobody can book them on those days.
 */
export function HolidaysCard({ userId }: { userId: string }) {
  const list = useQuery({
    queryKey: ['availability', userId, 'holidays'],
    queryFn: () => api.get('/users/{id}/holidays', { params: { path: { id: userId } } }),
  });
  const data = list.data;
  return (
    <section className="card" aria-labelledby="holidays-title" data-testid="holidays">
      <h2 id="holidays-title">Upcoming holidays</h2>
      {list.error && <p className="notice error">{problemText(list.error)}</p>}
      {data && (
        <p className="muted">
          {data.calendars.length === 0
            ? 'No holiday calendar applies.'
            : `From ${data.calendars.map((c) => c.name).join(', ')}; dates in ${data.timezone}.`}
        </p>
      )}
      {data && data.calendars.length > 0 && data.items.length === 0 && (
        <p className="muted">None in the coming year.</p>
      )}
      <ul className="plain">
        {(data?.items ?? []).map((h) => (
          <li key={`${h.calendarId} ${h.name} ${h.start}`} data-testid="holiday-item">
            {h.start === h.end ? formatDate(h.start) : `${formatDate(h.start)} – ${formatDate(h.end)}`} · {h.name}{' '}
            <span className="muted">({h.calendarName})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
