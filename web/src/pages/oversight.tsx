import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { api, ifMatch, type ApiSchemas } from '../api.ts';
import { problemText } from '../components/form-errors.ts';
import { formatDateTime } from '../format.ts';
import { usersQuery } from '../queries.ts';

type FindingDto = ApiSchemas['Finding'];
type Status = 'open' | 'confirmed' | 'dismissed';

const detectorLabels: Record<FindingDto['detector'], string> = {
  backdating: 'Backdating',
  discount_outlier: 'Discount outlier',
  stage_skip: 'Stage skipped',
  stage_regression: 'Stage regression',
  bulk_change: 'Bulk reassign/delete',
  quarter_end_gaming: 'Quarter-end gaming',
  registration_hoarding: 'Registration hoarding',
  duplicate_registration: 'Duplicate registration',
  dual_agency_unconsented: 'Dual agency without consent',
};

function Subject({ f }: { f: FindingDto }) {
  if (f.subjectType === 'deal')
    return (
      <Link to="/deals/$dealId" params={{ dealId: f.subjectId }}>
        the deal
      </Link>
    );
  if (f.subjectType === 'deal_registration') return <RegistrationSubject id={f.subjectId} />;
  return <span>{f.subjectType}</span>;
}

/** A deal registration named by its customer, with a link to its deal once it has one. */
function RegistrationSubject({ id }: { id: string }) {
  const registration = useQuery({
    queryKey: ['registrations', id],
    queryFn: () => api.get('/registrations/{id}', { params: { path: { id } } }),
  });
  const r = registration.data;
  if (!r) return <span>a deal registration</span>;
  return (
    <span>
      the registration of {r.customerName}
      {r.dealId && (
        <>
          {' · '}
          <Link to="/deals/$dealId" params={{ dealId: r.dealId }}>
            its deal
          </Link>
        </>
      )}
    </span>
  );
}

/** Confirm, or dismiss with a reason; each is an event of the finding. */
function Work({ finding }: { finding: FindingDto }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const work = async (status: 'confirmed' | 'dismissed') => {
    if (status === 'dismissed' && !reason.trim()) {
      setError('Say why the finding is dismissed.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.patch('/findings/{id}', {
        params: { path: { id: finding.id }, header: ifMatch(finding.version) },
        body: { status, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      });
      await queryClient.invalidateQueries({ queryKey: ['findings'] });
    } catch (err) {
      setError(problemText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="decide">
      <label>
        Reason
        <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
      </label>
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void work('confirmed')}>
          Confirm
        </button>
        <button type="button" disabled={busy} onClick={() => void work('dismissed')}>
          Dismiss
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function ExceptionRates() {
  const rates = useQuery({
    queryKey: ['findings', 'rates'],
    queryFn: () => api.get('/findings/exception-rates', { params: { query: { days: 90 } } }),
  });
  if (!rates.data || rates.data.items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="rates-title">
      <h2 id="rates-title">Exceptions per person (90 days)</h2>
      <table className="records compact" data-testid="exception-rates">
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col" className="num">
              Findings
            </th>
            <th scope="col" className="num">
              Deal changes
            </th>
            <th scope="col" className="num">
              Rate
            </th>
          </tr>
        </thead>
        <tbody>
          {rates.data.items.map((r) => (
            <tr key={r.personId}>
              <td>{r.name}</td>
              <td className="num">{r.findings}</td>
              <td className="num">{r.changes}</td>
              <td className="num">{(r.rate * 100).toFixed(1)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * The oversight queue (managers, auditors, admins): what the detectors found, with the events that
 * show it; a finding is confirmed or dismissed with a reason by those who may work it.
 */
export function OversightPage() {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Status>('open');
  const [notice, setNotice] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['findings', status],
    queryFn: () => api.get('/findings', { params: { query: { status, limit: 200 } } }),
  });
  const users = useQuery(usersQuery).data ?? [];
  const nameOf = (id: string | null) => (id ? (users.find((u) => u.id === id)?.name ?? 'someone') : 'nobody');
  const runNow = async () => {
    try {
      await api.post('/findings/detect');
      setNotice('The detectors are running; new findings appear here when they finish.');
      setTimeout(() => void queryClient.invalidateQueries({ queryKey: ['findings'] }), 3000);
    } catch (err) {
      setNotice(problemText(err));
    }
  };
  return (
    <section className="page oversight-page">
      <h1>Oversight queue</h1>
      <div className="toolbar">
        <label>
          Status{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value as Status)}>
            <option value="open">Open</option>
            <option value="confirmed">Confirmed</option>
            <option value="dismissed">Dismissed</option>
          </select>
        </label>
        <button type="button" onClick={() => void runNow()}>
          Run detectors now
        </button>
      </div>
      {notice && (
        <p className="notice ok" role="status">
          {notice}
        </p>
      )}
      {list.isPending && <p className="muted">Loading findings…</p>}
      {list.isError && <p className="error">{list.error.message}</p>}
      {list.data && list.data.items.length === 0 && <p className="muted">No {status} findings.</p>}
      <ul className="finding-list">
        {list.data?.items.map((f) => (
          <li key={f.id} className={`card finding severity-${f.severity}`} data-testid="finding">
            <h3>
              {detectorLabels[f.detector]} <span className={`badge ${f.severity}`}>{f.severity}</span>
            </h3>
            <p>
              {nameOf(f.personId)}: {f.summary} (<Subject f={f} />)
            </p>
            <p className="small muted">
              Found {formatDateTime(f.detectedAt)} · evidence: event{f.evidence.length === 1 ? '' : 's'}{' '}
              {f.evidence.slice(0, 10).join(', ')}
              {f.evidence.length > 10 ? ` and ${f.evidence.length - 10} more` : ''}
              {f.reason ? ` · ${f.status}: ${f.reason}` : ''}
            </p>
            {f.status === 'open' && f.canWork && <Work finding={f} />}
          </li>
        ))}
      </ul>
      <ExceptionRates />
    </section>
  );
}
