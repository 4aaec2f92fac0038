import { useQueryClient } from '@tanstack/react-query';
import { useRouter, useSearch } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { emailSchema } from '../../../src/contract/common.ts';
import { ApiError } from '../api.ts';
import { signIn } from '../session.ts';

interface Organization {
  id: string;
  name: string;
}

/** The organizations to choose from when the email and password open accounts in several. */
function organizationsOf(err: ApiError): Organization[] | null {
  if (err.code !== 'organization_ambiguous' || !Array.isArray(err.body.organizations)) return null;
  return (err.body.organizations as Organization[]).filter((o) => typeof o.id === 'string');
}

export function SignInPage() {
  const { redirect } = useSearch({ from: '/sign-in' });
  const queryClient = useQueryClient();
  const router = useRouter();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [organizations, setOrganizations] = useState<Organization[] | null>(null);
  const [organization, setOrganization] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Another email or password may open other organizations: the choice starts over.
  const forgetChoice = () => {
    setOrganizations(null);
    setOrganization('');
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const parsed = emailSchema.safeParse(email.trim());
    if (!parsed.success) {
      setError(`Email ${parsed.error.issues[0]?.message ?? 'is not valid'}`);
      return;
    }
    setBusy(true);
    try {
      await signIn(queryClient, parsed.data, password, organizations ? organization : undefined);
      if (redirect) router.history.push(redirect);
      else await router.navigate({ to: '/' });
    } catch (err) {
      const choices = err instanceof ApiError ? organizationsOf(err) : null;
      if (choices) {
        setOrganizations(choices);
        setOrganization(choices[0]?.id ?? '');
        setError('Your email and password open accounts in several organizations: choose one.');
      } else setError(err instanceof ApiError ? err.detail : 'Could not reach the server');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card sign-in" onSubmit={(e) => void onSubmit(e)}>
      <h1>Sign in</h1>
      <label>
        Email
        <input
          name="email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => {
            setEmail(e.target.value);
            forgetChoice();
          }}
          required
          autoFocus
        />
      </label>
      <label>
        Password
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
            forgetChoice();
          }}
          required
        />
      </label>
      {organizations && (
        <label>
          Organization
          <select name="organization" value={organization} onChange={(e) => setOrganization(e.target.value)}>
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
