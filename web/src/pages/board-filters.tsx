import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { dealChannels } from '../../../src/contract/deals.ts';
import { hasFilters, type BoardFilters } from '../board-data.ts';
import { teamsQuery, usersQuery } from '../queries.ts';

/** Owner, team, channel, close-date range and text; changes go to the URL (text after a pause). */
export function BoardFilterBar({
  filters,
  onChange,
}: {
  filters: BoardFilters;
  onChange: (next: BoardFilters) => void;
}) {
  const users = useQuery(usersQuery);
  // Partners may not read teams: then the team filter is simply not offered.
  const teams = useQuery(teamsQuery);
  const [text, setText] = useState(filters.q ?? '');
  // The pause after typing reads the filters as they are when it ends.
  const latest = useRef({ filters, onChange });
  latest.current = { filters, onChange };
  const set = (patch: Partial<BoardFilters>) => {
    const { filters: current, onChange: apply } = latest.current;
    apply(Object.fromEntries(Object.entries({ ...current, ...patch }).filter(([, v]) => v !== undefined && v !== '')));
  };

  useEffect(() => setText(filters.q ?? ''), [filters.q]);
  useEffect(() => {
    if (text.trim() === (latest.current.filters.q ?? '')) return;
    const t = setTimeout(() => set({ q: text.trim() || undefined }), 300);
    return () => clearTimeout(t);
  }, [text]);

  return (
    <form className="board-filters" role="search" aria-label="Filter deals" onSubmit={(e) => e.preventDefault()}>
      <label>
        <span>Search</span>
        <input type="search" value={text} placeholder="Deal name" onChange={(e) => setText(e.target.value)} />
      </label>
      <label>
        <span>Owner</span>
        <select value={filters.ownerId ?? ''} onChange={(e) => set({ ownerId: e.target.value || undefined })}>
          <option value="">Anyone</option>
          {getActive(users.data).map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      {teams.isSuccess && teams.data.length > 0 && (
        <label>
          <span>Team</span>
          <select value={filters.teamId ?? ''} onChange={(e) => set({ teamId: e.target.value || undefined })}>
            <option value="">Any team</option>
            {teams.data.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        <span>Channel</span>
        <select
          value={filters.channel ?? ''}
          onChange={(e) => set({ channel: dealChannels.find((c) => c === e.target.value) })}
        >
          <option value="">Any</option>
          <option value="direct">Direct</option>
          <option value="partner">Partner</option>
        </select>
      </label>
      <label>
        <span>Closing from</span>
        <input
          type="date"
          value={filters.expectedCloseFrom ?? ''}
          onChange={(e) => set({ expectedCloseFrom: e.target.value || undefined })}
        />
      </label>
      <label>
        <span>to</span>
        <input
          type="date"
          value={filters.expectedCloseTo ?? ''}
          onChange={(e) => set({ expectedCloseTo: e.target.value || undefined })}
        />
      </label>
      {hasFilters(filters) && (
        <button type="button" onClick={() => onChange({})}>
          Clear filters
        </button>
      )}
    </form>
  );
}

function getActive<T extends { active: boolean }>(items: readonly T[] | undefined): T[] {
  return (items ?? []).filter((u) => u.active);
}
