import { AgentWorkCard } from '../components/agent-work.tsx';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { Role } from '../../../src/contract/access.ts';
import type { RottingReason } from '../../../src/contract/attention.ts';
import { api, ApiError, ifMatch, type ApiData } from '../api.ts';
import { AccountLink, ContactLink, contactName, DealLink, LeadLink } from '../components/record-links.tsx';
import { formatMoney } from '../money.ts';
import { nameOf, pipelinesQuery, usersQuery } from '../queries.ts';
import { sessionQuery } from '../session.ts';
import type { ActivityDto } from '../types.ts';
import { words } from './record-common.tsx';
import { MyMeetingsCard } from '../components/meetings.tsx';
import { formatDateTime } from '../format.ts';
import { untouched } from '../components/durations.ts';

type DealAttention = ApiData<'get', '/deals/attention'>['items'][number];

const rottingLabels: Record<RottingReason, string> = {
  no_next_activity: 'nothing planned',
  stuck: 'stuck in stage',
};

/** "3 d", "5 h", "12 min": how long ago, roughly. */
export function age(iso: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h`;
  return `${Math.floor(minutes / 1440)} d`;
}

const agendaQuery = { queryKey: ['activities', 'agenda'], queryFn: () => api.get('/tasks/agenda') };

/** The record a task is about, as a link. */
function About({ a }: { a: ActivityDto }) {
  if (a.dealId) return <DealLink id={a.dealId} />;
  if (a.contactId) return <ContactLink id={a.contactId} />;
  if (a.leadId) return <LeadLink id={a.leadId} />;
  if (a.accountId) return <AccountLink id={a.accountId} />;
  return null;
}

function TaskRow({ task, overdue }: { task: ActivityDto; overdue?: boolean }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const complete = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.patch('/activities/{id}', {
        params: { path: { id: task.id }, header: ifMatch(task.version) },
        body: { completed: true },
      });
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 409
          ? 'Someone changed this task meanwhile; the list is refreshed.'
          : err instanceof Error
            ? err.message
            : 'Could not save.',
      );
    } finally {
      setBusy(false);
      void queryClient.invalidateQueries({ queryKey: ['activities'] });
      void queryClient.invalidateQueries({ queryKey: ['deals-attention'] });
    }
  };
  return (
    <li className={overdue ? 'overdue' : undefined} data-testid="agenda-task">
      <label className="check">
        <input type="checkbox" disabled={busy} onChange={() => void complete()} aria-label={`Done: ${task.subject}`} />
        <span>{task.subject}</span>
      </label>{' '}
      <span className="muted small">
        {formatDateTime(task.dueAt, 'no due date')} · <About a={task} />
      </span>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </li>
  );
}

/** The signed-in user's open tasks: overdue, today, upcoming. */
function MyTasks() {
  const agenda = useQuery(agendaQuery);
  if (agenda.isPending) return <p className="muted">Loading your tasks…</p>;
  if (agenda.isError) return <p className="notice error">Your tasks could not be loaded: {agenda.error.message}</p>;
  const a = agenda.data;
  const group = (title: string, key: 'overdue' | 'today' | 'upcoming', empty: string) => (
    <div data-testid={`tasks-${key}`}>
      <h3>
        {title} <span className="badge">{a.counts[key]}</span>
      </h3>
      {a[key].length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        <ul className="plain">
          {a[key].map((t) => (
            <TaskRow key={t.id} task={t} overdue={key === 'overdue'} />
          ))}
        </ul>
      )}
    </div>
  );
  return (
    <section className="card" aria-labelledby="my-tasks">
      <h2 id="my-tasks">My tasks</h2>
      {group('Overdue', 'overdue', 'Nothing overdue.')}
      {group('Today', 'today', 'Nothing due today.')}
      {group('Upcoming', 'upcoming', 'Nothing planned yet.')}
    </section>
  );
}

/** Open deals that need attention (nothing planned, or past the stage's expected days). */
function DealsNeedingAttention({ ownerId, title }: { ownerId?: string; title: string }) {
  const pipelines = useQuery(pipelinesQuery).data;
  const users = useQuery(usersQuery).data;
  const deals = useQuery({
    queryKey: ['deals-attention', ownerId ?? 'all'],
    queryFn: () =>
      api.get('/deals/attention', {
        params: { query: { rotting: 'true', limit: 20, ...(ownerId ? { ownerId } : {}) } },
      }),
  });
  const stageName = (id: string) => pipelines?.flatMap((p) => p.stages).find((s) => s.id === id)?.name ?? '…';
  return (
    <section className="card" aria-labelledby="attention-title" data-testid="deals-attention">
      <h2 id="attention-title">{title}</h2>
      {deals.isPending && <p className="muted">Loading…</p>}
      {deals.isError && <p className="notice error">Could not load the deals: {deals.error.message}</p>}
      {deals.data && deals.data.items.length === 0 && <p className="muted small">Every open deal has a next step.</p>}
      <ul className="plain">
        {deals.data?.items.map((d: DealAttention) => (
          <li key={d.dealId}>
            <Link to="/deals/$dealId" params={{ dealId: d.dealId }}>
              {d.name}
            </Link>{' '}
            <span className="muted small">
              {stageName(d.stageId)} for {age(d.stageEnteredAt)}
              {d.stageExpectedDays !== null && ` (expected ${d.stageExpectedDays} d)`}
              {!ownerId && ` · ${nameOf(users, d.ownerId)}`}
              {d.amount !== null && ` · ${formatMoney(d.amount, d.currency)}`}
            </span>{' '}
            {d.rotting.map((r) => (
              <span key={r} className="badge rotting">
                {rottingLabels[r]}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Leads waiting for the user: new or being worked, oldest first, with their age and time untouched. */
function LeadQueue({ ownerId, title }: { ownerId: string; title: string }) {
  const leads = useQuery({
    queryKey: ['leads', 'queue', ownerId],
    queryFn: () =>
      api.get('/leads', {
        params: { query: { ownerId, status: ['new', 'working'], sort: 'created_at', order: 'asc', limit: 25 } },
      }),
  });
  const now = Date.now();
  return (
    <section className="card" aria-labelledby="queue-title" data-testid="lead-queue">
      <h2 id="queue-title">{title}</h2>
      {leads.isPending && <p className="muted">Loading…</p>}
      {leads.isError && <p className="notice error">Could not load the leads: {leads.error.message}</p>}
      {leads.data && leads.data.items.length === 0 && <p className="muted small">No leads waiting.</p>}
      {leads.data && leads.data.items.length > 0 && (
        <table className="records compact">
          <thead>
            <tr>
              <th scope="col">Lead</th>
              <th scope="col">Status</th>
              <th scope="col">Age</th>
              <th scope="col">Untouched</th>
            </tr>
          </thead>
          <tbody>
            {leads.data.items.map((l) => (
              <tr key={l.id}>
                <td>
                  <Link to="/leads/$leadId" params={{ leadId: l.id }}>
                    {contactName(l)}
                  </Link>
                  {l.company && <span className="muted"> · {l.company}</span>}
                </td>
                <td>{words(l.status)}</td>
                <td>{age(l.createdAt, now)}</td>
                <td data-testid="untouched">{untouched(l, now)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {leads.data?.nextCursor && (
        <p className="small">
          <Link to="/inbox">More in the lead inbox</Link>
        </p>
      )}
      <p className="small">
        <Link to="/queue">Open the call queue</Link>
      </p>
    </section>
  );
}

/** Activities of the last seven days the user can see, by type (the first 200 counted). */
function ActivityCounts() {
  const [since] = useState(() => new Date(Date.now() - 7 * 86_400_000).toISOString());
  const activities = useQuery({
    queryKey: ['activities', 'week', since],
    queryFn: () => api.get('/activities', { params: { query: { from: since, limit: 200 } } }),
  });
  const counts = new Map<string, number>();
  for (const a of activities.data?.items ?? []) counts.set(a.type, (counts.get(a.type) ?? 0) + 1);
  return (
    <section className="card" aria-labelledby="counts-title" data-testid="activity-counts">
      <h2 id="counts-title">Team activity, last 7 days</h2>
      {activities.isPending && <p className="muted">Loading…</p>}
      <dl className="fields">
        {['call', 'meeting', 'email', 'task', 'note'].map((t) => (
          <div key={t}>
            <dt>{words(t)}s</dt>
            <dd>
              {counts.get(t) ?? 0}
              {activities.data?.nextCursor ? '+' : ''}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Open deals of the team by stage of the default pipeline (the 200 largest counted). */
function TeamPipeline() {
  const pipelines = useQuery(pipelinesQuery).data;
  const pipeline = pipelines?.find((p) => p.isDefault) ?? pipelines?.[0];
  const deals = useQuery({
    queryKey: ['deals', 'team-pipeline', pipeline?.id],
    enabled: pipeline !== undefined,
    queryFn: () =>
      api.get('/deals', {
        params: { query: { pipelineId: pipeline?.id, status: 'open', sort: 'amount', order: 'desc', limit: 200 } },
      }),
  });
  return (
    <section className="card" aria-labelledby="pipeline-title" data-testid="team-pipeline">
      <h2 id="pipeline-title">Team pipeline{pipeline ? ` · ${pipeline.name}` : ''}</h2>
      {deals.isPending && <p className="muted">Loading…</p>}
      <table className="records compact">
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col" className="num">
              Deals
            </th>
          </tr>
        </thead>
        <tbody>
          {pipeline?.stages
            .filter((s) => s.kind === 'open')
            .map((s) => (
              <tr key={s.id}>
                <td>{s.name}</td>
                <td className="num">
                  {deals.data?.items.filter((d) => d.stageId === s.id).length ?? '…'}
                  {deals.data?.nextCursor ? '+' : ''}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
      <p className="small">
        <Link to="/board" search={{}}>
          Open the board
        </Link>
      </p>
    </section>
  );
}

const greeting: Partial<Record<Role, string>> = {
  rep: 'Your day',
  inside_sales: 'Your queue',
  manager: 'Your team',
  admin: 'Your organization',
  agent: 'Your deals',
};

/**
 * "My day": each role's home. A rep sees today's tasks, the leads to call and the deals needing
 * attention; inside sales the lead queue with age and time untouched; a manager (and an admin) the
 * team's pipeline, stuck deals and activity counts; an agent its deals and compensation. Auditors,
 * marketing and partners land on the screens they work in (router).
 */
export function HomePage() {
  const session = useQuery(sessionQuery).data;
  if (!session) return null;
  const { user } = session;
  const role = user.role;
  return (
    <section className="home" aria-labelledby="home-title">
      <h1 id="home-title" data-testid="home-title">
        {greeting[role] ?? 'Home'} · {user.name}
      </h1>
      <div className="home-grid">
        {(role === 'rep' || role === 'inside_sales' || role === 'manager') && <MyTasks />}
        {role === 'rep' && <MyMeetingsCard />}
        {role === 'rep' && <LeadQueue ownerId={user.id} title="Calls to make: your open leads" />}
        {role === 'inside_sales' && <LeadQueue ownerId={user.id} title="Lead queue" />}
        {role === 'rep' && <DealsNeedingAttention ownerId={user.id} title="Deals needing attention" />}
        {(role === 'manager' || role === 'admin') && <TeamPipeline />}
        {(role === 'manager' || role === 'admin') && <DealsNeedingAttention title="Stuck deals" />}
        {(role === 'manager' || role === 'admin') && <ActivityCounts />}
        {role === 'agent' && <AgentWorkCard />}
      </div>
    </section>
  );
}
