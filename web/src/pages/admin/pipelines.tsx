import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  createPipelineSchema,
  heldMeetingActions,
  replaceStagesSchema,
  updatePipelineSchema,
  type HeldMeetingAction,
} from '../../../../src/contract/pipelines.ts';
import { api, ifMatch } from '../../api.ts';
import type { PipelineDto } from '../../types.ts';
import { allPipelinesQuery } from './admin-layout.tsx';
import { Field, FormError, orNull, useSubmit } from './form.tsx';
import { newKey, StageEditor, toDrafts, toStageInputs, type StageDraft } from './stage-editor.tsx';

const starterStages = (): StageDraft[] => [
  {
    key: newKey(),
    name: 'Qualify',
    kind: 'open',
    probability: '10',
    forecastCategory: '',
    expectedDays: '14',
    requiredFields: [],
  },
  {
    key: newKey(),
    name: 'Proposal',
    kind: 'open',
    probability: '50',
    forecastCategory: '',
    expectedDays: '21',
    requiredFields: ['amount'],
  },
  {
    key: newKey(),
    name: 'Won',
    kind: 'won',
    probability: '',
    forecastCategory: '',
    expectedDays: '',
    requiredFields: [],
  },
  {
    key: newKey(),
    name: 'Lost',
    kind: 'lost',
    probability: '',
    forecastCategory: '',
    expectedDays: '',
    requiredFields: [],
  },
];

export function AdminPipelinesPage() {
  const pipelines = useQuery(allPipelinesQuery);
  const [selected, setSelected] = useState<string | null>(null);
  if (pipelines.isPending) return <p className="muted">Loading pipelines…</p>;
  if (pipelines.isError) return <p className="error">{pipelines.error.message}</p>;
  const current =
    selected === 'new'
      ? null
      : (pipelines.data.find((p) => p.id === selected) ??
        pipelines.data.find((p) => p.isDefault) ??
        pipelines.data[0] ??
        null);
  const creating = selected === 'new' || !current;

  return (
    <>
      <div className="toolbar">
        <h1>Pipelines</h1>
        <label>
          Pipeline{' '}
          <select
            aria-label="Pipeline to edit"
            value={creating ? 'new' : current.id}
            onChange={(e) => setSelected(e.target.value)}
          >
            {pipelines.data.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {p.active ? '' : ' (inactive)'}
              </option>
            ))}
            <option value="new">New pipeline…</option>
          </select>
        </label>
      </div>
      {creating ? (
        <NewPipeline onCreated={(p) => setSelected(p.id)} />
      ) : (
        <EditPipeline key={current.id} pipeline={current} />
      )}
    </>
  );
}

interface Settings {
  name: string;
  description: string;
  enforceStageOrder: boolean;
  isDefault: boolean;
  active: boolean;
}

function SettingsFields({
  v,
  set,
  errors,
}: {
  v: Settings;
  set: (patch: Partial<Settings>) => void;
  errors: Record<string, string>;
}) {
  return (
    <div className="form-grid">
      <Field label="Pipeline name" error={errors.name}>
        <input
          name="name"
          value={v.name}
          onChange={(e) => set({ name: e.target.value })}
          aria-invalid={errors.name ? true : undefined}
        />
      </Field>
      <Field label="Description" error={errors.description}>
        <input name="description" value={v.description} onChange={(e) => set({ description: e.target.value })} />
      </Field>
      <label className="check">
        <input
          type="checkbox"
          checked={v.enforceStageOrder}
          onChange={(e) => set({ enforceStageOrder: e.target.checked })}
        />
        Deals move one stage at a time (no skipping, no moving backwards)
      </label>
      <label className="check">
        <input type="checkbox" checked={v.isDefault} onChange={(e) => set({ isDefault: e.target.checked })} />
        Default pipeline for new deals
      </label>
      <label className="check">
        <input type="checkbox" checked={v.active} onChange={(e) => set({ active: e.target.checked })} />
        Active (shown on the board)
      </label>
    </div>
  );
}

const heldMeetingLabels: Record<HeldMeetingAction, string> = {
  none: 'Nothing',
  create_deal: 'Create the deal (meetings on a lead or contact without a deal)',
  advance_deal: 'Advance the deal of the meeting, when it stands earlier',
  create_or_advance: 'Both: create the deal, or advance it',
};

/**
 * What the first held meeting of a lead, contact or deal does: the action and the open stage. The
 * default pipeline's setting decides deal creation; a pipeline's own setting, advancing its deals.
 */
