import { sql } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';

/** A live lead or contact an imported touch can be about. */
export interface TouchPerson {
  type: 'lead' | 'contact';
  id: string;
  ownerId: string | null;
  /** The email it was found by, folded. */
  email: string;
}

/**
 * The people with these (folded) emails: contacts (any of their addresses) and leads, live ones
 * only, oldest first within each type, so the same file always finds the same person.
 */
export async function peopleByEmail(db: DbExecutor, orgId: string, emails: readonly string[]): Promise<TouchPerson[]> {
  if (emails.length === 0) return [];
  const folded = [...new Set(emails.map((e) => e.toLowerCase()))];
  const rows = await sql<{ type: 'lead' | 'contact'; id: string; owner_id: string | null; email: string }>`
    select 'contact' as type, c.id, c.owner_id, lower(e.value) as email
      from contacts c cross join lateral jsonb_array_elements_text(c.emails) e(value)
     where c.org_id = ${orgId} and c.deleted_at is null and lower(e.value) = any(${folded}::text[])
    union all
    select 'lead' as type, l.id, l.owner_id, lower(l.email) as email
      from leads l
     where l.org_id = ${orgId} and l.deleted_at is null and lower(l.email) = any(${folded}::text[])
    order by 1, 2`.execute(db);
  return rows.rows.map((r) => ({ type: r.type, id: r.id, ownerId: r.owner_id, email: r.email }));
}

/** A live campaign as an imported touch names it: by name or by UTM campaign code. */
export interface CampaignKey {
  id: string;
  name: string;
  utmCampaign: string | null;
}

/** Live campaigns named (case-insensitively) by one of `names` or carrying one of the UTM codes. */
export async function campaignsByKey(
  db: DbExecutor,
  orgId: string,
  names: readonly string[],
  utmCodes: readonly string[],
): Promise<CampaignKey[]> {
  if (names.length === 0 && utmCodes.length === 0) return [];
  const n = [...new Set(names.map((x) => x.toLowerCase()))];
  const u = [...new Set(utmCodes.map((x) => x.toLowerCase()))];
  const rows = await sql<{ id: string; name: string; utm_campaign: string | null }>`
    select id, name, utm_campaign from campaigns
     where org_id = ${orgId} and deleted_at is null
       and (lower(name) = any(${n}::text[]) or lower(utm_campaign) = any(${u}::text[]))
     order by created_at, id`.execute(db);
  return rows.rows.map((r) => ({ id: r.id, name: r.name, utmCampaign: r.utm_campaign }));
}

/** Whether the same touch (campaign, person, kind and time) is stored already: a re-import skips it. */
export async function touchExists(
  db: DbExecutor,
  orgId: string,
  t: { campaignId: string; person: { type: 'lead' | 'contact'; id: string }; kind: string; touchedAt: Date },
): Promise<boolean> {
  const row = await db
    .selectFrom('campaign_touches')
    .select('id')
    .where('org_id', '=', orgId)
    .where('campaign_id', '=', t.campaignId)
    .where(t.person.type === 'lead' ? 'lead_id' : 'contact_id', '=', t.person.id)
    .where('kind', '=', t.kind)
    .where('touched_at', '=', t.touchedAt)
    .executeTakeFirst();
  return row !== undefined;
}
