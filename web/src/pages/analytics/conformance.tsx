import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { EmptyState, ErrorState, Loading } from '../../components/states.tsx';
import { pipelinesQuery } from '../../queries.ts';
import { AnalysisView, DealNameCell, num, useAnalysis, type FilterValues } from './common.tsx';
import { JourneyConformance } from './conformance-journey.tsx';
import type { ConformanceReport, ConformanceTotals } from './types.ts';

type GroupKey = 'ownerId' | 'teamId' | 'partnerId';
interface Drill {
  key: GroupKey;
  id: string | null;
  name: string;
}

const totalsCells = (t: ConformanceTotals) => [
  t.deals,
  t.deviatingDeals,
  t.skips,
  t.backwardMoves,
  t.repeats,
  num(t.meanFitness, 3),
];
const totalsHead = ['Deals', 'Deviating', 'Skips', 'Backward', 'Repeats', 'Mean fitness'];

function GroupTable({
  title,
  rows,
  groupKey,
  onDrill,
}: {
  title: string;
  rows: ConformanceReport['byOwner'];
  groupKey: GroupKey;
  onDrill: (d: Drill) => void;
}) {
  if (rows.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="records" data-testid={`conformance-${groupKey}`}>
        <caption>{title}, least fitting first</caption>
        <thead>
          <tr>
            <th scope="col">{title}</th>
            {totalsHead.map((h) => (
              <th key={h} className="num" scope="col">
                {h}
              </th>
            ))}
            <th scope="col">
              <span className="sr-only">Drill down</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((g) => (
            <tr key={g.id ?? 'none'}>
              <th scope="row">{g.name ?? '(none)'}</th>
              {totalsCells(g).map((c, i) => (
                <td key={i} className="num">
                  {c}
                </td>
              ))}
              <td>
                {g.id !== null && g.deviatingDeals > 0 && (
                  <button
                    type="button"
                    className="link"
                    onClick={() => onDrill({ key: groupKey, id: g.id, name: g.name ?? '(none)' })}
                  >
                    Deviating deals
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DealsTable({ deals, stageName }: { deals: ConformanceReport['deals']; stageName: (id: string) => string }) {
  if (deals.length === 0) return <EmptyState title="Every deal here follows the designed pipeline" />;
  return (
    <div className="table-wrap">
      <table className="records" data-testid="conformance-deals">
        <thead>
          <tr>
            <th scope="col">Deal</th>
            <th scope="col">Path taken</th>
            <th scope="col">Designed path</th>
            <th className="num" scope="col">
              Skips
            </th>
            <th className="num" scope="col">
              Backward
            </th>
            <th className="num" scope="col">
              Repeats
            </th>
            <th className="num" scope="col">
              Fitness
            </th>
          </tr>
        </thead>
        <tbody>
          {deals.map((d) => (
            <tr key={d.dealId}>
              <DealNameCell deal={d} />
              <td className="wrap">{d.trace.map(stageName).join(' → ')}</td>
              <td className="wrap">{d.modelPath.map(stageName).join(' → ')}</td>
              <td className="num">{d.skips}</td>
              <td className="num">{d.backwardMoves}</td>
              <td className="num">{d.repeats}</td>
              <td className="num">{num(d.fitness, 3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The deviating deals of one owner, team or partner: the same analysis with that filter. */
function DrillDown({
  filters,
  drill,
  stageName,
  onClose,
}: {
  filters: FilterValues;
  drill: Drill;
  stageName: (id: string) => string;
  onClose: () => void;
}) {
  const q = useAnalysis('/analytics/conformance', { ...filters, [drill.key]: drill.id ?? undefined });
  return (
    <section aria-label={`Deviating deals of ${drill.name}`}>
      <div className="card-head">
        <h3>Deviating deals of {drill.name}</h3>
        <button type="button" onClick={onClose}>
          Back to all deals
        </button>
      </div>
      {q.error ? (
        <ErrorState error={q.error} what="conformance" />
      ) : q.data?.scope === 'deals' ? (
        <DealsTable deals={q.data.deals} stageName={stageName} />
      ) : (
        <Loading />
      )}
    </section>
  );
}

type ConformanceView = 'deals' | 'journey';

/**
 * 7. Conformance to the designed stage order, per owner, team and partner, with the deviating
 * deals; or of the joint marketing and sales journeys to the designed journey.
 */
export function ConformanceTab({ filters }: { filters: FilterValues }) {
  const [view, setView] = useState<ConformanceView>('deals');
  const journey = view === 'journey';
  const q = useAnalysis('/analytics/conformance', filters, journey ? { scope: 'journey' } : {});
  const pipelines = useQuery(pipelinesQuery).data;
  const [drill, setDrill] = useState<Drill | null>(null);
  const names = new Map((pipelines ?? []).flatMap((p) => p.stages.map((s) => [s.id, s.name] as const)));
  const stageName = (id: string) => names.get(id) ?? id;
  return (
    <>
      <fieldset className="segmented">
        <legend className="sr-only">Conformance view</legend>
        {(
          [
            ['deals', 'Deals'],
            ['journey', 'Marketing and sales'],
          ] as const
        ).map(([v, text]) => (
          <label key={v} className="check">
            <input type="radio" name="conformance-view" checked={view === v} onChange={() => setView(v)} /> {text}
          </label>
        ))}
      </fieldset>
      <AnalysisView
        q={q}
        what="conformance"
        isEmpty={(r) => (r.scope === 'journey' ? r.overall.journeys === 0 : r.overall.deals === 0)}
        empty={
          journey
            ? 'No leads came in during this range: widen the dates'
            : 'No deals entered this pipeline in this range: widen the dates'
        }
      >
        {(r) =>
          r.scope === 'journey' ? (
            <JourneyConformance r={r} />
          ) : (
            <>
              <h2>Conformance · {r.pipeline.name}</h2>
              <p className="stats" data-testid="conformance-overall">
                {r.overall.deviatingDeals} of {r.overall.deals} deals deviate from the designed order ·{' '}
                {r.overall.skips} skips, {r.overall.backwardMoves} backward moves, {r.overall.repeats} repeats · mean
                fitness {num(r.overall.meanFitness, 3)}
              </p>
              {drill ? (
                <DrillDown filters={filters} drill={drill} stageName={stageName} onClose={() => setDrill(null)} />
              ) : (
                <>
                  <GroupTable title="Owner" rows={r.byOwner} groupKey="ownerId" onDrill={setDrill} />
                  <GroupTable title="Team" rows={r.byTeam} groupKey="teamId" onDrill={setDrill} />
                  <GroupTable title="Partner" rows={r.byPartner} groupKey="partnerId" onDrill={setDrill} />
                  <h3>Deviating deals, least fitting first</h3>
                  <DealsTable deals={r.deals} stageName={stageName} />
                </>
              )}
            </>
          )
        }
      </AnalysisView>
    </>
  );
}
