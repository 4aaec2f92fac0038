import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import {
  addHolidaysSchema,
  createHolidayCalendarSchema,
  updateHolidayCalendarSchema,
} from '../../../../src/contract/holidays.ts';
import { bookableRoles } from '../../../../src/contract/access.ts';
import { api, ApiError, ifMatch, type ApiData } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { allUsersQuery } from './admin-layout.tsx';
import { Field, FormError, useSubmit } from './form.tsx';

const CALENDARS = ['admin', 'holiday-calendars'];
type Calendar = ApiData<'get', '/holiday-calendars'>['items'][number];
type Holiday = Calendar['holidays'][number];

/** When a holiday falls: one date or a range, and "every year" for a recurring one. */
export function holidayDates(h: Pick<Holiday, 'start' | 'end'> & { recurring?: boolean }): string {
  const dates = h.start === h.end ? formatDate(h.start) : `${formatDate(h.start)} – ${formatDate(h.end)}`;
  return h.recurring ? `${dates}, every year` : dates;
}

/**
 * Holiday calendars: set one up, add its holidays by hand or from an .ics file, make it the
 * organization's default or assign it to territories and reps. A holiday blocks each rep's whole
 * local day in their own time zone: the slot finder offers nothing on it.
 */
export function AdminHolidaysPage() {
  const calendars = useQuery({
    queryKey: CALENDARS,
    queryFn: async () => (await api.get('/holiday-calendars')).items,
  });
  return (
    <>
      <h1>Holiday calendars</h1>
      <p className="muted">
        A rep keeps the holidays of the default calendar, of their territories’ calendars and of their own. Dates are
        local: a holiday blocks the rep’s whole day in their time zone.
      </p>
      <NewCalendarForm />
      {(calendars.data ?? []).length === 0 && calendars.isSuccess && <p>No holiday calendars yet.</p>}
      {(calendars.data ?? []).map((c) => (
        <CalendarCard key={c.id} calendar={c} />
      ))}
    </>
  );
}

function NewCalendarForm() {
  const queryClient = useQueryClient();
  const { errors, error, busy, run } = useSubmit(CALENDARS);
  const [name, setName] = useState('');
  const [isDefault, setIsDefault] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const saved = await run(createHolidayCalendarSchema, { name, isDefault }, (v) =>
      api.post('/holiday-calendars', { body: v }),
    );
    if (!saved) return;
    setName('');
    setIsDefault(false);
    await queryClient.invalidateQueries({ queryKey: CALENDARS });
  };
  return (
    <form className="admin-form" aria-label="New holiday calendar" onSubmit={(e) => void submit(e)}>
      <Field label="Calendar name" error={errors.name}>
        <input value={name} onChange={(e) => setName(e.target.value)} aria-invalid={Boolean(errors.name)} />
      </Field>
      <label className="check">
        <input type="checkbox" checked={isDefault} onChange={(e) => setIsDefault(e.target.checked)} /> The
        organization’s default (applies to every rep)
      </label>
      <FormError error={error} />
      <button type="submit" disabled={busy}>
        Add calendar
      </button>
    </form>
  );
}

