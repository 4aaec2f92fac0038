import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { bookableRoles, canEditAvailability } from '../../../../src/contract/access.ts';
import type { AvailabilityDto } from '../../../../src/contract/booking.ts';
import { api, ifMatch, type FieldProblem } from '../../api.ts';
import { problemsOf } from '../../components/form-errors.ts';
import { useActor } from '../../permissions.ts';
import { nameOf, usersQuery } from '../../queries.ts';
import { availabilityQuery, FieldErrors } from './shared.tsx';
import { BusyFeedCard } from './busy-feed-card.tsx';
import { HolidaysCard } from './holidays-card.tsx';
import { TimeOffCard } from './time-off-card.tsx';

const weekdayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

type Period = AvailabilityDto['workingHours'][number];

/**
 * A rep's booking settings, edited by the rep (or their manager, or an admin): working hours per
 * weekday in the rep's time zone, travel buffers, minimum notice, the daily maximum, whether inside
 * sales may book them; the rep's out-of-office ranges and imported busy times; and the holidays
 * of their calendars in the coming year.
 */
export function WorkingHoursPage() {
  const actor = useActor();
  const search = useSearch({ from: '/working-hours' });
  const navigate = useNavigate({ from: '/working-hours' });
  const users = useQuery(usersQuery).data;
  const repId = search.rep ?? actor?.userId ?? '';
  const current = useQuery(availabilityQuery(repId));
  const editable = (users ?? []).filter(
    (u) => u.active && bookableRoles.includes(u.role) && actor !== null && canEditAvailability(actor, u.id),
  );
  if (!actor) return null;
  const mayEdit = canEditAvailability(actor, repId);
  return (
    <section className="page working-hours-page">
      <div className="card-head">
        <h1 data-testid="working-hours-title">Working hours · {nameOf(users, repId)}</h1>
        {editable.length > 1 && (
          <label className="inline">
            Rep{' '}
            <select
              value={repId}
              onChange={(e) => void navigate({ search: { rep: e.target.value } })}
              data-testid="working-hours-rep"
            >
              {editable.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <Link to="/calendar" search={{ rep: repId }}>
          Calendar
        </Link>
      </div>
      {!mayEdit && <p className="notice">You may read these settings but not change them.</p>}
      {current.data && <SettingsForm key={repId} initial={current.data} readOnly={!mayEdit} />}
      {current.data && <TimeOffCard userId={repId} timeZone={current.data.timezone} readOnly={!mayEdit} />}
      {current.data && mayEdit && <BusyFeedCard key={repId} userId={repId} />}
      {current.data && <HolidaysCard userId={repId} />}
    </section>
  );
}

function SettingsForm({ initial, readOnly }: { initial: AvailabilityDto; readOnly: boolean }) {
  const queryClient = useQueryClient();
  const [timezone, setTimezone] = useState(initial.timezone);
  const [periods, setPeriods] = useState<Period[]>(initial.workingHours);
  const [numbers, setNumbers] = useState({
    bufferBeforeMinutes: initial.bufferBeforeMinutes,
    bufferAfterMinutes: initial.bufferAfterMinutes,
    minNoticeMinutes: initial.minNoticeMinutes,
    maxPerDay: initial.maxPerDay,
    routingWeight: initial.routingWeight,
  });
  const [bookable, setBookable] = useState(initial.bookable);
  // The version the next save is based on: the form stays (with its notice) after a save.
  const [version, setVersion] = useState(initial.version);
  const [problems, setProblems] = useState<{ summary: string; fields: FieldProblem[] } | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const errorOf = (field: string) =>
    problems?.fields.filter((p) => p.field === field || p.field.startsWith(`${field}.`));

  const setPeriod = (i: number, patch: Partial<Period>) =>
    setPeriods((ps) => ps.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblems(null);
    setSaved(false);
    try {
      const after = await api.put('/users/{id}/availability', {
        params: { path: { id: initial.userId }, header: ifMatch(version) },
        body: { timezone, workingHours: periods, bookable, ...numbers },
      });
      setVersion(after.version);
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: ['availability', initial.userId] });
    } catch (err) {
      setProblems(problemsOf(err));
    } finally {
      setBusy(false);
    }
  };
  const numberField = (key: keyof typeof numbers, label: string) => (
    <label key={key}>
      {label}{' '}
      <input
        type="number"
        name={key}
        value={numbers[key]}
        disabled={readOnly}
        onChange={(e) => setNumbers((n) => ({ ...n, [key]: e.target.valueAsNumber }))}
        aria-invalid={Boolean(errorOf(key)?.length)}
      />
      <FieldErrors problems={errorOf(key)} />
    </label>
  );

  return (
    <form className="card settings-form" onSubmit={(e) => void submit(e)} data-testid="working-hours-form">
      <label>
        Time zone{' '}
        <input
          name="timezone"
          list="time-zones"
          value={timezone}
          disabled={readOnly}
          onChange={(e) => setTimezone(e.target.value)}
          aria-invalid={Boolean(errorOf('timezone')?.length)}
        />
        <datalist id="time-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <FieldErrors problems={errorOf('timezone')} />
      </label>
      <fieldset>
        <legend>Working hours (in {timezone || 'the time zone above'})</legend>
        {periods.length === 0 && <p className="muted">No working hours: nobody can book this rep.</p>}
        {periods.map((p, i) => (
          <div key={i} className="period-row" data-testid="period">
            <select
              aria-label="Weekday"
              value={p.weekday}
              disabled={readOnly}
              onChange={(e) => setPeriod(i, { weekday: Number(e.target.value) })}
            >
              {weekdayNames.map((d, w) => (
                <option key={d} value={w + 1}>
                  {d}
                </option>
              ))}
            </select>{' '}
            <input
              type="time"
              aria-label="From"
              value={p.start}
              disabled={readOnly}
              onChange={(e) => setPeriod(i, { start: e.target.value })}
            />
            {' – '}
            <input
              type="time"
              aria-label="To"
              value={p.end === '24:00' ? '23:59' : p.end}
              disabled={readOnly}
              onChange={(e) => setPeriod(i, { end: e.target.value })}
            />{' '}
            {!readOnly && (
              <button type="button" onClick={() => setPeriods((ps) => ps.filter((_, j) => j !== i))}>
                Remove
              </button>
            )}
            <FieldErrors problems={errorOf(`workingHours.${i}`)} />
          </div>
        ))}
        {!readOnly && (
          <button
            type="button"
            onClick={() =>
              setPeriods((ps) => [
                ...ps,
                { weekday: Math.min(7, (ps.at(-1)?.weekday ?? 0) + 1), start: '09:00', end: '17:00' },
              ])
            }
          >
            Add hours
          </button>
        )}
      </fieldset>
      {numberField('bufferBeforeMinutes', 'Buffer before a meeting (minutes)')}
      {numberField('bufferAfterMinutes', 'Buffer after a meeting (minutes)')}
      {numberField('minNoticeMinutes', 'Minimum notice (minutes)')}
      {numberField('maxPerDay', 'At most meetings per day')}
      {numberField('routingWeight', 'Routing weight')}
      <label>
        <input type="checkbox" checked={bookable} disabled={readOnly} onChange={(e) => setBookable(e.target.checked)} />{' '}
        Inside sales may book meetings for this rep
      </label>
      {problems && (
        <p className="notice error" role="alert">
          {problems.summary}
        </p>
      )}
      {saved && (
        <p className="notice ok" role="status" data-testid="working-hours-saved">
          Saved.
        </p>
      )}
      {!readOnly && (
        <button type="submit" disabled={busy}>
          Save working hours
        </button>
      )}
    </form>
  );
}
