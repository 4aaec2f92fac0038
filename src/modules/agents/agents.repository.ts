import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Scope } from '../../contract/access.ts';
import type { DbExecutor } from '../../db/database.ts';
import type {
  AgencyAgreementsTable,
  AgencySettingsTable,
  AgentDisclosuresTable,
  AgentPartiesTable,
  DealAgentsTable,
  DualAgencyConsentsTable,
  DualAgencyDetectionsTable,
} from '../../db/schema-agents.ts';
import { scopeCondition } from '../../db/scope.ts';
import { updateVersioned } from '../../db/versioned.ts';

export type PartyRow = Selectable<AgentPartiesTable> & { firm_name: string | null };
export type AgreementRow = Selectable<AgencyAgreementsTable> & { agent_name: string; represented_name: string };
export type DealAgentRow = Selectable<DealAgentsTable> & {
  agent_name: string;
  agreement_from: string;
  agreement_to: string | null;
  firm_id: string | null;
  firm_name: string | null;
  jurisdiction: string | null;
  firm_jurisdiction: string | null;
  disclosed: boolean;
};
export type DisclosureRow = Selectable<AgentDisclosuresTable> & { agent_name: string };
export type ConsentRow = Selectable<DualAgencyConsentsTable>;
export type DetectionRow = Selectable<DualAgencyDetectionsTable>;
export type SettingsRow = Selectable<AgencySettingsTable>;

// ---- Parties ----

const parties = (db: DbExecutor, orgId: string) =>
  db
    .selectFrom('agent_parties as p')
    .leftJoin('agent_parties as f', (j) => j.onRef('f.org_id', '=', 'p.org_id').onRef('f.id', '=', 'p.firm_id'))
    .selectAll('p')
    .select('f.name as firm_name')
    .where('p.org_id', '=', orgId);

export async function listParties(
  db: DbExecutor,
  orgId: string,
  q: { q?: string | undefined; kind?: string | undefined; limit: number },
): Promise<PartyRow[]> {
  let b = parties(db, orgId);
  if (q.kind) b = b.where('p.kind', '=', q.kind);
  if (q.q) b = b.where(sql<boolean>`p.name ILIKE ${'%' + q.q.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}`);
  return b.orderBy('p.name').orderBy('p.id').limit(q.limit).execute();
}

export async function getParty(db: DbExecutor, orgId: string, id: string, lock = false): Promise<PartyRow | undefined> {
  const q = parties(db, orgId).where('p.id', '=', id);
  return (lock ? q.forNoKeyUpdate('p') : q).executeTakeFirst();
}

export async function insertParty(db: DbExecutor, row: Insertable<AgentPartiesTable>): Promise<void> {
  await db.insertInto('agent_parties').values(row).execute();
}

export async function updateParty(
  db: DbExecutor,
  orgId: string,
  id: string,
  version: number,
  patch: Updateable<AgentPartiesTable>,
): Promise<void> {
  await updateVersioned(db, 'agent_parties', { orgId, id, version }, patch);
}

