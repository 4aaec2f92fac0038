import { describe, expect, it } from 'vitest';
import { parseBoardFilters } from '../web/src/board-data.ts';
import { CARD_ROW_PX, rangeFor } from '../web/src/virtual-range.ts';

describe('board column virtualisation', () => {
  it('renders the visible cards plus the overscan, widened to steps of ten', () => {
    // 630 px show cards 0–7 (8 × 84 = 672 > 630); with 4 more below, up to card 12, widened to 20.
    expect(rangeFor(0, 630, 5000)).toEqual({ start: 0, end: 20 });
    // Scrolled to card 100: visible 100–108, overscan 96–112, widened to 90–120.
    expect(rangeFor(100 * CARD_ROW_PX, 630, 5000)).toEqual({ start: 90, end: 120 });
    // Never past the list's ends.
    expect(rangeFor(4995 * CARD_ROW_PX, 630, 5000)).toEqual({ start: 4990, end: 5000 });
    expect(rangeFor(0, 630, 3)).toEqual({ start: 0, end: 3 });
    expect(rangeFor(0, 630, 0)).toEqual({ start: 0, end: 0 });
  });

  it('keeps the same range while scrolling within a step, so a column does not re-render every frame', () => {
    const ranges = new Set<string>();
    for (let px = 100 * CARD_ROW_PX; px < 100 * CARD_ROW_PX + 5 * CARD_ROW_PX; px += 40)
      ranges.add(JSON.stringify(rangeFor(px, 630, 5000)));
    expect(ranges.size).toBeLessThanOrEqual(2);
  });
});

describe('board filters from the URL', () => {
  it('keeps well-formed filters and drops the rest', () => {
    expect(
      parseBoardFilters({
        ownerId: 'u1',
        teamId: ' t1 ',
        channel: 'partner',
        expectedCloseFrom: '2026-01-01',
        expectedCloseTo: '31/12/2026',
        q: '  acme ',
        pipelineId: 'p',
      }),
    ).toEqual({
      ownerId: 'u1',
      teamId: 't1',
      channel: 'partner',
      expectedCloseFrom: '2026-01-01',
      q: 'acme',
    });
    expect(parseBoardFilters({ channel: 'email', q: '', ownerId: 3 })).toEqual({});
  });
});
