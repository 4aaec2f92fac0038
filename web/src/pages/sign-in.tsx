import { useQueryClient } from '@tanstack/react-query';
import { useRouter, useSearch } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { emailSchema } from '../../../src/contract/common.ts';
import { ApiError } from '../api.ts';
import { signIn } from '../session.ts';

export function SignInPage() {
  const { redirect } = useSearch({ from: '/sign-in' });
  const queryClient = useQueryClient();
  const router = useRouter();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
      await signIn(queryClient, parsed.data, password);
      if (redirect) router.history.push(redirect);
      else await router.navigate({ to: '/board', search: {} });
    } catch (err) {
      setError(err instanceof ApiError ? err.detail : 'Could not reach the server');
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
          onChange={(e) => setEmail(e.target.value)}
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
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </label>
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
