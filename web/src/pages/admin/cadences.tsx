import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { callDispositions } from '../../../../src/contract/activities.ts';
import {
  createCadenceSchema,
  defaultCadenceRules,
  updateCadenceSchema,
  type CadenceRule,
  type CadenceRules,
  type CadenceStep,
} from '../../../../src/contract/cadences.ts';
import { api, getAll, ifMatch } from '../../api.ts';
import type { CadenceDto } from '../../types.ts';
import { words } from '../record-common.tsx';
import { canManageCadences } from '../../../../src/contract/access.ts';
import { useActor } from '../../permissions.ts';
import { Field, FormError, useSubmit } from './form.tsx';

const KEY = ['admin', 'cadences'];

const newStep = (): CadenceStep => ({
  kind: 'call',
  delay: { amount: 1, unit: 'days', clock: 'business' },
  instruction: '',
});

/** A delay in words: "at once", "2 business days", "4 hours". */
export function delayText(d: CadenceStep['delay']): string {
  if (d.amount === 0) return d.clock === 'business' ? 'when business hours open' : 'at once';
  const unit = d.amount === 1 ? d.unit.slice(0, -1) : d.unit;
  return `${d.amount} ${d.clock === 'business' ? 'business ' : ''}${unit}`;
}

export function ruleText(r: CadenceRule): string {
  switch (r.action) {
    case 'advance':
      return 'next step';
    case 'pause':
      return `pause ${r.days} d`;
    case 'pause_until_call_back':
      return 'pause until the call back';
    case 'end':
      return `end: ${r.reason}`;
  }
}

/**
 * Cadences: the list, and a form to define or edit one (name, ordered steps with delays and
 * instructions, the rule of each call disposition). Editing steps or rules starts a new version;
 * enrolled leads keep theirs.
 */
export function AdminCadencesPage() {
  const actor = useActor();
  if (actor && !canManageCadences(actor)) return <p className="muted">Cadences are defined by admins and managers.</p>;
  return <CadencesList />;
}

