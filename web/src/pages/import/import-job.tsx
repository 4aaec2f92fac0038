import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import type { ImportJobDto, ImportSummary } from '../../types.ts';
import { importSummaryNotes } from '../../../../src/contract/imports.ts';
import { api, apiUrl, getText } from '../../api.ts';
import { ErrorState, Loading } from '../../components/states.tsx';
import { listPathOf, rejectReasons } from './import-choices.ts';
import { formatDateTime, formatNumber } from '../../format.ts';

const finished = (j: ImportJobDto | undefined) => j?.status === 'succeeded' || j?.status === 'failed';

/** A job of GET /imports/:id, polled twice a second until it has finished. */
export function useImportJob(id: string) {
  return useQuery({
    queryKey: ['imports', id],
    queryFn: () => api.get('/imports/{id}', { params: { path: { id } } }),
    refetchInterval: (q) => (q.state.error || finished(q.state.data) ? false : 500),
  });
}

/** Seconds left at the pace so far, from the share of the file read. */
function secondsLeft(job: ImportJobDto, now: number): number | null {
  if (job.status !== 'running' || !job.startedAt || job.percent <= 0 || job.percent >= 100) return null;
  const elapsed = (now - Date.parse(job.startedAt)) / 1000;
  return (elapsed * (100 - job.percent)) / job.percent;
}

const duration = (s: number) => (s < 60 ? `${Math.ceil(s)} s` : `${Math.floor(s / 60)} min ${Math.ceil(s % 60)} s`);

/** Rows per second from the job's start to its end (or to now while it runs). */
function rate(job: ImportJobDto, now: number): number | null {
  if (!job.startedAt) return null;
  const end = job.finishedAt ? Date.parse(job.finishedAt) : now;
  const seconds = (end - Date.parse(job.startedAt)) / 1000;
  return seconds > 0 ? job.rowsRead / seconds : null;
}

const n = (v: number) => formatNumber(v);

