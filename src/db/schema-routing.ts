import type { ColumnType } from 'kysely';

type Ts = Date;
type Json<T> = ColumnType<T, string, string>;
type Version = ColumnType<number, number | undefined, number>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface RoutingPoolsTable {
  org_id: string;
  id: string;
  name: string;
  algorithm: string;
  required_skill: string | null;
  period_days: Defaulted<number>;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}

export interface RoutingPoolMembersTable {
  org_id: string;
  pool_id: string;
  user_id: string;
  weight: Defaulted<number>;
  cap_per_day: number | null;
  cap_per_week: number | null;
  joined_at: Ts;
}

export interface RepSkillsTable {
  org_id: string;
  user_id: string;
  skill: string;
}

/** The criteria as stored: the domain's `TerritoryCriteria`. */
export interface StoredCriteria {
  countries: string[];
  regions: string[];
  postalPrefixes: string[];
  industries: string[];
  employeesMin: number | null;
  employeesMax: number | null;
  accountIds: string[];
}

export interface TerritoriesTable {
  org_id: string;
  id: string;
  name: string;
  parent_id: string | null;
  pool_id: string | null;
  criteria: Json<StoredCriteria>;
  created_at: Ts;
  updated_at: Ts;
  version: Version;
}

export interface TerritoryMembersTable {
  org_id: string;
  territory_id: string;
  user_id: string;
  role: string;
}

export interface TerritoryAssignmentsTable {
  org_id: string;
  entity_type: string;
  entity_id: string;
  territory_id: string;
  reasons: Json<string[]>;
  resolved_at: Ts;
}

export interface RoutingSettingsTable {
  org_id: string;
  fallback_pool_id: string | null;
  route_leads: Defaulted<boolean>;
  updated_at: Ts;
  version: Version;
}

export interface RoutingDecisionsTable {
  org_id: string;
  id: string;
  entity_type: string;
  entity_id: string;
  rep_id: string | null;
  rule: string;
  territory_id: string | null;
  pool_id: string | null;
  reasons: Json<string[]>;
  decided_at: Ts;
}

/** The tables of territories and routing (migration 0028). */
export interface RoutingTables {
  routing_pools: RoutingPoolsTable;
  routing_pool_members: RoutingPoolMembersTable;
  rep_skills: RepSkillsTable;
  territories: TerritoriesTable;
  territory_members: TerritoryMembersTable;
  territory_assignments: TerritoryAssignmentsTable;
  routing_settings: RoutingSettingsTable;
  routing_decisions: RoutingDecisionsTable;
}
