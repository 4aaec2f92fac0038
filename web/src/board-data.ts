import { dealChannels } from '../../src/contract/deals.ts';

/** The board's filters, kept in the URL so a filtered board can be shared and survives a reload. */
export interface BoardFilters {
  ownerId?: string;
  teamId?: string;
  channel?: (typeof dealChannels)[number];
  expectedCloseFrom?: string;
  expectedCloseTo?: string;
  q?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const date = (v: unknown): string | undefined => {
  const s = str(v);
  return s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined;
};

/** Reads the filters from the board's search params, dropping anything malformed. */
export function parseBoardFilters(search: Record<string, unknown>): BoardFilters {
  const channel = str(search.channel);
  const out: BoardFilters = {
    ownerId: str(search.ownerId),
    teamId: str(search.teamId),
    channel: dealChannels.find((c) => c === channel),
    expectedCloseFrom: date(search.expectedCloseFrom),
    expectedCloseTo: date(search.expectedCloseTo),
    q: str(search.q),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

export const hasFilters = (f: BoardFilters) => Object.values(f).some((v) => v !== undefined);
