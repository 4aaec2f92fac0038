import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { createScriptSchema, updateScriptSchema } from '../../../../src/contract/scripts.ts';
import { api, getAll, ifMatch } from '../../api.ts';
import { nameOf, productsQuery } from '../../queries.ts';
import type { PipelineDto, ProductDto, ScriptDto } from '../../types.ts';
import { allPipelinesQuery, allUsersQuery } from './admin-layout.tsx';
import { Field, FormError, orNull, useSubmit } from './form.tsx';
import { formatDateTime } from '../../format.ts';

const KEY = ['admin', 'scripts'];

function targetOf(s: ScriptDto, pipelines: PipelineDto[], products: ProductDto[]): string {
  const pipeline = pipelines.find((p) => p.id === s.pipelineId || p.stages.some((st) => st.id === s.stageId));
  const stage = pipeline?.stages.find((st) => st.id === s.stageId);
  const product = products.find((p) => p.id === s.productId);
  return [pipeline?.name, stage?.name, product?.name].filter(Boolean).join(' › ') || '—';
}

export function AdminScriptsPage() {
  const scripts = useQuery({ queryKey: KEY, queryFn: () => getAll('/scripts', { query: { active: 'all' } }) });
  const pipelines = useQuery(allPipelinesQuery);
  const products = useQuery(productsQuery);
  const [editing, setEditing] = useState<ScriptDto | null>(null);
  const [history, setHistory] = useState<ScriptDto | null>(null);
  if (scripts.isPending || pipelines.isPending || products.isPending)
    return <p className="muted">Loading pitch scripts…</p>;
  if (scripts.isError) return <p className="error">{scripts.error.message}</p>;
  if (pipelines.isError) return <p className="error">{pipelines.error.message}</p>;
  if (products.isError) return <p className="error">{products.error.message}</p>;
  return (
    <>
      <h1>Pitch scripts</h1>
      <ScriptForm
        key={editing ? `${editing.id}:${editing.version}` : 'new'}
        script={editing}
        pipelines={pipelines.data}
        products={products.data}
        onDone={() => setEditing(null)}
      />
      {scripts.data.length === 0 ? (
        <p className="muted">
          No scripts yet. A script for a stage is shown to reps while they call about a deal in that stage.
        </p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>For</th>
              <th>Version</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {scripts.data.map((s) => (
              <tr key={s.id} className={s.active ? undefined : 'inactive'} data-testid={`script-${s.name}`}>
                <td>{s.name}</td>
                <td>{targetOf(s, pipelines.data, products.data)}</td>
                <td>v{s.scriptVersion}</td>
                <td>{s.active ? 'Active' : 'Inactive'}</td>
                <td>
                  <button type="button" className="link" onClick={() => setEditing(s)}>
                    Edit
                  </button>
                  <button type="button" className="link" onClick={() => setHistory(s)}>
                    Versions
                  </button>
                  {s.active && <Deactivate script={s} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {history && <Versions script={history} onClose={() => setHistory(null)} />}
    </>
  );
}

function Deactivate({ script }: { script: ScriptDto }) {
  const queryClient = useQueryClient();
  const { error, busy, run } = useSubmit(KEY);
  const onClick = async () => {
    const ok = await run(z.unknown(), null, () =>
      api
        .del('/scripts/{id}', { params: { path: { id: script.id }, header: ifMatch(script.version) } })
        .then(() => true),
    );
    if (ok) await queryClient.invalidateQueries({ queryKey: KEY });
  };
  return (
    <>
      <button type="button" className="link danger" disabled={busy} onClick={() => void onClick()}>
        Deactivate
      </button>
      {error && <span className="field-error"> {error}</span>}
    </>
  );
}

function Versions({ script, onClose }: { script: ScriptDto; onClose: () => void }) {
  const versions = useQuery({
    queryKey: [...KEY, script.id, 'versions'],
    queryFn: () => getAll('/scripts/{id}/versions', { path: { id: script.id } }),
  });
  const users = useQuery(allUsersQuery);
  return (
    <section className="card" aria-label={`Versions of ${script.name}`}>
      <div className="toolbar">
        <h2>Versions of {script.name}</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {versions.isPending && <p className="muted">Loading…</p>}
      {versions.isError && <p className="error">{versions.error.message}</p>}
      <ol className="plain versions">
        {versions.data?.map((v) => (
          <li key={v.scriptVersion}>
            <div className="small muted">
              v{v.scriptVersion} · {formatDateTime(v.createdAt)} · {nameOf(users.data, v.createdBy)}
            </div>
            <pre className="script-body">{v.body}</pre>
          </li>
        ))}
      </ol>
    </section>
  );
}

function ScriptForm({
  script,
  pipelines,
  products,
  onDone,
}: {
  script: ScriptDto | null;
  pipelines: PipelineDto[];
  products: ProductDto[];
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const stagePipeline = pipelines.find((p) => p.stages.some((s) => s.id === script?.stageId));
  const init = {
    name: script?.name ?? '',
    pipelineId: script?.pipelineId ?? stagePipeline?.id ?? '',
    stageId: script?.stageId ?? '',
    productId: script?.productId ?? '',
    body: script?.body ?? '',
    active: script?.active ?? true,
  };
  const [v, setV] = useState(init);
  const { errors, error, busy, run } = useSubmit(KEY);
  const stages = pipelines.find((p) => p.id === v.pipelineId)?.stages ?? [];

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const input = {
      name: v.name,
      body: v.body,
      pipelineId: orNull(v.pipelineId),
      stageId: orNull(v.stageId),
      productId: orNull(v.productId),
      active: v.active,
    };
    const saved = script
      ? await run(updateScriptSchema, input, (body) =>
          api.patch('/scripts/{id}', {
            params: { path: { id: script.id }, header: ifMatch(script.version) },
            body,
          }),
        )
      : await run(createScriptSchema, input, (body) => api.post('/scripts', { body }));
    if (!saved) return;
    await queryClient.invalidateQueries({ queryKey: KEY });
    await queryClient.invalidateQueries({ queryKey: ['scripts'] });
    setV(init);
    onDone();
  };

  return (
    <form
      className="card admin-form"
      onSubmit={(e) => void onSubmit(e)}
      aria-label={script ? `Edit ${script.name}` : 'New pitch script'}
    >
      <h2>
        {script
          ? `Edit ${script.name} (v${script.scriptVersion}; a new text starts v${script.scriptVersion + 1})`
          : 'New pitch script'}
      </h2>
      <div className="form-grid">
        <Field label="Script name" error={errors.name}>
          <input
            name="name"
            value={v.name}
            onChange={(e) => setV((o) => ({ ...o, name: e.target.value }))}
            aria-invalid={errors.name ? true : undefined}
          />
        </Field>
        <Field label="Pipeline" error={errors.pipelineId}>
          <select
            name="pipelineId"
            value={v.pipelineId}
            onChange={(e) => setV((o) => ({ ...o, pipelineId: e.target.value, stageId: '' }))}
          >
            <option value="">Any</option>
            {pipelines.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Stage" error={errors.stageId}>
          <select
            name="stageId"
            value={v.stageId}
            disabled={!v.pipelineId}
            onChange={(e) => setV((o) => ({ ...o, stageId: e.target.value }))}
          >
            <option value="">Any stage</option>
            {stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Product" error={errors.productId}>
          <select
            name="productId"
            value={v.productId}
            onChange={(e) => setV((o) => ({ ...o, productId: e.target.value }))}
          >
            <option value="">Any</option>
            {products.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Script" error={errors.body} className="wide">
          <textarea
            name="body"
            rows={6}
            value={v.body}
            onChange={(e) => setV((o) => ({ ...o, body: e.target.value }))}
            aria-invalid={errors.body ? true : undefined}
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
      <FormError error={error} />
      <div className="actions">
        {script && (
          <button type="button" onClick={onDone}>
            Cancel
          </button>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {script ? 'Save script' : 'Create script'}
        </button>
      </div>
    </form>
  );
}
