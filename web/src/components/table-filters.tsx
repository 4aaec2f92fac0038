import { useEffect, useState, type FormEvent } from 'react';
import type { FilterDef, Filters } from './table-config.ts';

/** A filter value as its input shows it (date-time filters are edited as a day). */
function toInput(def: FilterDef, value: string | undefined): string {
  if (value === undefined) return '';
  return def.kind === 'datetime' ? value.slice(0, 10) : value;
}

/** An input's value as the list endpoint takes it, or undefined when empty. */
function fromInput(def: FilterDef, raw: string): string | undefined {
  const v = raw.trim();
  if (v === '') return undefined;
  if (def.kind === 'datetime')
    return def.endOfDay ? new Date(Date.parse(`${v}T00:00:00Z`) + 86_400_000).toISOString() : `${v}T00:00:00.000Z`;
  return v;
}

/**
 * The filter form of a table. Filters apply on submit (Enter or "Apply"), so typing does not send
 * a request per key; choices in a select apply at once.
 */
export function TableFilters({
  defs,
  value,
  onChange,
  errors,
}: {
  defs: FilterDef[];
  value: Filters;
  onChange: (f: Filters) => void;
  errors: Record<string, string>;
}) {
  const [draft, setDraft] = useState<Record<string, string>>({});
  // Reset the inputs when the applied filters change (a saved view chosen, "Clear"), not when the
  // parent re-renders with equal filters.
  const valueKey = JSON.stringify(value);
  useEffect(() => setDraft(Object.fromEntries(defs.map((d) => [d.key, toInput(d, value[d.key])]))), [valueKey]);

  const build = (next: Record<string, string>): Filters => {
    const out: Filters = {};
    for (const d of defs) {
      const v = fromInput(d, next[d.key] ?? '');
      if (v !== undefined) out[d.key] = v;
    }
    return out;
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange(build(draft));
  };

  return (
    <form className="filters" onSubmit={submit} aria-label="Filters">
      {defs.map((d) => {
        const id = `filter-${d.key}`;
        const common = {
          id,
          name: d.key,
          'aria-invalid': errors[d.key] ? true : undefined,
          'aria-describedby': errors[d.key] ? `${id}-error` : undefined,
        };
        return (
          <div className="filter" key={d.key}>
            <label htmlFor={id}>{d.label}</label>
            {d.kind === 'select' ? (
              <select
                {...common}
                value={draft[d.key] ?? ''}
                onChange={(e) => {
                  const next = { ...draft, [d.key]: e.target.value };
                  setDraft(next);
                  onChange(build(next));
                }}
              >
                <option value="">Any</option>
                {d.options?.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                {...common}
                type={d.kind === 'date' || d.kind === 'datetime' ? 'date' : d.kind === 'number' ? 'number' : 'text'}
                inputMode={d.kind === 'money' ? 'decimal' : undefined}
                value={draft[d.key] ?? ''}
                onChange={(e) => setDraft({ ...draft, [d.key]: e.target.value })}
              />
            )}
            {errors[d.key] && (
              <span id={`${id}-error`} className="field-error">
                {errors[d.key]}
              </span>
            )}
          </div>
        );
      })}
      <div className="filter-actions">
        <button type="submit" className="primary">
          Apply filters
        </button>
        <button type="button" onClick={() => onChange({})} disabled={Object.keys(value).length === 0}>
          Clear
        </button>
      </div>
    </form>
  );
}
