import type { ColumnType, Generated } from 'kysely';
import type { ChannelTables } from './schema-channel.ts';
import type { ScoringTables } from './schema-scoring.ts';
import type { HandoffTables } from './schema-handoffs.ts';
import type { AgentTables } from './schema-agents.ts';
import type { RoutingTables } from './schema-routing.ts';
import type { CadenceTables } from './schema-cadences.ts';
import type { HolidayTables } from './schema-holidays.ts';

/** Timestamps are written as Date and read back as Date. */
type Ts = Date;
/** Exact decimals travel as strings in both directions. */
type Decimal = string;
/** DATE columns are read as 'YYYY-MM-DD' strings. */
type DateOnly = string;
type Json<T> = ColumnType<T, string, string>;
type Version = ColumnType<number, number | undefined, number>;

export interface OrganizationsTable {
  id: string;
  name: string;
  base_currency: string;
  timezone: string;
  fiscal_year_start_month: number;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}

export interface TeamsTable {
  org_id: string;
  id: string;
  external_id: Generated<string | null>;
  name: string;
  kind: string;
  manager_id: string | null;
  created_at: Ts;
  updated_at: Ts;
  deleted_at: Ts | null;
  version: Version;
}

export interface UsersTable {
  org_id: string;
  id: string;
  external_id: string | null;
  email: string;
  name: string;
  password_hash: string | null;
  role: string;
  team_id: string | null;
  manager_id: string | null;
  partner_account_id: string | null;
  agent_party_id: ColumnType<string | null, string | null | undefined, string | null>;
  active: boolean;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}

export interface SessionsTable {
  org_id: string;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Ts;
  expires_at: Ts;
}

export interface ApiTokensTable {
  org_id: string;
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: Ts;
  last_used_at: Ts | null;
  expires_at: Ts | null;
  revoked_at: Ts | null;
}

export interface AccountsTable {
  org_id: string;
  id: string;
  external_id: string | null;
  name: string;
  domain: string | null;
  industry: string | null;
  employees: number | null;
  annual_revenue: Decimal | null;
  revenue_currency: string | null;
  street: string | null;
  city: string | null;
  region: string | null;
  postal_code: string | null;
  country: string | null;
  type: string;
  owner_id: string | null;
  parent_account_id: string | null;
  created_by: string | null;
  created_at: Ts;
  updated_at: Ts;
  deleted_at: Ts | null;
  version: Version;
}

export interface ContactsTable {
  org_id: string;
  id: string;
  external_id: string | null;
  account_id: string | null;
  first_name: string | null;
  last_name: string;
  title: string | null;
  emails: Json<string[]>;
  phones: Json<string[]>;
  owner_id: string | null;
  do_not_contact: boolean;
  email_opt_out: boolean;
  created_by: string | null;
  created_at: Ts;
  updated_at: Ts;
  deleted_at: Ts | null;
  version: Version;
}

export interface LeadsTable {
  org_id: string;
  id: string;
  external_id: string | null;
  first_name: string | null;
  last_name: string;
  email: string | null;
  phone: string | null;
  title: string | null;
  company: string | null;
  company_domain: string | null;
  industry: string | null;
  source: string | null;
  campaign_id: string | null;
  status: string;
  disqualified_reason: string | null;
  owner_id: string | null;
  converted_at: Ts | null;
  converted_account_id: string | null;
  converted_contact_id: string | null;
  converted_deal_id: string | null;
  lifecycle_stage: ColumnType<string, string | undefined, string>;
  recycle_reason: string | null;
  created_by: string | null;
  created_at: Ts;
  updated_at: Ts;
  deleted_at: Ts | null;
  version: Version;
}

export interface ProductsTable {
  org_id: string;
  id: string;
  external_id: string | null;
  sku: string;
  name: string;
  family: string | null;
  description: string | null;
  list_price: Decimal;
  /** What a unit costs the organization (plans paid on margin); null when unknown. */
  cost: ColumnType<Decimal | null, Decimal | null | undefined, Decimal | null>;
  currency: string;
  active: boolean;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}

