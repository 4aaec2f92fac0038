import { sql, type Insertable, type Selectable, type SqlBool } from 'kysely';
import type { Scope } from '../../contract/access.ts';
import { invalid } from '../../contract/errors.ts';
import type { SlaPolicy } from '../../contract/handoffs.ts';
import type { DbExecutor } from '../../db/database.ts';
import { decodeCursor } from '../../db/list.ts';
import type { LeadHandoffsTable, SlaPoliciesTable } from '../../db/schema-handoffs.ts';
import { scopeCondition } from '../../db/scope.ts';
import { updateVersioned } from '../../db/versioned.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type PolicyRow = Selectable<SlaPoliciesTable>;
export type HandoffRow = Selectable<LeadHandoffsTable>;

export async function orgTimeZone(db: DbExecutor, orgId: string): Promise<string> {
  const row = await db.selectFrom('organizations').select('timezone').where('id', '=', orgId).executeTakeFirst();
  return row?.timezone ?? 'UTC';
}

/** The live team of the organization, or undefined. */
export async function getTeam(db: DbExecutor, orgId: string, teamId: string): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('teams')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', '=', teamId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The saved policy of the organization (teamId null) or of a team. */
export async function getPolicy(
  db: DbExecutor,
  orgId: string,
  teamId: string | null,
  lock = false,
): Promise<PolicyRow | undefined> {
  const q = db
    .selectFrom('sla_policies')
    .selectAll()
    .where('org_id', '=', orgId)
    .where(teamId === null ? sql<SqlBool>`team_id is null` : sql<SqlBool>`team_id = ${teamId}::uuid`);
  return (lock ? q.forNoKeyUpdate() : q).executeTakeFirst();
}

