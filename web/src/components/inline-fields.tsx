import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { BUSINESS_DATE_MAX, BUSINESS_DATE_MIN } from '../../../src/contract/common.ts';
import { api, ApiError, patchRecord } from '../api.ts';
import { heldText, isHeld } from '../held.ts';
import type { Option } from './table-config.ts';
import { fieldProblemText, humanMessage } from '../problem-text.ts';

export interface EditableField {
  key: string;
  label: string;
  /** The value as the input edits it ('' for none). */
  value: string;
  /** How the value is shown when not editing (defaults to the value or a dash). */
  display?: ReactNode;
  input?: 'text' | 'textarea' | 'date' | 'number' | 'select' | 'email';
  options?: Option[];
  /** The PATCH body that stores the edited value. */
  toPatch: (raw: string) => Record<string, unknown>;
  /** Shown but not editable here (e.g. the stage, which moves through its own action). */
  readOnly?: boolean;
}

interface Conflict {
  field: EditableField;
  patch: Record<string, unknown>;
  by: string;
  currentVersion: number | null;
}

/** Empty input → null, so clearing a field clears it on the server. */
export const orNull = (raw: string): string | null => (raw.trim() === '' ? null : raw.trim());

/**
 * A record's fields, each editable in place. A save sends the record's version (If-Match); when
 * someone else changed the record meanwhile the server answers 409 and the user chooses: reload
 * (discard the edit, see the other change) or overwrite (If-Match: *).
 */
export function InlineFields({
  path,
  id,
  version,
  queryKey,
  noun,
  fields,
}: {
  /** The record's path, e.g. '/deals/{id}'. */
  path: '/accounts/{id}' | '/contacts/{id}' | '/leads/{id}' | '/deals/{id}';
  id: string;
  version: number;
  queryKey: QueryKey;
  noun: string;
  fields: EditableField[];
}) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<string | null>(null);
  const [raw, setRaw] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // Keyboard users land back on the field's Edit button when an edit ends, not at the page top.
  const editButtons = useRef(new Map<string, HTMLButtonElement>());
  const [returnFocus, setReturnFocus] = useState<string | null>(null);
  useEffect(() => {
    if (editing !== null || returnFocus === null) return;
    editButtons.current.get(returnFocus)?.focus();
    setReturnFocus(null);
  }, [editing, returnFocus]);
  const stop = () => {
    setReturnFocus(editing);
    setEditing(null);
  };

  const begin = (f: EditableField) => {
    setEditing(f.key);
    setRaw(f.value);
    setErrors([]);
    setSaved(null);
  };
  const refresh = () => queryClient.invalidateQueries({ queryKey });

  const send = async (field: EditableField, patch: Record<string, unknown>, ifMatch: number | '*') => {
    setSaving(true);
    try {
      const after = await patchRecord(path, id, patch, ifMatch);
      // A deal change an approval rule holds changed nothing yet: say so and keep the record as it is.
      if (isHeld(after)) {
        setReturnFocus(field.key);
        setEditing(null);
        setConflict(null);
        setSaved(heldText(after));
        return;
      }
      queryClient.setQueryData(queryKey, after);
      await refresh();
      setReturnFocus(field.key);
      setEditing(null);
      setConflict(null);
      setSaved(`${field.label} saved.`);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        const current = typeof err.body.currentVersion === 'number' ? err.body.currentVersion : null;
        // The newest timeline entry names who changed it; the conflict is still shown if that fails.
        const by = await api
          .get(`${path}/timeline`, { params: { path: { id }, query: { limit: 1 } } })
          .then((t) => t.items[0]?.actor?.name ?? 'someone else')
          .catch(() => 'someone else');
        setConflict({ field, patch, by, currentVersion: current });
      } else if (err instanceof ApiError) {
        setErrors(err.errors.length ? err.errors.map(fieldProblemText) : [humanMessage(err.detail)]);
      } else {
        setErrors([`Not saved: ${String(err)}. Check your connection and try again.`]);
      }
    } finally {
      setSaving(false);
    }
  };

  const submit = (e: FormEvent, f: EditableField) => {
    e.preventDefault();
    void send(f, f.toPatch(raw), version);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') stop();
  };

  return (
    <>
      {conflict && (
        <div className="notice error conflict" role="alert" data-testid="conflict">
          <p>
            <strong>{conflict.field.label}</strong> was not saved: this {noun} was changed by{' '}
            <strong>{conflict.by}</strong> meanwhile
            {conflict.currentVersion !== null &&
              ` (it is now at version ${conflict.currentVersion}, you edited version ${version})`}
            .
          </p>
          <div className="actions start">
            <button
              type="button"
              className="primary"
              onClick={() => {
                setConflict(null);
                setReturnFocus(conflict.field.key);
                setEditing(null);
                void refresh();
              }}
            >
              Reload (discard my change)
            </button>
            <button type="button" disabled={saving} onClick={() => void send(conflict.field, conflict.patch, '*')}>
              Overwrite with my change
            </button>
          </div>
        </div>
      )}
      {saved && (
        <p className="sr-only" role="status">
          {saved}
        </p>
      )}
      <dl className="fields editable">
        {fields.map((f) => (
          <div className="field-row" key={f.key} data-testid={`field-${f.key}`}>
            <dt id={`label-${f.key}`}>{f.label}</dt>
            <dd>
              {editing === f.key ? (
                <form className="inline-edit" onSubmit={(e) => submit(e, f)} onKeyDown={onKey}>
                  <FieldInput f={f} raw={raw} setRaw={setRaw} invalid={errors.length > 0} />
                  <button type="submit" className="primary" disabled={saving}>
                    Save
                  </button>
                  <button type="button" onClick={stop}>
                    Cancel
                  </button>
                  {errors.map((m) => (
                    <span key={m} className="field-error" id={`error-${f.key}`}>
                      {m}
                    </span>
                  ))}
                </form>
              ) : (
                <>
                  <span className="value">
                    {f.display ?? (f.value === '' ? <span className="muted">—</span> : f.value)}
                  </span>
                  {!f.readOnly && (
                    <button
                      type="button"
                      className="edit"
                      aria-label={`Edit ${f.label}`}
                      ref={(el) => {
                        if (el) editButtons.current.set(f.key, el);
                        else editButtons.current.delete(f.key);
                      }}
                      onClick={() => begin(f)}
                      disabled={editing !== null || conflict !== null}
                    >
                      Edit
                    </button>
                  )}
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function FieldInput({
  f,
  raw,
  setRaw,
  invalid,
}: {
  f: EditableField;
  raw: string;
  setRaw: (v: string) => void;
  invalid: boolean;
}) {
  const common = {
    id: `input-${f.key}`,
    'aria-labelledby': `label-${f.key}`,
    'aria-invalid': invalid || undefined,
    'aria-describedby': invalid ? `error-${f.key}` : undefined,
    autoFocus: true,
  };
  if (f.input === 'select') {
    return (
      <select {...common} value={raw} onChange={(e) => setRaw(e.target.value)}>
        {f.options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  if (f.input === 'textarea')
    return <textarea {...common} value={raw} rows={3} onChange={(e) => setRaw(e.target.value)} />;
  const limits = f.input === 'date' ? { min: BUSINESS_DATE_MIN, max: BUSINESS_DATE_MAX } : {};
  return (
    <input {...common} {...limits} type={f.input ?? 'text'} value={raw} onChange={(e) => setRaw(e.target.value)} />
  );
}
