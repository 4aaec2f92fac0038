import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { roles, type Role } from '../../../../src/contract/access.ts';
import { createUserSchema, updateUserSchema } from '../../../../src/contract/users.ts';
import { api, getAll, ifMatch } from '../../api.ts';
import { sessionQuery } from '../../session.ts';
import type { TeamDto, UserDto } from '../../types.ts';
import { allUsersQuery, teamsQuery } from './admin-layout.tsx';
import { Field, FormError, orNull, useSubmit } from './form.tsx';

export const roleNames: Record<Role, string> = {
  admin: 'Admin',
  manager: 'Manager',
  rep: 'Sales rep',
  inside_sales: 'Inside sales',
  marketing: 'Marketing',
  partner: 'Partner',
  auditor: 'Auditor',
  agent: 'Agent',
};

/** Accounts a partner user can belong to (resellers, distributors, VARs, agencies). */
function usePartnerAccounts(enabled: boolean) {
  return useQuery({
    queryKey: ['admin', 'partner-accounts'],
    enabled,
    queryFn: async () => {
      const types = ['reseller', 'distributor', 'value_added_reseller', 'agency'] as const;
      const lists = await Promise.all(types.map((type) => getAll('/accounts', { query: { type } }, 5)));
      return lists.flat().sort((a, b) => a.name.localeCompare(b.name));
    },
  });
}

/** A random password the admin hands over (the user changes it after signing in). */
function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

export function AdminUsersPage() {
  const users = useQuery(allUsersQuery);
  const teams = useQuery(teamsQuery);
  if (users.isPending || teams.isPending) return <p className="muted">Loading users…</p>;
  if (users.isError) return <p className="error">{users.error.message}</p>;
  if (teams.isError) return <p className="error">{teams.error.message}</p>;
  return (
    <>
      <h1>Users</h1>
      <CreateUserForm users={users.data} teams={teams.data} />
      <UsersTable users={users.data} teams={teams.data} />
    </>
  );
}

