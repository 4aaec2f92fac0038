import { useState, type DragEvent } from 'react';
import {
  forecastCategories,
  gateFields,
  stageKinds,
  type ForecastCategory,
  type GateField,
  type StageKind,
} from '../../../../src/contract/pipelines.ts';
import type { StageDto } from '../../types.ts';
import { intOrNull, type FieldErrors } from './form.tsx';

/** A stage being edited; numbers stay text until sent, so the schema can name a bad entry. */
export interface StageDraft {
  /** Stable React key (the stage id, or a fresh one for a new stage). */
  key: string;
  id?: string | undefined;
  name: string;
  kind: StageKind;
  probability: string;
  forecastCategory: ForecastCategory | '';
  expectedDays: string;
  requiredFields: GateField[];
}

export const gateLabels: Record<GateField, string> = {
  amount: 'Amount',
  expectedCloseDate: 'Close date',
  accountId: 'Account',
  primaryContactId: 'Primary contact',
  nextStep: 'Next step',
  lineItems: 'Line items',
  contactRoles: 'Contact roles',
  source: 'Source',
  partnerAccountId: 'Partner',
};

const forecastNames: Record<ForecastCategory, string> = {
  pipeline: 'Pipeline',
  best_case: 'Best case',
  commit: 'Commit',
  closed: 'Closed',
  omitted: 'Omitted',
};

let counter = 0;
export const newKey = () => `new-${++counter}`;

export function toDrafts(stages: readonly StageDto[]): StageDraft[] {
  return [...stages]
    .sort((a, b) => a.position - b.position)
    .map((s) => ({
      key: s.id,
      id: s.id,
      name: s.name,
      kind: s.kind,
      probability: String(s.probability),
      forecastCategory: s.forecastCategory,
      expectedDays: s.expectedDays === null ? '' : String(s.expectedDays),
      requiredFields: s.requiredFields,
    }));
}

/** The drafts as the API takes them (PUT /pipelines/:id/stages, or the stages of POST /pipelines). */
export function toStageInputs(drafts: readonly StageDraft[]) {
  return drafts.map((d) => ({
    ...(d.id ? { id: d.id } : {}),
    name: d.name,
    kind: d.kind,
    ...(d.probability.trim() === '' && d.kind !== 'open' ? {} : { probability: intOrNull(d.probability) ?? undefined }),
    ...(d.forecastCategory ? { forecastCategory: d.forecastCategory } : {}),
    expectedDays: intOrNull(d.expectedDays),
    requiredFields: d.requiredFields,
  }));
}

const ROW_MIME = 'application/x-pipewright-stage';

/**
 * The ordered stage list: drag a row by its handle (or use the arrow buttons) to reorder; errors
 * come as `stages.<index>.<field>` and are shown in the row they belong to.
 */
