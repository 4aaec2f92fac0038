import { useState, type FormEvent } from 'react';
import type { LeadDto } from '../types.ts';
import { Modal } from './modal.tsx';

const commonReasons = [
  'No budget',
  'No need',
  'Not the decision maker',
  'Bought from a competitor',
  'Unreachable',
  'Duplicate',
];

/** Asks why a lead is disqualified (the API requires a reason) and confirms. */
export function DisqualifyDialog({
  lead,
  busy,
  onClose,
  onConfirm,
}: {
  lead: LeadDto;
  busy: boolean;
  onClose: () => void;
  onConfirm: (reason: string) => Promise<void>;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError('Reason must not be empty: say why, so the lead can be judged again later.');
      return;
    }
    void onConfirm(reason.trim());
  };
  return (
    <Modal
      title={`Disqualify ${[lead.firstName, lead.lastName].filter(Boolean).join(' ')}`}
      onClose={onClose}
      testId="disqualify-dialog"
    >
      <form onSubmit={onSubmit} noValidate>
        <label>
          Reason
          <input
            name="reason"
            list="disqualify-reasons"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={error ? true : undefined}
            autoFocus
          />
          <datalist id="disqualify-reasons">
            {commonReasons.map((r) => (
              <option key={r} value={r} />
            ))}
          </datalist>
          {error && (
            <span className="field-error" role="alert">
              {error}
            </span>
          )}
        </label>
        <div className="actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Disqualify
          </button>
        </div>
      </form>
    </Modal>
  );
}
