/** Height of one card including the gap below it; cards are fixed-height so positions are arithmetic. */
export const CARD_ROW_PX = 84;
/** Cards rendered above and below the visible ones, so a fast scroll does not show blanks. */
const OVERSCAN = 4;
/**
 * The rendered range moves in steps of this many cards, so scrolling re-renders a column about
 * once every ten cards passed rather than on every frame.
 */
const CHUNK = 10;

export interface Range {
  start: number;
  end: number;
}

/** The cards to render for a scroll position: the visible ones, OVERSCAN more each side, widened to CHUNK steps. */
export function rangeFor(scrollTop: number, height: number, count: number): Range {
  const first = Math.floor(scrollTop / CARD_ROW_PX) - OVERSCAN;
  const last = Math.ceil((scrollTop + height) / CARD_ROW_PX) + OVERSCAN;
  const start = Math.max(0, Math.floor(first / CHUNK) * CHUNK);
  const end = Math.min(count, Math.ceil(last / CHUNK) * CHUNK);
  return { start, end };
}
