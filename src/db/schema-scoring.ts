import type { ColumnType } from 'kysely';
import type { CalibrationRow, ScoreFactor, ScoringSettings } from '../contract/scoring.ts';

type Json<T> = ColumnType<T, string, string>;
type Version = ColumnType<number, number | undefined, number>;

export interface ScoringSettingsTable {
  org_id: string;
  settings: Json<ScoringSettings>;
  updated_by: string | null;
  updated_at: Date;
  version: Version;
}

export interface LeadScoresTable {
  org_id: string;
  lead_id: string;
  fit_score: number;
  engagement_score: number;
  grade: string;
  qualifies: boolean;
  probability: number | null;
  factors: Json<ScoreFactor[]>;
  computed_at: Date;
}

export interface ScoringModelsTable {
  org_id: string;
  status: string;
  fitted_at: Date;
  training_leads: number;
  test_leads: number;
  converted: number;
  auc: number | null;
  calibration: Json<CalibrationRow[]>;
  coefficients: Json<{ feature: string; weight: number }[]>;
  message: string | null;
}

/** The tables of lead scoring (migration 0024). */
export interface ScoringTables {
  scoring_settings: ScoringSettingsTable;
  lead_scores: LeadScoresTable;
  scoring_models: ScoringModelsTable;
}
