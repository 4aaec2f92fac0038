import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, patchRecord } from '../api.ts';
import type { CellEdit, EditPath, TableRow } from './table-config.ts';

/**
 * A table cell edited in place, with the record page's rule for concurrent edits: the save sends
 * the row's version (If-Match); when someone changed the record meanwhile (409) the user reloads
 * (discarding the edit) or overwrites (If-Match: *).
 */
export function EditableCell<T extends TableRow>({
  row,
  path,
  edit,
  label,
  listKey,
  children,
}: {
  row: T;
  path: EditPath;
  edit: CellEdit<T>;
  label: string;
  /** The table's query key prefix, refreshed after a save. */
  listKey: string;
  children: ReactNode;
}) {
  const queryClient = useQueryClient();
  const [raw, setRaw] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (version: number | '*') => {
    if (raw === null) return;
    setSaving(true);
    setError(null);
    try {
      await patchRecord(path, row.id, edit.toPatch(raw), version);
      setRaw(null);
      setConflict(null);
      await queryClient.invalidateQueries({ queryKey: [listKey] });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict')
        setConflict(typeof err.body.currentVersion === 'number' ? err.body.currentVersion : -1);
      else if (err instanceof ApiError)
        setError(err.errors.length ? err.errors.map((e) => e.message).join('; ') : err.detail);
      else setError('Not saved: the server could not be reached.');
    } finally {
      setSaving(false);
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save(row.version);
  };

  if (raw === null)
    return (
      <span className="editable-cell">
        {children}
        <button
          type="button"
          className="cell-edit"
          aria-label={`Edit ${label}`}
          title={`Edit ${label}`}
          onClick={() => setRaw(edit.value(row))}
        >
          ✎
        </button>
      </span>
    );
  return (
    <form className="cell-form" onSubmit={onSubmit} onKeyDown={(e) => e.key === 'Escape' && setRaw(null)}>
      {edit.options ? (
        <select aria-label={label} value={raw} onChange={(e) => setRaw(e.target.value)} autoFocus>
          {edit.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          aria-label={label}
          type={edit.input ?? 'text'}
          value={raw}
          onChange={(e) => setRaw(e.target.value)}
          aria-invalid={error ? true : undefined}
          autoFocus
        />
      )}
      <button type="submit" className="primary" disabled={saving}>
        Save
      </button>
      <button type="button" onClick={() => setRaw(null)}>
        Cancel
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
      {conflict !== null && (
        <span className="notice error conflict" role="alert" data-testid="cell-conflict">
          Changed by someone else meanwhile{conflict > 0 ? ` (now version ${conflict})` : ''}.{' '}
          <button
            type="button"
            onClick={() => {
              setRaw(null);
              setConflict(null);
              void queryClient.invalidateQueries({ queryKey: [listKey] });
            }}
          >
            Reload
          </button>{' '}
          <button type="button" disabled={saving} onClick={() => void save('*')}>
            Overwrite
          </button>
        </span>
      )}
    </form>
  );
}
