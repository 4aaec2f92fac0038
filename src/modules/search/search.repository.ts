import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import { likePattern, prefixPattern } from '../../db/list.ts';
import { scopeCondition } from '../../db/scope.ts';
import type { Scope } from '../../contract/access.ts';
import type { SearchType } from '../../contract/search.ts';

export interface SearchHit {
  id: string;
  title: string;
  subtitle: string | null;
  score: number;
}

interface Target {
  table: 'accounts' | 'contacts' | 'leads' | 'deals';
  /** Exactly the expression of the table's trigram index (migration 0002), so the index is used. */
  text: RawBuilder<string>;
  title: RawBuilder<string>;
  subtitle: RawBuilder<string | null>;
  partnerColumn?: string;
}

const contactName = sql<string>`coalesce(first_name, '') || ' ' || last_name`;

const targets: Record<SearchType, Target> = {
  account: { table: 'accounts', text: sql`name`, title: sql`name`, subtitle: sql`coalesce(domain, industry)` },
  contact: {
    table: 'contacts',
    text: contactName,
    title: sql`trim(${contactName})`,
    // The contact's own fields only: its account may be outside the searcher's scope.
    subtitle: sql`nullif(concat_ws(' · ', title, emails ->> 0), '')`,
  },
  lead: {
    table: 'leads',
    text: sql`coalesce(first_name, '') || ' ' || last_name || ' ' || coalesce(company, '')`,
    title: sql`trim(${contactName})`,
    subtitle: sql`concat_ws(' · ', company, status)`,
  },
  deal: {
    table: 'deals',
    text: sql`name`,
    title: sql`name`,
    subtitle: sql`concat_ws(' · ', status, amount::text || ' ' || currency)`,
    partnerColumn: 'partner_account_id',
  },
};

/**
 * Records of one type whose text is similar to `q` (trigram similarity ≥ 0.3 via %), contains it
 * as a word (word similarity ≥ 0.6 via <%) or contains it literally (ILIKE, for queries too short
 * for trigrams), best first. The score is the mean of four parts between 0 and 1: similarity
 * (penalises extra length), word similarity (finds "acme" in a long name), a prefix match and an
 * exact match; so for "acme", "Acme" ranks above "Acme Corporation" and both above "Macme", and
 * for the typo "acmee", "Acme" still ranks above "Acme Corporation".
 */
export async function searchRecords(
  db: DbExecutor,
  type: SearchType,
  orgId: string,
  scope: Scope,
  q: string,
  limit: number,
): Promise<SearchHit[]> {
  const t = targets[type];
  // Bracketed: `%`, `<%` and `||` share one precedence level, so a bare concatenation would bind wrongly.
  const text = sql<string>`(${t.text})`;
  // The partner column qualified, so a distributor's condition correlates with the searched row.
  const partnerColumn = t.partnerColumn ? `${t.table}.${t.partnerColumn}` : undefined;
  const inScope = scopeCondition(scope, 'owner_id', partnerColumn) ?? sql<SqlBool>`true`;
  const score = sql<number>`((similarity(${text}, ${q}) + word_similarity(${q}, ${text})
    + (case when ${text} ilike ${prefixPattern(q)} then 1 else 0 end)
    + (case when lower(${text}) = lower(${q}) then 1 else 0 end)) / 4)::float8`;
  const r = await sql<SearchHit>`
    select id, ${t.title} as title, ${t.subtitle} as subtitle, ${score} as score
    from ${sql.table(t.table)}
    where org_id = ${orgId} and deleted_at is null and ${inScope}
      and (${text} % ${q} or ${q} <% ${text} or ${text} ilike ${likePattern(q)})
    order by score desc, title, id
    limit ${limit}`.execute(db);
  return r.rows;
}
