import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import {
  createObjectionSchema,
  objectionCategories,
  updateObjectionSchema,
  type ObjectionCategory,
} from '../../../../src/contract/objections.ts';
import { api, getAll, ifMatch } from '../../api.ts';
import type { ObjectionDto } from '../../types.ts';
import { Field, FormError, orNull, useSubmit } from './form.tsx';

const KEY = ['admin', 'objections'];

export function AdminObjectionsPage() {
  const objections = useQuery({ queryKey: KEY, queryFn: () => getAll('/objections', { query: { active: 'all' } }) });
  const [editing, setEditing] = useState<ObjectionDto | null>(null);
  if (objections.isPending) return <p className="muted">Loading the objection library…</p>;
  if (objections.isError) return <p className="error">{objections.error.message}</p>;
  return (
    <>
      <h1>Objection library</h1>
      <ObjectionForm key={editing?.id ?? 'new'} objection={editing} onDone={() => setEditing(null)} />
      {objections.data.length === 0 ? (
        <p className="muted">
          The library is empty. Add the objections buyers raise and the responses that work; reps see them while logging
          a call.
        </p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th>Category</th>
              <th>Objection</th>
              <th>Recommended responses</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {objections.data.map((o) => (
              <tr key={o.id} className={o.active ? undefined : 'inactive'} data-testid={`objection-${o.title}`}>
                <td>{o.category}</td>
                <td>
                  <strong>{o.title}</strong>
                  {o.description && <div className="muted small">{o.description}</div>}
                </td>
                <td>
                  <ul className="plain">
                    {o.recommendedResponses.map((r, i) => (
                      <li key={i}>{r}</li>
                    ))}
                  </ul>
                </td>
                <td>{o.active ? 'Active' : 'Retired'}</td>
                <td>
                  <button type="button" className="link" onClick={() => setEditing(o)}>
                    Edit
                  </button>
                  {o.active && <Retire objection={o} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function Retire({ objection }: { objection: ObjectionDto }) {
  const queryClient = useQueryClient();
  const { error, busy, run } = useSubmit(KEY);
  const onClick = async () => {
    const ok = await run(z.unknown(), null, () =>
      api
        .del('/objections/{id}', { params: { path: { id: objection.id }, header: ifMatch(objection.version) } })
        .then(() => true),
    );
    if (ok) await queryClient.invalidateQueries({ queryKey: KEY });
  };
  return (
    <>
      <button type="button" className="link danger" disabled={busy} onClick={() => void onClick()}>
        Retire
      </button>
      {error && <span className="field-error"> {error}</span>}
    </>
  );
}

function ObjectionForm({ objection, onDone }: { objection: ObjectionDto | null; onDone: () => void }) {
  const queryClient = useQueryClient();
  const init = {
    category: objection?.category ?? 'price',
    title: objection?.title ?? '',
    description: objection?.description ?? '',
    responses: objection?.recommendedResponses.join('\n') ?? '',
    active: objection?.active ?? true,
  };
  const [v, setV] = useState(init);
  const { errors, error, busy, run } = useSubmit(KEY);
  const responseErrors = Object.entries(errors).filter(([k]) => k.startsWith('recommendedResponses'));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const input = {
      category: v.category,
      title: v.title,
      description: orNull(v.description),
      // One response per line; blank lines separate nothing.
      recommendedResponses: v.responses.split('\n').filter((l) => l.trim() !== ''),
      active: v.active,
    };
    const saved = objection
      ? await run(updateObjectionSchema, input, (body) =>
          api.patch('/objections/{id}', {
            params: { path: { id: objection.id }, header: ifMatch(objection.version) },
            body,
          }),
        )
      : await run(createObjectionSchema, input, (body) => api.post('/objections', { body }));
    if (!saved) return;
    await queryClient.invalidateQueries({ queryKey: KEY });
    await queryClient.invalidateQueries({ queryKey: ['objections'] });
    setV(init);
    onDone();
  };

  return (
    <form
      className="card admin-form"
      onSubmit={(e) => void onSubmit(e)}
      aria-label={objection ? `Edit ${objection.title}` : 'New objection'}
    >
      <h2>{objection ? `Edit “${objection.title}”` : 'New objection'}</h2>
      <div className="form-grid">
        <Field label="Category" error={errors.category}>
          <select
            name="category"
            value={v.category}
            onChange={(e) => setV((o) => ({ ...o, category: e.target.value as ObjectionCategory }))}
          >
            {objectionCategories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Objection" error={errors.title}>
          <input
            name="title"
            value={v.title}
            placeholder="Too expensive"
            onChange={(e) => setV((o) => ({ ...o, title: e.target.value }))}
            aria-invalid={errors.title ? true : undefined}
          />
        </Field>
        <Field label="Description" error={errors.description} className="wide">
          <input
            name="description"
            value={v.description}
            onChange={(e) => setV((o) => ({ ...o, description: e.target.value }))}
          />
        </Field>
        <Field
          label="Recommended responses (one per line)"
          error={responseErrors.map(([k, m]) => `${k}: ${m}`).join('; ') || undefined}
          className="wide"
        >
          <textarea
            name="responses"
            rows={3}
            value={v.responses}
            onChange={(e) => setV((o) => ({ ...o, responses: e.target.value }))}
          />
        </Field>
        <label className="check">
          <input
            type="checkbox"
            checked={v.active}
            onChange={(e) => setV((o) => ({ ...o, active: e.target.checked }))}
          />
          Active (offered to reps)
        </label>
      </div>
      <FormError error={error} />
      <div className="actions">
        {objection && (
          <button type="button" onClick={onDone}>
            Cancel
          </button>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {objection ? 'Save objection' : 'Add objection'}
        </button>
      </div>
    </form>
  );
}
