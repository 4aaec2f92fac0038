import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { api, getPage, type ListItem, type ListPath } from '../api.ts';
import { Timeline } from '../pages/timeline.tsx';

const LIMIT = 20;

/** A listed record's id, for React's key (every list of the API names its records by id). */
function idOf(item: unknown): string | undefined {
  return typeof item === 'object' && item !== null && 'id' in item && typeof item.id === 'string' ? item.id : undefined;
}

/** Related records of a record page: the first page of a list endpoint filtered to the record. */
export function RelatedList<P extends ListPath>({
  title,
  path,
  query,
  queryKey,
  render,
  empty,
}: {
  title: string;
  path: P;
  query: Record<string, string>;
  queryKey: readonly unknown[];
  render: (item: ListItem<P>) => ReactNode;
  empty: string;
}) {
  const q = useQuery({
    queryKey: [...queryKey, path, query],
    queryFn: () => getPage(path, { ...query, limit: LIMIT }),
  });
  const id = `related-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section className="card related" aria-labelledby={id} data-testid={id}>
      <h2 id={id}>{title}</h2>
      {q.isPending && <p className="muted">Loading…</p>}
      {q.isError && (
        <p className="error" role="alert">
          Could not load {title.toLowerCase()}: {q.error.message}.{' '}
          <button type="button" onClick={() => void q.refetch()}>
            Try again
          </button>
        </p>
      )}
      {q.data && q.data.items.length === 0 && <p className="muted small">{empty}</p>}
      {q.data && q.data.items.length > 0 && (
        <ul className="related-items">
          {q.data.items.map((item) => (
            <li key={idOf(item)}>{render(item)}</li>
          ))}
        </ul>
      )}
      {q.data?.nextCursor && <p className="muted small">Showing the first {LIMIT}; the table lists them all.</p>}
    </section>
  );
}

/** The timeline of any record from the event log, newest first. */
export function RecordTimeline({
  path,
  id,
  queryKey,
}: {
  /** The record's path, e.g. '/deals/{id}'. */
  path: '/accounts/{id}' | '/contacts/{id}' | '/leads/{id}' | '/deals/{id}';
  id: string;
  queryKey: readonly unknown[];
}) {
  const timeline = useQuery({
    queryKey: [...queryKey, 'timeline'],
    queryFn: () => api.get(`${path}/timeline`, { params: { path: { id }, query: { limit: 100 } } }),
  });
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      {timeline.isPending && <p className="muted">Loading…</p>}
      {timeline.isError && (
        <p className="error" role="alert">
          The timeline could not be loaded: {timeline.error.message}.{' '}
          <button type="button" onClick={() => void timeline.refetch()}>
            Try again
          </button>
        </p>
      )}
      {timeline.data && (
        <Timeline
          recordId={id}
          recordType={path.split('/')[1]?.replace(/s$/, '') ?? ''}
          entries={timeline.data.items}
          references={timeline.data.references}
        />
      )}
    </section>
  );
}
