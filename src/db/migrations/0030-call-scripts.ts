/**
 * Call scripts: the pitch-script version a call was made with (shown in the call dialog when the
 * call was logged), so that script versions can be compared as an experiment. Both columns are set
 * or neither; the pair must be a stored version of a script of the same organization.
 */
export const callScripts = String.raw`
ALTER TABLE activities ADD COLUMN script_id uuid;
ALTER TABLE activities ADD COLUMN script_version integer;
ALTER TABLE activities ADD CONSTRAINT activities_script_pair_check
  CHECK ((script_id IS NULL) = (script_version IS NULL));
ALTER TABLE activities ADD CONSTRAINT activities_script_version_fkey
  FOREIGN KEY (org_id, script_id, script_version) REFERENCES pitch_script_versions(org_id, script_id, script_version);
CREATE INDEX activities_script_idx ON activities (org_id, script_id, script_version) WHERE script_id IS NOT NULL;
`;