/** Whether any person names the party as their firm (a firm with people cannot become a person). */
export async function hasMembers(db: DbExecutor, orgId: string, firmId: string): Promise<boolean> {
  const r = await db
    .selectFrom('agent_parties')
    .select('id')
    .where('org_id', '=', orgId)
    .where('firm_id', '=', firmId)
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

// ---- Agreements ----

const agreements = (db: DbExecutor, orgId: string) =>
  db
    .selectFrom('agency_agreements as g')
    .innerJoin('agent_parties as p', (j) => j.onRef('p.org_id', '=', 'g.org_id').onRef('p.id', '=', 'g.agent_party_id'))
    .leftJoin('accounts as a', (j) =>
      j.onRef('a.org_id', '=', 'g.org_id').onRef('a.id', '=', 'g.represented_account_id'),
    )
    .leftJoin('contacts as c', (j) =>
      j.onRef('c.org_id', '=', 'g.org_id').onRef('c.id', '=', 'g.represented_contact_id'),
    )
    .selectAll('g')
    .select('p.name as agent_name')
    .select(
      sql<string>`coalesce(a.name, trim(coalesce(c.first_name || ' ', '') || c.last_name), '')`.as('represented_name'),
    )
    .where('g.org_id', '=', orgId);

export async function listAgreements(
  db: DbExecutor,
  orgId: string,
  q: { agentPartyId?: string | undefined; side?: string | undefined; limit: number },
): Promise<AgreementRow[]> {
  let b = agreements(db, orgId);
  if (q.agentPartyId) b = b.where('g.agent_party_id', '=', q.agentPartyId);
  if (q.side) b = b.where('g.side', '=', q.side);
  return b.orderBy('g.effective_from', 'desc').orderBy('g.id').limit(q.limit).execute();
}

export async function getAgreement(
  db: DbExecutor,
  orgId: string,
  id: string,
  lock = false,
): Promise<AgreementRow | undefined> {
  const q = agreements(db, orgId).where('g.id', '=', id);
  return (lock ? q.forNoKeyUpdate('g') : q).executeTakeFirst();
}

export async function insertAgreement(db: DbExecutor, row: Insertable<AgencyAgreementsTable>): Promise<void> {
  await db.insertInto('agency_agreements').values(row).execute();
}

export async function updateAgreement(
  db: DbExecutor,
  orgId: string,
  id: string,
  version: number,
  patch: Updateable<AgencyAgreementsTable>,
): Promise<void> {
  await updateVersioned(db, 'agency_agreements', { orgId, id, version }, patch);
}

// ---- Agents on deals ----

export async function dealAgents(db: DbExecutor, orgId: string, dealId: string): Promise<DealAgentRow[]> {
  return db
    .selectFrom('deal_agents as d')
    .innerJoin('agent_parties as p', (j) => j.onRef('p.org_id', '=', 'd.org_id').onRef('p.id', '=', 'd.agent_party_id'))
    .leftJoin('agent_parties as f', (j) => j.onRef('f.org_id', '=', 'p.org_id').onRef('f.id', '=', 'p.firm_id'))
    .innerJoin('agency_agreements as g', (j) =>
      j.onRef('g.org_id', '=', 'd.org_id').onRef('g.id', '=', 'd.agreement_id'),
    )
    .selectAll('d')
    .select(['p.name as agent_name', 'p.firm_id', 'f.name as firm_name', 'p.jurisdiction'])
    .select(['g.effective_from as agreement_from', 'g.effective_to as agreement_to'])
    .select('f.jurisdiction as firm_jurisdiction')
    .select(
      sql<boolean>`exists (select 1 from agent_disclosures x where x.org_id = d.org_id and x.deal_id = d.deal_id and x.agent_party_id = d.agent_party_id)`.as(
        'disclosed',
      ),
    )
    .where('d.org_id', '=', orgId)
    .where('d.deal_id', '=', dealId)
    .orderBy('d.side')
    .orderBy('d.assigned_at')
    .orderBy('d.id')
    .execute();
}

export async function insertDealAgent(db: DbExecutor, row: Insertable<DealAgentsTable>): Promise<void> {
  await db.insertInto('deal_agents').values(row).execute();
}

export async function deleteDealAgent(db: DbExecutor, orgId: string, dealId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('deal_agents')
    .where('org_id', '=', orgId)
    .where('deal_id', '=', dealId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
}

// ---- Disclosures, consents, detections ----

export async function disclosures(db: DbExecutor, orgId: string, dealId: string): Promise<DisclosureRow[]> {
  return db
    .selectFrom('agent_disclosures as x')
    .innerJoin('agent_parties as p', (j) => j.onRef('p.org_id', '=', 'x.org_id').onRef('p.id', '=', 'x.agent_party_id'))
    .selectAll('x')
    .select('p.name as agent_name')
    .where('x.org_id', '=', orgId)
    .where('x.deal_id', '=', dealId)
    .orderBy('x.disclosed_at')
    .orderBy('x.id')
    .execute();
}

export async function insertDisclosure(db: DbExecutor, row: Insertable<AgentDisclosuresTable>): Promise<void> {
  await db.insertInto('agent_disclosures').values(row).execute();
}

export async function consents(db: DbExecutor, orgId: string, dealId: string): Promise<ConsentRow[]> {
  return db
    .selectFrom('dual_agency_consents')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('deal_id', '=', dealId)
    .orderBy('side')
    .execute();
}

export async function insertConsent(db: DbExecutor, row: Insertable<DualAgencyConsentsTable>): Promise<boolean> {
  const r = await db
    .insertInto('dual_agency_consents')
    .values(row)
    .onConflict((oc) => oc.columns(['org_id', 'deal_id', 'side']).doNothing())
    .executeTakeFirst();
  return (r.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

export async function detections(db: DbExecutor, orgId: string, dealId: string): Promise<DetectionRow[]> {
  return db
    .selectFrom('dual_agency_detections')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('deal_id', '=', dealId)
    .orderBy('detected_at')
    .orderBy('id')
    .execute();
}

export async function insertDetections(db: DbExecutor, rows: Insertable<DualAgencyDetectionsTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('dual_agency_detections').values(rows).execute();
}

// ---- Settings ----

export async function getSettings(db: DbExecutor, orgId: string, lock = false): Promise<SettingsRow | undefined> {
  const q = db.selectFrom('agency_settings').selectAll().where('org_id', '=', orgId);
  return (lock ? q.forNoKeyUpdate() : q).executeTakeFirst();
}

export async function saveSettings(db: DbExecutor, row: Insertable<AgencySettingsTable>): Promise<SettingsRow> {
  return db
    .insertInto('agency_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet((eb) => ({
        forbidden_jurisdictions: eb.ref('excluded.forbidden_jurisdictions'),
        disclosure_gates: eb.ref('excluded.disclosure_gates'),
        updated_at: eb.ref('excluded.updated_at'),
        version: sql<number>`agency_settings.version + 1`,
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The positions of a stage and its pipeline's stages (for the disclosure gate). */
export async function stagePosition(
  db: DbExecutor,
  orgId: string,
  pipelineId: string,
  stageId: string,
): Promise<number | undefined> {
  const r = await db
    .selectFrom('stages')
    .select('position')
    .where('org_id', '=', orgId)
    .where('pipeline_id', '=', pipelineId)
    .where('id', '=', stageId)
    .executeTakeFirst();
  return r?.position;
}

// ---- Analytics ----

export interface SideRow {
  side: string;
  status: string;
  currency: string;
  deals: number;
  amount: string;
}

/** Deals with an agent on a side, by side, status and currency (a deal counts once per side). */
export async function dealsBySide(db: DbExecutor, orgId: string, scope: Scope): Promise<SideRow[]> {
  return db
    .selectFrom('deals as d')
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('deal_agents')
          .select(['org_id', 'deal_id', 'side'])
          .where('org_id', '=', orgId)
          .distinct()
          .as('s'),
      (j) => j.onRef('s.org_id', '=', 'd.org_id').onRef('s.deal_id', '=', 'd.id'),
    )
    .select(['s.side', 'd.status', sql<string>`trim(d.currency)`.as('currency')])
    .select(sql<number>`count(*)::int`.as('deals'))
    .select(sql<string>`coalesce(sum(d.amount), 0)::numeric(20,2)::text`.as('amount'))
    .where('d.org_id', '=', orgId)
    .where('d.deleted_at', 'is', null)
    .where(scopeCondition(scope, 'd.owner_id', 'd.partner_account_id') ?? sql<boolean>`true`)
    .groupBy(['s.side', 'd.status', sql`trim(d.currency)`])
    .orderBy('s.side')
    .orderBy('d.status')
    .execute();
}

export interface AgentWorkRow {
  deal_agent_id: string;
  deal_id: string;
  deal_name: string;
  stage_name: string;
  status: string;
  amount: string | null;
  currency: string;
  expected_close_date: string | null;
  closed_at: Date | null;
  agent_name: string;
  role: string;
  side: string;
  disclosed: boolean;
  compensation_kind: string;
  compensation_percent: string | null;
  compensation_amount: string | null;
  agreement_currency: string | null;
}

/** The deals the parties are on (live deals only), newest first, with the agreement's terms. */
export async function agentWork(db: DbExecutor, orgId: string, partyIds: readonly string[]): Promise<AgentWorkRow[]> {
  if (partyIds.length === 0) return [];
  return db
    .selectFrom('deal_agents as a')
    .innerJoin('deals as d', (j) => j.onRef('d.org_id', '=', 'a.org_id').onRef('d.id', '=', 'a.deal_id'))
    .innerJoin('stages as s', (j) => j.onRef('s.org_id', '=', 'd.org_id').onRef('s.id', '=', 'd.stage_id'))
    .innerJoin('agent_parties as p', (j) => j.onRef('p.org_id', '=', 'a.org_id').onRef('p.id', '=', 'a.agent_party_id'))
    .innerJoin('agency_agreements as g', (j) =>
      j.onRef('g.org_id', '=', 'a.org_id').onRef('g.id', '=', 'a.agreement_id'),
    )
    .select([
      'a.id as deal_agent_id',
      'd.id as deal_id',
      'd.name as deal_name',
      's.name as stage_name',
      'd.status',
      sql<string | null>`d.amount::text`.as('amount'),
      sql<string>`trim(d.currency)`.as('currency'),
      sql<string | null>`d.expected_close_date::text`.as('expected_close_date'),
      'd.closed_at',
      'p.name as agent_name',
      'a.role',
      'a.side',
      sql<boolean>`exists (select 1 from agent_disclosures x where x.org_id = a.org_id and x.deal_id = a.deal_id and x.agent_party_id = a.agent_party_id)`.as(
        'disclosed',
      ),
      'g.compensation_kind',
      sql<string | null>`g.compensation_percent::text`.as('compensation_percent'),
      sql<string | null>`g.compensation_amount::text`.as('compensation_amount'),
      sql<string | null>`trim(g.currency)`.as('agreement_currency'),
    ])
    .where('a.org_id', '=', orgId)
    .where('a.agent_party_id', 'in', partyIds)
    .where('d.deleted_at', 'is', null)
    .orderBy('d.created_at', 'desc')
    .orderBy('a.id')
    .execute();
}
