import { queryOptions } from '@tanstack/react-query';
import { Link, Outlet } from '@tanstack/react-router';
import { api, getAll } from '../../api.ts';

const sections = [
  { to: '/admin/users', label: 'Users' },
  { to: '/admin/teams', label: 'Teams' },
  { to: '/admin/pipelines', label: 'Pipelines' },
  { to: '/admin/products', label: 'Products' },
  { to: '/admin/objections', label: 'Objections' },
  { to: '/admin/scripts', label: 'Pitch scripts' },
  { to: '/admin/tokens', label: 'API tokens' },
  { to: '/admin/webhooks', label: 'Webhooks' },
  { to: '/admin/partners', label: 'Partner programme' },
  { to: '/admin/agents', label: 'Agents' },
  { to: '/admin/routing', label: 'Territories and routing' },
  { to: '/admin/holidays', label: 'Holiday calendars' },
] as const;

export function AdminLayout() {
  return (
    <section className="admin">
      <nav className="admin-nav" aria-label="Administration">
        {sections.map((s) => (
          <Link key={s.to} to={s.to} activeProps={{ className: 'active', 'aria-current': 'page' }}>
            {s.label}
          </Link>
        ))}
      </nav>
      <div className="admin-body">
        <Outlet />
      </div>
    </section>
  );
}

/** Every user, active or not (admins manage both). */
export const allUsersQuery = queryOptions({ queryKey: ['admin', 'users'], queryFn: () => getAll('/users') });
export const teamsQuery = queryOptions({
  queryKey: ['admin', 'teams'],
  queryFn: async () => (await api.get('/teams')).items,
});
/** Every pipeline, inactive ones included. */
export const allPipelinesQuery = queryOptions({
  queryKey: ['admin', 'pipelines'],
  queryFn: () => getAll('/pipelines'),
});