export function StageEditor({
  drafts,
  onChange,
  errors,
}: {
  drafts: StageDraft[];
  onChange: (next: StageDraft[]) => void;
  errors: FieldErrors;
}) {
  const [over, setOver] = useState<number | null>(null);
  const update = (i: number, patch: Partial<StageDraft>) =>
    onChange(drafts.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const moveTo = (from: number, to: number) => {
    if (from === to || to < 0 || to >= drafts.length) return;
    const next = [...drafts];
    const [row] = next.splice(from, 1);
    if (row) next.splice(to, 0, row);
    onChange(next);
  };
  const onDrop = (e: DragEvent, to: number) => {
    e.preventDefault();
    setOver(null);
    const from = Number(e.dataTransfer.getData(ROW_MIME) || e.dataTransfer.getData('text/plain'));
    if (Number.isInteger(from)) moveTo(from, to);
  };
  const err = (i: number, f: string) => errors[`stages.${i}.${f}`];

  return (
    <div className="stage-editor">
      {errors.stages && <p className="field-error">{errors.stages}</p>}
      <ol className="stage-rows" data-testid="stage-rows">
        {drafts.map((d, i) => (
          <li
            key={d.key}
            className={`stage-row${over === i ? ' drop' : ''}`}
            data-testid={`stage-row-${d.name}`}
            onDragOver={(e) => {
              e.preventDefault();
              e.dataTransfer.dropEffect = 'move';
              setOver(i);
            }}
            onDragLeave={() => setOver((o) => (o === i ? null : o))}
            onDrop={(e) => onDrop(e, i)}
          >
            <span
              className="handle"
              draggable
              title="Drag to reorder"
              aria-hidden="true"
              data-testid={`stage-handle-${d.name}`}
              onDragStart={(e) => {
                e.dataTransfer.setData(ROW_MIME, String(i));
                e.dataTransfer.setData('text/plain', String(i));
                e.dataTransfer.effectAllowed = 'move';
              }}
            >
              ⠿
            </span>
            <span className="reorder">
              <button
                type="button"
                aria-label={`Move ${d.name || 'stage'} up`}
                disabled={i === 0}
                onClick={() => moveTo(i, i - 1)}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={`Move ${d.name || 'stage'} down`}
                disabled={i === drafts.length - 1}
                onClick={() => moveTo(i, i + 1)}
              >
                ↓
              </button>
            </span>
            <label>
              <span>Name</span>
              <input
                value={d.name}
                onChange={(e) => update(i, { name: e.target.value })}
                aria-invalid={err(i, 'name') ? true : undefined}
              />
              {err(i, 'name') && <span className="field-error">{err(i, 'name')}</span>}
            </label>
            <label>
              <span>Kind</span>
              <select
                value={d.kind}
                onChange={(e) =>
                  update(i, {
                    kind: e.target.value as StageKind,
                    forecastCategory: '',
                    probability: e.target.value === 'open' ? d.probability : '',
                  })
                }
              >
                {stageKinds.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
              {err(i, 'kind') && <span className="field-error">{err(i, 'kind')}</span>}
            </label>
            <label className="narrow">
              <span>Probability %</span>
              <input
                inputMode="numeric"
                value={d.probability}
                placeholder={d.kind === 'won' ? '100' : d.kind === 'lost' ? '0' : ''}
                onChange={(e) => update(i, { probability: e.target.value })}
                aria-invalid={err(i, 'probability') ? true : undefined}
              />
              {err(i, 'probability') && <span className="field-error">{err(i, 'probability')}</span>}
            </label>
            <label>
              <span>Forecast</span>
              <select
                value={d.forecastCategory}
                onChange={(e) => update(i, { forecastCategory: e.target.value as ForecastCategory | '' })}
              >
                <option value="">Default</option>
                {forecastCategories.map((c) => (
                  <option key={c} value={c}>
                    {forecastNames[c]}
                  </option>
                ))}
              </select>
              {err(i, 'forecastCategory') && <span className="field-error">{err(i, 'forecastCategory')}</span>}
            </label>
            <label className="narrow">
              <span>Expected days</span>
              <input
                inputMode="numeric"
                value={d.expectedDays}
                onChange={(e) => update(i, { expectedDays: e.target.value })}
                aria-invalid={err(i, 'expectedDays') ? true : undefined}
              />
              {err(i, 'expectedDays') && <span className="field-error">{err(i, 'expectedDays')}</span>}
            </label>
            <fieldset className="gates">
              <legend>Required to enter</legend>
              {gateFields.map((f) => (
                <label key={f} className="check">
                  <input
                    type="checkbox"
                    checked={d.requiredFields.includes(f)}
                    onChange={(e) =>
                      update(i, {
                        requiredFields: e.target.checked
                          ? [...d.requiredFields, f]
                          : d.requiredFields.filter((x) => x !== f),
                      })
                    }
                  />
                  {gateLabels[f]}
                </label>
              ))}
              {err(i, 'requiredFields') && <span className="field-error">{err(i, 'requiredFields')}</span>}
            </fieldset>
            <button
              type="button"
              className="link danger"
              aria-label={`Remove ${d.name || 'stage'}`}
              onClick={() => onChange(drafts.filter((_, j) => j !== i))}
            >
              Remove
            </button>
            {err(i, 'id') && <span className="field-error">{err(i, 'id')}</span>}
          </li>
        ))}
      </ol>
      <button
        type="button"
        onClick={() => {
          // New open stages go before the first won/lost stage, where the rules want them.
          const at = drafts.findIndex((d) => d.kind !== 'open');
          const row: StageDraft = {
            key: newKey(),
            name: '',
            kind: 'open',
            probability: '',
            forecastCategory: '',
            expectedDays: '',
            requiredFields: [],
          };
          const next = [...drafts];
          next.splice(at === -1 ? next.length : at, 0, row);
          onChange(next);
        }}
      >
        Add stage
      </button>
    </div>
  );
}
