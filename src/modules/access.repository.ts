import { sql } from 'kysely';
import type { DealRelatedEntity, Scope } from '../contract/access.ts';
import type { DbExecutor } from '../db/database.ts';
import { onDealInScope } from '../db/scope.ts';

/** Whether a user of the organization exists and is active (an owner a record may be given to). */
export async function isActiveUser(db: DbExecutor, orgId: string, id: string): Promise<boolean> {
  const user = await db
    .selectFrom('users')
    .select('active')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return user?.active === true;
}

/** Whether the account or contact is on a live deal inside the deal scope (read scope through the related record). */
export async function isOnDealInScope(
  db: DbExecutor,
  entity: DealRelatedEntity,
  orgId: string,
  id: string,
  dealScope: Scope,
): Promise<boolean> {
  const { rows } = await sql<{ on: boolean }>`select ${onDealInScope(entity, dealScope, 'r.org_id', 'r.id')} as on
    from (select ${orgId}::uuid as org_id, ${id}::uuid as id) r`.execute(db);
  return rows[0]?.on === true;
}
