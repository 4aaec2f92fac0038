import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { DealScriptDto } from '../types.ts';
import { api } from '../api.ts';
import { ErrorState, Loading } from './states.tsx';

const appliesLabel: Record<DealScriptDto['appliesBy'], string> = {
  stage: 'for this stage',
  pipeline: 'for this pipeline',
  product: 'for a product on this deal',
};

export const dealScriptsQuery = (dealId: string) => ({
  queryKey: ['deal', dealId, 'scripts'],
  queryFn: () => api.get('/deals/{id}/scripts', { params: { path: { id: dealId } } }),
  staleTime: 60_000,
});

/** The script version on screen, recorded with the call so that versions can be compared. */
export interface ShownScript {
  scriptId: string;
  scriptVersion: number;
}

/**
 * The pitch script to read from while calling: the deal's stage script first, others one pick away.
 * `onShown` hears which script version is on screen (null when none is).
 */
export function CallScript({
  dealId,
  onShown,
}: {
  dealId: string | null;
  onShown?: (shown: ShownScript | null) => void;
}) {
  const scripts = useQuery({ ...dealScriptsQuery(dealId ?? ''), enabled: dealId !== null });
  const [chosen, setChosen] = useState<string | null>(null);
  const list = dealId === null ? [] : (scripts.data?.items ?? []);
  const shown = list.find((s) => s.id === chosen) ?? list[0] ?? null;
  const shownId = shown?.id ?? null;
  const shownVersion = shown?.scriptVersion ?? null;
  useEffect(() => {
    onShown?.(shownId === null || shownVersion === null ? null : { scriptId: shownId, scriptVersion: shownVersion });
  }, [onShown, shownId, shownVersion]);

  if (dealId === null)
    return (
      <p className="muted small">
        Pitch scripts follow a deal&apos;s stage: log the call from the deal to see its script.
      </p>
    );
  if (scripts.isPending) return <Loading>Loading the pitch script…</Loading>;
  if (scripts.isError)
    return <ErrorState error={scripts.error} what="the pitch scripts" onRetry={() => void scripts.refetch()} />;
  const items = scripts.data.items;
  if (items.length === 0)
    return (
      <p className="muted small">
        No pitch script for this deal&apos;s stage yet. Admins and managers add them under pitch scripts.
      </p>
    );
  const script = items.find((s) => s.id === chosen) ?? items[0];
  if (!script) return null;
  return (
    <div className="script" data-testid="call-script">
      {items.length > 1 ? (
        <label>
          Script
          <select value={script.id} onChange={(e) => setChosen(e.target.value)}>
            {items.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({appliesLabel[s.appliesBy]})
              </option>
            ))}
          </select>
        </label>
      ) : (
        <div className="small muted">
          <strong>{script.name}</strong> · {appliesLabel[script.appliesBy]}
        </div>
      )}
      <div className="script-body" tabIndex={0} aria-label={`Pitch script: ${script.name}`}>
        {script.body}
      </div>
    </div>
  );
}
