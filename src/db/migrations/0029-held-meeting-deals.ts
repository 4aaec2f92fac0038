/**
 * What a held first meeting does to the deal, per pipeline: nothing, create the deal in a stage
 * (for a meeting booked on a lead or contact without a deal), advance the linked deal to a stage
 * when it is earlier, or both. The stage is one of the pipeline's open stages (checked by the
 * service; removing it or making it a closed stage is refused while the setting names it).
 */
export const heldMeetingDeals = String.raw`
ALTER TABLE pipelines
  ADD COLUMN held_meeting_action text NOT NULL DEFAULT 'none'
    CHECK (held_meeting_action IN ('none','create_deal','advance_deal','create_or_advance')),
  ADD COLUMN held_meeting_stage_id uuid,
  ADD CONSTRAINT pipelines_held_meeting_stage_check
    CHECK ((held_meeting_action = 'none') = (held_meeting_stage_id IS NULL));
`;
