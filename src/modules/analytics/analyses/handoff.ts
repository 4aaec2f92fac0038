import { z } from 'zod';
import { handoffBy, type HandoffRow } from '../../../analytics/handoff.ts';
import { scopeFor } from '../../../contract/access.ts';
import type { AnalysisDefinition } from '../analysis.ts';
import { handoffLeads } from '../handoff.repository.ts';
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
});
const handoffResult = z.object({ byOwner: z.array(row), byTeam: z.array(row) });
export type HandoffReport = z.infer<typeof handoffResult>;

const handoffParams = z.object({});

const named = (rows: HandoffRow[], names: Map<string | null, string | null>) =>
  rows.map(({ key, ...r }) => ({ id: key, name: names.get(key) ?? null, ...r }));

const pct = (x: number | null) => (x === null ? '' : `${(x * 100).toFixed(1)}%`);
const minutes = (x: number | null) => (x === null ? '' : x.toFixed(1));

export const handoffAnalysis: AnalysisDefinition<Record<string, never>, HandoffReport> = {
  name: 'mql-handoff',
  summary:
    'MQL → SQL hand-off per lead owner and per team: MQLs, SQLs, conversion, and minutes from MQL to the first sales touch (median, 90th percentile)',
  params: handoffParams,
  result: handoffResult,
  run: async (deps, actor) => {
    const rows = await handoffLeads(deps.db, actor.orgId, scopeFor(actor, 'lead', 'read'));
    const leads = rows.map((r) => ({
      ownerId: r.owner_id,
      teamId: r.team_id,
      mqlAt: r.mql_at,
      sqlAt: r.sql_at,
      firstTouchAt: r.first_touch_at,
    }));
    const owners = new Map<string | null, string | null>(rows.map((r) => [r.owner_id, r.owner_name]));
    const teams = new Map<string | null, string | null>(rows.map((r) => [r.team_id, r.team_name]));
    return { byOwner: named(handoffBy(leads, 'owner'), owners), byTeam: named(handoffBy(leads, 'team'), teams) };
  },
  render: (r) => {
    const table = (title: string, rows: HandoffReport['byOwner']) => [
      title,
      textTable(
        ['Name', 'MQL', 'SQL', 'Conversion', 'Touched', 'Median min to touch', 'P90 min to touch'],
        rows.map((x) => [
          x.name ?? '(none)',
          String(x.mqls),
          String(x.sqls),
          pct(x.conversionRate),
          String(x.touched),
          minutes(x.medianMinutesToTouch),
          minutes(x.p90MinutesToTouch),
        ]),
      ),
    ];
    return [...table('MQL → SQL by lead owner', r.byOwner), '', ...table('MQL → SQL by team', r.byTeam)].join('\n');
  },
};
