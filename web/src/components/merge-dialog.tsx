import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useId, useState, type ReactNode } from 'react';
import { api, ApiError, type ApiData } from '../api.ts';
import { formatMoney } from '../money.ts';
import { nameOf, usersQuery } from '../queries.ts';
import { canEdit, useActor } from '../permissions.ts';
import type { AccountDto, ContactDto, DealDto, LeadDto, UserDto } from '../types.ts';
import { Modal } from './modal.tsx';
import { AccountLink, contactName, ContactLink } from './record-links.tsx';
import { useSettled } from './use-settled.ts';
import { humanMessage, refusalText } from '../problem-text.ts';

export type MergeEntity = 'account' | 'contact' | 'lead' | 'deal';
type Dto = { account: AccountDto; contact: ContactDto; lead: LeadDto; deal: DealDto };
type AnyDto = AccountDto | ContactDto | LeadDto | DealDto;

const fetchRecord: { [E in MergeEntity]: (id: string) => Promise<Dto[E]> } = {
  account: (id) => api.get('/accounts/{id}', { params: { path: { id } } }),
  contact: (id) => api.get('/contacts/{id}', { params: { path: { id } } }),
  lead: (id) => api.get('/leads/{id}', { params: { path: { id } } }),
  deal: (id) => api.get('/deals/{id}', { params: { path: { id } } }),
};
/** POST /<entity>s/{id}/merge: `mergeId` is merged into the record `id`. */
const mergeInto: Record<MergeEntity, (id: string, mergeId: string) => Promise<ApiData<'post', '/deals/{id}/merge'>>> = {
  account: (id, mergeId) => api.post('/accounts/{id}/merge', { params: { path: { id } }, body: { mergeId } }),
  contact: (id, mergeId) => api.post('/contacts/{id}/merge', { params: { path: { id } }, body: { mergeId } }),
  lead: (id, mergeId) => api.post('/leads/{id}/merge', { params: { path: { id } }, body: { mergeId } }),
  deal: (id, mergeId) => api.post('/deals/{id}/merge', { params: { path: { id } }, body: { mergeId } }),
};

/** One compared field: its text (to compare) and, where an id is better shown as a link, how to show it. */
interface Row<T> {
  label: string;
  text: (r: T, users: UserDto[] | undefined) => string;
  show?: (r: T) => ReactNode;
  /** Both records' values are kept (a contact's emails and phones). */
  union?: boolean;
}

const s = (v: string | number | boolean | null | undefined) =>
  v === null || v === undefined || v === '' ? '' : String(v);
const owner = <T extends { ownerId: string | null }>(): Row<T> => ({
  label: 'Owner',
  text: (r, users) => (r.ownerId ? nameOf(users, r.ownerId) : ''),
});

const rows: { [E in MergeEntity]: Row<Dto[E]>[] } = {
  account: [
    { label: 'Name', text: (r) => r.name },
    { label: 'Domain', text: (r) => s(r.domain) },
    { label: 'Type', text: (r) => r.type },
    { label: 'Industry', text: (r) => s(r.industry) },
    { label: 'Employees', text: (r) => s(r.employees) },
    {
      label: 'Annual revenue',
      text: (r) => (r.annualRevenue ? formatMoney(r.annualRevenue, r.revenueCurrency ?? undefined) : ''),
    },
    { label: 'City', text: (r) => s(r.address.city) },
    { label: 'Country', text: (r) => s(r.address.country) },
    owner(),
    { label: 'External id', text: (r) => s(r.externalId) },
  ],
  contact: [
    { label: 'Name', text: (r) => contactName(r) },
    { label: 'Title', text: (r) => s(r.title) },
    { label: 'Account', text: (r) => s(r.accountId), show: (r) => <AccountLink id={r.accountId} /> },
    { label: 'Emails', text: (r) => r.emails.join(', '), union: true },
    { label: 'Phones', text: (r) => r.phones.join(', '), union: true },
    owner(),
    { label: 'Do not contact', text: (r) => (r.doNotContact ? 'Yes' : 'No') },
    { label: 'External id', text: (r) => s(r.externalId) },
  ],
  lead: [
    { label: 'Name', text: (r) => contactName(r) },
    { label: 'Email', text: (r) => s(r.email) },
    { label: 'Phone', text: (r) => s(r.phone) },
    { label: 'Company', text: (r) => s(r.company) },
    { label: 'Status', text: (r) => r.status },
    { label: 'Source', text: (r) => s(r.source) },
    owner(),
    { label: 'External id', text: (r) => s(r.externalId) },
  ],
  deal: [
    { label: 'Name', text: (r) => r.name },
    { label: 'Account', text: (r) => s(r.accountId), show: (r) => <AccountLink id={r.accountId} /> },
    {
      label: 'Primary contact',
      text: (r) => s(r.primaryContactId),
      show: (r) => <ContactLink id={r.primaryContactId} />,
    },
    { label: 'Status', text: (r) => r.status },
    { label: 'Amount', text: (r) => (r.amount === null ? '' : formatMoney(r.amount, r.currency)) },
    { label: 'Expected close', text: (r) => s(r.expectedCloseDate) },
    owner(),
    { label: 'Source', text: (r) => s(r.source) },
    { label: 'External id', text: (r) => s(r.externalId) },
  ],
};

