import { sql } from 'kysely';
import type { MergeEntity } from '../../contract/merge.ts';
import type { DbExecutor } from '../../db/database.ts';

const tables = { account: 'accounts', contact: 'contacts', lead: 'leads', deal: 'deals' } as const;

export interface MergeRow {
  id: string;
  owner_id: string | null;
  partner_account_id: string | null;
  deleted_at: Date | null;
  version: number;
  account_id: string | null;
  parent_account_id: string | null;
  emails: string[] | null;
  phones: string[] | null;
}

/** Both records, locked for the merge (in id order, so two merges of the same pair cannot deadlock). */
export async function lockPair(
  db: DbExecutor,
  entity: MergeEntity,
  orgId: string,
  ids: readonly [string, string],
): Promise<Map<string, MergeRow>> {
  const t = sql.table(tables[entity]);
  const extra =
    entity === 'account'
      ? sql`null::uuid as account_id, parent_account_id, null::jsonb as emails, null::jsonb as phones, null::uuid as partner_account_id`
      : entity === 'contact'
        ? sql`account_id, null::uuid as parent_account_id, emails, phones, null::uuid as partner_account_id`
        : entity === 'deal'
          ? sql`account_id, null::uuid as parent_account_id, null::jsonb as emails, null::jsonb as phones, partner_account_id`
          : sql`null::uuid as account_id, null::uuid as parent_account_id, null::jsonb as emails, null::jsonb as phones, null::uuid as partner_account_id`;
  const rows =
    await sql<MergeRow>`select id, owner_id, deleted_at, version, ${extra} from ${t} where org_id = ${orgId} and id in (${ids[0]}, ${ids[1]}) order by id for update`.execute(
      db,
    );
  return new Map(rows.rows.map((r) => [r.id, r]));
}

type Move = { label: string; run: (db: DbExecutor, orgId: string, from: string, to: string) => Promise<number> };

const update = (table: string, column: string, label = `${table}.${column}`): Move => ({
  label,
  async run(db, orgId, from, to) {
    const r =
      await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${to} where org_id = ${orgId} and ${sql.ref(column)} = ${from}`.execute(
        db,
      );
    return Number(r.numAffectedRows ?? 0);
  },
});

/** Contact roles move to the survivor; a role it already holds on the deal is not doubled. */
const dealContacts = (column: 'deal_id' | 'contact_id'): Move => ({
  label: `deal_contacts.${column}`,
  async run(db, orgId, from, to) {
    const moved = await sql`insert into deal_contacts (org_id, deal_id, contact_id, role)
      select org_id, ${column === 'deal_id' ? sql`${to}::uuid` : sql.ref('deal_id')}, ${column === 'contact_id' ? sql`${to}::uuid` : sql.ref('contact_id')}, role
      from deal_contacts where org_id = ${orgId} and ${sql.ref(column)} = ${from}
      on conflict do nothing`.execute(db);
    await sql`delete from deal_contacts where org_id = ${orgId} and ${sql.ref(column)} = ${from}`.execute(db);
    return Number(moved.numAffectedRows ?? 0);
  },
});

/** What points to a record of each kind, and so moves to the survivor of a merge. */
const moves: Record<MergeEntity, Move[]> = {
  account: [
    update('contacts', 'account_id'),
    update('deals', 'account_id'),
    update('deals', 'partner_account_id'),
    update('activities', 'account_id'),
    update('leads', 'converted_account_id'),
    update('users', 'partner_account_id'),
    update('accounts', 'parent_account_id'),
  ],
  contact: [
    update('deals', 'primary_contact_id'),
    dealContacts('contact_id'),
    update('activities', 'contact_id'),
    update('leads', 'converted_contact_id'),
  ],
  lead: [update('activities', 'lead_id')],
  deal: [
    update('activities', 'deal_id'),
    dealContacts('deal_id'),
    update('raised_objections', 'deal_id'),
    update('leads', 'converted_deal_id'),
  ],
};

/** Points everything that referred to `from` at `to`; returns how many rows moved, per reference. */
export async function moveReferences(
  db: DbExecutor,
  entity: MergeEntity,
  orgId: string,
  from: string,
  to: string,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const m of moves[entity]) {
    const n = await m.run(db, orgId, from, to);
    if (n > 0) counts[m.label] = n;
  }
  return counts;
}

/** An account cannot become its own parent by absorbing its parent or child. */
export async function clearSelfParent(db: DbExecutor, orgId: string, id: string): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ parent_account_id: null })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('parent_account_id', '=', id)
    .execute();
}

export async function setContactChannels(
  db: DbExecutor,
  orgId: string,
  id: string,
  emails: readonly string[],
  phones: readonly string[],
): Promise<void> {
  await db
    .updateTable('contacts')
    .set({ emails: JSON.stringify(emails), phones: JSON.stringify(phones) })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function softDelete(
  db: DbExecutor,
  entity: MergeEntity,
  orgId: string,
  id: string,
  at: Date,
): Promise<void> {
  await sql`update ${sql.table(tables[entity])} set deleted_at = ${at}, updated_at = ${at}, version = version + 1 where org_id = ${orgId} and id = ${id}`.execute(
    db,
  );
}

export async function touch(db: DbExecutor, entity: MergeEntity, orgId: string, id: string, at: Date): Promise<void> {
  await sql`update ${sql.table(tables[entity])} set updated_at = ${at}, version = version + 1 where org_id = ${orgId} and id = ${id}`.execute(
    db,
  );
}

export async function recordMerge(
  db: DbExecutor,
  row: {
    org_id: string;
    entity_type: MergeEntity;
    merged_id: string;
    into_id: string;
    merged_at: Date;
    merged_by: string | null;
  },
): Promise<void> {
  await db.insertInto('merged_records').values(row).execute();
}
