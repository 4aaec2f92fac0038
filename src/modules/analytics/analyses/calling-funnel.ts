import { z } from 'zod';
import { callingFunnel, callingSteps } from '../../../analytics/calling-funnel.ts';
import type { AnalysisDefinition } from '../analysis.ts';
import { resolvePipeline } from '../analytics.repository.ts';
import { leadCalls, leadOutcomes } from '../calls.repository.ts';
import { num, pct, textTable } from '../render.ts';

const params = z.object({
  /** Funnels per caller (`rep`), per caller's team, per pitch-script version or per month of the first call. */
  groupBy: z.enum(['rep', 'team', 'script', 'period']).default('rep'),
  /** A connected call of at least this many seconds is a conversation (also shorter ones with an objection or a booking). */
  conversationSeconds: z.coerce.number().int().min(0).max(3600).default(60),
});
export type CallingFunnelParams = z.infer<typeof params>;

const step = z.object({
  step: z.enum(callingSteps),
  reached: z.number().int(),
  observed: z.number().int(),
  conversion: z.number().nullable(),
  medianHoursFromPrevious: z.number().nullable(),
});
const group = z.object({
  key: z.string().nullable(),
  name: z.string().nullable(),
  dials: z.number().int(),
  steps: z.array(step),
});
const result = z.object({
  groupBy: z.enum(['rep', 'team', 'script', 'period']),
  conversationSeconds: z.number().int(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  total: group.omit({ key: true, name: true }),
  groups: z.array(group),
});
export type CallingFunnelReport = z.infer<typeof result>;

const stepLabel: Record<(typeof callingSteps)[number], string> = {
  dial: 'Dialled',
  connect: 'Connected',
  conversation: 'Conversation',
  objection: 'Objection handled',
  meeting: 'Meeting booked',
  opportunity: 'Opportunity',
  won: 'Won',
};

export const callingFunnelAnalysis: AnalysisDefinition<CallingFunnelParams, CallingFunnelReport> = {
  name: 'calling-funnel',
  summary:
    'Outbound calling funnel over leads called: dials → connects → conversations → objections → meetings booked → opportunities → won, per rep, team, script version or month, with median hours between steps',
  params,
  result,
  run: async (deps, actor, filters, p) => {
    const { timezone } = await resolvePipeline(deps.db, actor.orgId, filters.pipelineId);
    const rows = await leadCalls(deps.db, actor, filters, timezone);
    const outcomes = await leadOutcomes(deps.db, actor.orgId, [...new Set(rows.map((r) => r.lead_id))]);
    const script = (id: string | null, v: number | null) => (id === null || v === null ? null : `${id}@${v}`);
    const names = new Map<string | null, string | null>(
      rows.flatMap((r): [string | null, string | null][] => [
        [r.caller_id, r.caller_name],
        [r.team_id, r.team_name],
        [
          script(r.script_id, r.script_version),
          r.script_name === null ? null : `${r.script_name} v${r.script_version}`,
        ],
      ]),
    );
    const funnel = callingFunnel(
      rows.map((r) => ({
        prospectId: r.lead_id,
        callerId: r.caller_id,
        teamId: r.team_id,
        script: script(r.script_id, r.script_version),
        at: r.occurred_at,
        disposition: r.disposition,
        durationSeconds: r.duration_seconds,
        objections: r.objections,
      })),
      outcomes.map((o) => ({
        prospectId: o.lead_id,
        meetingBookedAt: o.meeting_booked_at,
        opportunityAt: o.opportunity_at,
        wonAt: o.won_at,
      })),
      p.groupBy,
      p.conversationSeconds,
    );
    return {
      groupBy: p.groupBy,
      conversationSeconds: p.conversationSeconds,
      from: filters.from ?? null,
      to: filters.to ?? null,
      total: funnel.total,
      groups: funnel.groups.map((g) => ({
        ...g,
        name: p.groupBy === 'period' ? g.key : (names.get(g.key) ?? null),
      })),
    };
  },
  render: (r) => {
    const table = (title: string, g: CallingFunnelReport['total']) => [
      `${title} (${g.dials} dials)`,
      textTable(
        ['Step', 'Leads', 'Observed', 'From previous', 'Median h from previous'],
        g.steps.map((s) => [
          stepLabel[s.step],
          String(s.reached),
          String(s.observed),
          pct(s.conversion),
          num(s.medianHoursFromPrevious),
        ]),
      ),
    ];
    const range = r.from || r.to ? `, ${r.from ?? '…'} to ${r.to ?? '…'}` : '';
    return [
      ...table(`Calling funnel${range}; conversation ≥ ${r.conversationSeconds} s`, r.total),
      ...r.groups.flatMap((g) => ['', ...table(`${r.groupBy}: ${g.name ?? g.key ?? '(none)'}`, g)]),
    ].join('\n');
  },
};
