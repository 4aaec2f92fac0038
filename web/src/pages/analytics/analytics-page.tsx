import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { ErrorState, Loading } from '../../components/states.tsx';
import { analysesListQuery, type FilterKey, type FilterValues } from './common.tsx';
import { BottlenecksTab } from './bottlenecks.tsx';
import { CallingTab } from './calling.tsx';
import { ConformanceTab } from './conformance.tsx';
import { DurationsTab } from './durations.tsx';
import { AnalyticsFilters } from './filters.tsx';
import { ForecastTab } from './forecast.tsx';
import { FunnelTab } from './funnel.tsx';
import { MarkovTab } from './markov.tsx';
import { MonteCarloTab } from './monte-carlo.tsx';
import { ProcessMapTab } from './process-map.tsx';
import type { AnalyticsSearch } from './search.ts';
import { VelocityTab } from './velocity.tsx';
import { WaterfallTab } from './waterfall.tsx';

interface Tab {
  /** The analysis it needs (GET /analytics lists it once the server has it). */
  analysis: string;
  id: string;
  label: string;
  render: (f: FilterValues) => ReactNode;
}

const tabs: Tab[] = [
  { analysis: 'funnel', id: 'funnel', label: 'Funnel', render: (f) => <FunnelTab filters={f} /> },
  {
    analysis: 'stage-durations',
    id: 'durations',
    label: 'Stage durations',
    render: (f) => <DurationsTab filters={f} />,
  },
  { analysis: 'velocity', id: 'velocity', label: 'Velocity', render: (f) => <VelocityTab filters={f} /> },
  { analysis: 'forecast', id: 'forecast', label: 'Forecast', render: (f) => <ForecastTab filters={f} /> },
  { analysis: 'waterfall', id: 'waterfall', label: 'Waterfall', render: (f) => <WaterfallTab filters={f} /> },
  { analysis: 'process-map', id: 'process-map', label: 'Process map', render: (f) => <ProcessMapTab filters={f} /> },
  { analysis: 'conformance', id: 'conformance', label: 'Conformance', render: (f) => <ConformanceTab filters={f} /> },
  { analysis: 'bottlenecks', id: 'bottlenecks', label: 'Bottlenecks', render: (f) => <BottlenecksTab filters={f} /> },
  { analysis: 'markov', id: 'markov', label: 'What-if (Markov)', render: (f) => <MarkovTab filters={f} /> },
  { analysis: 'monte-carlo', id: 'monte-carlo', label: 'Monte Carlo', render: (f) => <MonteCarloTab filters={f} /> },
  { analysis: 'calling-funnel', id: 'calling', label: 'Calling', render: (f) => <CallingTab filters={f} /> },
];

export function AnalyticsPage() {
  const search = useSearch({ from: '/analytics' });
  const navigate = useNavigate({ from: '/analytics' });
  const list = useQuery(analysesListQuery);
  const { tab: tabId, ...filters } = search;

  const setFilter = (k: FilterKey, v: string | undefined) =>
    void navigate({ search: (prev: AnalyticsSearch) => ({ ...prev, [k]: v }) });
  const setTab = (id: string) => void navigate({ search: (prev: AnalyticsSearch) => ({ ...prev, tab: id }) });

  if (list.error) return <ErrorState error={list.error} what="analytics" onRetry={() => void list.refetch()} />;
  if (!list.data) return <Loading />;
  const available = new Set(list.data.map((a) => a.name));
  const shown = tabs.filter((t) => available.has(t.analysis));
  const active = shown.find((t) => t.id === tabId) ?? shown[0];

  return (
    <section className="analytics-page">
      <h1>Analytics</h1>
      <AnalyticsFilters key={filters.source ?? ''} values={filters} onChange={setFilter} />
      <div role="tablist" aria-label="Analyses" className="analytics-tabs">
        {shown.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={t.id === active?.id}
            aria-controls="analysis-panel"
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id="analysis-panel"
        aria-labelledby={active ? `tab-${active.id}` : undefined}
        className="card analysis-panel"
      >
        {active ? active.render(filters) : <p>No analyses are available on this server.</p>}
      </div>
    </section>
  );
}
