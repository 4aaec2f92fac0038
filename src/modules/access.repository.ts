import type { DbExecutor } from '../db/database.ts';

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
