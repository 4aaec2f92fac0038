import type { ColumnType } from 'kysely';

type Ts = Date;
type Decimal = string;
type DateOnly = string;
type Json<T> = ColumnType<T, string, string>;
type Version = ColumnType<number, number | undefined, number>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface AgentPartiesTable {
  org_id: string;
  id: string;
  kind: string;
  name: string;
  firm_id: string | null;
  licence_number: string | null;
  jurisdiction: string | null;
  email: string | null;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}

export interface AgencyAgreementsTable {
  org_id: string;
  id: string;
  agent_party_id: string;
  side: string;
  represented_account_id: string | null;
  represented_contact_id: string | null;
  effective_from: DateOnly;
  effective_to: DateOnly | null;
  exclusive: Defaulted<boolean>;
  compensation_kind: string;
  compensation_percent: Decimal | null;
  compensation_amount: Decimal | null;
  currency: string | null;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}

export interface DealAgentsTable {
  org_id: string;
  id: string;
  deal_id: string;
  agent_party_id: string;
  agreement_id: string;
  role: string;
  side: string;
  assigned_by: string | null;
  assigned_at: Ts;
}

export interface AgentDisclosuresTable {
  org_id: string;
  id: string;
  deal_id: string;
  agent_party_id: string;
  disclosed_to: string;
  disclosed_to_contact_id: string | null;
  disclosed_at: Ts;
  document_ref: string;
  recorded_by: string | null;
  recorded_at: Ts;
}

export interface DualAgencyConsentsTable {
  org_id: string;
  id: string;
  deal_id: string;
  side: string;
  given_by: string;
  given_by_contact_id: string | null;
  consented_at: Ts;
  document_ref: string;
  recorded_by: string | null;
  recorded_at: Ts;
}

export interface DualAgencyDetectionsTable {
  org_id: string;
  id: string;
  deal_id: string;
  agent_party_id: string;
  other_party_id: string;
  basis: string;
  firm_id: string | null;
  outcome: string;
  detected_by: string | null;
  detected_at: Ts;
}

export interface AgencySettingsTable {
  org_id: string;
  forbidden_jurisdictions: Json<string[]>;
  disclosure_gates: Json<{ pipelineId: string; stageId: string }[]>;
  updated_at: Ts;
  version: Version;
}

/** The tables of agents and agency (migration 0027). */
export interface AgentTables {
  agent_parties: AgentPartiesTable;
  agency_agreements: AgencyAgreementsTable;
  deal_agents: DealAgentsTable;
  agent_disclosures: AgentDisclosuresTable;
  dual_agency_consents: DualAgencyConsentsTable;
  dual_agency_detections: DualAgencyDetectionsTable;
  agency_settings: AgencySettingsTable;
}
