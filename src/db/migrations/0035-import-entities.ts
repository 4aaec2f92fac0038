/**
 * Import jobs of every entity the importer knows: campaign touches, partner accounts and deal
 * registrations were importable from the command line but refused as jobs by the entity check.
 */
export const importEntities = String.raw`
ALTER TABLE import_jobs DROP CONSTRAINT import_jobs_entity_check;
ALTER TABLE import_jobs ADD CONSTRAINT import_jobs_entity_check
  CHECK (entity IN ('accounts','contacts','leads','deals','products','activities','users','teams','touches','partners','registrations'));
`;
