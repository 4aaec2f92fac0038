import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { BUSINESS_DATE_MAX, BUSINESS_DATE_MIN } from '../../../src/contract/common.ts';
import { updateDealSchema } from '../../../src/contract/deals.ts';
import { heldText, isHeld } from '../held.ts';
import { api, ApiError, ifMatch } from '../api.ts';
import type { DealDto, GateField, StageDto } from '../types.ts';
import { RecordPicker } from '../components/record-picker.tsx';
import { problemText } from '../components/form-errors.ts';
import { fieldLabel, humanMessage } from '../problem-text.ts';

/** A stage move waiting for input: gate fields the server said are missing, or a lost reason. */
export interface PendingMove {
  deal: DealDto;
  stage: StageDto;
  missingFields: GateField[];
  needsLostReason: boolean;
  /** Why the move needs more: the server's refusal detail. */
  reason: string;
}

/** The gate fields this form can fill; others are edited on the deal page. */
const editable = {
  amount: { label: 'Amount', type: 'text', placeholder: '1250.00' },
  expectedCloseDate: { label: 'Expected close date', type: 'date', placeholder: '' },
  nextStep: { label: 'Next step', type: 'text', placeholder: 'Call the buyer on Monday' },
  source: { label: 'Source', type: 'text', placeholder: 'webinar' },
  accountId: { label: 'Account', type: 'account', placeholder: '' },
  primaryContactId: { label: 'Primary contact', type: 'contact', placeholder: '' },
} as const;
type EditableField = keyof typeof editable;
const isEditable = (f: GateField): f is EditableField => f in editable;

// The same rules the server validates a deal update with.
const gateFormSchema = updateDealSchema.pick({
  amount: true,
  expectedCloseDate: true,
  nextStep: true,
  source: true,
  accountId: true,
  primaryContactId: true,
});

export function MoveDialog({
  pending,
  onCancel,
  onUpdated,
  onRetry,
}: {
  pending: PendingMove;
  onCancel: () => void;
  onUpdated: (deal: DealDto) => void;
  onRetry: (deal: DealDto, lostReason?: string) => Promise<void>;
}) {
  const { deal, stage } = pending;
  const fields = pending.missingFields.filter(isEditable);
  const elsewhere = pending.missingFields.filter((f) => !isEditable(f));
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((f) => [f, deal[f] ?? ''])),
  );
  const [lostReason, setLostReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setErrors({});
    const input = Object.fromEntries(fields.map((f) => [f, values[f]?.trim() ?? '']));
    const parsed = gateFormSchema.safeParse(input);
    // The gate asks for a value, so an empty field would only be refused again.
    const problems: Record<string, string> = {};
    for (const i of parsed.error?.issues ?? []) problems[String(i.path[0])] = i.message;
    for (const f of fields) if (!input[f]) problems[f] = `is required to enter ${stage.name}`;
    if (!parsed.success || Object.keys(problems).length > 0) {
      setErrors(problems);
      return;
    }
    if (pending.needsLostReason && !lostReason.trim()) {
      setErrors({ lostReason: 'must not be empty' });
      return;
    }
    setBusy(true);
    try {
      let current = deal;
      if (fields.length > 0) {
        const answer = await api.patch('/deals/{id}', {
          params: { path: { id: deal.id }, header: ifMatch(deal.version) },
          body: parsed.data,
        });
        // Fields an approval rule holds are not on the deal yet: the move would be refused again.
        if (isHeld(answer)) {
          setError(heldText(answer));
          return;
        }
        current = answer;
        onUpdated(current);
      }
      await onRetry(current, pending.needsLostReason ? lostReason.trim() : undefined);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(problemText(err));
      setErrors(Object.fromEntries(err.errors.map((x) => [x.field, humanMessage(x.message)])));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="backdrop" role="presentation">
      <form
        className="card dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="move-title"
        onSubmit={(e) => void onSubmit(e)}
      >
        <h2 id="move-title">
          Move “{deal.name}” to {stage.name}
        </h2>
        <p className="reason" data-testid="move-reason">
          {pending.reason}
        </p>
        {fields.map((f) => {
          const spec = editable[f];
          if (spec.type === 'account' || spec.type === 'contact')
            return (
              <div key={f} className="label" data-testid={`gate-${f}`}>
                {spec.label}
                <RecordPicker
                  kind={spec.type}
                  label={spec.label}
                  name={f}
                  value={values[f] ?? ''}
                  onChange={(id) => setValues((v) => ({ ...v, [f]: id }))}
                  accountId={spec.type === 'contact' ? (values.accountId ?? deal.accountId) : undefined}
                  invalid={errors[f] !== undefined}
                />
                {errors[f] && <span className="field-error">{errors[f]}</span>}
              </div>
            );
          return (
            <label key={f}>
              {editable[f].label}
              <input
                name={f}
                type={editable[f].type}
                {...(editable[f].type === 'date' ? { min: BUSINESS_DATE_MIN, max: BUSINESS_DATE_MAX } : {})}
                placeholder={editable[f].placeholder}
                value={values[f] ?? ''}
                onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
                aria-invalid={errors[f] ? true : undefined}
              />
              {errors[f] && <span className="field-error">{errors[f]}</span>}
            </label>
          );
        })}
        {pending.needsLostReason && (
          <label>
            Lost reason
            <input name="lostReason" value={lostReason} onChange={(e) => setLostReason(e.target.value)} />
            {errors.lostReason && <span className="field-error">{errors.lostReason}</span>}
          </label>
        )}
        {elsewhere.length > 0 && (
          <p className="muted">
            Also needed: {elsewhere.map((f) => fieldLabel(f).toLowerCase()).join(', ')}. Fill them on the{' '}
            <Link to="/deals/$dealId" params={{ dealId: deal.id }}>
              deal page
            </Link>
            .
          </p>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="submit"
            className="primary"
            disabled={busy || (fields.length === 0 && !pending.needsLostReason)}
          >
            {fields.length > 0 ? 'Save and move' : 'Move'}
          </button>
        </div>
      </form>
    </div>
  );
}
