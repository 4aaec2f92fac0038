import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { setupSchema } from '../../../src/contract/users.ts';
import { api, type FieldProblem } from '../api.ts';
import { fieldLabel, problemsOf, zodProblems } from '../components/form-errors.ts';
import { signIn } from '../session.ts';

/** Whether the server has no organization yet (GET /setup, public). */
export const setupStatusQuery = queryOptions({
  queryKey: ['setup'],
  queryFn: () => api.get('/setup'),
  staleTime: 60_000,
});

const browserTimezone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** First run: creates the organization and its administrator, then signs the administrator in. */
export function SetupPage() {
  const queryClient = useQueryClient();
  const router = useRouter();
  const [f, setF] = useState({
    orgName: '',
    baseCurrency: 'USD',
    timezone: browserTimezone(),
    name: '',
    email: '',
    password: '',
    confirm: '',
  });
  const [problems, setProblems] = useState<{ summary: string; fields: FieldProblem[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  const err = (field: string) => problems?.fields.find((p) => p.field === field)?.message;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = setupSchema.safeParse({
      organization: { name: f.orgName, baseCurrency: f.baseCurrency.trim().toUpperCase(), timezone: f.timezone.trim() },
      admin: { name: f.name, email: f.email.trim(), password: f.password },
    });
    const fields = parsed.success ? [] : zodProblems(parsed.error);
    if (f.password !== f.confirm) fields.push({ field: 'confirm', message: 'does not match the password' });
    if (!parsed.success || fields.length) {
      setProblems({ summary: 'Please correct the marked fields.', fields });
      return;
    }
    setBusy(true);
    setProblems(null);
    try {
      await api.post('/setup', { body: parsed.data });
      queryClient.setQueryData(setupStatusQuery.queryKey, { needed: false });
      await signIn(queryClient, parsed.data.admin.email, parsed.data.admin.password);
      await router.navigate({ to: '/' });
    } catch (ex) {
      setProblems(problemsOf(ex));
      // someone else finished the set-up meanwhile: the sign-in page is the way in now
      void queryClient.invalidateQueries({ queryKey: setupStatusQuery.queryKey });
    } finally {
      setBusy(false);
    }
  };

  const input = (label: string, key: keyof typeof f, field: string, props: Record<string, string | boolean> = {}) => (
    <label>
      {label}
      <input name={key} value={f[key]} onChange={set(key)} aria-invalid={err(field) ? true : undefined} {...props} />
      {err(field) && <span className="field-error">{err(field)}</span>}
    </label>
  );

  return (
    <form className="card sign-in setup" onSubmit={(e) => void onSubmit(e)} noValidate>
      <h1>Set up Pipewright</h1>
      <p className="muted">
        No organization exists yet. Create yours and its first administrator; you are signed in right after.
      </p>
      <fieldset>
        <legend>Organization</legend>
        {input('Organization name', 'orgName', 'organization.name', {
          autoFocus: true,
          required: true,
          autoComplete: 'organization',
        })}
        <div className="row2">
          {input('Currency', 'baseCurrency', 'organization.baseCurrency', { maxLength: '3' })}
          {input('Time zone', 'timezone', 'organization.timezone')}
        </div>
      </fieldset>
      <fieldset>
        <legend>Administrator</legend>
        {input('Your name', 'name', 'admin.name', { required: true, autoComplete: 'name' })}
        {input('Email', 'email', 'admin.email', { type: 'email', required: true, autoComplete: 'username' })}
        {input('Password (at least 10 characters)', 'password', 'admin.password', {
          type: 'password',
          required: true,
          autoComplete: 'new-password',
        })}
        {input('Repeat the password', 'confirm', 'confirm', {
          type: 'password',
          required: true,
          autoComplete: 'new-password',
        })}
      </fieldset>
      {problems && (
        <div className="error" role="alert">
          <p>{problems.summary}</p>
          {problems.fields.length > 0 && (
            <ul className="small">
              {problems.fields.map((p) => (
                <li key={p.field}>
                  {fieldLabel(p.field)} {p.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Creating…' : 'Create organization and sign in'}
      </button>
    </form>
  );
}