function CadencesList() {
  const cadences = useQuery({ queryKey: KEY, queryFn: () => getAll('/cadences', { query: { active: 'all' } }) });
  const [editing, setEditing] = useState<CadenceDto | null>(null);
  if (cadences.isPending) return <p className="muted">Loading cadences…</p>;
  if (cadences.isError) return <p className="error">{cadences.error.message}</p>;
  return (
    <>
      <h1>Cadences</h1>
      <CadenceForm
        key={editing ? `${editing.id}:${editing.version}` : 'new'}
        cadence={editing}
        onDone={() => setEditing(null)}
      />
      {cadences.data.length === 0 ? (
        <p className="muted">
          No cadences yet. A cadence is a sequence of calls, emails and tasks a lead is worked through.
        </p>
      ) : (
        <table className="admin-table" data-testid="cadences">
          <thead>
            <tr>
              <th>Name</th>
              <th>Steps</th>
              <th>Version</th>
              <th>Open enrolments</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {cadences.data.map((c) => (
              <tr key={c.id} className={c.active ? undefined : 'inactive'} data-testid={`cadence-${c.name}`}>
                <td>{c.name}</td>
                <td>
                  <ol className="plain small">
                    {c.steps.map((s, i) => (
                      <li key={i}>
                        {i + 1}. {words(s.kind)} after {delayText(s.delay)}
                      </li>
                    ))}
                  </ol>
                </td>
                <td>v{c.cadenceVersion}</td>
                <td className="num">{c.openEnrolments}</td>
                <td>{c.active ? 'Active' : 'Inactive'}</td>
                <td>
                  <button type="button" className="link" onClick={() => setEditing(c)}>
                    Edit
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function CadenceForm({ cadence, onDone }: { cadence: CadenceDto | null; onDone: () => void }) {
  const queryClient = useQueryClient();
  const init = {
    name: cadence?.name ?? '',
    active: cadence?.active ?? true,
    // A new cadence starts with a call at once; later steps default to a business day apart.
    steps: cadence?.steps ?? [{ ...newStep(), delay: { amount: 0, unit: 'hours', clock: 'calendar' } }],
    rules: cadence?.rules ?? defaultCadenceRules,
  };
  const [v, setV] = useState(init);
  const { errors, error, busy, run } = useSubmit(KEY);
  const setStep = (i: number, patch: Partial<CadenceStep>) =>
    setV((o) => ({ ...o, steps: o.steps.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));
  const setDelay = (i: number, patch: Partial<CadenceStep['delay']>) =>
    setV((o) => ({ ...o, steps: o.steps.map((s, j) => (j === i ? { ...s, delay: { ...s.delay, ...patch } } : s)) }));
  const move = (i: number, by: number) =>
    setV((o) => {
      const steps = [...o.steps];
      const [s] = steps.splice(i, 1);
      if (s) steps.splice(i + by, 0, s);
      return { ...o, steps };
    });
  const setRule = (d: keyof CadenceRules, r: CadenceRule) => setV((o) => ({ ...o, rules: { ...o.rules, [d]: r } }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const input = { name: v.name, active: v.active, steps: v.steps, rules: v.rules };
    const saved = cadence
      ? await run(updateCadenceSchema, input, (body) =>
          api.patch('/cadences/{id}', { params: { path: { id: cadence.id }, header: ifMatch(cadence.version) }, body }),
        )
      : await run(createCadenceSchema, input, (body) => api.post('/cadences', { body }));
    if (!saved) return;
    await queryClient.invalidateQueries({ queryKey: KEY });
    await queryClient.invalidateQueries({ queryKey: ['cadences'] });
    setV(init);
    onDone();
  };

  return (
    <form
      className="card admin-form"
      onSubmit={(e) => void onSubmit(e)}
      aria-label={cadence ? `Edit ${cadence.name}` : 'New cadence'}
    >
      <h2>
        {cadence
          ? `Edit ${cadence.name} (v${cadence.cadenceVersion}; new steps or rules start v${cadence.cadenceVersion + 1}, enrolled leads keep theirs)`
          : 'New cadence'}
      </h2>
      <div className="form-grid">
        <Field label="Cadence name" error={errors.name}>
          <input
            name="name"
            value={v.name}
            onChange={(e) => setV((o) => ({ ...o, name: e.target.value }))}
            aria-invalid={errors.name ? true : undefined}
          />
        </Field>
        <label className="check">
          <input
            type="checkbox"
            checked={v.active}
            onChange={(e) => setV((o) => ({ ...o, active: e.target.checked }))}
          />
          Active
        </label>
      </div>
      <h3>Steps</h3>
      {errors.steps && <p className="field-error">{errors.steps}</p>}
      <ol className="plain cadence-steps">
        {v.steps.map((s, i) => (
          <li key={i} className="form-grid" data-testid={`step-${i + 1}`}>
            <Field label={`Step ${i + 1}`} error={errors[`steps.${i}.kind`]}>
              <select
                aria-label={`Step ${i + 1} kind`}
                value={s.kind}
                onChange={(e) => setStep(i, { kind: e.target.value as CadenceStep['kind'] })}
              >
                <option value="call">Call</option>
                <option value="email">Email</option>
                <option value="task">Task</option>
              </select>
            </Field>
            <Field
              label={i === 0 ? 'After enrolment' : 'After the previous step'}
              error={errors[`steps.${i}.delay.amount`]}
            >
              <input
                type="number"
                min={0}
                max={365}
                aria-label={`Step ${i + 1} delay`}
                value={s.delay.amount}
                onChange={(e) => setDelay(i, { amount: Number(e.target.value) })}
              />
            </Field>
            <Field label="Unit">
              <select
                aria-label={`Step ${i + 1} unit`}
                value={`${s.delay.clock}:${s.delay.unit}`}
                onChange={(e) => {
                  const [clock, unit] = e.target.value.split(':') as [
                    CadenceStep['delay']['clock'],
                    CadenceStep['delay']['unit'],
                  ];
                  setDelay(i, { clock, unit });
                }}
              >
                <option value="business:hours">business hours</option>
                <option value="business:days">business days</option>
                <option value="calendar:hours">hours</option>
                <option value="calendar:days">days</option>
              </select>
            </Field>
            <Field label="Instruction" error={errors[`steps.${i}.instruction`]} className="wide">
              <input
                aria-label={`Step ${i + 1} instruction`}
                value={s.instruction}
                onChange={(e) => setStep(i, { instruction: e.target.value })}
              />
            </Field>
            <div className="actions">
              <button type="button" className="link" disabled={i === 0} onClick={() => move(i, -1)}>
                Up
              </button>
              <button type="button" className="link" disabled={i === v.steps.length - 1} onClick={() => move(i, 1)}>
                Down
              </button>
              <button
                type="button"
                className="link danger"
                disabled={v.steps.length === 1}
                onClick={() => setV((o) => ({ ...o, steps: o.steps.filter((_, j) => j !== i) }))}
              >
                Remove
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => setV((o) => ({ ...o, steps: [...o.steps, newStep()] }))}>
        Add step
      </button>
      <h3>After a call</h3>
      <table className="admin-table" aria-label="Disposition rules">
        <tbody>
          {callDispositions.map((d) => {
            const r = v.rules[d];
            return (
              <tr key={d}>
                <th scope="row">{words(d)}</th>
                <td>
                  <select
                    aria-label={`${words(d)} rule`}
                    value={r.action}
                    onChange={(e) => {
                      const action = e.target.value as CadenceRule['action'];
                      setRule(
                        d,
                        action === 'pause'
                          ? { action, days: 1 }
                          : action === 'end'
                            ? { action, reason: words(d).toLowerCase() }
                            : { action },
                      );
                    }}
                  >
                    <option value="advance">Next step</option>
                    <option value="pause">Pause days</option>
                    <option value="pause_until_call_back">Pause until the call back</option>
                    <option value="end">End</option>
                  </select>
                </td>
                <td>
                  {r.action === 'pause' && (
                    <Field label="Days" error={errors[`rules.${d}.days`]}>
                      <input
                        type="number"
                        min={1}
                        max={90}
                        value={r.days}
                        onChange={(e) => setRule(d, { action: 'pause', days: Number(e.target.value) })}
                      />
                    </Field>
                  )}
                  {r.action === 'end' && (
                    <Field label="Reason" error={errors[`rules.${d}.reason`]}>
                      <input value={r.reason} onChange={(e) => setRule(d, { action: 'end', reason: e.target.value })} />
                    </Field>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <FormError error={error} />
      <div className="actions">
        {cadence && (
          <button type="button" onClick={onDone}>
            Cancel
          </button>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {cadence ? 'Save cadence' : 'Create cadence'}
        </button>
      </div>
    </form>
  );
}
