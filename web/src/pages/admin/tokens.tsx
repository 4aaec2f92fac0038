import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { createApiTokenSchema as createTokenSchema } from '../../../../src/contract/api-tokens.ts';
import type { ApiTokenDto } from '../../types.ts';
import { api } from '../../api.ts';
import { sessionQuery } from '../../session.ts';
import { nameOf } from '../../queries.ts';
import { allUsersQuery } from './admin-layout.tsx';
import { Field, FormError, intOrNull, useSubmit } from './form.tsx';
import { formatDateTime } from '../../format.ts';

const KEY = ['admin', 'tokens'];

const when = (iso: string | null) => formatDateTime(iso);

export function AdminTokensPage() {
  const tokens = useQuery({
    queryKey: KEY,
    queryFn: async () => (await api.get('/tokens')).items,
  });
  const users = useQuery(allUsersQuery);
  if (tokens.isPending) return <p className="muted">Loading API tokens…</p>;
  if (tokens.isError) return <p className="error">{tokens.error.message}</p>;
  return (
    <>
      <h1>API tokens</h1>
      <CreateToken />
      {tokens.data.length === 0 ? (
        <p className="muted">No API tokens. Scripts and integrations send one as “Authorization: Bearer …”.</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>User</th>
              <th>Created</th>
              <th>Last used</th>
              <th>Expires</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((t) => (
              <tr key={t.id} className={t.revokedAt ? 'inactive' : undefined} data-testid={`token-${t.name}`}>
                <td>{t.name}</td>
                <td>{nameOf(users.data, t.userId)}</td>
                <td>{when(t.createdAt)}</td>
                <td>{when(t.lastUsedAt)}</td>
                <td>{when(t.expiresAt)}</td>
                <td>{t.revokedAt ? `Revoked ${when(t.revokedAt)}` : <Revoke token={t} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function Revoke({ token }: { token: ApiTokenDto }) {
  const queryClient = useQueryClient();
  const { error, busy, run } = useSubmit(KEY);
  const onClick = async () => {
    if (!window.confirm(`Revoke the token ${token.name}? Scripts using it stop working at once.`)) return;
    const ok = await run(z.unknown(), null, () =>
      api.del('/tokens/{id}', { params: { path: { id: token.id } } }).then(() => true),
    );
    if (ok) await queryClient.invalidateQueries({ queryKey: KEY });
  };
  return (
    <>
      Active{' '}
      <button type="button" className="link danger" disabled={busy} onClick={() => void onClick()}>
        Revoke
      </button>
      {error && <span className="field-error"> {error}</span>}
    </>
  );
}

function CreateToken() {
  const queryClient = useQueryClient();
  const me = useQuery(sessionQuery).data?.user.id ?? '';
  const users = useQuery(allUsersQuery);
  const [v, setV] = useState({ name: '', userId: '', expiresInDays: '' });
  const [shown, setShown] = useState<{ name: string; token: string } | null>(null);
  const { errors, error, busy, run } = useSubmit();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setShown(null);
    const days = intOrNull(v.expiresInDays);
    const input = {
      name: v.name,
      ...(v.userId && v.userId !== me ? { userId: v.userId } : {}),
      ...(days === null ? {} : { expiresInDays: days }),
    };
    const created = await run(createTokenSchema, input, (body) => api.post('/tokens', { body }));
    if (!created) return;
    setShown({ name: created.apiToken.name, token: created.token });
    setV({ name: '', userId: '', expiresInDays: '' });
    await queryClient.invalidateQueries({ queryKey: KEY });
  };

  return (
    <form className="card admin-form" onSubmit={(e) => void onSubmit(e)} aria-label="New API token">
      <h2>New API token</h2>
      <div className="form-grid">
        <Field label="Token name" error={errors.name}>
          <input
            name="name"
            value={v.name}
            placeholder="CRM sync"
            onChange={(e) => setV((o) => ({ ...o, name: e.target.value }))}
            aria-invalid={errors.name ? true : undefined}
          />
        </Field>
        <Field label="Acts as user" error={errors.userId}>
          <select
            name="userId"
            value={v.userId || me}
            onChange={(e) => setV((o) => ({ ...o, userId: e.target.value }))}
          >
            {users.data
              ?.filter((u) => u.active)
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
          </select>
        </Field>
        <Field label="Expires after (days; empty: never)" error={errors.expiresInDays}>
          <input
            name="expiresInDays"
            inputMode="numeric"
            value={v.expiresInDays}
            onChange={(e) => setV((o) => ({ ...o, expiresInDays: e.target.value }))}
            aria-invalid={errors.expiresInDays ? true : undefined}
          />
        </Field>
      </div>
      <FormError error={error} />
      {shown && (
        <div className="notice ok token-once" role="status" data-testid="new-token">
          <p>Token “{shown.name}” created. Copy it now: it is shown only this once.</p>
          <code>{shown.token}</code>{' '}
          <button type="button" onClick={() => void navigator.clipboard.writeText(shown.token)}>
            Copy
          </button>
        </div>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Create token
        </button>
      </div>
    </form>
  );
}
