import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { canAdjustCommissions, canRaiseCommissionDispute } from '../../../../src/contract/access.ts';
import { api, type ApiData } from '../../api.ts';
import { EmptyState, ErrorState, Loading } from '../../components/states.tsx';
import { formatDate, formatDateTime, formatMoney } from '../../format.ts';
import { useActor } from '../../permissions.ts';
import { AnswerDispute, RaiseDispute } from './disputes.tsx';
import type { CommissionsSearch } from './search.ts';

export type Statement = ApiData<'get', '/commission-statements'>;
type Line = Statement['lines'][number];
type Dispute = Statement['disputes'][number];

const kindLabels: Record<Line['kind'], string> = {
  commission: 'Commission',
  partner: 'Partner',
  agent: 'Agent',
  override: 'Override',
  clawback: 'Clawback',
  bonus: 'Bonus',
  adjustment: 'Adjustment',
};

export const statementQuery = (period: string, payee: Pick<CommissionsSearch, 'payeeKind' | 'payeeId'>) => ({
  queryKey: ['commissions', period, 'statement', payee.payeeKind ?? 'self', payee.payeeId ?? 'self'],
  queryFn: () =>
    api.get('/commission-statements', {
      params: { query: { period, ...(payee.payeeId ? { payeeKind: payee.payeeKind, payeeId: payee.payeeId } : {}) } },
    }),
});

function disputeStatus(d: Dispute): string {
  if (d.status === 'open') return 'open';
  const adj = d.adjustment === null ? '' : `, adjusted by ${formatMoney(d.adjustment, d.currency)}`;
  return `${d.status}${adj}`;
}

function LineRow({
  line,
  statement,
  mayDispute,
  openDispute,
}: {
  line: Line;
  statement: Statement;
  mayDispute: boolean;
  openDispute: Dispute | undefined;
}) {
  const [raising, setRaising] = useState(false);
  return (
    <>
      <tr data-testid="commission-line">
        <td>{formatDate(line.day)}</td>
        <td>{kindLabels[line.kind]}</td>
        <td>
          {line.dealId ? (
            <Link to="/deals/$dealId" params={{ dealId: line.dealId }}>
              {line.dealName ?? 'deal'}
            </Link>
          ) : (
            <span className="muted">{line.note || '—'}</span>
          )}
          {line.family && <span className="small muted"> · {line.family}</span>}
        </td>
        <td className="num">{line.basis === null ? '—' : formatMoney(line.basis, line.currency)}</td>
        <td className="num">{line.ratePercent === null ? '—' : `${line.ratePercent}%`}</td>
        <td className="num">{line.multiplier === null ? '—' : `×${line.multiplier}`}</td>
        <td className="num">
          {formatMoney(line.amount, line.currency)}
          {line.capped && <span className="badge">capped</span>}
        </td>
        <td className="small event-ids" data-testid="line-events">
          {line.eventIds.map((id) => (
            <code key={id} title={`Event ${id} of the log`}>
              #{id}
            </code>
          ))}
        </td>
        <td>
          {openDispute ? (
            <span className="badge open">disputed</span>
          ) : (
            mayDispute &&
            !raising && (
              <button type="button" onClick={() => setRaising(true)}>
                Dispute
              </button>
            )
          )}
        </td>
      </tr>
      {raising && !openDispute && (
        <tr className="inline-row">
          <td colSpan={9}>
            <RaiseDispute statement={statement} line={line} onDone={() => setRaising(false)} />
          </td>
        </tr>
      )}
    </>
  );
}

/**
 * A statement of a month: every line with its deal, basis, rate, tier multiplier and the events
 * that produced it; totals per currency in exact decimals; the payee disputes a line, the people
 * who may adjust the payee's commissions answer.
 */
export function StatementCard({ period, payee }: { period: string; payee: CommissionsSearch }) {
  const actor = useActor();
  const q = useQuery(statementQuery(period, payee));
  const s = q.data;
  const mayDispute = actor !== null && s !== undefined && canRaiseCommissionDispute(actor, s.payee);
  const mayAnswer = actor !== null && s !== undefined && canAdjustCommissions(actor, s.payee);
  return (
    <section className="card" aria-labelledby="statement-title" data-testid="statement">
      {q.isPending && <Loading>Computing the statement…</Loading>}
      {q.isError && <ErrorState error={q.error} what="this statement" onRetry={() => void q.refetch()} />}
      {s && (
        <>
          <h2 id="statement-title">
            Statement of {s.payee.name}, {s.period}
          </h2>
          <p className="small muted">
            {s.payee.kind === 'agent'
              ? 'Paid under the agency agreements in force on each win'
              : `Plan: ${s.plan ? s.plan.name : 'none on the first day of the month'}`}{' '}
            · computed from the events before {formatDateTime(s.asOf)}
          </p>
          {s.lines.length === 0 ? (
            <EmptyState title="No commission lines this month" />
          ) : (
            <div className="table-wrap">
              <table className="records compact" data-testid="statement-lines">
                <thead>
                  <tr>
                    <th scope="col">Day</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Deal</th>
                    <th scope="col" className="num">
                      Basis
                    </th>
                    <th scope="col" className="num">
                      Rate
                    </th>
                    <th scope="col" className="num">
                      Tier
                    </th>
                    <th scope="col" className="num">
                      Amount
                    </th>
                    <th scope="col">Source events</th>
                    <th scope="col">
                      <span className="sr-only">Dispute</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {s.lines.map((l) => (
                    <LineRow
                      key={l.id}
                      line={l}
                      statement={s}
                      mayDispute={mayDispute}
                      openDispute={s.disputes.find((d) => d.lineId === l.id && d.status === 'open')}
                    />
                  ))}
                </tbody>
                <tfoot>
                  {s.totals.map((t) => (
                    <tr key={t.currency}>
                      <th scope="row" colSpan={6}>
                        Total {t.currency}
                      </th>
                      <td className="num" data-testid="statement-total">
                        <strong>{formatMoney(t.amount, t.currency)}</strong>
                      </td>
                      <td colSpan={2} />
                    </tr>
                  ))}
                </tfoot>
              </table>
            </div>
          )}
          {s.disputes.length > 0 && (
            <>
              <h3>Disputes</h3>
              <ul className="dispute-list">
                {s.disputes.map((d) => {
                  const line = s.lines.find((l) => l.id === d.lineId);
                  return (
                    <li key={d.id} className="dispute" data-testid="dispute">
                      <p>
                        <span className={`badge ${d.status}`}>{disputeStatus(d)}</span>{' '}
                        {line
                          ? `${kindLabels[line.kind]} ${line.dealName ?? ''} ${formatMoney(line.amount, line.currency)}`
                          : d.lineId}
                        : “{d.reason}” <span className="small muted">raised {formatDateTime(d.raisedAt)}</span>
                      </p>
                      {d.answerNote && (
                        <p className="small">
                          Answer: “{d.answerNote}”
                          {d.answeredAt && <span className="muted"> on {formatDateTime(d.answeredAt)}</span>}
                        </p>
                      )}
                      {d.status === 'open' && mayAnswer && <AnswerDispute dispute={d} />}
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
