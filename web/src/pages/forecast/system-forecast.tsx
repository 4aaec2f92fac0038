import { useQuery } from '@tanstack/react-query';
import { canSubmitForecast } from '../../../../src/contract/access.ts';
import { fiscalPeriod } from '../../../../src/contract/fiscal.ts';
import { api } from '../../api.ts';
import { ErrorState, Loading } from '../../components/states.tsx';
import { lastDayBefore } from '../../fiscal.ts';
import { formatDate, formatMoney, formatNumber } from '../../format.ts';
import { useActor } from '../../permissions.ts';
import { sumMoney } from '../../../../src/contract/money.ts';
import { organizationQuery } from '../../queries.ts';
import { draftQuery } from './my-forecast.tsx';

/**
 * The days still to simulate of a fiscal quarter: from today (or the quarter's first day when it
 * has not begun) to its last day; `open` is false once the quarter has ended.
 */
function useSimulationWindow(period: string, today: string) {
  const org = useQuery(organizationQuery);
  const days = org.data ? fiscalPeriod(period, org.data.fiscalYearStartMonth) : null;
  return {
    open: days !== null && today < days.endsOn,
    from: days && today > days.startsOn ? today : days?.startsOn,
    to: days ? lastDayBefore(days.endsOn) : undefined,
  };
}

/**
 * One member's system forecast in the manager's roll-up, beside their own figures: what they won
 * so far plus the Monte Carlo simulation of their open deals for the rest of the quarter, on the
 * chain of every owner's moves the manager reads (a rep's own history is often too short to
 * estimate a chain), and the stage-weighted figure. A closed quarter shows the stage-weighted
 * figure only; accuracy compares the submissions with the outcome.
 */
export function MemberSystemForecast({ period, today, userId }: { period: string; today: string; userId: string }) {
  const { open, from, to } = useSimulationWindow(period, today);
  const draft = useQuery({
    queryKey: ['forecasts', period, 'draft', userId],
    queryFn: () => api.get('/forecasts/draft', { params: { query: { period, userId } } }),
  });
  const sim = useQuery({
    queryKey: ['forecasts', period, 'monte-carlo', from, to, userId],
    queryFn: () =>
      api.get('/analytics/monte-carlo', {
        params: { query: { from, to, ownerId: [userId], chainFrom: 'all_owners' } },
      }),
    enabled: open && from !== undefined,
  });
  if (draft.isError || sim.isError) return <span className="muted">not available</span>;
  if (!draft.data || (open && !sim.data)) return <span className="muted">simulating…</span>;
  const cur = draft.data.currency;
  const plusWon = (x: string) => formatMoney(sumMoney([draft.data.won, x]), cur);
  return (
    <span data-testid="member-system-forecast">
      {sim.data && sim.data.currency === cur && (
        <>
          <strong>{plusWon(sim.data.p50)}</strong>{' '}
          <span className="small muted">
            (P10 {plusWon(sim.data.p10)} – P90 {plusWon(sim.data.p90)})
          </span>
          <br />
        </>
      )}
      <span className="small">stage-weighted {formatMoney(draft.data.system.expected, cur)}</span>
    </span>
  );
}

/**
 * The system's own forecast of the quarter beside the people's: the stage-weighted figure of the
 * user's deals, and the Monte Carlo simulation (on the Markov chain of stage moves) of the revenue
 * still to be won in the quarter's remaining days, over the deals the user reads.
 */
export function SystemForecastCard({ period, today }: { period: string; today: string }) {
  const actor = useActor();
  const { open, from, to } = useSimulationWindow(period, today);
  const mine = actor !== null && canSubmitForecast(actor);
  const draft = useQuery({ ...draftQuery(period), enabled: mine });
  const sim = useQuery({
    queryKey: ['forecasts', period, 'monte-carlo', from, to],
    queryFn: () => api.get('/analytics/monte-carlo', { params: { query: { from, to } } }),
    enabled: open && from !== undefined,
  });
  return (
    <section className="card" aria-labelledby="system-title" data-testid="system-forecast">
      <h2 id="system-title">System forecast</h2>
      {mine && draft.data && (
        <p>
          Stage-weighted, your deals (won so far plus each open deal × its stage's win probability):{' '}
          <strong data-testid="system-expected">{formatMoney(draft.data.system.expected, draft.data.currency)}</strong>
        </p>
      )}
      {!open && (
        <p className="muted">The quarter has closed: accuracy below compares the submissions with the outcome.</p>
      )}
      {open && sim.isPending && <Loading>Simulating…</Loading>}
      {open && sim.isError && <ErrorState error={sim.error} what="the simulation" onRetry={() => void sim.refetch()} />}
      {open && sim.data && (
        <>
          <p data-testid="monte-carlo-figures">
            Monte Carlo, still to be won by {formatDate(to)}: P10{' '}
            <strong>{formatMoney(sim.data.p10, sim.data.currency)}</strong> · P50{' '}
            <strong>{formatMoney(sim.data.p50, sim.data.currency)}</strong> · P90{' '}
            <strong>{formatMoney(sim.data.p90, sim.data.currency)}</strong>
          </p>
          <p className="small muted">
            {formatNumber(sim.data.runs)} runs over {sim.data.simulatedDeals} open{' '}
            {sim.data.simulatedDeals === 1 ? 'deal' : 'deals'} of the {sim.data.pipeline.name} pipeline you read, on the
            chain of their stage moves
            {sim.data.skippedDeals > 0 &&
              ` (${sim.data.skippedDeals} in stages the chain cannot estimate yet left out)`}
            .
          </p>
        </>
      )}
    </section>
  );
}
