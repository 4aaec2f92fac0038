import type { ImportPreview } from '../../types.ts';

const viaLabels: Record<string, string> = { map: 'chosen', preset: 'preset', name: 'by name' };

/**
 * One line per column of the file: its first cells and the field it fills, as the import would map
 * it; choosing another field (or "ignore") becomes an explicit mapping.
 */
export function ColumnMapping({
  preview,
  samples,
  overrides,
  onChange,
}: {
  preview: ImportPreview;
  samples: string[][];
  overrides: Record<string, string>;
  onChange: (header: string, field: string | null) => void;
}) {
  const fields = preview.fields;
  return (
    <ul className="mapping-list" data-testid="column-mapping">
      {preview.mapping.map((m, i) => {
        const id = `map-${i}`;
        const chosen = m.column in overrides;
        return (
          <li key={`${m.column}-${i}`} className={m.field ? 'mapped' : 'ignored'}>
            <label htmlFor={id} className="mapping-column">
              <strong>{m.column || <em>(no name)</em>}</strong>
              <span className="muted small">
                {(samples[i] ?? []).slice(0, 2).join(' · ') || 'empty in the first rows'}
              </span>
            </label>
            <span aria-hidden="true" className="muted">
              →
            </span>
            <span className="mapping-field">
              <select
                id={id}
                aria-label={`Field for column ${m.column}`}
                value={m.field ?? ''}
                onChange={(e) => onChange(m.column, e.target.value)}
              >
                <option value="">— ignore —</option>
                {fields.map((f) => (
                  <option key={f.name} value={f.name}>
                    {f.name}
                    {f.required ? ' (required)' : ''}
                  </option>
                ))}
              </select>
              {m.via && <span className="badge">{viaLabels[m.via] ?? m.via}</span>}
              {chosen && (
                <button type="button" className="link small" onClick={() => onChange(m.column, null)}>
                  automatic
                </button>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

const actionLabels: Record<string, string> = { insert: 'new', update: 'update', reject: 'rejected' };

/** The first rows as the import would take them: the values per field, the fate of the row and its problems. */
export function PreviewRows({ preview }: { preview: ImportPreview }) {
  const used = [...new Set(preview.mapping.flatMap((m) => (m.field ? [m.field] : [])))];
  if (preview.rows.length === 0) return <p className="muted">No rows to preview.</p>;
  return (
    <div className="table-wrap">
      <table className="records preview-table" data-testid="import-preview">
        <thead>
          <tr>
            <th className="num">Line</th>
            <th>Row</th>
            {used.map((f) => (
              <th key={f}>{f}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((r) => (
            <tr key={r.line} className={r.action === 'reject' ? 'rejected' : undefined} data-action={r.action}>
              <td className="num">{r.line}</td>
              <td className="wrap">
                <span className={`badge ${r.action === 'reject' ? 'lost' : r.action === 'insert' ? 'won' : ''}`}>
                  {actionLabels[r.action] ?? r.action}
                </span>
                {r.problems.map((p) => (
                  <span key={p} className="field-error preview-problem">
                    {p}
                  </span>
                ))}
              </td>
              {used.map((f) => (
                <td key={f}>{r.values[f] ?? <span className="muted">—</span>}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
