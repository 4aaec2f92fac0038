import { useMemo, useState } from 'react';
import { EChart } from '../../components/echart.tsx';
import {
  callingFunnelOption,
  callingStepLabels,
  minutesLabel,
  scriptExperimentOption,
  speedToLeadBucketsOption,
  speedToLeadEcdfOption,
} from './calling-charts.ts';
import { AnalysisView, NumbersTable, num, pct, useAnalysis, type FilterValues } from './common.tsx';

const groupings = { rep: 'Rep', team: 'Team', script: 'Script version', period: 'Month' } as const;
type Grouping = keyof typeof groupings;
const interval = (i: { low: number; high: number } | null) => (i === null ? '–' : `${pct(i.low)} – ${pct(i.high)}`);

const minutes = (m: number | null) => (m === null ? '–' : minutesLabel(m));

/**
 * Speed to lead: how soon the leads that came in during the range were first called, per rep or
 * team, against the hand-off SLA target: the ECDF, the buckets and each group's median and P90.
 */
function SpeedToLead({ filters }: { filters: FilterValues }) {
  const [per, setPer] = useState<'rep' | 'team'>('rep');
  const q = useAnalysis('/analytics/speed-to-lead', filters);
  const groups = q.data ? (per === 'rep' ? q.data.byRep : q.data.byTeam) : [];
  const unnamed = per === 'rep' ? '(unassigned)' : '(no team)';
  const ecdf = useMemo(
    () => (q.data ? speedToLeadEcdfOption(groups, q.data.slaMinutes, unnamed) : {}),
    [q.data, groups, unnamed],
  );
  const buckets = useMemo(
    () => (q.data ? speedToLeadBucketsOption(q.data.buckets, groups, unnamed) : {}),
    [q.data, groups, unnamed],
  );
  return (
    <AnalysisView
      q={q}
      what="speed to lead"
      isEmpty={(r) => r.total.leads === 0}
      empty="No leads came in during this range"
    >
      {(r) => (
        <section data-testid="speed-to-lead">
          <h2>Speed to lead</h2>
          <p className="small muted">
            Time from a lead’s creation to its first outbound call, for the {r.total.leads} leads that came in during
            the range. The dashed line is the SLA target of {minutesLabel(r.slaMinutes)} (
            {r.slaSource === 'policy' ? 'the hand-off SLA for business hours' : 'as asked'}):{' '}
            {pct(r.total.withinSlaShare)} of the leads were called within it; {r.total.neverCalled} were never called,
            so each curve ends below 100 %.
          </p>
          <label className="inline">
            Per{' '}
            <select value={per} onChange={(e) => setPer(e.target.value as 'rep' | 'team')}>
              <option value="rep">Rep</option>
              <option value="team">Team</option>
            </select>
          </label>
          <EChart
            testId="speed-to-lead-ecdf"
            option={ecdf}
            label={`Share of leads first called within a time, per ${per}: ${groups
              .map(
                (g) =>
                  `${g.name ?? g.id ?? unnamed} median ${minutes(g.medianMinutes)}, ${pct(g.withinSlaShare)} within the SLA`,
              )
              .join('; ')}`}
          />
          <EChart
            option={buckets}
            height={260}
            label={`Leads per time to first call, per ${per}: ${groups
              .map(
                (g) =>
                  `${g.name ?? g.id ?? unnamed} ${r.buckets.map((b, i) => `${b} ${g.buckets[i] ?? 0}`).join(', ')}, never called ${g.neverCalled}`,
              )
              .join('; ')}`}
          />
          <NumbersTable
            open
            caption={`Speed to lead per ${per}`}
            head={[
              per === 'rep' ? 'Rep' : 'Team',
              'Leads',
              'Called',
              'Never called',
              'Median',
              'P90',
              `Within ${minutesLabel(r.slaMinutes)}`,
            ]}
            rows={[...groups, { ...r.total, id: null, name: 'All' }].map((g) => [
              g.name ?? g.id ?? unnamed,
              g.leads,
              g.called,
              g.neverCalled,
              minutes(g.medianMinutes),
              minutes(g.p90Minutes),
              pct(g.withinSlaShare),
            ])}
            testId="speed-to-lead-table"
          />
          <NumbersTable
            caption="Called leads per time to first call"
            head={[per === 'rep' ? 'Rep' : 'Team', ...r.buckets, 'Never called']}
            rows={[...groups, { ...r.total, id: null, name: 'All' }].map((g) => [
              g.name ?? g.id ?? unnamed,
              ...g.buckets,
              g.neverCalled,
            ])}
          />
        </section>
      )}
    </AnalysisView>
  );
}

