import { Link } from '@tanstack/react-router';
import { EmptyState } from '../../components/states.tsx';
import { num } from './common.tsx';
import type { JourneyConformanceReport } from './types.ts';

type Deviation = JourneyConformanceReport['deviations'][number];

const kindText: Record<Deviation['kind'], string> = {
  skipped: 'Skipped',
  out_of_order: 'Out of order',
  repeated: 'Repeated',
};

function labelsOf(r: JourneyConformanceReport) {
  const label = new Map([...r.design.steps, ...r.design.outcomes].map((s) => [s.id, s.label]));
  return (id: string) => label.get(id) ?? id;
}

/** What a deviation says, in words: "SQL accepted skipped", "MQL after Open". */
function deviationText(d: Pick<Deviation, 'kind' | 'step' | 'after'>, name: (id: string) => string): string {
  if (d.kind === 'out_of_order') return `${name(d.step)} after ${name(d.after ?? '')}`;
  return `${name(d.step)} ${d.kind === 'skipped' ? 'skipped' : 'repeated'}`;
}

function GroupTable({ title, rows }: { title: string; rows: JourneyConformanceReport['byOwner'] }) {
  if (rows.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="records" data-testid={`journey-conformance-${title.toLowerCase()}`}>
        <caption>{title}, least fitting first</caption>
        <thead>
          <tr>
            <th scope="col">{title}</th>
            {['Journeys', 'Deviating', 'Skipped', 'Out of order', 'Repeats', 'Mean fitness'].map((h) => (
              <th key={h} className="num" scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((g) => (
            <tr key={g.id ?? 'none'}>
              <th scope="row">{g.name ?? '(none)'}</th>
              {[g.journeys, g.deviatingJourneys, g.skips, g.outOfOrder, g.repeats, num(g.meanFitness, 3)].map(
                (c, i) => (
                  <td key={i} className="num">
                    {c}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Conformance of the joint marketing and sales journeys: the design, the deviations and the deviating journeys. */
export function JourneyConformance({ r }: { r: JourneyConformanceReport }) {
  const name = labelsOf(r);
  const o = r.overall;
  return (
    <>
      <h2>Conformance of the marketing and sales journey · {r.pipeline.name}</h2>
      <p className="stats" data-testid="journey-conformance-design">
        Designed: {r.design.steps.map((s) => s.label).join(' → ')} → {r.design.outcomes.map((s) => s.label).join(' | ')}
      </p>
      <p className="stats" data-testid="journey-conformance-overall">
        {o.deviatingJourneys} of {o.journeys} journeys deviate from the designed journey · {o.skips} skipped steps,{' '}
        {o.outOfOrder} out of order, {o.repeats} repeats · mean fitness {num(o.meanFitness, 3)}
      </p>
      {r.deviations.length > 0 && (
        <div className="table-wrap">
          <table className="records" data-testid="journey-conformance-deviations">
            <caption>Deviations, most journeys first</caption>
            <thead>
              <tr>
                <th scope="col">Deviation</th>
                <th scope="col">Step</th>
                <th scope="col">After</th>
                <th className="num" scope="col">
                  Journeys
                </th>
                <th className="num" scope="col">
                  Times
                </th>
              </tr>
            </thead>
            <tbody>
              {r.deviations.map((d) => (
                <tr key={`${d.kind}|${d.step}|${d.after ?? ''}`}>
                  <td>{kindText[d.kind]}</td>
                  <td>{name(d.step)}</td>
                  <td>{d.after === null ? '' : name(d.after)}</td>
                  <td className="num">{d.journeys}</td>
                  <td className="num">{d.occurrences}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <GroupTable title="Owner" rows={r.byOwner} />
      <GroupTable title="Team" rows={r.byTeam} />
      <h3>Deviating journeys, least fitting first</h3>
      {r.journeys.length === 0 ? (
        <EmptyState title="Every journey here follows the designed journey" />
      ) : (
        <div className="table-wrap">
          <table className="records" data-testid="journey-conformance-journeys">
            <thead>
              <tr>
                <th scope="col">Lead</th>
                <th scope="col">Deal</th>
                <th scope="col">Path taken</th>
                <th scope="col">Deviations</th>
                <th className="num" scope="col">
                  Fitness
                </th>
              </tr>
            </thead>
            <tbody>
              {r.journeys.map((j) => (
                <tr key={j.leadId}>
                  <td>
                    <Link to="/leads/$leadId" params={{ leadId: j.leadId }}>
                      {j.name}
                    </Link>
                  </td>
                  <td>
                    {j.dealId !== null && (
                      <Link to="/deals/$dealId" params={{ dealId: j.dealId }}>
                        {j.dealName ?? j.dealId}
                      </Link>
                    )}
                  </td>
                  <td className="wrap">{j.trace.map(name).join(' → ')}</td>
                  <td className="wrap">{j.deviations.map((d) => deviationText(d, name)).join('; ')}</td>
                  <td className="num">{num(j.fitness, 3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
