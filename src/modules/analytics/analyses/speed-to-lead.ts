import { z } from 'zod';
import { speedToLeadBuckets, speedToLeadDistribution } from '../../../analytics/call-queue.ts';
import { policyFor } from '../../handoffs/sla-policy.service.ts';
import type { AnalysisDefinition } from '../analysis.ts';
import { orgSettings } from '../attribution.repository.ts';
import { num, pct, textTable } from '../render.ts';
import { speedToLeadFacts, type SpeedToLeadDbRow } from '../speed-to-lead.repository.ts';

const params = z.object({
  /** The SLA target in minutes; without it, the organization's hand-off SLA for business hours. */
  slaMinutes: z.coerce.number().int().min(1).max(43_200).optional(),
});
export type SpeedToLeadParams = z.infer<typeof params>;

const distribution = z.object({
  leads: z.number().int(),
  called: z.number().int(),
  neverCalled: z.number().int(),
  /** Called leads per bucket, in the order of `buckets` of the result. */
  buckets: z.array(z.number().int()),
  medianMinutes: z.number().nullable(),
  p90Minutes: z.number().nullable(),
  /** Leads first called at most slaMinutes after they were created. */
  withinSla: z.number().int(),
  /** withinSla ÷ leads (a lead never called misses the target); null without leads. */
  withinSlaShare: z.number().nullable(),
  /** Share of the leads first called within `minutes`, one point per distinct value. */
  ecdf: z.array(z.object({ minutes: z.number(), share: z.number() })),
});
const group = distribution.extend({ id: z.string().nullable(), name: z.string().nullable() });
const result = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  slaMinutes: z.number().int(),
  /** Where the target came from: the `slaMinutes` parameter or the organization's SLA policy. */
  slaSource: z.enum(['parameter', 'policy']),
  buckets: z.array(z.string()),
  total: distribution,
  byRep: z.array(group),
  byTeam: z.array(group),
});
export type SpeedToLeadReport = z.infer<typeof result>;

/** The distribution of each owner (or team) the leads have, sorted by name, the unassigned last. */
function grouped(
  rows: readonly SpeedToLeadDbRow[],
  key: (r: SpeedToLeadDbRow) => [string | null, string | null],
  slaMinutes: number,
) {
  const groups = new Map<string | null, { name: string | null; rows: SpeedToLeadDbRow[] }>();
  for (const r of rows) {
    const [id, name] = key(r);
    const g = groups.get(id) ?? { name, rows: [] };
    g.rows.push(r);
    groups.set(id, g);
  }
  return [...groups.entries()]
    .sort(([a, ga], [b, gb]) =>
      a === null ? 1 : b === null ? -1 : (ga.name ?? '').localeCompare(gb.name ?? '') || a.localeCompare(b),
    )
    .map(([id, g]) => ({ id, name: g.name, ...measure(g.rows, slaMinutes) }));
}

function measure(rows: readonly SpeedToLeadDbRow[], slaMinutes: number) {
  return speedToLeadDistribution(
    rows.map((r) => ({ createdAt: r.created_at, firstCallAt: r.first_call_at })),
    slaMinutes,
  );
}

export const speedToLeadAnalysis: AnalysisDefinition<SpeedToLeadParams, SpeedToLeadReport> = {
  name: 'speed-to-lead',
  summary:
    'Minutes from a lead’s creation to its first outbound call, per rep and team: buckets, ECDF, median, p90, share first called within the SLA target and leads never called',
  params,
  result,
  run: async (deps, actor, filters, p) => {
    const { timezone } = await orgSettings(deps.db, actor.orgId);
    const slaMinutes = p.slaMinutes ?? (await policyFor(deps.db, actor.orgId, null)).policy.businessMinutes;
    const rows = await speedToLeadFacts(deps.db, actor, filters, timezone);
    return {
      from: filters.from ?? null,
      to: filters.to ?? null,
      slaMinutes,
      slaSource: p.slaMinutes === undefined ? 'policy' : 'parameter',
      buckets: speedToLeadBuckets.map((b) => b.label),
      total: measure(rows, slaMinutes),
      byRep: grouped(rows, (r) => [r.owner_id, r.owner_name], slaMinutes),
      byTeam: grouped(rows, (r) => [r.team_id, r.team_name], slaMinutes),
    };
  },
  render: (r) => {
    const table = (column: string, groups: SpeedToLeadReport['byRep'], unnamed: string) => [
      textTable(
        [column, 'Leads', 'Called', 'Never called', ...r.buckets, 'Median min', 'P90 min', `≤ ${r.slaMinutes} min`],
        [
          ...groups.map((g) => ({ ...g, label: g.name ?? g.id ?? unnamed })),
          { ...r.total, label: 'All', id: null, name: null },
        ].map((g) => [
          g.label,
          String(g.leads),
          String(g.called),
          String(g.neverCalled),
          ...g.buckets.map(String),
          num(g.medianMinutes),
          num(g.p90Minutes),
          pct(g.withinSlaShare),
        ]),
      ),
    ];
    const range = r.from || r.to ? `, ${r.from ?? '…'} to ${r.to ?? '…'}` : '';
    const source = r.slaSource === 'policy' ? 'the hand-off SLA for business hours' : 'as asked';
    return [
      `Speed to lead${range}; SLA target ${r.slaMinutes} min (${source})`,
      ...table('Rep', r.byRep, '(unassigned)'),
      '',
      ...table('Team', r.byTeam, '(no team)'),
    ].join('\n');
  },
};
