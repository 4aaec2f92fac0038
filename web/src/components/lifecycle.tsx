import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { lifecycleStages, type LifecycleStage } from '../../../src/contract/marketing.ts';
import { api, ifMatch } from '../api.ts';
import { problemText } from './form-errors.ts';

const labels: Record<LifecycleStage, string> = {
  subscriber: 'Subscriber',
  lead: 'Lead',
  mql: 'Marketing qualified (MQL)',
  sql: 'Sales accepted (SQL)',
  opportunity: 'Opportunity',
  customer: 'Customer',
};
/** The stages a person sets; opportunity and customer follow from the deal. */
const settable = ['subscriber', 'lead', 'mql', 'sql'] as const;

/**
 * Where a lead stands in the marketing lifecycle, and the move to another stage: forward freely,
 * back (a recycle) only with a reason, which marketing and sales then see on the lead.
 */
export function LifecycleControl({
  lead,
  canChange,
}: {
  lead: { id: string; version: number; lifecycleStage: LifecycleStage; recycleReason: string | null };
  canChange: boolean;
}) {
  const queryClient = useQueryClient();
  const [to, setTo] = useState<LifecycleStage>(lead.lifecycleStage);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const back = lifecycleStages.indexOf(to) < lifecycleStages.indexOf(lead.lifecycleStage);
  const move = async () => {
    if (to === 'opportunity' || to === 'customer') return;
    setBusy(true);
    setError(null);
    try {
      await api.post('/leads/{id}/lifecycle', {
        params: { path: { id: lead.id }, header: ifMatch(lead.version) },
        body: { stage: to, ...(back ? { recycleReason: reason.trim() } : {}) },
      });
      setReason('');
      await queryClient.invalidateQueries({ queryKey: ['lead', lead.id] });
    } catch (err) {
      setError(problemText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="lifecycle" data-testid="lifecycle">
      <p>
        Lifecycle: <span className="badge">{labels[lead.lifecycleStage]}</span>
        {lead.recycleReason && <span className="muted small"> · sent back: {lead.recycleReason}</span>}
      </p>
      {canChange && lead.lifecycleStage !== 'opportunity' && lead.lifecycleStage !== 'customer' && (
        <div className="inline-form">
          <label>
            Move to{' '}
            <select value={to} onChange={(e) => setTo(e.target.value as LifecycleStage)}>
              {settable.map((s) => (
                <option key={s} value={s}>
                  {labels[s]}
                </option>
              ))}
            </select>
          </label>
          {back && (
            <label>
              Why back{' '}
              <input
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                placeholder="e.g. no budget this year"
              />
            </label>
          )}
          <button
            type="button"
            disabled={busy || to === lead.lifecycleStage || (back && reason.trim() === '')}
            onClick={() => void move()}
          >
            Move
          </button>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
