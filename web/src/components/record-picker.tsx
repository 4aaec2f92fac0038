import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api.ts';
import { accountQuery, contactName, contactQuery } from './record-links.tsx';

export type PickerKind = 'account' | 'contact';

interface Option {
  value: string;
  label: string;
}

/** A page of matches for the picker: the server searches (scoped to what the user may see). */
async function search(kind: PickerKind, q: string, accountId: string | null | undefined): Promise<Option[]> {
  const text = q.trim() || undefined;
  if (kind === 'account') {
    const page = await api.get('/accounts', { params: { query: { q: text, limit: 20 } } });
    return page.items.map((a) => ({ value: a.id, label: a.domain ? `${a.name} (${a.domain})` : a.name }));
  }
  // Without a search, the contacts of the deal's account come first; a search looks at all.
  const page = await api.get('/contacts', {
    params: { query: { q: text, accountId: text ? undefined : (accountId ?? undefined), limit: 20 } },
  });
  return page.items.map((c) => ({ value: c.id, label: contactName(c) }));
}

/**
 * Picks an account or a contact: a search box and the matching records. The current choice stays
 * listed (by name) whatever the search shows.
 */
export function RecordPicker({
  kind,
  label,
  name,
  value,
  onChange,
  accountId,
  invalid,
}: {
  kind: PickerKind;
  label: string;
  name: string;
  value: string;
  onChange: (id: string) => void;
  /** For contacts: the account whose people are offered before any search. */
  accountId?: string | null;
  invalid?: boolean;
}) {
  const [q, setQ] = useState('');
  const results = useQuery({
    queryKey: [`${kind}s`, 'picker', q.trim(), accountId ?? null],
    queryFn: () => search(kind, q, accountId),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const account = useQuery({ ...accountQuery(value), enabled: kind === 'account' && value !== '' });
  const contact = useQuery({ ...contactQuery(value), enabled: kind === 'contact' && value !== '' });
  const currentLabel =
    kind === 'account' ? (account.data?.name ?? value) : contact.data ? contactName(contact.data) : value;
  const options = results.data ?? [];
  const withCurrent =
    value !== '' && !options.some((o) => o.value === value) ? [{ value, label: currentLabel }, ...options] : options;
  return (
    <span className="record-picker">
      <input
        type="search"
        name={`${name}-search`}
        aria-label={`Search ${label.toLowerCase()}`}
        placeholder={`Search ${kind === 'account' ? 'accounts' : 'contacts'}…`}
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <select
        name={name}
        aria-label={label}
        value={value}
        aria-invalid={invalid || undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">
          {results.isPending ? 'Loading…' : `— choose ${kind === 'account' ? 'an account' : 'a contact'} —`}
        </option>
        {withCurrent.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </span>
  );
}