export interface PipelinesTable {
  org_id: string;
  id: string;
  name: string;
  description: string | null;
  enforce_stage_order: boolean;
  is_default: boolean;
  active: boolean;
  held_meeting_action: Generated<string>;
  held_meeting_stage_id: Generated<string | null>;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}

export interface StagesTable {
  org_id: string;
  id: string;
  pipeline_id: string;
  name: string;
  position: number;
  probability: number;
  forecast_category: string;
  kind: string;
  expected_days: number | null;
  required_fields: Json<string[]>;
}

export interface DealsTable {
  org_id: string;
  id: string;
  external_id: string | null;
  name: string;
  account_id: string | null;
  primary_contact_id: string | null;
  pipeline_id: string;
  stage_id: string;
  status: string;
  amount: Decimal | null;
  currency: string;
  expected_close_date: DateOnly | null;
  closed_at: Ts | null;
  owner_id: string | null;
  source: string | null;
  channel: string;
  partner_account_id: string | null;
  lost_reason: string | null;
  next_step: string | null;
  stage_entered_at: Ts;
  created_by: string | null;
  created_at: Ts;
  updated_at: Ts;
  deleted_at: Ts | null;
  version: Version;
  /** Imported from a flat export: the stages before its recorded ones are unknown (migration 0020). */
  path_unknown: Generated<boolean>;
  /** The deal's own forecast category; null: its stage's (migration 0025). */
  forecast_category: Generated<string | null>;
}

export interface DealContactsTable {
  org_id: string;
  deal_id: string;
  contact_id: string;
  role: string;
}

export interface DealLineItemsTable {
  org_id: string;
  id: string;
  deal_id: string;
  product_id: string;
  position: number;
  quantity: Decimal;
  unit_price: Decimal;
  discount_percent: Decimal;
}

export interface ActivitiesTable {
  org_id: string;
  id: string;
  external_id: string | null;
  type: string;
  subject: string | null;
  body: string | null;
  deal_id: string | null;
  contact_id: string | null;
  account_id: string | null;
  lead_id: string | null;
  owner_id: string | null;
  occurred_at: Ts | null;
  due_at: Ts | null;
  completed_at: Ts | null;
  call_direction: string | null;
  call_disposition: string | null;
  duration_seconds: number | null;
  meeting_start: Ts | null;
  meeting_end: Ts | null;
  location: string | null;
  attendees: Json<string[]>;
  meeting_outcome: string | null;
  email_direction: string | null;
  agent_side: ColumnType<string | null, string | null | undefined, string | null>;
  /** The pitch-script version a call was made with (both set or neither). */
  script_id: ColumnType<string | null, string | null | undefined, string | null>;
  script_version: ColumnType<number | null, number | null | undefined, number | null>;
  /** The cadence enrolment whose email or task step this task is (tasks only). */
  cadence_enrolment_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string | null;
  created_at: Ts;
  updated_at: Ts;
  deleted_at: Ts | null;
  version: Version;
}

export interface ObjectionsTable {
  org_id: string;
  id: string;
  category: string;
  title: string;
  description: string | null;
  recommended_responses: Json<string[]>;
  active: boolean;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}

export interface RaisedObjectionsTable {
  org_id: string;
  id: string;
  deal_id: string | null;
  activity_id: string | null;
  objection_id: string | null;
  category: string;
  buyer_words: string;
  response_used: string | null;
  outcome: string;
  raised_by: string | null;
  raised_at: Ts;
  created_at: Ts;
}

export interface PitchScriptsTable {
  org_id: string;
  id: string;
  name: string;
  pipeline_id: string | null;
  stage_id: string | null;
  product_id: string | null;
  body: string;
  script_version: number;
  active: boolean;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}