function CalendarCard({ calendar }: { calendar: Calendar }) {
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const [imported, setImported] = useState<string | null>(null);
  /** The version the last saved assignment wrote, so its notice goes once the calendar changes again. */
  const [assigned, setAssigned] = useState<number | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: CALENDARS });
  const attempt = async (action: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await action();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setProblem(err.errors.length ? err.errors.map((e) => `${e.field} ${e.message}`).join('; ') : err.detail);
    }
    await refresh();
  };
  const remove = (h: Holiday) =>
    void attempt(() =>
      api.del('/holiday-calendars/{id}/holidays/{holidayId}', {
        params: { path: { id: calendar.id, holidayId: h.id } },
      }),
    );
  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setImported(null);
    const ics = await file.text();
    await attempt(async () => {
      const r = await api.post('/holiday-calendars/{id}/import', {
        params: { path: { id: calendar.id } },
        body: { ics },
      });
      setImported(`Imported ${r.imported} holiday${r.imported === 1 ? '' : 's'}, ${r.skipped} already there.`);
    });
  };
  return (
    <section
      className="card"
      aria-label={`Holiday calendar ${calendar.name}`}
      data-testid={`holiday-calendar-${calendar.name}`}
    >
      <h2>
        {calendar.name} {calendar.isDefault && <span className="badge">default</span>}
      </h2>
      {calendar.holidays.length === 0 ? (
        <p className="muted">No holidays yet.</p>
      ) : (
        <ul className="plain" aria-label={`Holidays of ${calendar.name}`}>
          {calendar.holidays.map((h) => (
            <li key={h.id} data-testid="holiday">
              {h.name} · {holidayDates(h)}{' '}
              <button type="button" onClick={() => remove(h)} aria-label={`Remove ${h.name}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <AddHolidayForm calendarId={calendar.id} calendarName={calendar.name} />
      <label className="ics-import">
        Import holidays from an .ics file{' '}
        <input type="file" accept=".ics,text/calendar" onChange={(e) => void importFile(e)} />
      </label>
      {imported && (
        <p className="notice ok" role="status">
          {imported}
        </p>
      )}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {/* A new version (holidays added, another calendar made the default) starts the form from what is stored. */}
      <AssignmentForm key={calendar.version} calendar={calendar} onSaved={setAssigned} />
      {assigned === calendar.version && (
        <p className="notice ok" role="status" data-testid="assignment-saved">
          Assignment saved.
        </p>
      )}
    </section>
  );
}

function AddHolidayForm({ calendarId, calendarName }: { calendarId: string; calendarName: string }) {
  const queryClient = useQueryClient();
  const { errors, error, busy, run } = useSubmit(CALENDARS);
  const empty = { name: '', start: '', end: '', recurring: false };
  const [f, setF] = useState(empty);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const holiday = { name: f.name, start: f.start, recurring: f.recurring, ...(f.end ? { end: f.end } : {}) };
    const saved = await run(addHolidaysSchema, { holidays: [holiday] }, (v) =>
      api.post('/holiday-calendars/{id}/holidays', { params: { path: { id: calendarId } }, body: v }),
    );
    if (!saved) return;
    setF(empty);
    await queryClient.invalidateQueries({ queryKey: CALENDARS });
  };
  const err = (k: string) => errors[`holidays.0.${k}`];
  return (
    <form
      className="admin-form inline-form"
      aria-label={`Add a holiday to ${calendarName}`}
      onSubmit={(e) => void submit(e)}
    >
      <Field label="Holiday" error={err('name')}>
        <input
          value={f.name}
          onChange={(e) => setF({ ...f, name: e.target.value })}
          aria-invalid={Boolean(err('name'))}
        />
      </Field>
      <Field label="On" error={err('start')}>
        <input type="date" value={f.start} onChange={(e) => setF({ ...f, start: e.target.value })} />
      </Field>
      <Field label="Until (optional)" error={err('end')}>
        <input type="date" value={f.end} onChange={(e) => setF({ ...f, end: e.target.value })} />
      </Field>
      <label className="check">
        <input type="checkbox" checked={f.recurring} onChange={(e) => setF({ ...f, recurring: e.target.checked })} />{' '}
        Every year
      </label>
      <FormError error={error} />
      <button type="submit" disabled={busy}>
        Add holiday
      </button>
    </form>
  );
}

/** Whom the calendar applies to: the whole organization (default), territories, reps; and removing it. */
function AssignmentForm({ calendar, onSaved }: { calendar: Calendar; onSaved: (version: number) => void }) {
  const queryClient = useQueryClient();
  const users = useQuery(allUsersQuery);
  const territories = useQuery({
    queryKey: ['admin', 'territories'],
    queryFn: async () => (await api.get('/territories')).items,
  });
  const { errors, error, busy, run } = useSubmit(CALENDARS);
  const [isDefault, setIsDefault] = useState(calendar.isDefault);
  const [territoryIds, setTerritoryIds] = useState<string[]>(calendar.territoryIds);
  const [userIds, setUserIds] = useState<string[]>(calendar.userIds);
  const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));
  const reps = (users.data ?? []).filter((u) => u.active && bookableRoles.includes(u.role));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const done = await run(updateHolidayCalendarSchema, { isDefault, territoryIds, userIds }, (v) =>
      api.patch('/holiday-calendars/{id}', {
        params: { path: { id: calendar.id }, header: ifMatch(calendar.version) },
        body: v,
      }),
    );
    if (!done) return;
    onSaved(done.version);
    await queryClient.invalidateQueries({ queryKey: CALENDARS });
  };
  const [removeError, setRemoveError] = useState<string | null>(null);
  const remove = async () => {
    setRemoveError(null);
    try {
      await api.del('/holiday-calendars/{id}', {
        params: { path: { id: calendar.id }, header: ifMatch(calendar.version) },
      });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setRemoveError(err.detail);
    }
    await queryClient.invalidateQueries({ queryKey: CALENDARS });
  };
  return (
    <form className="admin-form" aria-label={`Assign ${calendar.name}`} onSubmit={(e) => void submit(e)}>
      <label className="check">
        <input type="checkbox" checked={isDefault} onChange={(e) => setIsDefault(e.target.checked)} /> The
        organization’s default
      </label>
      <fieldset>
        <legend>Territories</legend>
        {(territories.data ?? []).length === 0 && <span className="muted">No territories.</span>}
        {(territories.data ?? []).map((t, i) => (
          <label className="check" key={t.id}>
            <input
              type="checkbox"
              checked={territoryIds.includes(t.id)}
              onChange={(e) => setTerritoryIds((ids) => toggle(ids, t.id, e.target.checked))}
              aria-invalid={Boolean(errors[`territoryIds.${i}`])}
            />{' '}
            {t.name}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Reps</legend>
        {reps.map((u) => (
          <label className="check" key={u.id}>
            <input
              type="checkbox"
              checked={userIds.includes(u.id)}
              onChange={(e) => setUserIds((ids) => toggle(ids, u.id, e.target.checked))}
            />{' '}
            {u.name}
          </label>
        ))}
      </fieldset>
      <FormError error={error ?? removeError} />
      <button type="submit" disabled={busy}>
        Save assignment
      </button>{' '}
      <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
        Delete calendar
      </button>
    </form>
  );
}
