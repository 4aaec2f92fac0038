import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { createTeamSchema, teamKinds, updateTeamSchema } from '../../../../src/contract/users.ts';
import { api, ifMatch } from '../../api.ts';
import type { TeamDto, UserDto } from '../../types.ts';
import { allUsersQuery, teamsQuery } from './admin-layout.tsx';
import { Field, FormError, orNull, useSubmit } from './form.tsx';

const kindNames: Record<(typeof teamKinds)[number], string> = {
  inside_sales: 'Inside sales',
  field_sales: 'Field sales',
  marketing: 'Marketing',
  channel: 'Channel',
  management: 'Management',
  other: 'Other',
};

export function AdminTeamsPage() {
  const teams = useQuery(teamsQuery);
  const users = useQuery(allUsersQuery);
  const [editing, setEditing] = useState<TeamDto | null>(null);
  if (teams.isPending || users.isPending) return <p className="muted">Loading teams…</p>;
  if (teams.isError) return <p className="error">{teams.error.message}</p>;
  if (users.isError) return <p className="error">{users.error.message}</p>;
  const members = (id: string) => users.data.filter((u) => u.teamId === id);
  return (
    <>
      <h1>Teams</h1>
      <TeamForm key={editing?.id ?? 'new'} team={editing} users={users.data} onDone={() => setEditing(null)} />
      {teams.data.length === 0 ? (
        <p className="muted">No teams yet. Create one above, then put users in it on the Users screen.</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Kind</th>
              <th>Manager</th>
              <th>Members</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {teams.data.map((t) => (
              <tr key={t.id} data-testid={`team-${t.name}`}>
                <td>{t.name}</td>
                <td>{kindNames[t.kind]}</td>
                <td>{users.data.find((u) => u.id === t.managerId)?.name ?? <span className="muted">None</span>}</td>
                <td>
                  {members(t.id)
                    .map((u) => u.name)
                    .join(', ') || <span className="muted">Nobody</span>}
                </td>
                <td>
                  <button type="button" className="link" onClick={() => setEditing(t)}>
                    Edit
                  </button>
                  <DeleteTeam team={t} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function DeleteTeam({ team }: { team: TeamDto }) {
  const queryClient = useQueryClient();
  const { error, busy, run } = useSubmit(['admin', 'teams']);
  const onDelete = async () => {
    if (!window.confirm(`Delete the team ${team.name}?`)) return;
    const ok = await run(z.unknown(), null, () =>
      api.del('/teams/{id}', { params: { path: { id: team.id }, header: ifMatch(team.version) } }).then(() => true),
    );
    if (ok) await queryClient.invalidateQueries({ queryKey: ['admin', 'teams'] });
  };
  return (
    <>
      <button type="button" className="link danger" disabled={busy} onClick={() => void onDelete()}>
        Delete
      </button>
      {error && (
        <span className="field-error" role="alert">
          {' '}
          {error}
        </span>
      )}
    </>
  );
}

function TeamForm({ team, users, onDone }: { team: TeamDto | null; users: UserDto[]; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [v, setV] = useState({
    name: team?.name ?? '',
    kind: team?.kind ?? 'field_sales',
    managerId: team?.managerId ?? '',
  });
  const { errors, error, busy, run } = useSubmit(['admin', 'teams']);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const input = { name: v.name, kind: v.kind, managerId: orNull(v.managerId) };
    const saved = team
      ? await run(updateTeamSchema, input, (body) =>
          api.patch('/teams/{id}', { params: { path: { id: team.id }, header: ifMatch(team.version) }, body }),
        )
      : await run(createTeamSchema, input, (body) => api.post('/teams', { body }));
    if (!saved) return;
    await queryClient.invalidateQueries({ queryKey: ['admin', 'teams'] });
    setV({ name: '', kind: 'field_sales', managerId: '' });
    onDone();
  };

  return (
    <form
      className="card admin-form"
      onSubmit={(e) => void onSubmit(e)}
      aria-label={team ? `Edit team ${team.name}` : 'New team'}
    >
      <h2>{team ? `Edit ${team.name}` : 'New team'}</h2>
      <div className="form-grid">
        <Field label="Team name" error={errors.name}>
          <input
            name="name"
            value={v.name}
            onChange={(e) => setV((o) => ({ ...o, name: e.target.value }))}
            aria-invalid={errors.name ? true : undefined}
          />
        </Field>
        <Field label="Kind" error={errors.kind}>
          <select
            name="kind"
            value={v.kind}
            onChange={(e) => setV((o) => ({ ...o, kind: e.target.value as TeamDto['kind'] }))}
          >
            {teamKinds.map((k) => (
              <option key={k} value={k}>
                {kindNames[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Manager" error={errors.managerId}>
          <select
            name="managerId"
            value={v.managerId}
            onChange={(e) => setV((o) => ({ ...o, managerId: e.target.value }))}
          >
            <option value="">None</option>
            {users
              .filter((u) => u.active)
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
          </select>
        </Field>
      </div>
      <FormError error={error} />
      <div className="actions">
        {team && (
          <button type="button" onClick={onDone}>
            Cancel
          </button>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {team ? 'Save team' : 'Create team'}
        </button>
      </div>
    </form>
  );
}
