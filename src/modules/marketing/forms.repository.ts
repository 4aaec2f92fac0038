import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { ListFormsQuery, ListSubmissionsQuery } from '../../contract/forms.ts';
import type { DbExecutor } from '../../db/database.ts';
import { afterCursor } from '../../db/list.ts';
import type { FormsTable, FormSubmissionsTable } from '../../db/schema.ts';
import { updateVersioned } from '../../db/versioned.ts';

export type FormRow = Selectable<FormsTable> & { submissions: number; last_submitted_at: Date | null };
export type SubmissionRow = Selectable<FormSubmissionsTable>;

const counts = [
  sql<number>`(select count(*)::int from form_submissions s where s.org_id = forms.org_id and s.form_id = forms.id)`.as(
    'submissions',
  ),
  sql<Date | null>`(select max(s.submitted_at) from form_submissions s where s.org_id = forms.org_id and s.form_id = forms.id)`.as(
    'last_submitted_at',
  ),
];

const form = (db: DbExecutor, orgId: string) =>
  db.selectFrom('forms').selectAll().select(counts).where('org_id', '=', orgId);

export async function getForm(db: DbExecutor, orgId: string, id: string): Promise<FormRow | undefined> {
  return form(db, orgId).where('id', '=', id).executeTakeFirst();
}

/** As `getForm`, locking the row until the transaction ends (edits, rotation, round-robin turns). */
export async function lockForm(db: DbExecutor, orgId: string, id: string): Promise<FormRow | undefined> {
  return form(db, orgId).where('id', '=', id).forNoKeyUpdate().executeTakeFirst();
}

/** The form published under a key (enabled or not: the caller decides). */
export async function formByKey(db: DbExecutor, orgId: string, key: string): Promise<FormRow | undefined> {
  return form(db, orgId).where('public_key', '=', key).executeTakeFirst();
}

export async function insertForm(db: DbExecutor, row: Insertable<FormsTable>): Promise<void> {
  await db.insertInto('forms').values(row).execute();
}

export async function updateForm(
  db: DbExecutor,
  orgId: string,
  id: string,
  version: number,
  patch: Updateable<FormsTable>,
): Promise<void> {
  await updateVersioned(db, 'forms', { orgId, id, version }, patch);
}

/** The round-robin pointer moves without a new version: it is the form's state, not an edit. */
export async function setLastAssigned(db: DbExecutor, orgId: string, id: string, userId: string): Promise<void> {
  await db
    .updateTable('forms')
    .set({ last_assigned_id: userId })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function listForms(db: DbExecutor, orgId: string, q: ListFormsQuery): Promise<FormRow[]> {
  let b = form(db, orgId);
  if (q.campaignId) b = b.where('campaign_id', '=', q.campaignId);
  if (q.cursor) b = b.where(afterCursor('name', 'id', 'asc', q.cursor));
  return b
    .orderBy('name')
    .orderBy('id')
    .limit(q.limit + 1)
    .execute();
}

export async function insertSubmission(db: DbExecutor, row: Insertable<FormSubmissionsTable>): Promise<void> {
  await db.insertInto('form_submissions').values(row).execute();
}

export async function listSubmissions(
  db: DbExecutor,
  orgId: string,
  formId: string,
  q: ListSubmissionsQuery,
): Promise<SubmissionRow[]> {
  let b = db.selectFrom('form_submissions').selectAll().where('org_id', '=', orgId).where('form_id', '=', formId);
  if (q.cursor) b = b.where(afterCursor('submitted_at', 'id', 'desc', q.cursor));
  return b
    .orderBy('submitted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .execute();
}

/** The live contact with this email among its addresses (case-insensitive), oldest first. */
export async function contactByEmail(db: DbExecutor, orgId: string, email: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('contacts')
    .select('id')
    .where('org_id', '=', orgId)
    .where('deleted_at', 'is', null)
    .where(sql<boolean>`exists (select 1 from jsonb_array_elements_text(emails) e where lower(e) = lower(${email}))`)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
  return row?.id;
}

/**
 * The live lead with this email (case-insensitive): an open one before a converted one, then the
 * oldest; with the contact a converted lead became.
 */
export async function leadByEmail(
  db: DbExecutor,
  orgId: string,
  email: string,
): Promise<{ id: string; status: string; converted_contact_id: string | null } | undefined> {
  return db
    .selectFrom('leads')
    .select(['id', 'status', 'converted_contact_id'])
    .where('org_id', '=', orgId)
    .where('deleted_at', 'is', null)
    .where(sql<boolean>`lower(email) = lower(${email})`)
    .orderBy(sql`status = 'converted'`)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
}

/** Whether a contact is live (a converted lead's contact may have been deleted since). */
export async function contactIsLive(db: DbExecutor, orgId: string, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('contacts')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** Active members of a team, by id: the round robin's turn order. */
export async function activeTeamMembers(db: DbExecutor, orgId: string, teamId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', orgId)
    .where('team_id', '=', teamId)
    .where('active', '=', true)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Whether a live team of the organization exists. */
export async function teamExists(db: DbExecutor, orgId: string, teamId: string): Promise<boolean> {
  const row = await db
    .selectFrom('teams')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', '=', teamId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** A campaign row whether live or deleted (a form keeps recording touches on its campaign). */
export async function campaignOfForm(db: DbExecutor, orgId: string, campaignId: string) {
  return db
    .selectFrom('campaigns')
    .selectAll()
    .select(sql<string>`'0'`.as('actual_cost'))
    .where('org_id', '=', orgId)
    .where('id', '=', campaignId)
    .executeTakeFirstOrThrow();
}

/** Takes a transaction lock on an email address of an organization (submissions of one address take turns). */
export async function lockEmail(db: DbExecutor, orgId: string, email: string): Promise<void> {
  // the two-key form: its own key space, apart from the one-key locks of migrations and the chain
  await sql`select pg_advisory_xact_lock(7277023, hashtext(${`${orgId}:${email.toLowerCase()}`}))`.execute(db);
}