function CreateUserForm({ users, teams }: { users: UserDto[]; teams: TeamDto[] }) {
  const queryClient = useQueryClient();
  const empty = {
    email: '',
    name: '',
    role: 'rep' as Role,
    password: '',
    teamId: '',
    managerId: '',
    partnerAccountId: '',
  };
  const [v, setV] = useState(empty);
  const [created, setCreated] = useState<{ name: string; password: string } | null>(null);
  const { errors, error, busy, run } = useSubmit();
  const partners = usePartnerAccounts(v.role === 'partner');
  const set = (k: keyof typeof empty) => (e: { target: { value: string } }) =>
    setV((o) => ({ ...o, [k]: e.target.value }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    const input = {
      email: v.email.trim(),
      name: v.name,
      role: v.role,
      ...(v.password ? { password: v.password } : {}),
      teamId: orNull(v.teamId),
      managerId: orNull(v.managerId),
      partnerAccountId: v.role === 'partner' ? orNull(v.partnerAccountId) : null,
    };
    const user = await run(createUserSchema, input, (body) => api.post('/users', { body }));
    if (!user) return;
    if (v.password) setCreated({ name: user.name, password: v.password });
    setV(empty);
    await queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
    await queryClient.invalidateQueries({ queryKey: ['users'] });
  };

  return (
    <form className="card admin-form" onSubmit={(e) => void onSubmit(e)} aria-labelledby="new-user-title">
      <h2 id="new-user-title">New user</h2>
      <div className="form-grid">
        <Field label="Email" error={errors.email}>
          <input
            name="email"
            type="email"
            autoComplete="off"
            value={v.email}
            onChange={set('email')}
            aria-invalid={errors.email ? true : undefined}
          />
        </Field>
        <Field label="Name" error={errors.name}>
          <input name="name" value={v.name} onChange={set('name')} aria-invalid={errors.name ? true : undefined} />
        </Field>
        <Field label="Role" error={errors.role}>
          <select name="role" value={v.role} onChange={set('role')}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleNames[r]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Team" error={errors.teamId}>
          <select name="teamId" value={v.teamId} onChange={set('teamId')}>
            <option value="">No team</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Manager" error={errors.managerId}>
          <select name="managerId" value={v.managerId} onChange={set('managerId')}>
            <option value="">No manager</option>
            {users
              .filter((u) => u.active)
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
          </select>
        </Field>
        {v.role === 'partner' && (
          <Field label="Partner account" error={errors.partnerAccountId}>
            <select
              name="partnerAccountId"
              value={v.partnerAccountId}
              onChange={set('partnerAccountId')}
              aria-invalid={errors.partnerAccountId ? true : undefined}
            >
              <option value="">{partners.isPending ? 'Loading…' : 'Choose the partner account'}</option>
              {partners.data?.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field label="Password (optional; without one the user cannot sign in yet)" error={errors.password}>
          <span className="inline">
            <input
              name="password"
              type="text"
              autoComplete="new-password"
              value={v.password}
              onChange={set('password')}
              aria-invalid={errors.password ? true : undefined}
            />
            <button type="button" onClick={() => setV((o) => ({ ...o, password: generatePassword() }))}>
              Generate
            </button>
          </span>
        </Field>
      </div>
      <FormError error={error} />
      {created && (
        <p className="notice ok" role="status">
          Created {created.name}. Hand over the password <code>{created.password}</code>; it is not shown again.
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Create user
        </button>
      </div>
    </form>
  );
}

function UsersTable({ users, teams }: { users: UserDto[]; teams: TeamDto[] }) {
  const me = useQuery(sessionQuery).data?.user.id;
  if (users.length === 0) return <p className="muted">No users yet.</p>;
  return (
    <table className="admin-table" data-testid="users-table">
      <thead>
        <tr>
          <th>Name</th>
          <th>Email</th>
          <th>Role</th>
          <th>Team</th>
          <th>Manager</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <UserRow key={u.id} user={u} users={users} teams={teams} isMe={u.id === me} />
        ))}
      </tbody>
    </table>
  );
}

/** One user; role, team, manager and status save as soon as they change. */
function UserRow({ user, users, teams, isMe }: { user: UserDto; users: UserDto[]; teams: TeamDto[]; isMe: boolean }) {
  const queryClient = useQueryClient();
  const { errors, error, busy, run } = useSubmit(['admin', 'users']);

  const save = async (patch: Record<string, unknown>) => {
    const updated = await run(updateUserSchema, patch, (body) =>
      api.patch('/users/{id}', { params: { path: { id: user.id }, header: ifMatch(user.version) }, body }),
    );
    if (!updated) return;
    queryClient.setQueryData(['admin', 'users'], (old: UserDto[] | undefined) =>
      old?.map((u) => (u.id === updated.id ? updated : u)),
    );
    await queryClient.invalidateQueries({ queryKey: ['users'] });
  };

  return (
    <tr data-testid={`user-${user.email}`} className={user.active ? undefined : 'inactive'}>
      <td>
        {user.name}
        {isMe && <span className="muted small"> (you)</span>}
        {error && (
          <div className="field-error" role="alert">
            {error}
          </div>
        )}
      </td>
      <td>{user.email}</td>
      <td>
        <select
          aria-label={`Role of ${user.name}`}
          value={user.role}
          disabled={busy || isMe}
          onChange={(e) => void save({ role: e.target.value })}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {roleNames[r]}
            </option>
          ))}
        </select>
        {errors.role && <div className="field-error">{errors.role}</div>}
        {errors.partnerAccountId && <div className="field-error">partner account {errors.partnerAccountId}</div>}
      </td>
      <td>
        <select
          aria-label={`Team of ${user.name}`}
          value={user.teamId ?? ''}
          disabled={busy}
          onChange={(e) => void save({ teamId: orNull(e.target.value) })}
        >
          <option value="">No team</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        {errors.teamId && <div className="field-error">{errors.teamId}</div>}
      </td>
      <td>
        <select
          aria-label={`Manager of ${user.name}`}
          value={user.managerId ?? ''}
          disabled={busy}
          onChange={(e) => void save({ managerId: orNull(e.target.value) })}
        >
          <option value="">No manager</option>
          {users
            .filter((u) => u.id !== user.id && (u.active || u.id === user.managerId))
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
        </select>
        {errors.managerId && <div className="field-error">{errors.managerId}</div>}
      </td>
      <td>
        {user.active ? 'Active' : 'Deactivated'}{' '}
        {!isMe && (
          <button type="button" className="link" disabled={busy} onClick={() => void save({ active: !user.active })}>
            {user.active ? 'Deactivate' : 'Reactivate'}
          </button>
        )}
      </td>
    </tr>
  );
}
