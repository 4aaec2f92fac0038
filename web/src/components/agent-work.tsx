import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { readsOwnAgencyWork } from '../../../src/contract/access.ts';
import { api } from '../api.ts';
import { formatDate, formatMoney } from '../format.ts';
import { useActor } from '../permissions.ts';

const roleLabel: Record<string, string> = {
  buyer_agent: "Buyer's agent",
  seller_agent: "Seller's agent",
  co_agent: 'Co-agent',
};

/** A stored percentage without its padding zeros: "2.5000" reads 2.5, "10.0000" reads 10. */
const shortPercent = (p: string) => (p.includes('.') ? p.replace(/0+$/, '').replace(/\.$/, '') : p);

/**
 * An agent's home: the deals its party (or a colleague of its firm) is on, the side, whether the
 * representation was disclosed, and what the agency agreement pays: earned on won deals, expected
 * on open ones.
 */
export function AgentWorkCard() {
  const actor = useActor();
  const allowed = actor !== null && readsOwnAgencyWork(actor);
  const work = useQuery({
    queryKey: ['agent-work', actor?.userId],
    queryFn: () => api.get('/agents/my-work'),
    enabled: allowed,
  });
  if (!allowed) return null;
  return (
    <section className="card wide" aria-labelledby="agent-work-title" data-testid="agent-work">
      <h2 id="agent-work-title">Your deals and compensation</h2>
      {work.isPending && <p className="muted">Loading…</p>}
      {work.isError && <p className="field-error">Your deals could not be loaded.</p>}
      {work.data && (
        <>
          <ul className="plain" data-testid="agent-totals">
            {work.data.totals.length === 0 && <li className="muted">No compensation yet.</li>}
            {work.data.totals.map((t) => (
              <li key={t.currency}>
                Earned <strong>{formatMoney(t.earned, t.currency)}</strong> · expected on open deals{' '}
                {formatMoney(t.expected, t.currency)}
              </li>
            ))}
          </ul>
          {work.data.items.length === 0 ? (
            <p className="muted">You are on no deal yet.</p>
          ) : (
            <table className="admin-table" data-testid="agent-deals">
              <thead>
                <tr>
                  <th>Deal</th>
                  <th>Side</th>
                  <th>Stage</th>
                  <th>Expected close</th>
                  <th className="num">Amount</th>
                  <th>Disclosed</th>
                  <th className="num">Compensation</th>
                </tr>
              </thead>
              <tbody>
                {work.data.items.map((i) => (
                  <tr key={i.dealAgentId}>
                    <td>
                      <Link to="/deals/$dealId" params={{ dealId: i.dealId }}>
                        {i.dealName}
                      </Link>
                      {i.agentName && <div className="muted">{i.agentName}</div>}
                    </td>
                    <td>{roleLabel[i.role] ?? i.role}</td>
                    <td>
                      {i.stageName}
                      {i.status !== 'open' && <span className="muted"> ({i.status})</span>}
                    </td>
                    <td>{formatDate(i.expectedCloseDate)}</td>
                    <td className="num">{i.amount === null ? '—' : formatMoney(i.amount, i.currency)}</td>
                    <td>{i.disclosed ? 'Yes' : <strong>Not yet</strong>}</td>
                    <td className="num">
                      {i.compensation === null ? '—' : formatMoney(i.compensation, i.compensationCurrency)}
                      <div className="muted">
                        {i.compensationKind === 'percent' ? `${shortPercent(i.compensationPercent ?? '')} %` : 'fixed'}{' '}
                        · {i.status === 'lost' ? 'none (lost)' : i.earned ? 'earned' : 'expected'}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
