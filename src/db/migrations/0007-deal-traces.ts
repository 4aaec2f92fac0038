// The traces of the deals a statement touched (`changed_visits`, its transition table): removed, then
// rebuilt from all their visits.
const removeStale = String.raw`DELETE FROM deal_traces t USING (SELECT DISTINCT org_id, deal_id FROM changed_visits) c
    WHERE t.org_id = c.org_id AND t.deal_id = c.deal_id`;
/** The traces of the deals whose visits `scope` keeps (a JOIN, or nothing for every deal), built from all their visits. */
const buildTraces = (
  scope: string,
) => String.raw`INSERT INTO deal_traces (org_id, deal_id, pipeline_id, stage_ids, entered_ats, first_at, last_at, deal_first_at, current_at)
    SELECT org_id, deal_id, pipeline_id, stage_ids, entered_ats, first_at, last_at,
           min(first_at) OVER (PARTITION BY org_id, deal_id),
           CASE WHEN last_no = max(last_no) OVER (PARTITION BY org_id, deal_id) THEN entered_ats[cardinality(entered_ats)] END
    FROM (
      SELECT v.org_id, v.deal_id, v.pipeline_id,
             array_agg(v.stage_id ORDER BY v.visit_no) AS stage_ids,
             array_agg(v.entered_at ORDER BY v.visit_no) AS entered_ats,
             min(v.entered_at) AS first_at, max(v.entered_at) AS last_at, max(v.visit_no) AS last_no
      FROM deal_stage_visits v
      ${scope}
      GROUP BY v.org_id, v.deal_id, v.pipeline_id
    ) per_pipeline`;
/** The traces of every deal, as the migration fills the table (exported for the test that compares it with the triggers' work). */
export const backfillDealTraces = buildTraces('');
const rebuild = buildTraces(
  'JOIN (SELECT DISTINCT org_id, deal_id FROM changed_visits) c ON c.org_id = v.org_id AND c.deal_id = v.deal_id',
);

/**
 * One row per deal and pipeline it visited: the stages of its visits there in visit order, their
 * entry times, and the few times the analyses ask of a trace. It is a projection of
 * `deal_stage_visits` (itself a projection of the event log), kept by statement triggers in the
 * same statement as the visits it summarises, so every writer (a stage move, an import batch, the
 * generator's COPY) keeps it exact without knowing of it. Funnel, cycle times, variants and the
 * stage-only process map then read one row per deal instead of grouping every visit.
 *
 * - stage_ids / entered_ats: the deal's visits to the pipeline, ordered by visit_no.
 * - first_at / last_at: earliest and latest entry there.
 * - deal_first_at: the deal's earliest entry in any pipeline (where its cycle time starts).
 * - current_at: entry time of the deal's current (last) visit when that visit is in this
 *   pipeline, else null.
 *
 * The triggers fire for INSERT and DELETE. Visits are never updated but to close them (left_at),
 * which a trace does not hold. They are ENABLE ALWAYS so that bulk loads that turn off the
 * per-row foreign-key triggers (session_replication_role = replica) still keep the traces.
 */
export const dealTraces = String.raw`
CREATE TABLE deal_traces (
  org_id uuid NOT NULL,
  deal_id uuid NOT NULL,
  pipeline_id uuid NOT NULL,
  stage_ids uuid[] NOT NULL,
  entered_ats timestamptz[] NOT NULL,
  first_at timestamptz NOT NULL,
  last_at timestamptz NOT NULL,
  deal_first_at timestamptz NOT NULL,
  current_at timestamptz,
  PRIMARY KEY (org_id, pipeline_id, deal_id)
);
CREATE INDEX deal_traces_deal_idx ON deal_traces (org_id, deal_id);

-- A statement of a few visits (a stage move, a deal created) runs the two statements with plans
-- cached for small inputs: planning them anew each time tripled the cost of a stage move. A larger
-- one (an import batch, a bulk load) has them planned for the rows at hand with EXECUTE, since a
-- plan made for one visit would serve a hundred thousand badly.
CREATE FUNCTION refresh_deal_traces() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF (SELECT count(*) FROM changed_visits) <= 64 THEN
    ${removeStale};
    ${rebuild};
  ELSE
    EXECUTE $q$${removeStale}$q$;
    EXECUTE $q$${rebuild}$q$;
  END IF;
  RETURN NULL;
END $fn$;

CREATE TRIGGER deal_traces_on_insert AFTER INSERT ON deal_stage_visits
  REFERENCING NEW TABLE AS changed_visits FOR EACH STATEMENT EXECUTE FUNCTION refresh_deal_traces();
CREATE TRIGGER deal_traces_on_delete AFTER DELETE ON deal_stage_visits
  REFERENCING OLD TABLE AS changed_visits FOR EACH STATEMENT EXECUTE FUNCTION refresh_deal_traces();
ALTER TABLE deal_stage_visits ENABLE ALWAYS TRIGGER deal_traces_on_insert;
ALTER TABLE deal_stage_visits ENABLE ALWAYS TRIGGER deal_traces_on_delete;

${backfillDealTraces};
`;