export interface PitchScriptVersionsTable {
  org_id: string;
  script_id: string;
  script_version: number;
  body: string;
  created_by: string | null;
  created_at: Ts;
}

export interface EventsTable {
  org_id: string;
  id: Generated<number>;
  seq: number | null;
  occurred_at: Ts;
  business_time: Ts | null;
  imported: ColumnType<boolean, boolean | undefined, boolean>;
  actor_id: string | null;
  entity_type: string;
  entity_id: string;
  type: string;
  data: Json<Record<string, unknown>>;
  /** The catalog version of the payload (1 for every event written before versions were stored). */
  version: ColumnType<number, number | undefined, number>;
  prev_hash: string | null;
  hash: string | null;
}

/** One visit of a deal to a stage (projection of deal.created / deal.stage_changed events). */
export interface DealStageVisitsTable {
  org_id: string;
  deal_id: string;
  visit_no: number;
  pipeline_id: string;
  stage_id: string;
  entered_at: Ts;
  left_at: Ts | null;
  event_id: number;
  /** The entry was not observed as a move from the visit before (a flat import; migration 0020). */
  entry_unknown: Generated<boolean>;
}

/** Kept by triggers on deal_stage_visits (migration 0007); never written by the application. */
export interface DealTracesTable {
  org_id: string;
  deal_id: string;
  pipeline_id: string;
  stage_ids: string[];
  entered_ats: Ts[];
  first_at: Ts;
  last_at: Ts;
  deal_first_at: Ts;
  current_at: Ts | null;
}

export interface EventChainHeadsTable {
  org_id: string;
  last_seq: number;
  last_hash: string;
  sealed_at: Ts;
}

export interface IdempotencyKeysTable {
  org_id: string;
  user_id: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  status_code: number | null;
  response: Json<unknown> | null;
  created_at: Ts;
}

export interface InstanceSettingsTable {
  key: string;
  value: string;
}

export interface LoginAttemptsTable {
  email: string;
  attempted_at: Ts;
  succeeded: boolean;
}

export interface SavedViewsTable {
  org_id: string;
  id: string;
  user_id: string;
  entity: string;
  name: string;
  filters: Json<Record<string, string>>;
  sort: Json<{ key: string; order: 'asc' | 'desc' } | null>;
  columns: Json<string[]>;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: Ts;
}

export interface ImportJobsTable {
  org_id: string;
  id: string;
  entity: string;
  status: string;
  options: Json<Record<string, unknown>>;
  file_name: string | null;
  file_bytes: number;
  bytes_read: ColumnType<number, number | undefined, number>;
  rows_read: ColumnType<number, number | undefined, number>;
  summary: Json<Record<string, unknown>> | null;
  error: string | null;
  created_by: string;
  created_at: Ts;
  started_at: Ts | null;
  finished_at: Ts | null;
  heartbeat_at: Ts | null;
  rows_done: ColumnType<number, number | undefined, number>;
}

export interface ImportUploadsTable {
  org_id: string;
  job_id: string;
  chunk_no: number;
  data: Uint8Array;
  created_at: Ts;
}

export interface JobsTable {
  org_id: string;
  id: string;
  kind: string;
  payload: Json<Record<string, unknown>>;
  status: string;
  job_key: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: number;
  run_at: Ts;
  claim: string | null;
  claimed_by: string | null;
  heartbeat_at: Ts | null;
  last_error: string | null;
  created_by: string | null;
  created_at: Ts;
  started_at: Ts | null;
  finished_at: Ts | null;
}

export interface ImportRejectsTable {
  org_id: string;
  job_id: string;
  line: number;
  cells: Json<string[]>;
  reason: string;
}

export interface MergedRecordsTable {
  org_id: string;
  entity_type: string;
  merged_id: string;
  into_id: string;
  merged_at: Ts;
  merged_by: string | null;
}

