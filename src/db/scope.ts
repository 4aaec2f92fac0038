import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DealRelatedEntity, Scope } from '../contract/access.ts';

/**
 * The SQL condition for a record scope, or null when everything is visible. `partnerColumn` is
 * the column holding the partner account (deals); without it a partner scope sees nothing.
 */
export function scopeCondition(scope: Scope, ownerColumn: string, partnerColumn?: string): RawBuilder<SqlBool> | null {
  switch (scope.kind) {
    case 'all':
      return null;
    case 'none':
      return sql<SqlBool>`false`;
    case 'owners':
      if (scope.ownerIds.length === 0) return sql<SqlBool>`false`;
      return sql<SqlBool>`${sql.ref(ownerColumn)} in (${sql.join(scope.ownerIds.map((id) => sql`${id}::uuid`))})`;
    case 'partner':
      if (!partnerColumn) return sql<SqlBool>`false`;
      if (scope.asDistributor) return partnerOrDistributorCondition(scope.partnerAccountId, partnerColumn);
      return sql<SqlBool>`${sql.ref(partnerColumn)} = ${scope.partnerAccountId}::uuid`;
    case 'agent':
      return agentCondition(scope, ownerColumn);
  }
}

/**
 * A partner's deals in SQL, two-tier: its own (`partnerColumn`, a deal's `partner_account_id`) and
 * those a registration approved into names it as distributor . The
 * deal's `org_id` and `id` are the siblings of `partnerColumn`, which must be qualified for the
 * subquery to correlate with the outer row (unqualified, only the partner's own deals match).
 */
function partnerOrDistributorCondition(partnerAccountId: string, partnerColumn: string): RawBuilder<SqlBool> {
  const own = sql<SqlBool>`${sql.ref(partnerColumn)} = ${partnerAccountId}::uuid`;
  if (!partnerColumn.includes('.')) return own;
  const prefix = partnerColumn.slice(0, partnerColumn.lastIndexOf('.') + 1);
  return sql<SqlBool>`(${own} or exists (select 1 from deal_registrations sdr where sdr.org_id = ${sql.ref(`${prefix}org_id`)} and sdr.deal_id = ${sql.ref(`${prefix}id`)} and sdr.distributor_account_id = ${partnerAccountId}::uuid))`;
}

/**
 * The distributors of the deal aliased `alias` (two-tier): those the registrations approved into it
 * name, the first-registered first, as a JSON array (empty for none).
 */
export function dealDistributors(alias: string): RawBuilder<string[]> {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  return sql<string[]>`(select coalesce(json_agg(x.id order by x.first, x.id), '[]') from (
    select r.distributor_account_id as id, min(r.registered_at) as first from deal_registrations r
    where r.org_id = ${col('org_id')} and r.deal_id = ${col('id')} and r.distributor_account_id is not null
    group by r.distributor_account_id) x)`;
}

/**
 * An agent's scope in SQL, for a deal or an activity whose owner column is `ownerColumn` (its
 * sibling columns `org_id`, `id` and, for activities, `deal_id` and `agent_side` are used): a deal
 * where one of the agent's parties has a role; an activity on such a deal written for the side that
 * party works on.
 */
function agentCondition(scope: Extract<Scope, { kind: 'agent' }>, ownerColumn: string): RawBuilder<SqlBool> {
  // The condition correlates with the outer row by qualified columns only: unqualified, they would
  // resolve to the subquery's own table. A caller that does not qualify its columns sees nothing.
  if (scope.agentPartyIds.length === 0 || !ownerColumn.includes('.')) return sql<SqlBool>`false`;
  const prefix = ownerColumn.slice(0, ownerColumn.length - 'owner_id'.length);
  const col = (c: string) => sql.ref(`${prefix}${c}`);
  const parties = sql.join(scope.agentPartyIds.map((id) => sql`${id}::uuid`));
  if (scope.on === 'deal')
    return sql<SqlBool>`exists (select 1 from deal_agents sa where sa.org_id = ${col('org_id')} and sa.deal_id = ${col('id')} and sa.agent_party_id in (${parties}))`;
  return sql<SqlBool>`exists (select 1 from deal_agents sa where sa.org_id = ${col('org_id')} and sa.deal_id = ${col('deal_id')} and sa.side = ${col('agent_side')} and sa.agent_party_id in (${parties}))`;
}

/**
 * The SQL condition "this account or contact is on a live deal inside `dealScope`" (see
 * `relatedDealScope`): an account as the deal's account, a contact as its primary contact or with a
 * buying role. `orgColumn` and `idColumn` name the record's columns in the outer query.
 */
export function onDealInScope(
  entity: DealRelatedEntity,
  dealScope: Scope,
  orgColumn: string,
  idColumn: string,
): RawBuilder<SqlBool> {
  const deal = scopeCondition(dealScope, 'rd.owner_id', 'rd.partner_account_id') ?? sql<SqlBool>`true`;
  const org = sql.ref(orgColumn);
  const id = sql.ref(idColumn);
  const link =
    entity === 'account'
      ? sql<SqlBool>`rd.account_id = ${id}`
      : sql<SqlBool>`(rd.primary_contact_id = ${id} or exists (select 1 from deal_contacts rdc where rdc.org_id = rd.org_id and rdc.deal_id = rd.id and rdc.contact_id = ${id}))`;
  return sql<SqlBool>`exists (select 1 from deals rd where rd.org_id = ${org} and rd.deleted_at is null and ${link} and ${deal})`;
}

/** A record's read condition: its own scope, widened by the deals it is on when `dealScope` is given. */
export function readCondition(
  entity: DealRelatedEntity,
  scope: Scope,
  dealScope: Scope | null,
  table: string,
): RawBuilder<SqlBool> | null {
  const own = scopeCondition(scope, `${table}.owner_id`);
  if (own === null || dealScope === null) return own;
  return sql<SqlBool>`(${own} or ${onDealInScope(entity, dealScope, `${table}.org_id`, `${table}.id`)})`;
}
