import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Scope } from '../../contract/access.ts';
import type { ListApprovalsQuery, ListFindingsQuery } from '../../contract/oversight.ts';
import type { DbExecutor } from '../../db/database.ts';
import { afterCursor } from '../../db/list.ts';
import type { ApprovalRulesTable, ApprovalsTable, FindingsTable, PeriodLocksTable } from '../../db/schema.ts';
import { updateVersioned } from '../../db/versioned.ts';

export type ApprovalRuleRow = Selectable<ApprovalRulesTable>;
export type ApprovalRow = Selectable<ApprovalsTable> & { deal_name: string };
export type PeriodLockRow = Selectable<PeriodLocksTable>;
export type FindingRow = Selectable<FindingsTable>;

export async function listRules(db: DbExecutor, orgId: string, onlyActive: boolean): Promise<ApprovalRuleRow[]> {
  let b = db.selectFrom('approval_rules').selectAll().where('org_id', '=', orgId);
  if (onlyActive) b = b.where('active', '=', true);
  return b.orderBy('created_at').orderBy('id').limit(200).execute();
}

export async function lockRule(db: DbExecutor, orgId: string, id: string): Promise<ApprovalRuleRow | undefined> {
  return db
    .selectFrom('approval_rules')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

export async function insertRule(db: DbExecutor, row: Insertable<ApprovalRulesTable>): Promise<ApprovalRuleRow> {
  return db.insertInto('approval_rules').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateRule(
  db: DbExecutor,
  orgId: string,
  id: string,
  version: number,
  patch: Updateable<ApprovalRulesTable>,
): Promise<ApprovalRuleRow> {
  return updateVersioned(db, 'approval_rules', { orgId, id, version }, patch);
}

export async function listLocks(db: DbExecutor, orgId: string): Promise<PeriodLockRow[]> {
  return db
    .selectFrom('period_locks')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('starts_on')
    .orderBy('id')
    .limit(500)
    .execute();
}

export async function insertLock(db: DbExecutor, row: PeriodLockRow): Promise<PeriodLockRow> {
  return db.insertInto('period_locks').values(row).returningAll().executeTakeFirstOrThrow();
}

export interface ChainUser {
  id: string;
  name: string;
  active: boolean;
  /** The next one up: the user's manager, else their team's manager, else a manager on their team. */
  above: string | null;
}

/**
 * A user with the next person up their manager chain, as the access rules see managers: the
 * user's own manager, else the manager of their team, else the longest-standing active manager
 * who is a member of the same team.
 */
export async function chainUser(db: DbExecutor, orgId: string, userId: string): Promise<ChainUser | undefined> {
  const { rows } = await sql<ChainUser>`
    select u.id, u.name, u.active,
      coalesce(
        u.manager_id,
        nullif(t.manager_id, u.id),
        (select m.id from users m
          where m.org_id = u.org_id and m.team_id = u.team_id and m.role = 'manager' and m.active and m.id <> u.id
          order by m.created_at, m.id limit 1)
      ) as above
    from users u
    left join teams t on t.org_id = u.org_id and t.id = u.team_id and t.deleted_at is null
    where u.org_id = ${orgId} and u.id = ${userId}`.execute(db);
  return rows[0];
}

const approvals = (db: DbExecutor, orgId: string) =>
  db
    .selectFrom('approvals as a')
    .innerJoin('deals as d', (j) => j.onRef('d.org_id', '=', 'a.org_id').onRef('d.id', '=', 'a.deal_id'))
    .selectAll('a')
    .select('d.name as deal_name')
    .where('a.org_id', '=', orgId);

export async function getApproval(db: DbExecutor, orgId: string, id: string): Promise<ApprovalRow | undefined> {
  return approvals(db, orgId).where('a.id', '=', id).executeTakeFirst();
}

export async function lockApproval(db: DbExecutor, orgId: string, id: string): Promise<ApprovalRow | undefined> {
  await db
    .selectFrom('approvals')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .forNoKeyUpdate()
    .execute();
  return getApproval(db, orgId, id);
}

/** Pending approvals of a deal (a deal waits for one decision at a time). */
export async function pendingOfDeal(db: DbExecutor, orgId: string, dealId: string): Promise<ApprovalRow | undefined> {
  return approvals(db, orgId).where('a.deal_id', '=', dealId).where('a.status', '=', 'pending').executeTakeFirst();
}

export async function insertApproval(
  db: DbExecutor,
  row: Omit<Insertable<ApprovalsTable>, 'change' | 'reasons' | 'approvers' | 'decisions' | 'escalations'> & {
    change: Record<string, unknown>;
    reasons: unknown[];
    approvers: unknown[];
  },
): Promise<void> {
  await db
    .insertInto('approvals')
    .values({
      ...row,
      change: JSON.stringify(row.change),
      reasons: JSON.stringify(row.reasons),
      approvers: JSON.stringify(row.approvers),
      decisions: '[]',
    })
    .execute();
}

export async function updateApproval(
  db: DbExecutor,
  orgId: string,
  id: string,
  version: number,
  patch: {
    step?: number;
    status?: string;
    decisions?: unknown[];
    decided_at?: Date | null;
    approvers?: unknown[];
    step_started_at?: Date;
    escalates_at?: Date | null;
    escalations?: unknown[];
  },
): Promise<void> {
  const { decisions, approvers, escalations, ...rest } = patch;
  await updateVersioned(
    db,
    'approvals',
    { orgId, id, version },
    {
      ...rest,
      ...(decisions ? { decisions: JSON.stringify(decisions) } : {}),
      ...(approvers ? { approvers: JSON.stringify(approvers) } : {}),
      ...(escalations ? { escalations: JSON.stringify(escalations) } : {}),
    },
  );
}

/** Approvals about people in the scope (their requester or their deal's owner), newest first. */
export async function listApprovals(
  db: DbExecutor,
  orgId: string,
  scope: Scope,
  q: ListApprovalsQuery,
  limit: number,
): Promise<ApprovalRow[]> {
  let b = approvals(db, orgId);
  if (scope.kind === 'none') return [];
  if (scope.kind === 'owners') {
    const ids = scope.ownerIds.length ? [...scope.ownerIds] : ['00000000-0000-0000-0000-000000000000'];
    b = b.where((eb) => eb.or([eb('a.requested_by', 'in', ids), eb('a.owner_id', 'in', ids)]));
  }
  if (scope.kind === 'partner') return [];
  if (q.status) b = b.where('a.status', '=', q.status);
  if (q.dealId) b = b.where('a.deal_id', '=', q.dealId);
  if (q.cursor) b = b.where(afterCursor('a.created_at', 'a.id', 'desc', q.cursor));
  return b
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit + 1)
    .execute();
}

export async function getFinding(db: DbExecutor, orgId: string, id: string): Promise<FindingRow | undefined> {
  return db.selectFrom('findings').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export async function lockFinding(db: DbExecutor, orgId: string, id: string): Promise<FindingRow | undefined> {
  return db
    .selectFrom('findings')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

/** Inserts a finding unless its detector already recorded that fingerprint; true when inserted. */
export async function insertFinding(
  db: DbExecutor,
  row: Omit<Insertable<FindingsTable>, 'evidence'> & { evidence: string[] },
): Promise<boolean> {
  const res = await db
    .insertInto('findings')
    .values({ ...row, evidence: JSON.stringify(row.evidence) })
    .onConflict((oc) => oc.columns(['org_id', 'detector', 'fingerprint']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function updateFinding(
  db: DbExecutor,
  orgId: string,
  id: string,
  version: number,
  patch: Updateable<Omit<FindingsTable, 'evidence'>>,
): Promise<FindingRow> {
  return updateVersioned(db, 'findings', { orgId, id, version }, patch);
}

export async function listFindings(
  db: DbExecutor,
  orgId: string,
  scope: Scope,
  q: ListFindingsQuery,
  limit: number,
): Promise<FindingRow[]> {
  if (scope.kind === 'none' || scope.kind === 'partner') return [];
  let b = db.selectFrom('findings').selectAll().where('org_id', '=', orgId);
  if (scope.kind === 'owners') {
    if (scope.ownerIds.length === 0) return [];
    b = b.where('person_id', 'in', [...scope.ownerIds]);
  }
  if (q.status) b = b.where('status', '=', q.status);
  if (q.detector) b = b.where('detector', '=', q.detector);
  if (q.personId) b = b.where('person_id', '=', q.personId);
  if (q.cursor) b = b.where(afterCursor('detected_at', 'id', 'desc', q.cursor));
  return b
    .orderBy('detected_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
}

/** Findings (not dismissed) per person, and the changes each made to deals, since a time. */
export async function exceptionCounts(
  db: DbExecutor,
  orgId: string,
  since: Date,
): Promise<{ person_id: string; name: string; findings: number; changes: number }[]> {
  const { rows } = await sql<{ person_id: string; name: string; findings: string; changes: string }>`
    with f as (
      select person_id, count(*) as n from findings
      where org_id = ${orgId} and status <> 'dismissed' and detected_at >= ${since} and person_id is not null
      group by person_id
    ), c as (
      select actor_id as person_id, count(*) as n from events
      where org_id = ${orgId} and entity_type = 'deal' and occurred_at >= ${since} and actor_id is not null
      group by actor_id
    )
    select u.id as person_id, u.name, coalesce(f.n, 0) as findings, coalesce(c.n, 0) as changes
    from users u left join f on f.person_id = u.id left join c on c.person_id = u.id
    where u.org_id = ${orgId} and (f.n is not null or c.n is not null)
    order by coalesce(f.n, 0) desc, u.name
    limit 500`.execute(db);
  return rows.map((r) => ({ ...r, findings: Number(r.findings), changes: Number(r.changes) }));
}

/** Events of the log the detectors read, in order, since a time. */
export interface DetectorEventRow {
  id: number;
  seq: number | null;
  occurred_at: Date;
  business_time: Date | null;
  actor_id: string | null;
  entity_type: string;
  entity_id: string;
  type: string;
  /** The catalog version the payload was written with. */
  version: number;
  data: Record<string, unknown>;
}

export async function eventsSince(
  db: DbExecutor,
  orgId: string,
  since: Date,
  types: readonly string[],
): Promise<DetectorEventRow[]> {
  return (
    db
      .selectFrom('events')
      .select([
        'id',
        'seq',
        'occurred_at',
        'business_time',
        'actor_id',
        'entity_type',
        'entity_id',
        'type',
        'version',
        'data',
      ])
      .where('org_id', '=', orgId)
      // Moving in brings history with its old business times: not backdating, nor anyone's bulk change.
      .where('imported', '=', false)
      .where('occurred_at', '>=', since)
      .where('type', 'in', [...types])
      .orderBy('id')
      .execute()
  );
}

export async function orgTimezone(db: DbExecutor, orgId: string): Promise<string> {
  const row = await db.selectFrom('organizations').select('timezone').where('id', '=', orgId).executeTakeFirst();
  return row?.timezone ?? 'UTC';
}
