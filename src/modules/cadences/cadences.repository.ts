import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import { afterCursor } from '../../db/list.ts';
import type { CadenceEnrolmentsTable, CadencesTable, CadenceVersionsTable } from '../../db/schema-cadences.ts';
import type { ActivitiesTable } from '../../db/schema.ts';
import { updateVersioned } from '../../db/versioned.ts';
import type { ListCadencesQuery } from '../../contract/cadences.ts';

export type CadenceRow = Selectable<CadencesTable> & { open_enrolments: number };
export type CadenceVersionRow = Selectable<CadenceVersionsTable>;
export type EnrolmentRow = Selectable<CadenceEnrolmentsTable>;
/** An enrolment with its cadence's name and the version's steps and rules. */
export type EnrolmentView = EnrolmentRow & Pick<CadenceVersionRow, 'steps' | 'rules'> & { cadence_name: string };

const cadences = (db: DbExecutor, orgId: string) =>
  db
    .selectFrom('cadences as c')
    .selectAll('c')
    .select((eb) =>
      eb
        .selectFrom('cadence_enrolments as e')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('e.org_id', '=', 'c.org_id')
        .whereRef('e.cadence_id', '=', 'c.id')
        .where('e.status', '<>', 'ended')
        .as('open_enrolments'),
    )
    .where('c.org_id', '=', orgId);

export async function getCadence(db: DbExecutor, orgId: string, id: string): Promise<CadenceRow | undefined> {
  const r = await cadences(db, orgId).where('c.id', '=', id).executeTakeFirst();
  return r ? { ...r, open_enrolments: r.open_enrolments ?? 0 } : undefined;
}

