import { sql, type Selectable, type SqlBool } from 'kysely';
import type { Scope } from '../../contract/access.ts';
import { invalid } from '../../contract/errors.ts';
import type { CalibrationRow, ScoreFactor, ScoringSettings } from '../../contract/scoring.ts';
import type { DbExecutor } from '../../db/database.ts';
import { decodeCursor } from '../../db/list.ts';
import type { LeadScoresTable, ScoringModelsTable, ScoringSettingsTable } from '../../db/schema-scoring.ts';
import { scopeCondition } from '../../db/scope.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type SettingsRow = Selectable<ScoringSettingsTable>;
export type LeadScoreRow = Selectable<LeadScoresTable>;
export type ModelRow = Selectable<ScoringModelsTable>;

export async function getSettings(db: DbExecutor, orgId: string, lock = false): Promise<SettingsRow | undefined> {
  const q = db.selectFrom('scoring_settings').selectAll().where('org_id', '=', orgId);
  return (lock ? q.forNoKeyUpdate() : q).executeTakeFirst();
}

/** Writes the settings at the next version (the caller holds the row lock and checked If-Match). */
export async function saveSettings(
  db: DbExecutor,
  row: { org_id: string; settings: ScoringSettings; updated_by: string; updated_at: Date; version: number },
): Promise<SettingsRow> {
  const values = { ...row, settings: JSON.stringify(row.settings) };
  return db
    .insertInto('scoring_settings')
    .values(values)
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet({
        settings: values.settings,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
        version: row.version,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A lead as scoring reads it: the fields fit rules test, and where it stands. */
export interface ScoringLead {
  id: string;
  owner_id: string | null;
  industry: string | null;
  title: string | null;
  source: string | null;
  company: string | null;
  company_domain: string | null;
  email: string | null;
  status: string;
  lifecycle_stage: string;
  converted_at: Date | null;
  updated_at: Date;
}

const leadColumns = [
  'id',
  'owner_id',
  'industry',
  'title',
  'source',
  'company',
  'company_domain',
  'email',
  'status',
  'lifecycle_stage',
  'converted_at',
  'updated_at',
] as const;

export async function getScoringLead(db: DbExecutor, orgId: string, id: string): Promise<ScoringLead | undefined> {
  return db
    .selectFrom('leads')
    .select(leadColumns)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export interface TouchOfLead {
  lead_id: string;
  kind: string;
  touched_at: Date;
}

/** The touches of these leads, oldest first. */
export async function touchesOf(db: DbExecutor, orgId: string, leadIds: readonly string[]): Promise<TouchOfLead[]> {
  if (leadIds.length === 0) return [];
  const rows = await db
    .selectFrom('campaign_touches')
    .select(['lead_id', 'kind', 'touched_at'])
    .where('org_id', '=', orgId)
    .where(sql<SqlBool>`lead_id = any(${[...leadIds]}::uuid[])`)
    .orderBy('touched_at')
    .execute();
  return rows.flatMap((r) => (r.lead_id ? [{ lead_id: r.lead_id, kind: r.kind, touched_at: r.touched_at }] : []));
}

export async function getLeadScore(db: DbExecutor, orgId: string, leadId: string): Promise<LeadScoreRow | undefined> {
  return db
    .selectFrom('lead_scores')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('lead_id', '=', leadId)
    .executeTakeFirst();
}

/** A lead's scores as computed, before its factors are stored as JSON. */
export type NewLeadScore = Omit<LeadScoreRow, 'factors'> & { factors: ScoreFactor[] };

export async function saveLeadScore(db: DbExecutor, row: NewLeadScore): Promise<void> {
  const values = { ...row, factors: JSON.stringify(row.factors) };
  const { org_id: _o, lead_id: _l, ...update } = values;
  await db
    .insertInto('lead_scores')
    .values(values)
    .onConflict((oc) => oc.columns(['org_id', 'lead_id']).doUpdateSet(update))
    .execute();
}

/**
 * Moves a lead that reached the MQL threshold from subscriber or lead to MQL, raising its version;
 * a lead already further on, disqualified or converted is left as it is (undefined).
 */
export async function promoteToMql(
  db: DbExecutor,
  orgId: string,
  leadId: string,
  now: Date,
): Promise<{ lifecycle_stage: string; version: number; from: string } | undefined> {
  const row = await db
    .updateTable('leads as l')
    .from('leads as before')
    .set({ lifecycle_stage: 'mql', version: sql`l.version + 1`, updated_at: now })
    .whereRef('before.org_id', '=', 'l.org_id')
    .whereRef('before.id', '=', 'l.id')
    .where('l.org_id', '=', orgId)
    .where('l.id', '=', leadId)
    .where('l.deleted_at', 'is', null)
    .where('l.lifecycle_stage', 'in', ['subscriber', 'lead'])
    .where('l.status', 'not in', ['disqualified', 'converted'])
    .returning(['l.lifecycle_stage', 'l.version', 'before.lifecycle_stage as from'])
    .executeTakeFirst();
  return row;
}

export async function getModel(db: DbExecutor, orgId: string): Promise<ModelRow | undefined> {
  return db.selectFrom('scoring_models').selectAll().where('org_id', '=', orgId).executeTakeFirst();
}

export async function saveModel(
  db: DbExecutor,
  row: Omit<ModelRow, 'calibration' | 'coefficients'> & {
    calibration: CalibrationRow[];
    coefficients: { feature: string; weight: number }[];
  },
): Promise<void> {
  const values = {
    ...row,
    calibration: JSON.stringify(row.calibration),
    coefficients: JSON.stringify(row.coefficients),
  };
  const { org_id: _o, ...update } = values;
  await db
    .insertInto('scoring_models')
    .values(values)
    .onConflict((oc) => oc.column('org_id').doUpdateSet(update))
    .execute();
}

/**
 * Closed leads (converted, or disqualified) of the organization, most recent first, up to `limit`:
 * the history the conversion model learns from.
 */
export async function closedLeads(db: DbExecutor, orgId: string, limit: number): Promise<ScoringLead[]> {
  return db
    .selectFrom('leads')
    .select(leadColumns)
    .where('org_id', '=', orgId)
    .where('deleted_at', 'is', null)
    .where('status', 'in', ['converted', 'disqualified'])
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Open leads (not converted nor disqualified) after `afterId`, by id: a refit rescores them in pages. */
export async function openLeadsPage(
  db: DbExecutor,
  orgId: string,
  afterId: string | null,
  limit: number,
): Promise<ScoringLead[]> {
  let q = db
    .selectFrom('leads')
    .select(leadColumns)
    .where('org_id', '=', orgId)
    .where('deleted_at', 'is', null)
    .where('status', 'not in', ['converted', 'disqualified']);
  if (afterId) q = q.where('id', '>', afterId);
  return q.orderBy('id').limit(limit).execute();
}

export interface InboxRow extends ScoringLead {
  first_name: string | null;
  last_name: string;
  created_at: Date;
  fit_score: number | null;
  engagement_score: number | null;
  grade: string | null;
  qualifies: boolean | null;
  probability: number | null;
  mql_at: Date | null;
}

/**
 * The lead inbox: open leads in the actor's scope at a lifecycle stage, with their scores and when
 * they last became MQL (from the log), best engagement first.
 */
export async function inbox(
  db: DbExecutor,
  orgId: string,
  scope: Scope,
  q: { stage: string; limit: number; cursor?: string | undefined },
): Promise<InboxRow[]> {
  let query = db
    .selectFrom('leads')
    .leftJoin('lead_scores as s', (j) => j.onRef('s.org_id', '=', 'leads.org_id').onRef('s.lead_id', '=', 'leads.id'))
    .select(leadColumns.map((c) => `leads.${c}` as const))
    .select([
      'leads.first_name',
      'leads.last_name',
      'leads.created_at',
      's.fit_score',
      's.engagement_score',
      's.grade',
      's.qualifies',
      's.probability',
      sql<Date | null>`(select max(e.occurred_at) from events e where e.org_id = leads.org_id
        and e.entity_type = 'lead' and e.entity_id = leads.id and e.type = 'lead.lifecycle_changed'
        and e.data->>'to' = 'mql')`.as('mql_at'),
    ])
    .where('leads.org_id', '=', orgId)
    .where('leads.deleted_at', 'is', null)
    .where('leads.status', 'not in', ['converted', 'disqualified'])
    .where('leads.lifecycle_stage', '=', q.stage);
  const cond = scopeCondition(scope, 'leads.owner_id');
  if (cond) query = query.where(cond);
  const sortKey = sql<number>`coalesce(s.engagement_score, 0)`;
  if (q.cursor) {
    const [value, id] = decodeCursor(q.cursor);
    if (typeof value !== 'number' || !uuid.test(id))
      throw invalid([{ field: 'cursor', message: 'is not a cursor returned by this list' }]);
    query = query.where(sql<SqlBool>`(${sortKey}, leads.id) < (${Number(value)}::float8, ${id}::uuid)`);
  }
  return query
    .orderBy(sortKey, 'desc')
    .orderBy('leads.id', 'desc')
    .limit(q.limit + 1)
    .execute();
}
