import type { ColumnType } from 'kysely';
import type { SlaPolicy } from '../contract/handoffs.ts';

type Json<T> = ColumnType<T, string, string>;
type Version = ColumnType<number, number | undefined, number>;

export interface SlaPoliciesTable {
  org_id: string;
  id: string;
  team_id: string | null;
  policy: Json<SlaPolicy>;
  updated_by: string | null;
  updated_at: Date;
  version: Version;
}

export interface LeadHandoffsTable {
  org_id: string;
  id: string;
  lead_id: string;
  owner_id: string;
  handed_to: string;
  team_id: string | null;
  status: string;
  opened_at: Date;
  due_at: Date;
  in_business_hours: boolean;
  policy_team_id: string | null;
  first_touch_at: Date | null;
  breached_at: Date | null;
  escalation: string | null;
  escalated_at: Date | null;
  escalated_to: string | null;
  decided_at: Date | null;
  decided_by: string | null;
  reject_reason: string | null;
  updated_at: Date;
  version: Version;
}

/** The tables of the MQL → SQL hand-off (migration 0021). */
export interface HandoffTables {
  sla_policies: SlaPoliciesTable;
  lead_handoffs: LeadHandoffsTable;
}
