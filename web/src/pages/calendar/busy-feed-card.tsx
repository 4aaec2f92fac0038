import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { api, type FieldProblem } from '../../api.ts';
import { problemsOf, problemText } from '../../components/form-errors.ts';
import { formatDateTime } from '../../format.ts';
import { FieldErrors } from './shared.tsx';

/**
 * A rep's private calendar feed URL (https): its busy times are synced into the out-of-office
 * ranges now and every hour. Shows when it was last read and why the last attempt failed.
 */
export function BusyFeedCard({ userId }: { userId: string }) {
  const queryClient = useQueryClient();
  const key = ['availability', userId, 'busy-feed'];
  const current = useQuery({
    queryKey: key,
    queryFn: async () => (await api.get('/users/{id}/busy-feed', { params: { path: { id: userId } } })).feed,
    refetchInterval: (q) => (q.state.data && !q.state.data.lastAttemptAt ? 2000 : false),
  });
  const [url, setUrl] = useState('');
  const [problems, setProblems] = useState<{ summary: string; fields: FieldProblem[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setProblems(null);
    try {
      await action();
      await queryClient.invalidateQueries({ queryKey: key });
      await queryClient.invalidateQueries({ queryKey: ['availability', userId, 'time-off'] });
      return true;
    } catch (err) {
      setProblems(problemsOf(err));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (await run(() => api.put('/users/{id}/busy-feed', { params: { path: { id: userId } }, body: { url } })))
      setUrl('');
  };
  const remove = () => void run(() => api.del('/users/{id}/busy-feed', { params: { path: { id: userId } } }));
  const feed = current.data;
  const readAt = feed?.lastAttemptAt;
  // A sync that has just run may have changed the out-of-office ranges listed beside.
  useEffect(() => {
    if (readAt) void queryClient.invalidateQueries({ queryKey: ['availability', userId, 'time-off'] });
  }, [readAt, queryClient, userId]);

  return (
    <section className="card" aria-labelledby="busy-feed-title" data-testid="busy-feed">
      <h2 id="busy-feed-title">Calendar feed</h2>
      <p className="muted">
        The private address (https) where your calendar publishes an .ics feed. Its busy times are added as out of
        office now and every hour; ones that leave the feed are removed. Ranges added by hand are never touched.
      </p>
      {current.error && <p className="notice error">{problemText(current.error)}</p>}
      {feed === null && <p className="muted">No feed set.</p>}
      {feed && (
        <div data-testid="busy-feed-status">
          <p>
            <code>{feed.url}</code> · {feed.ranges} busy time{feed.ranges === 1 ? '' : 's'} ahead from the feed{' '}
            <button type="button" disabled={busy} onClick={remove}>
              Remove feed
            </button>
          </p>
          <p className="muted">
            {feed.lastSuccessAt ? `Last read ${formatDateTime(feed.lastSuccessAt)}.` : 'Not read yet.'}
            {feed.lastAttemptAt && feed.lastAttemptAt !== feed.lastSuccessAt && (
              <> Last attempt {formatDateTime(feed.lastAttemptAt)}.</>
            )}
          </p>
          {feed.lastError && (
            <p className="notice error" role="alert" data-testid="busy-feed-error">
              The feed could not be read: {feed.lastError}
            </p>
          )}
        </div>
      )}
      <form onSubmit={(e) => void save(e)}>
        <label>
          {feed ? 'Replace with' : 'Feed URL'}{' '}
          <input
            type="url"
            required
            maxLength={2000}
            placeholder="https://calendar.example.com/private/….ics"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
          <FieldErrors problems={problems?.fields.filter((p) => p.field === 'url')} />
        </label>{' '}
        <button type="submit" disabled={busy}>
          {feed ? 'Replace feed' : 'Set feed'}
        </button>
      </form>
      {problems && problems.fields.length === 0 && (
        <p className="notice error" role="alert">
          {problems.summary}
        </p>
      )}
    </section>
  );
}
