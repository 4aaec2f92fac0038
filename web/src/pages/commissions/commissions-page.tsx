import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { canReadTeamStatements, setsQuotas } from '../../../../src/contract/access.ts';
import { api } from '../../api.ts';
import { EmptyState, ErrorState, Loading } from '../../components/states.tsx';
import { dayIn, shiftMonth } from '../../fiscal.ts';
import { formatMoney } from '../../format.ts';
import { useActor } from '../../permissions.ts';
import { organizationQuery } from '../../queries.ts';
import { OpenDisputesCard } from './disputes.tsx';
import { StatementCard } from './statement.tsx';

/** The month's statements of everyone the user reads, each opening the full statement. */
function TeamStatementsCard({ period }: { period: string }) {
  const list = useQuery({
    queryKey: ['commissions', period, 'team'],
    queryFn: () => api.get('/commission-statements/team', { params: { query: { period } } }),
  });
  return (
    <section className="card" aria-labelledby="team-statements-title" data-testid="team-statements">
      <h2 id="team-statements-title">Team statements, {period}</h2>
      {list.isPending && <Loading>Computing statements…</Loading>}
      {list.isError && <ErrorState error={list.error} what="team statements" onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && <EmptyState title="No statements this month" />}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="records compact">
            <thead>
              <tr>
                <th scope="col">Payee</th>
                <th scope="col" className="num">
                  Lines
                </th>
                <th scope="col" className="num">
                  Total
                </th>
                <th scope="col" className="num">
                  Open disputes
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((s) => (
                <tr key={`${s.payee.kind}:${s.payee.id}`}>
                  <th scope="row">
                    <Link
                      to="/commissions"
                      search={{ period, payeeKind: s.payee.kind, payeeId: s.payee.id }}
                      activeOptions={{ includeSearch: true }}
                      activeProps={{ className: 'active' }}
                    >
                      {s.payee.name}
                    </Link>
                    {s.payee.kind !== 'user' && <span className="small muted"> ({s.payee.kind})</span>}
                  </th>
                  <td className="num">{s.lines}</td>
                  <td className="num">{s.totals.map((t) => formatMoney(t.amount, t.currency)).join(' · ') || '—'}</td>
                  <td className="num">{s.openDisputes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The commission plans, read-only (admins, managers, auditors). */
function PlansCard({ setsQuotas }: { setsQuotas: boolean }) {
  const plans = useQuery({ queryKey: ['commissions', 'plans'], queryFn: () => api.get('/commission-plans') });
  return (
    <section className="card" aria-labelledby="plans-title" data-testid="commission-plans">
      <h2 id="plans-title">Plans</h2>
      {plans.isPending && <Loading>Loading plans…</Loading>}
      {plans.isError && <ErrorState error={plans.error} what="plans" onRetry={() => void plans.refetch()} />}
      {plans.data && plans.data.items.length === 0 && <EmptyState title="No commission plans yet" />}
      <ul className="plan-list">
        {plans.data?.items.map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong>{' '}
            <span className="small muted">
              {p.basis === 'margin' ? 'of margin' : 'of amount'} in {p.currency}
            </span>
            <p className="small">
              {p.rates.map((r) => `${r.family ?? 'everything else'} ${r.ratePercent}%`).join(', ') || 'no direct rate'}
              {p.tiers.length > 1 &&
                ` · tiers ${p.tiers.map((t) => `from ${formatMoney(t.from, p.currency)} ×${t.multiplier}`).join(', ')}`}
              {p.cap !== null && ` · capped at ${formatMoney(p.cap, p.currency)} a month`}
              {p.overridePercent !== null && ` · override ${p.overridePercent}% over ${p.overrideLevels} level(s)`}
              {` · clawback within ${p.clawbackDays} days`}
            </p>
          </li>
        ))}
      </ul>
      {setsQuotas && (
        <p className="small muted">
          Quotas are set on the{' '}
          <Link to="/forecast" search={{}}>
            forecast
          </Link>{' '}
          screen, beside attainment.
        </p>
      )}
    </section>
  );
}

/**
 * Commissions: the user's statement of a month (or, for those who read others', the one chosen
 * from the team list or a dispute), disputes, the team's statements and the plans.
 */
export function CommissionsPage() {
  const search = useSearch({ from: '/commissions' });
  const navigate = useNavigate({ from: '/commissions' });
  const actor = useActor();
  const org = useQuery(organizationQuery);
  if (org.isPending || !actor) return <Loading>Loading commissions…</Loading>;
  if (org.isError) return <ErrorState error={org.error} what="the organization" onRetry={() => void org.refetch()} />;
  const current = dayIn(org.data.timezone).slice(0, 7);
  const period = search.period ?? current;
  const months = Array.from({ length: 13 }, (_, i) => shiftMonth(current, -i));
  if (!months.includes(period)) months.unshift(period);
  const team = canReadTeamStatements(actor);
  const payee = search.payeeId ? { payeeKind: search.payeeKind, payeeId: search.payeeId } : {};
  return (
    <section className="page commissions-page">
      <div className="card-head">
        <h1>Commissions</h1>
        <div className="inline">
          <label className="inline">
            Month{' '}
            <select
              value={period}
              data-testid="commission-period"
              onChange={(e) => void navigate({ search: { ...payee, period: e.target.value } })}
            >
              {months.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </label>
          {search.payeeId && (
            <Link to="/commissions" search={{ period }}>
              {actor.role === 'auditor' ? 'Back to the team list' : 'Back to my statement'}
            </Link>
          )}
        </div>
      </div>
      {actor.role !== 'auditor' || search.payeeId ? (
        <StatementCard period={period} payee={payee} />
      ) : (
        <p className="muted">Choose a statement from the team list to read it.</p>
      )}
      {team && <OpenDisputesCard />}
      {team && <TeamStatementsCard period={period} />}
      {team && <PlansCard setsQuotas={setsQuotas(actor)} />}
    </section>
  );
}
