import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { api, type FieldProblem } from '../../api.ts';
import { problemsOf, problemText } from '../../components/form-errors.ts';
import { formatDateTime } from '../../format.ts';
import { FieldErrors } from './shared.tsx';
import { wallToInstant } from './week.ts';

/**
 * A rep's out-of-office ranges that have not ended: added by hand (in the rep's time zone) or
 * imported as busy times from an .ics file exported by any calendar; removable one by one.
 */
export function TimeOffCard({ userId, timeZone, readOnly }: { userId: string; timeZone: string; readOnly: boolean }) {
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ['availability', userId, 'time-off'],
    queryFn: () => api.get('/users/{id}/time-off', { params: { path: { id: userId } } }),
  });
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<{ summary: string; fields: FieldProblem[] } | null>(null);
  const [imported, setImported] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['availability', userId, 'time-off'] });
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setProblems(null);
    try {
      await action();
      await refresh();
      return true;
    } catch (err) {
      setProblems(problemsOf(err));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setImported(null);
    const body = {
      start: wallToInstant(start, timeZone) ?? start,
      end: wallToInstant(end, timeZone) ?? end,
      reason: reason.trim() || null,
    };
    if (await run(() => api.post('/users/{id}/time-off', { params: { path: { id: userId } }, body }))) {
      setStart('');
      setEnd('');
      setReason('');
    }
  };
  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setImported(null);
    const ics = await file.text();
    await run(async () => {
      const r = await api.post('/users/{id}/busy-times', { params: { path: { id: userId } }, body: { ics } });
      setImported(`Imported ${r.imported} busy time${r.imported === 1 ? '' : 's'}, ${r.skipped} already there.`);
    });
  };
  const remove = (id: string) =>
    void run(() => api.del('/users/{id}/time-off/{timeOffId}', { params: { path: { id: userId, timeOffId: id } } }));
  const errorsOf = (field: string) => problems?.fields.filter((p) => p.field === field);
  const items = list.data?.items ?? [];

  return (
    <section className="card" aria-labelledby="time-off-title" data-testid="time-off">
      <h2 id="time-off-title">Out of office and busy times</h2>
      {list.error && <p className="notice error">{problemText(list.error)}</p>}
      {list.isSuccess && items.length === 0 && <p className="muted">Nothing planned.</p>}
      <ul className="plain">
        {items.map((t) => (
          <li key={t.id} data-testid="time-off-item">
            {formatDateTime(t.start)} – {formatDateTime(t.end)}
            {t.reason && <> · {t.reason}</>}{' '}
            {!readOnly && (
              <button type="button" disabled={busy} onClick={() => remove(t.id)}>
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <>
          <form onSubmit={(e) => void add(e)} className="time-off-form">
            <label>
              From ({timeZone}){' '}
              <input type="datetime-local" required value={start} onChange={(e) => setStart(e.target.value)} />
              <FieldErrors problems={errorsOf('start')} />
            </label>{' '}
            <label>
              Until <input type="datetime-local" required value={end} onChange={(e) => setEnd(e.target.value)} />
              <FieldErrors problems={errorsOf('end')} />
            </label>{' '}
            <label>
              Reason <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
            </label>{' '}
            <button type="submit" disabled={busy}>
              Add out of office
            </button>
          </form>
          <label className="ics-import">
            Import busy times from an .ics file{' '}
            <input type="file" accept=".ics,text/calendar" disabled={busy} onChange={(e) => void importFile(e)} />
          </label>
          <FieldErrors problems={errorsOf('ics')} />
        </>
      )}
      {imported && (
        <p className="notice ok" role="status" data-testid="busy-imported">
          {imported}
        </p>
      )}
      {problems && problems.fields.length === 0 && (
        <p className="notice error" role="alert">
          {problems.summary}
        </p>
      )}
    </section>
  );
}
