import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { canRollUpForecast, canSubmitForecast } from '../../../../src/contract/access.ts';
import { ErrorState, Loading } from '../../components/states.tsx';
import { currentFiscalQuarter, dayIn, fiscalQuarterChoices } from '../../fiscal.ts';
import { useActor } from '../../permissions.ts';
import { organizationQuery } from '../../queries.ts';
import { AccuracyCard } from './accuracy.tsx';
import { AttainmentCard } from './attainment.tsx';
import { MyForecastCard } from './my-forecast.tsx';
import { SubmissionHistory } from './history.tsx';
import { SystemForecastCard } from './system-forecast.tsx';
import { TeamRollUpCard } from './team-rollup.tsx';

/**
 * Forecasts of a fiscal quarter: the rep's submission (pre-filled from their deals' forecast
 * categories), the manager's roll-up with overrides, the system's own forecast beside them, quota
 * vs forecast vs actual with attainment and pacing, and accuracy once the quarter has closed.
 * Each role sees the parts its rules allow (src/contract/access.ts).
 */
export function ForecastPage() {
  const search = useSearch({ from: '/forecast' });
  const navigate = useNavigate({ from: '/forecast' });
  const actor = useActor();
  const org = useQuery(organizationQuery);
  if (org.isPending || !actor) return <Loading>Loading forecasts…</Loading>;
  if (org.isError) return <ErrorState error={org.error} what="the organization" onRetry={() => void org.refetch()} />;
  const today = dayIn(org.data.timezone);
  const current = currentFiscalQuarter(today, org.data.fiscalYearStartMonth);
  const period = search.period ?? current;
  const choices = fiscalQuarterChoices(current, search.period);
  return (
    <section className="page forecast-page">
      <div className="card-head">
        <h1>Forecast</h1>
        <label className="inline">
          Fiscal quarter{' '}
          <select
            value={period}
            data-testid="forecast-period"
            onChange={(e) => void navigate({ search: { period: e.target.value } })}
          >
            {choices.map((k) => (
              <option key={k} value={k}>
                {k}
                {k === current ? ' (current)' : ''}
              </option>
            ))}
          </select>
        </label>
      </div>
      {/* The people's figures beside the system's; the wide tables below, full width. */}
      <div className="forecast-grid">
        {canSubmitForecast(actor) && <MyForecastCard period={period} />}
        <SystemForecastCard period={period} today={today} />
      </div>
      {canRollUpForecast(actor) && <TeamRollUpCard period={period} today={today} />}
      <AttainmentCard period={period} />
      <SubmissionHistory period={period} />
      <AccuracyCard period={period} />
    </section>
  );
}