export async function insertPolicy(
  db: DbExecutor,
  row: Omit<Insertable<SlaPoliciesTable>, 'policy'> & { policy: SlaPolicy },
): Promise<PolicyRow> {
  return db
    .insertInto('sla_policies')
    .values({ ...row, policy: JSON.stringify(row.policy) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updatePolicy(
  db: DbExecutor,
  key: { orgId: string; id: string; version: number },
  patch: { policy: SlaPolicy; updated_by: string; updated_at: Date },
): Promise<PolicyRow> {
  return updateVersioned(db, 'sla_policies', key, { ...patch, policy: JSON.stringify(patch.policy) });
}

/** A lead as the hand-off reads it, with its owner's role, team and whether the owner is active. */
export interface HandoffLead {
  id: string;
  owner_id: string | null;
  status: string;
  lifecycle_stage: string;
  deleted_at: Date | null;
  version: number;
  owner_role: string | null;
  owner_team_id: string | null;
  owner_active: boolean | null;
}

export async function getHandoffLead(
  db: DbExecutor,
  orgId: string,
  leadId: string,
  lock = false,
): Promise<HandoffLead | undefined> {
  if (lock)
    await db
      .selectFrom('leads')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', '=', leadId)
      .forNoKeyUpdate()
      .executeTakeFirst();
  return db
    .selectFrom('leads as l')
    .leftJoin('users as u', (j) => j.onRef('u.org_id', '=', 'l.org_id').onRef('u.id', '=', 'l.owner_id'))
    .select([
      'l.id',
      'l.owner_id',
      'l.status',
      'l.lifecycle_stage',
      'l.deleted_at',
      'l.version',
      'u.role as owner_role',
      'u.team_id as owner_team_id',
      'u.active as owner_active',
    ])
    .where('l.org_id', '=', orgId)
    .where('l.id', '=', leadId)
    .executeTakeFirst();
}

/**
 * Moves a lead in the lifecycle from an expected stage (the caller holds its row lock), raising its
 * version; a move back records its reason. Undefined when the lead is no longer at that stage.
 */
export async function moveLeadStage(
  db: DbExecutor,
  orgId: string,
  leadId: string,
  move: { from: string; to: string; recycleReason?: string; now: Date },
): Promise<{ version: number } | undefined> {
  return db
    .updateTable('leads')
    .set({
      lifecycle_stage: move.to,
      ...(move.recycleReason !== undefined ? { recycle_reason: move.recycleReason } : {}),
      version: sql`version + 1`,
      updated_at: move.now,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', leadId)
    .where('lifecycle_stage', '=', move.from)
    .where('deleted_at', 'is', null)
    .returning('version')
    .executeTakeFirst();
}

/** Gives a lead to another owner (the caller holds its row lock), raising its version. */
export async function reassignLead(
  db: DbExecutor,
  orgId: string,
  leadId: string,
  ownerId: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('leads')
    .set({ owner_id: ownerId, version: sql`version + 1`, updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', leadId)
    .execute();
}

/** The user's manager (their own, else their team's), when active and not the user. */
export async function managerOf(db: DbExecutor, orgId: string, userId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('users as u')
    .leftJoin('teams as t', (j) => j.onRef('t.org_id', '=', 'u.org_id').onRef('t.id', '=', 'u.team_id'))
    .leftJoin('users as m', (j) =>
      j.onRef('m.org_id', '=', 'u.org_id').on(sql<SqlBool>`m.id = coalesce(u.manager_id, t.manager_id)`),
    )
    .select(['m.id as manager_id', 'm.active as manager_active'])
    .where('u.org_id', '=', orgId)
    .where('u.id', '=', userId)
    .executeTakeFirst();
  if (!row?.manager_id || row.manager_id === userId || !row.manager_active) return undefined;
  return row.manager_id;
}

export async function openHandoffOf(db: DbExecutor, orgId: string, leadId: string): Promise<HandoffRow | undefined> {
  return db
    .selectFrom('lead_handoffs')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('lead_id', '=', leadId)
    .where('status', '=', 'open')
    .forNoKeyUpdate()
    .executeTakeFirst();
}

/** The lead a hand-off is about (it never changes), read without a lock. */
export async function leadOfHandoff(db: DbExecutor, orgId: string, id: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('lead_handoffs')
    .select('lead_id')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.lead_id;
}

export async function lockHandoff(db: DbExecutor, orgId: string, id: string): Promise<HandoffRow | undefined> {
  return db
    .selectFrom('lead_handoffs')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

export async function insertHandoff(db: DbExecutor, row: Insertable<LeadHandoffsTable>): Promise<HandoffRow> {
  return db.insertInto('lead_handoffs').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateHandoff(
  db: DbExecutor,
  key: { orgId: string; id: string; version: number },
  patch: Partial<Omit<HandoffRow, 'org_id' | 'id' | 'version'>>,
): Promise<HandoffRow> {
  return updateVersioned(db, 'lead_handoffs', key, patch);
}

/** A hand-off as the API shows it: with its lead's name, the owner's name and the lead's scores. */
export interface HandoffView extends HandoffRow {
  first_name: string | null;
  last_name: string;
  company: string | null;
  owner_name: string | null;
  fit_score: number | null;
  engagement_score: number | null;
  grade: string | null;
}

function viewQuery(db: DbExecutor, orgId: string) {
  return db
    .selectFrom('lead_handoffs as h')
    .innerJoin('leads as l', (j) => j.onRef('l.org_id', '=', 'h.org_id').onRef('l.id', '=', 'h.lead_id'))
    .leftJoin('users as u', (j) => j.onRef('u.org_id', '=', 'h.org_id').onRef('u.id', '=', 'h.owner_id'))
    .leftJoin('lead_scores as s', (j) => j.onRef('s.org_id', '=', 'h.org_id').onRef('s.lead_id', '=', 'h.lead_id'))
    .selectAll('h')
    .select([
      'l.first_name',
      'l.last_name',
      'l.company',
      'u.name as owner_name',
      's.fit_score',
      's.engagement_score',
      's.grade',
    ])
    .where('h.org_id', '=', orgId);
}

export async function getHandoffView(db: DbExecutor, orgId: string, id: string): Promise<HandoffView | undefined> {
  return viewQuery(db, orgId).where('h.id', '=', id).executeTakeFirst();
}

/** Hand-offs in the scope (of their owners), by due time (then id), in the order asked. */
export async function listHandoffs(
  db: DbExecutor,
  orgId: string,
  scope: Scope,
  q: {
    status?: readonly string[] | undefined;
    ownerId?: string | undefined;
    teamId?: string | undefined;
    leadId?: string | undefined;
    order: 'asc' | 'desc';
    limit: number;
    cursor?: string | undefined;
  },
): Promise<HandoffView[]> {
  let query = viewQuery(db, orgId).where('l.deleted_at', 'is', null);
  const cond = scopeCondition(scope, 'h.owner_id');
  if (cond) query = query.where(cond);
  if (q.status) query = query.where('h.status', 'in', [...q.status]);
  if (q.ownerId) query = query.where('h.owner_id', '=', q.ownerId);
  if (q.teamId) query = query.where('h.team_id', '=', q.teamId);
  if (q.leadId) query = query.where('h.lead_id', '=', q.leadId);
  if (q.cursor) {
    const [value, id] = decodeCursor(q.cursor);
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value)) || !uuid.test(id))
      throw invalid([{ field: 'cursor', message: 'is not a cursor returned by this list' }]);
    const op = sql.raw(q.order === 'asc' ? '>' : '<');
    query = query.where(sql<SqlBool>`(h.due_at, h.id) ${op} (${value}::timestamptz, ${id}::uuid)`);
  }
  return query
    .orderBy('h.due_at', q.order)
    .orderBy('h.id', q.order)
    .limit(q.limit + 1)
    .execute();
}

/** Open, untouched, unbreached hand-offs due at or before `until`, soonest first. */
export async function dueHandoffs(db: DbExecutor, orgId: string, until: Date): Promise<{ id: string; due_at: Date }[]> {
  return db
    .selectFrom('lead_handoffs')
    .select(['id', 'due_at'])
    .where('org_id', '=', orgId)
    .where('status', '=', 'open')
    .where('first_touch_at', 'is', null)
    .where('breached_at', 'is', null)
    .where('due_at', '<=', until)
    .orderBy('due_at')
    .orderBy('id')
    .execute();
}
