import type { ColumnType } from 'kysely';

type Ts = Date;
type Decimal = string;
type DateOnly = string;
type Json<T> = ColumnType<T, string, string>;
type Version = ColumnType<number, number | undefined, number>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface PartnerTiersTable {
  org_id: string;
  id: string;
  name: string;
  rank: Defaulted<number>;
  discount_percent: Defaulted<Decimal>;
  protection_days: number;
  development_funds: Defaulted<Decimal>;
  currency: string;
  /** How many leads a partner of this tier holds at once (offered or accepted); null: no limit (migration 0032). */
  lead_capacity: Defaulted<number | null>;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}

export interface PartnerProfilesTable {
  org_id: string;
  account_id: string;
  partner_type: string;
  tier_id: string | null;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}

export interface ChannelSettingsTable {
  org_id: string;
  conflict_policy: Defaulted<string>;
  approval_sla_days: Defaulted<number>;
  updated_at: Ts;
  version: Version;
}

export interface DealRegistrationsTable {
  org_id: string;
  id: string;
  partner_account_id: string;
  registered_by: string | null;
  customer_name: string;
  customer_domain: string | null;
  product_ids: Json<string[]>;
  amount: Decimal | null;
  currency: string;
  expected_close_date: ColumnType<DateOnly | null, DateOnly | null, DateOnly | null>;
  notes: string | null;
  status: Defaulted<string>;
  deal_id: string | null;
  protection_days: number | null;
  protected_until: Ts | null;
  decided_by: string | null;
  decided_at: Ts | null;
  rejection_reason: string | null;
  distributor_account_id: string | null;
  escalated_at: Ts | null;
  registered_at: Ts;
  updated_at: Ts;
  version: Version;
}

/** A reseller a distributor serves (two-tier distribution). */
export interface PartnerResellersTable {
  org_id: string;
  distributor_account_id: string;
  reseller_account_id: string;
  created_by: string | null;
  created_at: Ts;
}

export interface ChannelConflictsTable {
  org_id: string;
  id: string;
  subject_kind: string;
  subject_id: string;
  match_kind: string;
  match_id: string;
  reasons: Json<unknown>;
  evidence: Json<unknown>;
  policy: string;
  suggested_winner: string;
  status: Defaulted<string>;
  winner: string | null;
  resolution_note: string | null;
  resolved_by: string | null;
  resolved_at: Ts | null;
  detected_at: Ts;
  version: Version;
}

export interface PartnerLeadOffersTable {
  org_id: string;
  id: string;
  lead_id: string;
  partner_account_id: string;
  status: Defaulted<string>;
  chosen_by: string;
  rule_detail: string | null;
  offered_by: string | null;
  offered_at: Ts;
  expires_at: Ts;
  responded_by: string | null;
  responded_at: Ts | null;
  decline_reason: string | null;
  updated_at: Ts;
  version: Version;
}

export interface PartnerFundBudgetsTable {
  org_id: string;
  id: string;
  partner_account_id: string;
  period_start: ColumnType<DateOnly, DateOnly, DateOnly>;
  period_end: ColumnType<DateOnly, DateOnly, DateOnly>;
  amount: Decimal;
  currency: string;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}

export interface PartnerFundRequestsTable {
  org_id: string;
  id: string;
  budget_id: string;
  partner_account_id: string;
  activity: string;
  amount: Decimal;
  currency: string;
  status: Defaulted<string>;
  requested_by: string | null;
  requested_at: Ts;
  decided_by: string | null;
  decided_at: Ts | null;
  decision_note: string | null;
  claimed_amount: Decimal | null;
  claim_proof: string | null;
  claimed_by: string | null;
  claimed_at: Ts | null;
  paid_by: string | null;
  paid_at: Ts | null;
  payment_reference: string | null;
  updated_at: Ts;
  version: Version;
}

/** The tables of channel sales (migrations 0018 and 0032). */
export interface ChannelTables {
  partner_tiers: PartnerTiersTable;
  partner_profiles: PartnerProfilesTable;
  channel_settings: ChannelSettingsTable;
  deal_registrations: DealRegistrationsTable;
  channel_conflicts: ChannelConflictsTable;
  partner_resellers: PartnerResellersTable;
  partner_lead_offers: PartnerLeadOffersTable;
  partner_fund_budgets: PartnerFundBudgetsTable;
  partner_fund_requests: PartnerFundRequestsTable;
}
