/**
 * Territories and routing: routing pools (members with weights, daily and weekly caps, an
 * algorithm and an optional required skill), reps' skills, territories (criteria, a parent, a pool
 * and members with a role), the territory each account and lead resolves to, the organization's
 * routing settings (fallback pool, whether arriving leads are routed) and every routing decision
 * with its reasons (the fairness ledger reads them).
 */
export const territories = String.raw`
CREATE TABLE routing_pools (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  name text NOT NULL,
  algorithm text NOT NULL CHECK (algorithm IN ('weighted_round_robin','count_based')),
  required_skill text,
  period_days integer NOT NULL DEFAULT 7 CHECK (period_days BETWEEN 1 AND 90),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id)
);
CREATE UNIQUE INDEX routing_pools_name_key ON routing_pools (org_id, lower(name));

CREATE TABLE routing_pool_members (
  org_id uuid NOT NULL REFERENCES organizations(id),
  pool_id uuid NOT NULL,
  user_id uuid NOT NULL,
  weight integer NOT NULL DEFAULT 1 CHECK (weight BETWEEN 0 AND 100),
  cap_per_day integer CHECK (cap_per_day BETWEEN 0 AND 1000),
  cap_per_week integer CHECK (cap_per_week BETWEEN 0 AND 5000),
  joined_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, pool_id, user_id),
  FOREIGN KEY (org_id, pool_id) REFERENCES routing_pools(org_id, id),
  FOREIGN KEY (org_id, user_id) REFERENCES users(org_id, id)
);
CREATE INDEX routing_pool_members_user_idx ON routing_pool_members (org_id, user_id);

CREATE TABLE rep_skills (
  org_id uuid NOT NULL REFERENCES organizations(id),
  user_id uuid NOT NULL,
  skill text NOT NULL,
  PRIMARY KEY (org_id, user_id, skill),
  FOREIGN KEY (org_id, user_id) REFERENCES users(org_id, id)
);

CREATE TABLE territories (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  name text NOT NULL,
  parent_id uuid,
  pool_id uuid,
  criteria jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, parent_id) REFERENCES territories(org_id, id),
  FOREIGN KEY (org_id, pool_id) REFERENCES routing_pools(org_id, id)
);
CREATE UNIQUE INDEX territories_name_key ON territories (org_id, lower(name));

CREATE TABLE territory_members (
  org_id uuid NOT NULL REFERENCES organizations(id),
  territory_id uuid NOT NULL,
  user_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('outside','inside','manager')),
  PRIMARY KEY (org_id, territory_id, user_id),
  FOREIGN KEY (org_id, territory_id) REFERENCES territories(org_id, id),
  FOREIGN KEY (org_id, user_id) REFERENCES users(org_id, id)
);
CREATE INDEX territory_members_user_idx ON territory_members (org_id, user_id);

-- The territory an account or lead resolves to now; no row: no territory matches.
CREATE TABLE territory_assignments (
  org_id uuid NOT NULL REFERENCES organizations(id),
  entity_type text NOT NULL CHECK (entity_type IN ('account','lead')),
  entity_id uuid NOT NULL,
  territory_id uuid NOT NULL,
  reasons jsonb NOT NULL,
  resolved_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, entity_type, entity_id),
  FOREIGN KEY (org_id, territory_id) REFERENCES territories(org_id, id)
);
CREATE INDEX territory_assignments_territory_idx ON territory_assignments (org_id, territory_id);

CREATE TABLE routing_settings (
  org_id uuid NOT NULL REFERENCES organizations(id),
  fallback_pool_id uuid,
  route_leads boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id),
  FOREIGN KEY (org_id, fallback_pool_id) REFERENCES routing_pools(org_id, id)
);

CREATE TABLE routing_decisions (
  org_id uuid NOT NULL REFERENCES organizations(id),
  id uuid NOT NULL,
  entity_type text NOT NULL CHECK (entity_type IN ('booking','lead')),
  entity_id uuid NOT NULL,
  rep_id uuid,
  rule text NOT NULL CHECK (rule IN ('account_owner','territory','pool','none')),
  territory_id uuid,
  pool_id uuid,
  reasons jsonb NOT NULL,
  decided_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, rep_id) REFERENCES users(org_id, id),
  FOREIGN KEY (org_id, territory_id) REFERENCES territories(org_id, id),
  FOREIGN KEY (org_id, pool_id) REFERENCES routing_pools(org_id, id)
);
CREATE INDEX routing_decisions_pool_idx ON routing_decisions (org_id, pool_id, decided_at);
CREATE INDEX routing_decisions_entity_idx ON routing_decisions (org_id, entity_type, entity_id, decided_at);
`;
