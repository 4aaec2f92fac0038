import type { ColumnType } from 'kysely';
import type { CadenceRules, CadenceStep } from '../contract/cadences.ts';

type Ts = Date;
type Json<T> = ColumnType<T, string, string>;
type Version = ColumnType<number, number | undefined, number>;

export interface CadencesTable {
  org_id: string;
  id: string;
  name: string;
  /** The newest version of the steps and rules (new enrolments follow it). */
  cadence_version: number;
  active: boolean;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}

export interface CadenceVersionsTable {
  org_id: string;
  cadence_id: string;
  cadence_version: number;
  steps: Json<CadenceStep[]>;
  rules: Json<CadenceRules>;
  created_by: string | null;
  created_at: Ts;
}

export interface CadenceEnrolmentsTable {
  org_id: string;
  id: string;
  cadence_id: string;
  cadence_version: number;
  lead_id: string;
  status: 'active' | 'paused' | 'ended';
  step_index: number;
  step_due_at: Ts | null;
  /** Whether `cadence_enrolment.step_due` was recorded for the current step. */
  step_due_noted: boolean;
  /** The open task of an email or task step. */
  step_task_id: string | null;
  paused_until: Ts | null;
  pause_reason: string | null;
  reached_step: number | null;
  converted_step: number | null;
  ended_reason: string | null;
  ended_at: Ts | null;
  enrolled_by: string | null;
  enrolled_at: Ts;
  updated_at: Ts;
  version: Version;
}

/** The tables of cadences (migration 0033). */
export interface CadenceTables {
  cadences: CadencesTable;
  cadence_versions: CadenceVersionsTable;
  cadence_enrolments: CadenceEnrolmentsTable;
}
