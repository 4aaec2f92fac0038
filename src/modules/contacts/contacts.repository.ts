import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { afterCursor, likePattern } from '../../db/list.ts';
import type { ContactsTable } from '../../db/schema.ts';
import { readCondition } from '../../db/scope.ts';
import type { Scope } from '../../contract/access.ts';
import type { ListContactsQuery } from '../../contract/contacts.ts';

export type ContactRow = Selectable<ContactsTable>;
/** jsonb columns (emails, phones) are written as JSON text. */
export type ContactInsert = Omit<Insertable<ContactsTable>, 'version'>;
export type ContactPatch = Updateable<ContactsTable>;

/** The column each public sort key orders by. */
export const contactSortColumns = { name: 'last_name', created_at: 'created_at', updated_at: 'updated_at' } as const;

const liveContact = (db: DbExecutor, orgId: string, id: string) =>
  db
    .selectFrom('contacts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null);

export async function getContact(db: DbExecutor, orgId: string, id: string): Promise<ContactRow | undefined> {
  return liveContact(db, orgId, id).executeTakeFirst();
}

/** As `getContact`, locking the row until the transaction ends: concurrent changes of it queue behind this one. */
export async function lockContact(db: DbExecutor, orgId: string, id: string): Promise<ContactRow | undefined> {
  return liveContact(db, orgId, id).forNoKeyUpdate().executeTakeFirst();
}

export async function insertContact(db: DbExecutor, row: ContactInsert): Promise<ContactRow> {
  return db.insertInto('contacts').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates when the version still matches; otherwise throws 409 with the current version (or 404), see `updateVersioned`. */
export async function updateContact(
  db: DbExecutor,
  orgId: string,
  id: string,
  version: number,
  patch: ContactPatch,
): Promise<ContactRow> {
  return updateVersioned(db, 'contacts', { orgId, id, version }, patch);
}

export async function listContacts(
  db: DbExecutor,
  orgId: string,
  scope: Scope,
  dealScope: Scope | null,
  q: ListContactsQuery,
): Promise<ContactRow[]> {
  const sortColumn = contactSortColumns[q.sort];
  let b = db.selectFrom('contacts').selectAll().where('org_id', '=', orgId).where('deleted_at', 'is', null);
  const cond = readCondition('contact', scope, dealScope, 'contacts');
  if (cond) b = b.where(cond);
  if (q.accountId) b = b.where('account_id', '=', q.accountId);
  if (q.ownerId) b = b.where('owner_id', '=', q.ownerId);
  if (q.hasAccount) b = b.where('account_id', q.hasAccount === 'true' ? 'is not' : 'is', null);
  if (q.doNotContact) b = b.where('do_not_contact', '=', q.doNotContact === 'true');
  if (q.createdFrom) b = b.where('created_at', '>=', new Date(q.createdFrom));
  if (q.createdTo) b = b.where('created_at', '<', new Date(q.createdTo));
  if (q.q) {
    const pat = likePattern(q.q);
    // The name expression is the one the trigram index of migration 0002 covers; emails are
    // matched on their JSON text, which is enough for "part of an address".
    b = b.where((eb) =>
      eb.or([
        eb(sql<string>`coalesce(first_name, '') || ' ' || last_name`, 'ilike', pat),
        eb(sql<string>`emails::text`, 'ilike', pat),
      ]),
    );
  }
  if (q.cursor) b = b.where(afterCursor(sortColumn, 'id', q.order, q.cursor));
  return b
    .orderBy(sortColumn, q.order)
    .orderBy('id', q.order)
    .limit(q.limit + 1)
    .execute();
}