/** The counts of a summary; a dry run's words say "would". */
export function SummaryList({ summary }: { summary: ImportSummary }) {
  const w = summary.dryRun ? 'Would be ' : '';
  const items: [string, number][] = [
    ['Rows read', summary.rows],
    [`${w}inserted`, summary.inserted],
    [`${w}updated`, summary.updated],
    ['Already up to date', summary.unchanged],
    [`${w}rejected`, summary.rejected],
    ['Duplicates', summary.duplicates],
    [summary.dryRun ? 'References that would be created' : 'References created', summary.createdReferences],
  ];
  const notes = importSummaryNotes(summary);
  return (
    <>
      <dl className="fields import-summary" data-testid="import-summary">
        {items.map(([label, value]) => (
          <div key={label} className="contents">
            <dt>{label.charAt(0).toUpperCase() + label.slice(1)}</dt>
            <dd data-testid={`summary-${label.toLowerCase().replace(/[^a-z]+/g, '-')}`}>{n(value)}</dd>
          </div>
        ))}
      </dl>
      {notes.length > 0 && (
        <ul className="notice" data-testid="import-notes">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The first rejected and skipped rows of a finished job with their reasons. */
function Reasons({ job }: { job: ImportJobDto }) {
  const count = (job.summary?.rejected ?? 0) + (job.summary?.duplicates ?? 0);
  const reasons = useQuery({
    queryKey: ['imports', job.id, 'rejects'],
    queryFn: async () => rejectReasons(await getText('/imports/{id}/rejects', { id: job.id })),
    enabled: count > 0,
  });
  if (count === 0) return null;
  if (reasons.error) return <ErrorState error={reasons.error} what="the rejected rows" />;
  if (!reasons.data) return <Loading>Loading the rejected rows…</Loading>;
  const shown = reasons.data.slice(0, 50);
  return (
    <>
      <h3>Rejected and skipped rows</h3>
      <div className="table-wrap">
        <table className="records" data-testid="import-reasons">
          <thead>
            <tr>
              <th className="num">Line</th>
              <th>Reason</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.line}>
                <td className="num">{r.line}</td>
                <td className="wrap">{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="small">
        {reasons.data.length > shown.length && `${n(reasons.data.length - shown.length)} more. `}
        <a href={apiUrl('/imports/{id}/rejects', { path: { id: job.id } }).pathname} download>
          Download the rejected rows (CSV)
        </a>{' '}
        <span className="muted">— the original cells with the line and the reason, ready to fix and import again.</span>
      </p>
    </>
  );
}

/** Progress of a running job (bar, rows, rows/s), then its summary and the reasons of its rejects. */
export function ImportJobView({ id, onFinished }: { id: string; onFinished?: (job: ImportJobDto) => void }) {
  const job = useImportJob(id);
  const queryClient = useQueryClient();
  const router = useRouter();
  const [now, setNow] = useState(() => Date.now());
  const data = job.data;
  const done = finished(data);

  useEffect(() => {
    if (done) return;
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, [done]);

  useEffect(() => {
    if (!data || !done) return;
    // Lists fetched before the import would otherwise stay stale for a while.
    if (!data.summary?.dryRun)
      void queryClient.invalidateQueries({
        predicate: (q) => q.queryKey[0] !== 'imports' && q.queryKey[0] !== 'session',
      });
    onFinished?.(data);
    // once per finished job
  }, [data?.id, done]);

  if (job.error) return <ErrorState error={job.error} what="this import" onRetry={() => void job.refetch()} />;
  if (!data) return <Loading>Starting…</Loading>;
  const perSecond = rate(data, now);
  const left = secondsLeft(data, now);
  const dryRun = data.options.dryRun === true;
  return (
    <div className="import-job" data-testid={dryRun ? 'dry-run-job' : 'import-job'} data-status={data.status}>
      <div className="import-progress">
        <progress max={100} value={data.percent} aria-label={dryRun ? 'Dry run progress' : 'Import progress'} />
        <span aria-live="polite">
          {data.status === 'queued' && 'Waiting to start…'}
          {data.status === 'running' && `${data.percent.toFixed(0)} % · ${n(data.rowsRead)} rows`}
          {data.status === 'succeeded' &&
            `${dryRun ? 'Dry run finished' : 'Import finished'}: ${n(data.rowsRead)} rows`}
          {data.status === 'failed' && 'Stopped'}
          {perSecond !== null && data.rowsRead > 0 && ` · ${n(Math.round(perSecond))} rows/s`}
          {left !== null && ` · about ${duration(left)} left`}
        </span>
      </div>
      {data.status === 'failed' && (
        <p className="notice error" role="alert">
          {data.error ?? 'The import stopped.'}{' '}
          {!dryRun &&
            'Batches before the failure stay imported; importing the file again updates them instead of duplicating them.'}
        </p>
      )}
      {data.summary && <SummaryList summary={data.summary} />}
      {done && <Reasons job={data} />}
      {data.status === 'succeeded' && !dryRun && (
        <p>
          <a
            href={listPathOf[data.entity]}
            onClick={(e) => {
              e.preventDefault();
              router.history.push(listPathOf[data.entity]);
            }}
          >
            See the imported {data.entity}
          </a>
        </p>
      )}
    </div>
  );
}

/** The latest imports (admins: everyone's; managers: their own); each opens with its summary and rejects. */
export function RecentImports({ onOpen }: { onOpen: (id: string) => void }) {
  const jobs = useQuery({
    queryKey: ['imports', 'list'],
    queryFn: async () => (await api.get('/imports')).items,
    refetchInterval: 5000,
  });
  const items = (jobs.data ?? []).slice(0, 10);
  if (items.length === 0) return null;
  return (
    <div className="card import-step">
      <h2>Recent imports</h2>
      <div className="table-wrap">
        <table className="records" data-testid="recent-imports">
          <thead>
            <tr>
              <th>File</th>
              <th>Records</th>
              <th>Status</th>
              <th className="num">Rows</th>
              <th>Started</th>
            </tr>
          </thead>
          <tbody>
            {items.map((j) => (
              <tr key={j.id}>
                <td>
                  <button type="button" className="link" onClick={() => onOpen(j.id)}>
                    {j.fileName ?? j.id}
                  </button>
                  {j.options.dryRun === true && <span className="badge">dry run</span>}
                </td>
                <td>{j.entity}</td>
                <td>{j.status === 'running' ? `running ${j.percent.toFixed(0)} %` : j.status}</td>
                <td className="num">{n(j.rowsRead)}</td>
                <td>{formatDateTime(j.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
