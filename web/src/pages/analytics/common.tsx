import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { api, getWithQuery, type ApiPath } from '../../api.ts';
import { EmptyState, ErrorState, Loading } from '../../components/states.tsx';
import { formatDate } from '../../format.ts';
import type { FilterValues } from './search.ts';
export { plot } from './chart-data.ts';

export type { FilterKey, FilterValues } from './search.ts';

export const analysesListQuery = {
  queryKey: ['analytics'],
  queryFn: async () => (await api.get('/analytics')).items,
  staleTime: 5 * 60_000,
};

/** The path of each analysis (GET /api/v1/analytics/<name>); its answer's type comes with it. */
export type AnalysisPath = Extract<ApiPath<'get'>, `/analytics/${string}`>;

/** One analysis answered with the shared filters and its own parameters; the previous answer stays on screen while the next loads. */
export function useAnalysis<P extends AnalysisPath>(
  path: P,
  filters: FilterValues,
  params: Record<string, string | number | undefined> = {},
) {
  const query = { ...filters, ...params };
  return useQuery({
    queryKey: ['analytics', path, query],
    queryFn: () => getWithQuery(path, query),
    placeholderData: keepPreviousData,
  });
}

/** Loading, error and empty states around one analysis' view. */
export function AnalysisView<T>({
  q,
  what,
  isEmpty,
  empty,
  children,
}: {
  q: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  what: string;
  isEmpty: (d: T) => boolean;
  empty?: string;
  children: (d: T) => ReactNode;
}) {
  if (q.error) return <ErrorState error={q.error} what={what} onRetry={() => void q.refetch()} />;
  if (q.isPending || q.data === undefined) return <Loading>Computing the {what}…</Loading>;
  if (isEmpty(q.data))
    return (
      <EmptyState title={empty ?? 'No closed deals in this range: widen the dates'}>
        Change the dates or remove a filter above.
      </EmptyState>
    );
  return <>{children(q.data)}</>;
}

/** A chart's numbers as a table, for screen readers and for reading exact values. */
export function NumbersTable({
  caption,
  head,
  rows,
  testId,
  open = false,
}: {
  caption: string;
  head: string[];
  rows: ReactNode[][];
  testId?: string;
  open?: boolean;
}) {
  return (
    <details className="numbers" open={open}>
      <summary>Numbers: {caption}</summary>
      <div className="table-wrap">
        <table className="records" data-testid={testId}>
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              {head.map((h, i) => (
                <th key={h} className={i > 0 ? 'num' : undefined} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {r.map((c, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      {c}
                    </th>
                  ) : (
                    <td key={j} className="num">
                      {c}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** 0.4567 → "45.7 %"; null → "–". */
export function pct(v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined ? '–' : `${(v * 100).toFixed(digits)} %`;
}

/** A number of days or a ratio, rounded; null → "–". */
export function num(v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined ? '–' : v.toFixed(digits);
}

/** A table cell with the deal's name linking to its page (the drill-downs' first column). */
export function DealNameCell({ deal }: { deal: { dealId: string; name: string } }) {
  return (
    <td>
      <Link to="/deals/$dealId" params={{ dealId: deal.dealId }}>
        {deal.name}
      </Link>
    </td>
  );
}

/**
 * Says when an analysis whose default window ends today ran as of the data's last day instead,
 * because nothing moved recently (an imported history, say); nothing otherwise.
 */
export function WindowNote({
  r,
}: {
  r: { windowBasis: 'requested' | 'recent' | 'dataRange'; dataEnd: string | null };
}) {
  if (r.windowBasis !== 'dataRange' || r.dataEnd === null) return null;
  return (
    <p className="notice" role="note" data-testid="window-note">
      No deal moved recently, so this runs as of the last day with data, {formatDate(r.dataEnd)}. Choose dates in the
      filters to see another period.
    </p>
  );
}
