import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { BUSINESS_DATE_MAX, BUSINESS_DATE_MIN } from '../../../src/contract/common.ts';
import { createDealSchema } from '../../../src/contract/deals.ts';
import { api, type FieldProblem } from '../api.ts';
import { canCreate, useActor } from '../permissions.ts';
import { pipelinesQuery } from '../queries.ts';
import { fieldLabel, problemsOf, zodProblems } from './form-errors.ts';
import { Modal } from './modal.tsx';

/** A new deal with the few fields a seller knows at the start; it opens on its page when created. */
export function NewDealDialog({ pipelineId: initialPipeline, onClose }: { pipelineId?: string; onClose: () => void }) {
  const pipelines = useQuery(pipelinesQuery);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [f, setF] = useState({
    name: '',
    pipelineId: initialPipeline ?? '',
    amount: '',
    expectedCloseDate: '',
    nextStep: '',
  });
  const [problems, setProblems] = useState<{ summary: string; fields: FieldProblem[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const pipelineId = f.pipelineId || pipelines.data?.find((p) => p.isDefault)?.id || pipelines.data?.[0]?.id || '';
  const err = (field: string) => problems?.fields.find((p) => p.field === field)?.message;
  const input = (label: string, key: keyof typeof f, props: Record<string, string | boolean> = {}) => (
    <label>
      {label}
      <input
        name={key}
        value={f[key]}
        onChange={(e) => setF((x) => ({ ...x, [key]: e.target.value }))}
        aria-invalid={err(key) ? true : undefined}
        {...props}
      />
      {err(key) && <span className="field-error">{err(key)}</span>}
    </label>
  );

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const orNull = (s: string) => s.trim() || null;
    const parsed = createDealSchema.safeParse({
      name: f.name,
      pipelineId: pipelineId || undefined,
      amount: orNull(f.amount),
      expectedCloseDate: orNull(f.expectedCloseDate),
      nextStep: orNull(f.nextStep),
    });
    if (!parsed.success) {
      setProblems({ summary: 'Please correct the marked fields.', fields: zodProblems(parsed.error) });
      return;
    }
    setBusy(true);
    setProblems(null);
    try {
      const deal = await api.post('/deals', { body: parsed.data });
      void queryClient.invalidateQueries({ queryKey: ['deals'] });
      onClose();
      await navigate({ to: '/deals/$dealId', params: { dealId: deal.id } });
    } catch (ex) {
      setProblems(problemsOf(ex));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title="New deal" onClose={onClose} testId="new-deal-dialog">
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        {input('Deal name', 'name', { autoFocus: true, required: true })}
        <label>
          Pipeline
          <select value={pipelineId} onChange={(e) => setF((x) => ({ ...x, pipelineId: e.target.value }))}>
            {pipelines.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <div className="row2">
          {input('Amount', 'amount', { inputMode: 'decimal', placeholder: 'e.g. 12000.00' })}
          {input('Expected close', 'expectedCloseDate', {
            type: 'date',
            min: BUSINESS_DATE_MIN,
            max: BUSINESS_DATE_MAX,
          })}
        </div>
        {input('Next step', 'nextStep')}
        {problems && (
          <div className="error" role="alert">
            <p>{problems.summary}</p>
            <ul className="small">
              {problems.fields.map((p) => (
                <li key={p.field}>
                  {fieldLabel(p.field)} {p.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create deal'}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** A "New deal" button opening the dialog, for toolbars. */
export function NewDealButton({ pipelineId }: { pipelineId?: string }) {
  const [open, setOpen] = useState(false);
  // Offered only to roles that may create deals (not auditors or marketing).
  if (!canCreate(useActor(), 'deal')) return null;
  return (
    <>
      <button type="button" className="primary" onClick={() => setOpen(true)}>
        New deal
      </button>
      {open && <NewDealDialog pipelineId={pipelineId} onClose={() => setOpen(false)} />}
    </>
  );
}