export interface WebhookEndpointsTable {
  org_id: string;
  id: string;
  url: string;
  description: string | null;
  event_types: string[];
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  disabled_reason: string | null;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Ts | null;
  cursor_seq: number;
  attempt_count: ColumnType<number, number | undefined, number>;
  next_attempt_at: Ts | null;
  failing_since: Ts | null;
  last_success_at: Ts | null;
  lease_owner: string | null;
  lease_until: Ts | null;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}

export interface WebhookAttemptsTable {
  org_id: string;
  endpoint_id: string;
  id: Generated<number>;
  message_id: string;
  event_id: number | null;
  event_seq: number | null;
  event_type: string;
  attempt: number;
  attempted_at: Ts;
  outcome: string;
  status: number | null;
  duration_ms: number;
  response_excerpt: string | null;
  error: string | null;
  next_attempt_at: Ts | null;
  test: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface ApprovalRulesTable {
  org_id: string;
  id: string;
  kind: string;
  threshold: Decimal | null;
  currency: string | null;
  approver_kind: string;
  approver_role: string | null;
  levels: number;
  active: boolean;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
  escalate_after_minutes: number | null;
  escalate_in: ColumnType<string, string | undefined, string>;
}

export interface ApprovalsTable {
  org_id: string;
  id: string;
  deal_id: string;
  action: string;
  change: Json<Record<string, unknown>>;
  expected_version: number;
  reasons: Json<unknown[]>;
  approvers: Json<unknown[]>;
  step: ColumnType<number, number | undefined, number>;
  status: string;
  requested_by: string;
  owner_id: string | null;
  decisions: ColumnType<unknown[], string | undefined, string>;
  created_at: Ts;
  decided_at: Ts | null;
  version: Version;
  escalate_after_minutes: number | null;
  escalate_in: string | null;
  step_started_at: Ts;
  escalates_at: Ts | null;
  escalations: ColumnType<unknown[], string | undefined, string>;
}

export interface PeriodLocksTable {
  org_id: string;
  id: string;
  starts_on: DateOnly;
  ends_on: DateOnly;
  locked_by: string;
  locked_at: Ts;
}

export interface FindingsTable {
  org_id: string;
  id: string;
  detector: string;
  fingerprint: string;
  severity: string;
  summary: string;
  subject_type: string;
  subject_id: string;
  person_id: string | null;
  evidence: Json<unknown[]>;
  score: Decimal | null;
  assignee_id: string | null;
  status: string;
  reason: string | null;
  detected_at: Ts;
  updated_at: Ts;
  version: Version;
}

export interface CampaignsTable {
  org_id: string;
  id: string;
  name: string;
  type: string;
  channel: string | null;
  status: string;
  start_date: DateOnly | null;
  end_date: DateOnly | null;
  owner_id: string | null;
  parent_id: string | null;
  budget: Decimal | null;
  expected_revenue: Decimal | null;
  currency: string;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  utm_content: string | null;
  utm_term: string | null;
  description: string | null;
  created_by: string | null;
  created_at: Ts;
  updated_at: Ts;
  deleted_at: Ts | null;
  version: Version;
}

export interface CampaignCostsTable {
  org_id: string;
  id: string;
  campaign_id: string;
  incurred_on: DateOnly;
  amount: Decimal;
  description: string | null;
  created_by: string | null;
  created_at: Ts;
}

export interface CampaignTouchesTable {
  org_id: string;
  id: string;
  campaign_id: string;
  lead_id: string | null;
  contact_id: string | null;
  kind: string;
  touched_at: Ts;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  utm_content: string | null;
  utm_term: string | null;
  recorded_by: string | null;
  created_at: Ts;
}

export interface CampaignMembersTable {
  org_id: string;
  campaign_id: string;
  person_id: string;
  person_type: string;
  status: string;
  first_touch_at: Ts | null;
  last_touch_at: Ts | null;
  touches: ColumnType<number, number | undefined, number>;
  created_at: Ts;
  updated_at: Ts;
}

export interface DB
  extends ChannelTables, ScoringTables, HandoffTables, AgentTables, RoutingTables, CadenceTables, HolidayTables {
  organizations: OrganizationsTable;
  teams: TeamsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  accounts: AccountsTable;
  contacts: ContactsTable;
  leads: LeadsTable;
  products: ProductsTable;
  pipelines: PipelinesTable;
  stages: StagesTable;
  deals: DealsTable;
  deal_contacts: DealContactsTable;
  deal_line_items: DealLineItemsTable;
  activities: ActivitiesTable;
  objections: ObjectionsTable;
  raised_objections: RaisedObjectionsTable;
  pitch_scripts: PitchScriptsTable;
  pitch_script_versions: PitchScriptVersionsTable;
  events: EventsTable;
  deal_stage_visits: DealStageVisitsTable;
  deal_traces: DealTracesTable;
  event_chain_heads: EventChainHeadsTable;
  idempotency_keys: IdempotencyKeysTable;
  instance_settings: InstanceSettingsTable;
  login_attempts: LoginAttemptsTable;
  saved_views: SavedViewsTable;
  schema_migrations: SchemaMigrationsTable;
  import_jobs: ImportJobsTable;
  import_rejects: ImportRejectsTable;
  import_uploads: ImportUploadsTable;
  jobs: JobsTable;
  merged_records: MergedRecordsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_attempts: WebhookAttemptsTable;
  rep_availability: RepAvailabilityTable;
  rep_time_off: RepTimeOffTable;
  user_busy_feeds: UserBusyFeedsTable;
  bookings: BookingsTable;
  rep_calendar_feeds: RepCalendarFeedsTable;
  approval_rules: ApprovalRulesTable;
  approvals: ApprovalsTable;
  period_locks: PeriodLocksTable;
  findings: FindingsTable;
  campaigns: CampaignsTable;
  campaign_costs: CampaignCostsTable;
  campaign_touches: CampaignTouchesTable;
  campaign_members: CampaignMembersTable;
  commission_plans: CommissionPlansTable;
  commission_assignments: CommissionAssignmentsTable;
  commission_splits: CommissionSplitsTable;
  commission_bonuses: CommissionBonusesTable;
  commission_disputes: CommissionDisputesTable;
  forms: FormsTable;
  form_submissions: FormSubmissionsTable;
  forecast_submissions: ForecastSubmissionsTable;
  quotas: QuotasTable;
}

export interface CommissionPlansTable {
  org_id: string;
  id: string;
  name: string;
  basis: string;
  currency: string;
  rates: Json<{ family: string | null; ratePercent: string }[]>;
  tiers: Json<{ from: string; multiplier: string }[]>;
  cap: Decimal | null;
  clawback_days: number;
  override_percent: Decimal | null;
  override_levels: number;
  created_by: string | null;
  created_at: Ts;
}

export interface CommissionAssignmentsTable {
  org_id: string;
  id: string;
  plan_id: string;
  payee_kind: string;
  payee_id: string;
  starts_on: string;
  ends_on: string | null;
  created_by: string | null;
  created_at: Ts;
}

export interface CommissionSplitsTable {
  org_id: string;
  deal_id: string;
  members: Json<{ userId: string; percent: string }[]>;
  updated_by: string | null;
  updated_at: Ts;
  version: Version;
}

export interface CommissionBonusesTable {
  org_id: string;
  id: string;
  payee_kind: string;
  payee_id: string;
  amount: Decimal;
  currency: string;
  reason: string;
  granted_by: string | null;
  granted_at: Ts;
}

export interface CommissionDisputesTable {
  org_id: string;
  id: string;
  payee_kind: string;
  payee_id: string;
  period: string;
  line_id: string;
  reason: string;
  status: string;
  answer_note: string | null;
  adjustment: Decimal | null;
  currency: string;
  raised_by: string;
  raised_at: Ts;
  answered_by: string | null;
  answered_at: Ts | null;
  version: Version;
}

/** An immutable forecast snapshot of a rep, or a manager's roll-up of the team (migration 0025). */
export interface ForecastSubmissionsTable {
  org_id: string;
  id: string;
  period: string;
  starts_on: DateOnly;
  ends_on: DateOnly;
  kind: string;
  user_id: string;
  currency: string;
  commit_amount: Decimal;
  best_case_amount: Decimal;
  pipeline_amount: Decimal;
  prefilled: Json<unknown>;
  won_amount: Decimal;
  deals: Json<unknown[]>;
  members: Json<unknown[]>;
  note: string | null;
  submitted_at: Ts;
}

/** A quota of a rep or a team for a fiscal quarter (migration 0025). */
export interface QuotasTable {
  org_id: string;
  id: string;
  period: string;
  starts_on: DateOnly;
  ends_on: DateOnly;
  user_id: string | null;
  team_id: string | null;
  currency: string;
  amount: Decimal;
  set_by: string;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}

export interface RepCalendarFeedsTable {
  org_id: string;
  user_id: string;
  token_hash: string;
  created_at: Ts;
}

export interface RepAvailabilityTable {
  org_id: string;
  user_id: string;
  timezone: string;
  working_hours: Json<{ weekday: number; start: string; end: string }[]>;
  buffer_before_minutes: number;
  buffer_after_minutes: number;
  min_notice_minutes: number;
  max_per_day: number;
  bookable: boolean;
  routing_weight: number;
  updated_at: Ts;
  version: Version;
}

export interface RepTimeOffTable {
  org_id: string;
  id: string;
  user_id: string;
  starts_at: Ts;
  ends_at: Ts;
  reason: string | null;
  created_at: Ts;
  /** Added by the rep's busy-time feed (a sync may remove it), not by hand. */
  from_feed: Generated<boolean>;
}

export interface UserBusyFeedsTable {
  org_id: string;
  user_id: string;
  url: string;
  set_by: string | null;
  last_attempt_at: Ts | null;
  last_success_at: Ts | null;
  last_error: string | null;
  created_at: Ts;
  updated_at: Ts;
  version: Generated<number>;
}

export interface BookingsTable {
  org_id: string;
  id: string;
  owner_id: string;
  booked_by: string;
  lead_id: string | null;
  contact_id: string | null;
  account_id: string | null;
  deal_id: string | null;
  title: string;
  location: string | null;
  starts_at: Ts;
  ends_at: Ts;
  timezone: string;
  /** tstzrange as text; written through SQL (see the bookings repository). */
  blocked: string;
  status: string;
  cancel_reason: string | null;
  sequence: number;
  /** How the rep was chosen when routing picked them ({ rule, reasons }); null when the booker chose. */
  routing: ColumnType<{ rule: string; reasons: string[] } | null, string | null, string | null>;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}

export interface FormsTable {
  org_id: string;
  id: string;
  name: string;
  public_key: string;
  campaign_id: string;
  fields: Json<{ leadField: string; label: string; required: boolean }[]>;
  consent_text: string | null;
  routing: string;
  owner_id: string | null;
  team_id: string | null;
  last_assigned_id: string | null;
  submit_label: string;
  thank_you_message: string;
  enabled: boolean;
  created_by: string | null;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}

export interface FormSubmissionsTable {
  org_id: string;
  id: string;
  form_id: string;
  outcome: string;
  lead_id: string | null;
  contact_id: string | null;
  email: string;
  values: Json<Record<string, string>>;
  consent_text: string | null;
  consented_at: Ts | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  utm_content: string | null;
  utm_term: string | null;
  page_url: string | null;
  touch_id: string;
  submitted_at: Ts;
}
