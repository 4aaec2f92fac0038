import { useState } from 'react';
import type { ApiData } from '../api.ts';
import { EChart, type ChartOption } from '../components/echart.tsx';
import { formatMoney } from '../format.ts';

type ChannelAnalytics = ApiData<'get', '/channel/analytics'>;
type Group = ChannelAnalytics['byPartner'][number];

const dimensions = {
  byPartner: 'Partner',
  byTier: 'Tier',
  byType: 'Partner type',
  byDistributor: 'Distributor',
} as const;
type Dimension = keyof typeof dimensions;

const percent = (n: number | null) => (n === null ? '—' : `${Math.round(n * 100)} %`);
const oneDecimal = (n: number | null) => (n === null ? '—' : n.toFixed(1));

/** Registered, approved and won registrations per group, side by side. */
function funnelOption(groups: readonly Group[]): ChartOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['Registered', 'Approved', 'Won'] },
    grid: { left: 50, right: 20, top: 36, bottom: 60 },
    xAxis: { type: 'category', data: groups.map((g) => g.key), axisLabel: { interval: 0, rotate: 20 } },
    yAxis: { type: 'value', name: 'Registrations', minInterval: 1 },
    series: [
      { name: 'Registered', type: 'bar', data: groups.map((g) => g.registered), itemStyle: { color: '#94a3b8' } },
      { name: 'Approved', type: 'bar', data: groups.map((g) => g.approved), itemStyle: { color: '#4f46e5' } },
      { name: 'Won', type: 'bar', data: groups.map((g) => g.won), itemStyle: { color: '#16a34a' } },
    ],
  };
}

/**
 * The channel's numbers broken down by partner, tier, partner type or the distributor a deal went
 * through (two-tier): the funnel as bars, every rate in the table, and channel beside direct.
 */
export function ChannelBreakdown({ analytics }: { analytics: ChannelAnalytics }) {
  const [dimension, setDimension] = useState<Dimension>('byPartner');
  const groups = analytics[dimension];
  const sides = [
    ['Partner', analytics.channelVsDirect.partner],
    ['Direct', analytics.channelVsDirect.direct],
  ] as const;
  return (
    <section className="card" aria-label="Channel breakdown">
      <h2>Channel breakdown</h2>
      <label>
        By{' '}
        <select
          aria-label="Break down by"
          value={dimension}
          onChange={(e) => setDimension(e.target.value as Dimension)}
        >
          {Object.entries(dimensions).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {groups.length === 0 ? (
        <p className="muted">No registrations yet.</p>
      ) : (
        <>
          <EChart
            option={funnelOption(groups)}
            label={`Registered, approved and won registrations by ${dimensions[dimension].toLowerCase()}`}
            height={260}
          />
          <div className="table-wrap">
            <table className="records" data-testid="channel-breakdown">
              <thead>
                <tr>
                  <th>{dimensions[dimension]}</th>
                  <th className="num">Registered</th>
                  <th className="num">Approved</th>
                  <th className="num">Rejected</th>
                  <th className="num">Expired</th>
                  <th className="num">Won</th>
                  <th className="num">Conflict rate</th>
                  <th className="num">Approval (business days)</th>
                  <th className="num">Win rate</th>
                  <th className="num">Cycle (days)</th>
                  <th className="num">Revenue won</th>
                </tr>
              </thead>
              <tbody>
                {groups.map((g) => (
                  <tr key={g.key} data-group={g.key}>
                    <td>{g.key}</td>
                    <td className="num">{g.registered}</td>
                    <td className="num">{g.approved}</td>
                    <td className="num">{g.rejected}</td>
                    <td className="num">{g.expired}</td>
                    <td className="num">{g.won}</td>
                    <td className="num">{percent(g.conflictRate)}</td>
                    <td className="num">{oneDecimal(g.meanApprovalBusinessDays)}</td>
                    <td className="num">{percent(g.winRate)}</td>
                    <td className="num">{oneDecimal(g.meanCycleDays)}</td>
                    <td className="num">{formatMoney(g.revenueWon)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <h3>Channel beside direct</h3>
      <div className="table-wrap">
        <table className="records" data-testid="channel-vs-direct">
          <thead>
            <tr>
              <th>Deals</th>
              <th className="num">Count</th>
              <th className="num">Won</th>
              <th className="num">Lost</th>
              <th className="num">Win rate</th>
              <th className="num">Cycle (days)</th>
              <th className="num">Revenue won</th>
            </tr>
          </thead>
          <tbody>
            {sides.map(([name, s]) => (
              <tr key={name}>
                <td>{name}</td>
                <td className="num">{s.deals}</td>
                <td className="num">{s.won}</td>
                <td className="num">{s.lost}</td>
                <td className="num">{percent(s.winRate)}</td>
                <td className="num">{oneDecimal(s.meanCycleDays)}</td>
                <td className="num">{formatMoney(s.revenueWon)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
