/**
 * The board reads each stage's first cards on demand, newest first or oldest first by creation
 * time: an index per stage in that order makes a page of a 20,000-deal column as cheap as one of
 * twenty (no sort of the whole column for every page).
 */
export const boardIndex = String.raw`
CREATE INDEX deals_stage_created_idx ON deals (org_id, stage_id, created_at, id) WHERE deleted_at IS NULL;
`;
