/**
 * Moving in from another system: teams are imported like the other records, so they keep the id
 * of the system they come from (a re-import updates them instead of adding them again), and an
 * import job may import teams.
 */
export const moveIn = String.raw`
ALTER TABLE teams ADD COLUMN external_id text;
CREATE UNIQUE INDEX teams_external_id_key ON teams (org_id, external_id) WHERE external_id IS NOT NULL;
ALTER TABLE import_jobs DROP CONSTRAINT import_jobs_entity_check;
ALTER TABLE import_jobs ADD CONSTRAINT import_jobs_entity_check
  CHECK (entity IN ('accounts','contacts','leads','deals','products','activities','users','teams'));
`;
