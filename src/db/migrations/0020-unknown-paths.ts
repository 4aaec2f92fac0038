/**
 * Deals imported from a flat export (their current stage, no history) have a stage path nobody
 * observed. `deals.path_unknown` marks such a deal; `deal_stage_visits.entry_unknown` marks the
 * visit whose entry was not seen as a move from the visit before it (the closing visit of a closed
 * deal: stages in between may have been passed or skipped) or, for a first visit, a deal that
 * arrived in a later stage without its earlier ones. The funnel leaves such deals out of its steps
 * and the Markov chain leaves such moves out of its estimate; both say how many.
 */
export const unknownPaths = String.raw`
ALTER TABLE deals ADD COLUMN path_unknown boolean NOT NULL DEFAULT false;
ALTER TABLE deal_stage_visits ADD COLUMN entry_unknown boolean NOT NULL DEFAULT false;
`;