/** 15. The outbound calling process: speed to lead, the calling funnel, the script experiment and the objections. */
export function CallingTab({ filters }: { filters: FilterValues }) {
  const [groupBy, setGroupBy] = useState<Grouping>('rep');
  const funnel = useAnalysis('/analytics/calling-funnel', filters, { groupBy });
  const experiment = useAnalysis('/analytics/script-experiment', filters);
  const objections = useAnalysis('/analytics/objections', filters);
  const funnelChart = useMemo(() => (funnel.data ? callingFunnelOption(funnel.data) : {}), [funnel.data]);
  const experimentChart = useMemo(
    () => (experiment.data ? scriptExperimentOption(experiment.data) : {}),
    [experiment.data],
  );
  return (
    <>
      <SpeedToLead filters={filters} />
      <AnalysisView
        q={funnel}
        what="calling funnel"
        isEmpty={(r) => r.total.dials === 0}
        empty="No outbound calls to leads in this range: widen the dates"
      >
        {(r) => (
          <section data-testid="calling-funnel">
            <h2>Calling funnel</h2>
            <p className="small muted">
              Leads called in the range; a conversation is a connected call of at least {r.conversationSeconds} s (or
              one with an objection or a booking). {r.total.dials} dials.
            </p>
            <EChart
              option={funnelChart}
              label={`Calling funnel: ${r.total.steps.map((s) => `${callingStepLabels[s.step]} ${s.reached}`).join(', ')}`}
            />
            <NumbersTable
              caption="Leads reaching each step"
              head={['Step', 'Leads', 'Observed', 'From previous', 'Median hours from previous']}
              rows={r.total.steps.map((s) => [
                callingStepLabels[s.step],
                s.reached,
                s.observed,
                pct(s.conversion),
                num(s.medianHoursFromPrevious),
              ])}
            />
            <label>
              Per{' '}
              <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as Grouping)}>
                {Object.entries(groupings).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
            </label>
            <NumbersTable
              open
              caption={`Leads reaching each step per ${groupings[groupBy].toLowerCase()}`}
              head={[groupings[groupBy], 'Dials', ...r.total.steps.map((s) => callingStepLabels[s.step])]}
              rows={r.groups.map((g) => [g.name ?? g.key ?? '(none)', g.dials, ...g.steps.map((s) => s.reached)])}
              testId="calling-groups"
            />
          </section>
        )}
      </AnalysisView>
      <AnalysisView
        q={experiment}
        what="script experiment"
        isEmpty={(r) => r.arms.length === 0}
        empty="No connected calls with a recorded pitch-script version in this range"
      >
        {(r) => (
          <section data-testid="script-experiment">
            <h2>Pitch-script experiment</h2>
            <p className="small muted">
              Meetings booked per connected call per script version; {r.test} against the control. To detect +
              {num(r.minimumDetectableEffect * 100)} points at 80 % power and 5 % alpha, each version needs{' '}
              {r.requiredPerArm ?? '–'} connected calls.{' '}
              {r.winner === null
                ? 'No version is significantly better than the control yet.'
                : `Better than the control: ${r.arms.find((a) => a.arm === r.winner)?.name ?? r.winner}.`}
            </p>
            <EChart
              option={experimentChart}
              label={`Set rate per script version: ${r.arms.map((a) => `${a.name} ${pct(a.rate)}`).join(', ')}`}
            />
            <NumbersTable
              open
              caption="Script versions"
              head={['Version', 'Connected calls', 'Booked', 'Set rate', '95 % interval', 'z', 'p', 'Still needed']}
              rows={r.arms.map((a) => [
                `${a.name}${a.control ? ' (control)' : ''}`,
                a.calls,
                a.conversions,
                pct(a.rate),
                interval(a.interval),
                num(a.z, 2),
                num(a.pValue, 4),
                a.stillNeeded ?? '–',
              ])}
              testId="script-arms"
            />
          </section>
        )}
      </AnalysisView>
      <AnalysisView
        q={objections}
        what="objection analytics"
        isEmpty={(r) => r.total === 0}
        empty="No objections raised in this range"
      >
        {(r) => (
          <section data-testid="objections">
            <h2>Objections</h2>
            <NumbersTable
              open
              caption="Resolution rate per category"
              head={['Category', 'Raised', 'Resolved', 'Rate', '95 % interval']}
              rows={r.byCategory.map((c) => [c.category, c.raised, c.resolved, pct(c.rate), interval(c.interval)])}
            />
            <NumbersTable
              caption="Progress after each response (meeting booked or stage advanced afterwards)"
              head={['Category', 'Response', 'Used', 'Progressed', 'Rate', '95 % interval']}
              rows={r.responses.map((x) => [
                x.category,
                x.response ?? '(none recorded)',
                x.used,
                x.progressed,
                pct(x.rate),
                interval(x.interval),
              ])}
            />
            <NumbersTable
              caption="Frequency by category, stage and product"
              head={['Category', 'Stage', 'Product', 'Raised']}
              rows={r.frequency.map((c) => [
                c.category,
                c.stageName ?? '(no deal)',
                c.productName ?? '(none)',
                c.raised,
              ])}
            />
          </section>
        )}
      </AnalysisView>
    </>
  );
}
