import { z } from 'zod';
import { handoffBy, slaBy, type HandoffRow, type SlaRow } from '../../../analytics/handoff.ts';
import { scopeFor } from '../../../contract/access.ts';
import type { AnalysisDefinition } from '../analysis.ts';
import { handoffLeads, slaHandoffs } from '../handoff.repository.ts';
import { textTable } from '../render.ts';

const row = z.object({
  id: z.string().nullable(),
  name: z.string().nullable(),
  mqls: z.number().int(),
  sqls: z.number().int(),
  conversionRate: z.number().nullable(),
  touched: z.number().int(),
  medianMinutesToTouch: z.number().nullable(),
  p90MinutesToTouch: z.number().nullable(),
  /** Hand-offs to this owner (or team) under the SLA policy. */
  handoffs: z.number().int(),
  /** Hand-offs first touched by their due time. */
  slaMet: z.number().int(),
  /** Hand-offs breached or first touched late. */
  slaMissed: z.number().int(),
  /** slaMet ÷ (slaMet + slaMissed); null while none has an outcome. */
  slaMetRate: z.number().nullable(),
});
const handoffResult = z.object({ byOwner: z.array(row), byTeam: z.array(row) });
export type HandoffReport = z.infer<typeof handoffResult>;

const handoffParams = z.object({});

const noLeads = {
  mqls: 0,
  sqls: 0,
  conversionRate: null,
  touched: 0,
  medianMinutesToTouch: null,
  p90MinutesToTouch: null,
};
const noSla = { handoffs: 0, met: 0, missed: 0, metRate: null };

/** The lifecycle figures and the SLA figures of each key either has, sorted by key (null last). */
function named(rows: HandoffRow[], sla: SlaRow[], names: Map<string | null, string | null>) {
  const keys = [...new Set([...rows.map((r) => r.key), ...sla.map((r) => r.key)])].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a.localeCompare(b),
  );
  return keys.map((key) => {
    const { key: _lk, ...lifecycle } = rows.find((r) => r.key === key) ?? { key, ...noLeads };
    const s = sla.find((r) => r.key === key) ?? { key, ...noSla };
    return {
      id: key,
      name: names.get(key) ?? null,
      ...lifecycle,
      handoffs: s.handoffs,
      slaMet: s.met,
      slaMissed: s.missed,
      slaMetRate: s.metRate,
    };
  });
}

const pct = (x: number | null) => (x === null ? '' : `${(x * 100).toFixed(1)}%`);
const minutes = (x: number | null) => (x === null ? '' : x.toFixed(1));

export const handoffAnalysis: AnalysisDefinition<Record<string, never>, HandoffReport> = {
  name: 'mql-handoff',
  summary:
    'MQL → SQL hand-off per lead owner and per team: MQLs, SQLs, conversion, and minutes from MQL to the first sales touch (median, 90th percentile)',
  params: handoffParams,
  result: handoffResult,
  run: async (deps, actor) => {
    const scope = scopeFor(actor, 'lead', 'read');
    const rows = await handoffLeads(deps.db, actor.orgId, scope);
    const slaRows = await slaHandoffs(deps.db, actor.orgId, scope);
    const handoffs = slaRows.map((r) => ({
      ownerId: r.owner_id,
      teamId: r.team_id,
      dueAt: r.due_at,
      firstTouchAt: r.first_touch_at,
      breachedAt: r.breached_at,
    }));
    const leads = rows.map((r) => ({
      ownerId: r.owner_id,
      teamId: r.team_id,
      mqlAt: r.mql_at,
      sqlAt: r.sql_at,
      firstTouchAt: r.first_touch_at,
    }));
    const owners = new Map<string | null, string | null>([
      ...slaRows.map((r): [string, string | null] => [r.owner_id, r.owner_name]),
      ...rows.map((r): [string | null, string | null] => [r.owner_id, r.owner_name]),
    ]);
    const teams = new Map<string | null, string | null>([
      ...slaRows.map((r): [string | null, string | null] => [r.team_id, r.team_name]),
      ...rows.map((r): [string | null, string | null] => [r.team_id, r.team_name]),
    ]);
    return {
      byOwner: named(handoffBy(leads, 'owner'), slaBy(handoffs, 'owner'), owners),
      byTeam: named(handoffBy(leads, 'team'), slaBy(handoffs, 'team'), teams),
    };
  },
  render: (r) => {
    const table = (title: string, rows: HandoffReport['byOwner']) => [
      title,
      textTable(
        [
          'Name',
          'MQL',
          'SQL',
          'Conversion',
          'Touched',
          'Median min to touch',
          'P90 min to touch',
          'Hand-offs',
          'SLA met',
        ],
        rows.map((x) => [
          x.name ?? '(none)',
          String(x.mqls),
          String(x.sqls),
          pct(x.conversionRate),
          String(x.touched),
          minutes(x.medianMinutesToTouch),
          minutes(x.p90MinutesToTouch),
          String(x.handoffs),
          pct(x.slaMetRate),
        ]),
      ),
    ];
    return [...table('MQL → SQL by lead owner', r.byOwner), '', ...table('MQL → SQL by team', r.byTeam)].join('\n');
  },
};
