/**
 * The stage history of every deal as a projection of the event log: one row per visit of a deal to
 * a stage, written in the same transaction as the `deal.created` / `deal.stage_changed` event that
 * starts it. Analytics read this narrow table instead of unpacking millions of JSON events; the
 * events stay the source of truth (`rebuildStageVisits` derives the same rows from them).
 * entered_at / left_at are business times: the event's business_time when it has one (imported
 * history), otherwise its occurred_at.
 */
export const stageVisits = String.raw`
CREATE TABLE deal_stage_visits (
  org_id uuid NOT NULL REFERENCES organizations(id),
  deal_id uuid NOT NULL,
  visit_no integer NOT NULL CHECK (visit_no >= 1),
  pipeline_id uuid NOT NULL,
  stage_id uuid NOT NULL,
  entered_at timestamptz NOT NULL,
  left_at timestamptz,
  event_id bigint NOT NULL,
  PRIMARY KEY (org_id, deal_id, visit_no),
  FOREIGN KEY (org_id, deal_id) REFERENCES deals(org_id, id),
  CHECK (left_at IS NULL OR left_at >= entered_at)
);
CREATE INDEX deal_stage_visits_stage_idx ON deal_stage_visits (org_id, pipeline_id, stage_id, entered_at);
CREATE UNIQUE INDEX deal_stage_visits_current_key ON deal_stage_visits (org_id, deal_id) WHERE left_at IS NULL;

INSERT INTO deal_stage_visits (org_id, deal_id, visit_no, pipeline_id, stage_id, entered_at, left_at, event_id)
SELECT org_id, entity_id,
       row_number() OVER w,
       pipeline_id, stage_id, at,
       lead(at) OVER w,
       id
FROM (
  SELECT e.org_id, e.entity_id, e.id, coalesce(e.business_time, e.occurred_at) AS at,
         (CASE WHEN e.type = 'deal.created' THEN e.data->'after'->>'pipeline_id' ELSE e.data->'to'->>'pipelineId' END)::uuid AS pipeline_id,
         (CASE WHEN e.type = 'deal.created' THEN e.data->'after'->>'stage_id' ELSE e.data->'to'->>'stageId' END)::uuid AS stage_id
  FROM events e
  JOIN deals d ON d.org_id = e.org_id AND d.id = e.entity_id
  WHERE e.entity_type = 'deal' AND e.type IN ('deal.created', 'deal.stage_changed')
) h
WINDOW w AS (PARTITION BY org_id, entity_id ORDER BY at, id);
`;