/** The cadence row locked until the transaction ends (concurrent edits queue behind this one). */
export async function lockCadence(
  db: DbExecutor,
  orgId: string,
  id: string,
): Promise<Selectable<CadencesTable> | undefined> {
  return db
    .selectFrom('cadences')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

export async function nameTaken(db: DbExecutor, orgId: string, name: string, exceptId?: string): Promise<boolean> {
  let b = db
    .selectFrom('cadences')
    .select('id')
    .where('org_id', '=', orgId)
    .where(sql<boolean>`lower(name) = lower(${name})`);
  if (exceptId) b = b.where('id', '<>', exceptId);
  return (await b.executeTakeFirst()) !== undefined;
}

export async function insertCadence(
  db: DbExecutor,
  row: Insertable<CadencesTable>,
): Promise<Selectable<CadencesTable>> {
  return db.insertInto('cadences').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateCadence(
  db: DbExecutor,
  orgId: string,
  id: string,
  version: number,
  patch: Updateable<CadencesTable>,
): Promise<Selectable<CadencesTable>> {
  return updateVersioned(db, 'cadences', { orgId, id, version }, patch);
}

export async function insertCadenceVersion(db: DbExecutor, row: Insertable<CadenceVersionsTable>): Promise<void> {
  await db.insertInto('cadence_versions').values(row).execute();
}

export async function getCadenceVersion(
  db: DbExecutor,
  orgId: string,
  cadenceId: string,
  version: number,
): Promise<CadenceVersionRow | undefined> {
  return db
    .selectFrom('cadence_versions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('cadence_id', '=', cadenceId)
    .where('cadence_version', '=', version)
    .executeTakeFirst();
}

export async function listCadences(db: DbExecutor, orgId: string, q: ListCadencesQuery): Promise<CadenceRow[]> {
  let b = cadences(db, orgId);
  if (q.active !== 'all') b = b.where('c.active', '=', q.active === 'true');
  if (q.cursor) b = b.where(afterCursor(`c.${q.sort}`, 'c.id', q.order, q.cursor));
  const rows = await b
    .orderBy(`c.${q.sort}`, q.order)
    .orderBy('c.id', q.order)
    .limit(q.limit + 1)
    .execute();
  return rows.map((r) => ({ ...r, open_enrolments: r.open_enrolments ?? 0 }));
}

const enrolments = (db: DbExecutor, orgId: string) =>
  db
    .selectFrom('cadence_enrolments as e')
    .innerJoin('cadence_versions as v', (j) =>
      j
        .onRef('v.org_id', '=', 'e.org_id')
        .onRef('v.cadence_id', '=', 'e.cadence_id')
        .onRef('v.cadence_version', '=', 'e.cadence_version'),
    )
    .innerJoin('cadences as c', (j) => j.onRef('c.org_id', '=', 'e.org_id').onRef('c.id', '=', 'e.cadence_id'))
    .selectAll('e')
    .select(['v.steps', 'v.rules', 'c.name as cadence_name'])
    .where('e.org_id', '=', orgId);

export async function getEnrolment(db: DbExecutor, orgId: string, id: string): Promise<EnrolmentView | undefined> {
  return enrolments(db, orgId).where('e.id', '=', id).executeTakeFirst();
}

/** The open (active or paused) enrolment of a lead, locked when asked. */
export async function openEnrolmentOfLead(
  db: DbExecutor,
  orgId: string,
  leadId: string,
  lock = false,
): Promise<EnrolmentView | undefined> {
  const b = enrolments(db, orgId).where('e.lead_id', '=', leadId).where('e.status', '<>', 'ended');
  return (lock ? b.forNoKeyUpdate('e') : b).executeTakeFirst();
}

export async function lockEnrolment(db: DbExecutor, orgId: string, id: string): Promise<EnrolmentView | undefined> {
  return enrolments(db, orgId).where('e.id', '=', id).forNoKeyUpdate('e').executeTakeFirst();
}

/** Every enrolment of a lead, newest first. */
export async function enrolmentsOfLead(db: DbExecutor, orgId: string, leadId: string): Promise<EnrolmentView[]> {
  return enrolments(db, orgId)
    .where('e.lead_id', '=', leadId)
    .orderBy('e.enrolled_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(100)
    .execute();
}

/** The open enrolments of the given leads (at most one each). */
export async function openEnrolmentsOfLeads(
  db: DbExecutor,
  orgId: string,
  leadIds: readonly string[],
): Promise<EnrolmentView[]> {
  if (!leadIds.length) return [];
  return enrolments(db, orgId).where('e.lead_id', 'in', leadIds).where('e.status', '<>', 'ended').execute();
}

export async function insertEnrolment(db: DbExecutor, row: Insertable<CadenceEnrolmentsTable>): Promise<EnrolmentRow> {
  return db.insertInto('cadence_enrolments').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateEnrolment(
  db: DbExecutor,
  orgId: string,
  id: string,
  version: number,
  patch: Updateable<CadenceEnrolmentsTable>,
): Promise<EnrolmentRow> {
  return updateVersioned(db, 'cadence_enrolments', { orgId, id, version }, patch);
}

/** What the per-step figures need of every enrolment of the organization's cadences. */
export async function enrolmentFacts(db: DbExecutor, orgId: string) {
  return db
    .selectFrom('cadence_enrolments as e')
    .innerJoin('cadence_versions as v', (j) =>
      j
        .onRef('v.org_id', '=', 'e.org_id')
        .onRef('v.cadence_id', '=', 'e.cadence_id')
        .onRef('v.cadence_version', '=', 'e.cadence_version'),
    )
    .select([
      'e.cadence_id',
      'e.status',
      'e.step_index',
      'e.reached_step',
      'e.converted_step',
      sql<number>`jsonb_array_length(v.steps)`.as('step_count'),
    ])
    .where('e.org_id', '=', orgId)
    .execute();
}

// Leads and activities belong to other modules; a cadence reads the lead it works (locked, in the
// order every change of a lead takes) and keeps the tasks of its own email and task steps.

export interface EnrolledLead {
  id: string;
  owner_id: string | null;
  status: string;
  deleted_at: Date | null;
}

export async function getLead(
  db: DbExecutor,
  orgId: string,
  id: string,
  lock = false,
): Promise<EnrolledLead | undefined> {
  const b = db
    .selectFrom('leads')
    .select(['id', 'owner_id', 'status', 'deleted_at'])
    .where('org_id', '=', orgId)
    .where('id', '=', id);
  return (lock ? b.forNoKeyUpdate() : b).executeTakeFirst();
}

export type TaskRow = Selectable<ActivitiesTable>;

export async function insertTask(db: DbExecutor, row: Insertable<ActivitiesTable>): Promise<TaskRow> {
  return db.insertInto('activities').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function lockTask(db: DbExecutor, orgId: string, id: string): Promise<TaskRow | undefined> {
  return db
    .selectFrom('activities')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

export async function updateTask(
  db: DbExecutor,
  orgId: string,
  id: string,
  version: number,
  patch: Updateable<ActivitiesTable>,
): Promise<TaskRow> {
  return updateVersioned(db, 'activities', { orgId, id, version }, patch);
}

/** The earliest open dated task on the lead that is not a cadence step's (the promised call back). */
export async function nextCallBack(db: DbExecutor, orgId: string, leadId: string): Promise<Date | null> {
  const r = await db
    .selectFrom('activities')
    .select('due_at')
    .where('org_id', '=', orgId)
    .where('lead_id', '=', leadId)
    .where('type', '=', 'task')
    .where('deleted_at', 'is', null)
    .where('completed_at', 'is', null)
    .where('due_at', 'is not', null)
    .where('cadence_enrolment_id', 'is', null)
    .orderBy('due_at')
    .limit(1)
    .executeTakeFirst();
  return r?.due_at ?? null;
}
