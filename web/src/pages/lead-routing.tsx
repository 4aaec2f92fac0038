import { useQuery } from '@tanstack/react-query';
import type { RoutingDecisionDto } from '../../../src/contract/routing.ts';
import { api } from '../api.ts';
import { problemText } from '../components/form-errors.ts';
import { formatDateTime } from '../format.ts';

const ruleLabels: Record<RoutingDecisionDto['rule'], string> = {
  account_owner: 'Account owner',
  territory: 'Territory',
  pool: 'Pool',
  none: 'No rule matched',
};

/**
 * How routing placed the lead: its territory and the latest decision (rule, rep, reasons, when).
 * The API shows this to whoever may read the lead, so the lead page, which only renders a lead
 * the server let the viewer read, offers it without a further role check.
 */
export function LeadRouting({ leadId }: { leadId: string }) {
  const routing = useQuery({
    queryKey: ['lead', leadId, 'routing'],
    queryFn: () => api.get('/leads/{id}/routing', { params: { path: { id: leadId } } }),
    staleTime: 30_000,
  });
  const last = routing.data?.decisions[0];
  const territory = routing.data?.territory;
  return (
    <section className="card" aria-labelledby="routing-title" data-testid="lead-routing">
      <h2 id="routing-title">Routing</h2>
      {routing.isError && <p className="notice error">{problemText(routing.error)}</p>}
      {routing.isSuccess && !last && <p className="muted">Routing has not placed this lead.</p>}
      {last && (
        <dl className="fields">
          <dt>Rule</dt>
          <dd data-testid="routing-rule">{ruleLabels[last.rule]}</dd>
          <dt>Rep</dt>
          <dd data-testid="routing-rep">{last.repName ?? 'Nobody'}</dd>
          <dt>When</dt>
          <dd>{formatDateTime(last.decidedAt)}</dd>
          <dt>Why</dt>
          <dd>
            <ul className="routing-reasons" data-testid="routing-reasons">
              {last.reasons.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
          </dd>
        </dl>
      )}
      {territory?.territoryName && (
        <p className="small">
          Territory <strong>{territory.territoryName}</strong>
          {territory.reasons.length > 0 && <span className="muted"> · {territory.reasons.join('; ')}</span>}
        </p>
      )}
    </section>
  );
}