const titleOf = (entity: MergeEntity, r: AnyDto): string =>
  entity === 'account' || entity === 'deal' ? (r as AccountDto | DealDto).name : contactName(r as ContactDto | LeadDto);

/** Both records side by side and what the survivor keeps: its own values (a contact also gains the other's emails and phones). */
function Comparison<E extends MergeEntity>({ entity, kept, merged }: { entity: E; kept: Dto[E]; merged: Dto[E] }) {
  const users = useQuery(usersQuery).data;
  const list = rows[entity] as Row<Dto[E]>[];
  return (
    <div className="table-wrap">
      <table className="records merge-table" data-testid="merge-comparison">
        <thead>
          <tr>
            <th>Field</th>
            <th>Kept: {titleOf(entity, kept)}</th>
            <th>Merged in: {titleOf(entity, merged)}</th>
            <th>After the merge</th>
          </tr>
        </thead>
        <tbody>
          {list.map((row) => {
            const a = row.text(kept, users);
            const b = row.text(merged, users);
            const after = row.union ? [...new Set([...a.split(', '), ...b.split(', ')].filter(Boolean))].join(', ') : a;
            const lost = !row.union && b !== '' && b !== a;
            const cell = (r: Dto[E], t: string) => (row.show ? row.show(r) : t || <span className="muted">—</span>);
            return (
              <tr key={row.label} className={lost ? 'dropped' : undefined}>
                <th scope="row">{row.label}</th>
                <td className="wrap">{cell(kept, a)}</td>
                <td className="wrap">
                  {cell(merged, b)}
                  {lost && <span className="muted small"> (dropped)</span>}
                </td>
                <td className="wrap">
                  {row.show && !row.union ? row.show(kept) : after || <span className="muted">—</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * "Merge…" on a record page: find the duplicate (the search the command palette uses), compare both
 * with the values that survive, choose which record is kept, confirm; lands on the survivor, whose
 * timeline then shows both histories.
 */
export function MergeDialog<E extends MergeEntity>({
  entity,
  record,
  onClose,
}: {
  entity: E;
  record: Dto[E];
  onClose: () => void;
}) {
  const [text, setText] = useState('');
  const [otherId, setOtherId] = useState<string | null>(null);
  const [keepThis, setKeepThis] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const listId = useId();
  const q = useSettled(text.trim(), 150);
  const results = useQuery({
    queryKey: ['search', q, entity],
    queryFn: () => api.get('/search', { params: { query: { q, types: [entity], limit: 10 } } }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
  const other = useQuery({
    queryKey: [entity, otherId],
    queryFn: () => fetchRecord[entity](otherId ?? ''),
    enabled: otherId !== null,
  });
  const candidates = (results.data?.items ?? []).filter((r) => r.id !== record.id);

  const merge = async () => {
    if (!other.data) return;
    const [kept, merged] = keepThis ? [record, other.data] : [other.data, record];
    setBusy(true);
    setError(null);
    setFieldError(null);
    try {
      await mergeInto[entity](kept.id, merged.id);
      await queryClient.invalidateQueries();
      onClose();
      const id = kept.id;
      if (entity === 'deal') await navigate({ to: '/deals/$dealId', params: { dealId: id } });
      else if (entity === 'account') await navigate({ to: '/accounts/$accountId', params: { accountId: id } });
      else if (entity === 'contact') await navigate({ to: '/contacts/$contactId', params: { contactId: id } });
      else await navigate({ to: '/leads/$leadId', params: { leadId: id } });
    } catch (err) {
      if (!(err instanceof ApiError)) setError('Could not reach the server; check your connection and try again.');
      else {
        const onPick = err.errors.filter((e) => e.field === 'mergeId');
        if (onPick.length > 0) setFieldError(onPick.map((e) => humanMessage(e.message)).join('; '));
        const rest = err.errors.filter((e) => e.field !== 'mergeId');
        if (onPick.length === 0 || rest.length > 0)
          setError(
            err.status === 409
              ? `${err.detail}: one of the records changed meanwhile. Check them and merge again.`
              : refusalText(err.detail, rest),
          );
        if (err.status === 409) await queryClient.invalidateQueries({ queryKey: [entity] });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={`Merge ${entity}s`}
      onClose={onClose}
      className="wide merge-dialog"
      testId="merge-dialog"
      initialFocus="input"
    >
      <label>
        <span>The duplicate of {titleOf(entity, record)}</span>
        <input
          type="search"
          role="combobox"
          aria-expanded={candidates.length > 0}
          aria-controls={listId}
          aria-invalid={fieldError ? true : undefined}
          value={text}
          placeholder={`Search ${entity}s by name, email or domain`}
          onChange={(e) => setText(e.target.value)}
        />
        {fieldError && <span className="field-error">{fieldError}</span>}
      </label>
      {q.length > 0 && (
        <ul id={listId} role="listbox" className="palette-list merge-candidates" aria-label="Records found">
          {candidates.length === 0 && !results.isFetching && <li className="muted">No other {entity} matches.</li>}
          {candidates.map((r) => (
            <li
              key={r.id}
              role="option"
              aria-selected={r.id === otherId}
              className={r.id === otherId ? 'active' : undefined}
            >
              <button type="button" className="link" onClick={() => setOtherId(r.id)}>
                {r.title}
              </button>
              <span className="muted small">{r.subtitle}</span>
            </li>
          ))}
        </ul>
      )}
      {other.error && <p className="error">{other.error.message}</p>}
      {other.data && (
        <>
          <fieldset className="segmented">
            <legend className="sr-only">Which record is kept</legend>
            <label className="inline">
              <input type="radio" name="keep" checked={keepThis} onChange={() => setKeepThis(true)} /> Keep{' '}
              {titleOf(entity, record)} (this one)
            </label>
            <label className="inline">
              <input type="radio" name="keep" checked={!keepThis} onChange={() => setKeepThis(false)} /> Keep{' '}
              {titleOf(entity, other.data)}
            </label>
          </fieldset>
          <Comparison entity={entity} kept={keepThis ? record : other.data} merged={keepThis ? other.data : record} />
          <p className="muted small">
            Everything linked to the merged record (activities, deals, contacts, roles…) moves to the kept one, whose
            timeline shows both histories. The merged record is deleted.
          </p>
        </>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="danger" disabled={!other.data || busy} onClick={() => void merge()}>
          {busy ? 'Merging…' : 'Merge'}
        </button>
      </div>
    </Modal>
  );
}

/** The "Merge…" button of a record page and its dialog. */
export function MergeAction<E extends MergeEntity>({ entity, record }: { entity: E; record: Dto[E] }) {
  const [open, setOpen] = useState(false);
  const actor = useActor();
  // Merging changes the kept record: offered to whoever may edit it (the API checks the other one too).
  if (!canEdit(actor, entity, record)) return null;
  return (
    <>
      <button type="button" className="merge-action" onClick={() => setOpen(true)}>
        Merge…
      </button>
      {open && <MergeDialog entity={entity} record={record} onClose={() => setOpen(false)} />}
    </>
  );
}
