import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, getAll } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { pipelinesQuery, productsQuery, usersQuery } from '../../queries.ts';
import type { FilterKey, FilterValues } from './common.tsx';

const partnerTypes = ['distributor', 'reseller', 'value_added_reseller', 'agency'] as const;

const teamsQuery = {
  queryKey: ['teams'],
  queryFn: async () => (await api.get('/teams')).items,
  staleTime: 5 * 60_000,
};
const partnersQuery = {
  queryKey: ['accounts', 'partners'],
  queryFn: async () =>
    (await Promise.all(partnerTypes.map((type) => getAll('/accounts', { query: { type } }, 5))))
      .flat()
      .sort((a, b) => a.name.localeCompare(b.name)),
  staleTime: 5 * 60_000,
};

function Choice({
  label,
  name,
  value,
  options,
  onChange,
}: {
  label: string;
  name: FilterKey;
  value: string | undefined;
  options: { id: string; name: string }[];
  onChange: (k: FilterKey, v: string | undefined) => void;
}) {
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onChange(name, e.target.value || undefined)}>
        <option value="">{name === 'pipelineId' ? 'Default pipeline' : 'All'}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * A choice of several values (owners, teams), kept as the comma-separated list the API takes; none
 * chosen means all.
 */
function MultiChoice({
  label,
  name,
  value,
  options,
  onChange,
}: {
  label: string;
  name: FilterKey;
  value: string | undefined;
  options: { id: string; name: string }[];
  onChange: (k: FilterKey, v: string | undefined) => void;
}) {
  const chosen = new Set((value ?? '').split(',').filter(Boolean));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    onChange(name, next.size > 0 ? [...next].join(',') : undefined);
  };
  const names = options.filter((o) => chosen.has(o.id)).map((o) => o.name);
  const summary = chosen.size === 0 ? 'All' : names.length === 1 ? names[0] : `${chosen.size} chosen`;
  return (
    <div className="multi-choice" data-testid={`filter-${name}`}>
      <span className="multi-label">{label}</span>
      <details>
        <summary aria-label={`${label}: ${summary}`}>{summary}</summary>
        <fieldset>
          <legend className="sr-only">{label}</legend>
          {options.map((o) => (
            <label key={o.id} className="check">
              <input type="checkbox" checked={chosen.has(o.id)} onChange={(e) => toggle(o.id, e.target.checked)} />{' '}
              {o.name}
            </label>
          ))}
          {chosen.size > 0 && (
            <button type="button" className="link" onClick={() => onChange(name, undefined)}>
              All {label.toLowerCase()}s
            </button>
          )}
        </fieldset>
      </details>
    </div>
  );
}

/** The filters every analysis shares; each change is written to the URL, so a view can be linked and reloaded. */
export function AnalyticsFilters({
  values,
  onChange,
}: {
  values: FilterValues;
  onChange: (k: FilterKey, v: string | undefined) => void;
}) {
  const pipelines = useQuery(pipelinesQuery).data ?? [];
  const users = useQuery(usersQuery).data ?? [];
  const teams = useQuery(teamsQuery).data ?? [];
  const partners = useQuery(partnersQuery).data ?? [];
  const products = useQuery(productsQuery).data ?? [];
  const [source, setSource] = useState(values.source ?? '');
  const commitSource = () => {
    if ((values.source ?? '') !== source.trim()) onChange('source', source.trim() || undefined);
  };

  return (
    <form className="analytics-filters" aria-label="Analytics filters" onSubmit={(e) => e.preventDefault()}>
      <Choice label="Pipeline" name="pipelineId" value={values.pipelineId} options={pipelines} onChange={onChange} />
      <label>
        From
        <input
          type="date"
          value={values.from ?? ''}
          max={values.to}
          onChange={(e) => onChange('from', e.target.value || undefined)}
        />
      </label>
      <label>
        To
        <input
          type="date"
          value={values.to ?? ''}
          min={values.from}
          onChange={(e) => onChange('to', e.target.value || undefined)}
        />
      </label>
      {values.from && values.to && values.from > values.to && (
        <p className="field-error" role="alert" data-testid="date-range-error">
          From ({formatDate(values.from)}) is later than To ({formatDate(values.to)}): choose a From on or before To.
        </p>
      )}
      <MultiChoice label="Owner" name="ownerId" value={values.ownerId} options={users} onChange={onChange} />
      <MultiChoice label="Team" name="teamId" value={values.teamId} options={teams} onChange={onChange} />
      <Choice
        label="Channel"
        name="channel"
        value={values.channel}
        options={[
          { id: 'direct', name: 'Direct' },
          { id: 'partner', name: 'Partner' },
        ]}
        onChange={onChange}
      />
      <Choice label="Partner" name="partnerId" value={values.partnerId} options={partners} onChange={onChange} />
      <Choice label="Product" name="productId" value={values.productId} options={products} onChange={onChange} />
      <Choice
        label="Segment"
        name="segment"
        value={values.segment}
        options={[
          { id: 'b2b', name: 'B2B (with account)' },
          { id: 'b2c', name: 'B2C (no account)' },
        ]}
        onChange={onChange}
      />
      <label>
        Source
        <input
          value={source}
          placeholder="any"
          onChange={(e) => setSource(e.target.value)}
          onBlur={commitSource}
          onKeyDown={(e) => e.key === 'Enter' && commitSource()}
        />
      </label>
    </form>
  );
}