function HeldMeetingFields({
  pipeline,
  action,
  stageId,
  set,
  errors,
}: {
  pipeline: PipelineDto;
  action: HeldMeetingAction;
  stageId: string;
  set: (patch: { heldAction?: HeldMeetingAction; heldStageId?: string }) => void;
  errors: Record<string, string>;
}) {
  const open = pipeline.stages.filter((s) => s.kind === 'open');
  return (
    <fieldset className="form-grid" data-testid="held-meeting-setting">
      <legend>When the first meeting with a buyer is held</legend>
      <Field label="A held first meeting" error={errors['heldMeeting.action']}>
        <select
          name="heldAction"
          value={action}
          onChange={(e) => set({ heldAction: e.target.value as HeldMeetingAction })}
        >
          {heldMeetingActions.map((a) => (
            <option key={a} value={a}>
              {heldMeetingLabels[a]}
            </option>
          ))}
        </select>
      </Field>
      {action !== 'none' && (
        <Field label="In stage" error={errors['heldMeeting.stageId']}>
          <select
            name="heldStage"
            value={stageId}
            onChange={(e) => set({ heldStageId: e.target.value })}
            aria-invalid={errors['heldMeeting.stageId'] ? true : undefined}
          >
            <option value="">Choose an open stage…</option>
            {open.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      <p className="muted small">
        The deal is the field rep&apos;s; approval rules and stage requirements apply as to a manual move (when they
        hold it back, the meeting is still recorded and the rep is told why). Creating a deal follows the default
        pipeline&apos;s setting{pipeline.isDefault ? ' (this one)' : ''}.
      </p>
    </fieldset>
  );
}

function useInvalidatePipelines() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: ['admin', 'pipelines'] });
    await queryClient.invalidateQueries({ queryKey: ['pipelines'] });
  };
}

function NewPipeline({ onCreated }: { onCreated: (p: PipelineDto) => void }) {
  const refresh = useInvalidatePipelines();
  const [v, setV] = useState<Settings>({
    name: '',
    description: '',
    enforceStageOrder: false,
    isDefault: false,
    active: true,
  });
  const [drafts, setDrafts] = useState<StageDraft[]>(starterStages);
  const { errors, error, busy, run } = useSubmit();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const input = { ...v, description: orNull(v.description), stages: toStageInputs(drafts) };
    const created = await run(createPipelineSchema, input, (body) => api.post('/pipelines', { body }));
    if (!created) return;
    await refresh();
    onCreated(created);
  };

  return (
    <form className="card admin-form" onSubmit={(e) => void onSubmit(e)} aria-label="New pipeline">
      <h2>New pipeline</h2>
      <SettingsFields v={v} set={(p) => setV((o) => ({ ...o, ...p }))} errors={errors} />
      <h3>Stages</h3>
      <StageEditor drafts={drafts} onChange={setDrafts} errors={errors} />
      <FormError error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Create pipeline
        </button>
      </div>
    </form>
  );
}

function EditPipeline({ pipeline }: { pipeline: PipelineDto }) {
  const refresh = useInvalidatePipelines();
  const [v, setV] = useState<Settings>({
    name: pipeline.name,
    description: pipeline.description ?? '',
    enforceStageOrder: pipeline.enforceStageOrder,
    isDefault: pipeline.isDefault,
    active: pipeline.active,
  });
  const [held, setHeld] = useState({
    heldAction: pipeline.heldMeeting.action,
    heldStageId: pipeline.heldMeeting.stageId ?? '',
  });
  const [drafts, setDrafts] = useState<StageDraft[]>(() => toDrafts(pipeline.stages));
  const [saved, setSaved] = useState<string | null>(null);
  const settings = useSubmit(['admin', 'pipelines']);
  const stages = useSubmit(['admin', 'pipelines']);

  const onSaveSettings = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const input = {
      ...v,
      description: orNull(v.description),
      heldMeeting: {
        action: held.heldAction,
        stageId: held.heldAction === 'none' ? null : held.heldStageId || null,
      },
    };
    const done = await settings.run(updatePipelineSchema, input, (body) =>
      api.patch('/pipelines/{id}', {
        params: { path: { id: pipeline.id }, header: ifMatch(pipeline.version) },
        body,
      }),
    );
    if (!done) return;
    setSaved('Settings saved.');
    await refresh();
  };

  const onSaveStages = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const done = await stages.run(replaceStagesSchema, { stages: toStageInputs(drafts) }, (body) =>
      api.put('/pipelines/{id}/stages', {
        params: { path: { id: pipeline.id }, header: ifMatch(pipeline.version) },
        body,
      }),
    );
    if (!done) return;
    // New stages now have ids; the next save must send them, not add them again.
    setDrafts(toDrafts(done.stages));
    setSaved('Stages saved.');
    await refresh();
  };

  return (
    <>
      {saved && (
        <p className="notice ok" role="status" data-testid="admin-saved">
          {saved}
        </p>
      )}
      <form className="card admin-form" onSubmit={(e) => void onSaveSettings(e)} aria-label="Pipeline settings">
        <h2>Settings</h2>
        <SettingsFields v={v} set={(p) => setV((o) => ({ ...o, ...p }))} errors={settings.errors} />
        <HeldMeetingFields
          pipeline={pipeline}
          action={held.heldAction}
          stageId={held.heldStageId}
          set={(p) => setHeld((o) => ({ ...o, ...p }))}
          errors={settings.errors}
        />
        <FormError error={settings.error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={settings.busy}>
            Save settings
          </button>
        </div>
      </form>
      <form className="card admin-form" onSubmit={(e) => void onSaveStages(e)} aria-label="Stages">
        <h2>Stages</h2>
        <p className="muted small">
          Drag a stage by its handle to reorder. Open stages come first; won and lost stages close the deal. Removing a
          stage that still holds deals is refused.
        </p>
        <StageEditor drafts={drafts} onChange={setDrafts} errors={stages.errors} />
        <FormError error={stages.error} />
        <div className="actions">
          <button type="button" onClick={() => setDrafts(toDrafts(pipeline.stages))} disabled={stages.busy}>
            Undo changes
          </button>
          <button type="submit" className="primary" disabled={stages.busy}>
            Save stages
          </button>
        </div>
      </form>
    </>
  );
}
