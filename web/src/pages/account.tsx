import { useQuery } from '@tanstack/react-query';
import { MergeAction } from '../components/merge-dialog.tsx';
import { RecordActions } from '../components/record-actions.tsx';
import { Link, useParams } from '@tanstack/react-router';
import { accountTypes } from '../../../src/contract/accounts.ts';
import { InlineFields, orNull, type EditableField } from '../components/inline-fields.tsx';
import { accountQuery, AccountLink, contactName } from '../components/record-links.tsx';
import { RecordTimeline, RelatedList } from '../components/related-list.tsx';
import { formatMoney } from '../money.ts';
import { usersQuery } from '../queries.ts';
import { activityLine, editableBy, ownerField, RecordError, words } from './record-common.tsx';
import { canEdit, useActor } from '../permissions.ts';

export function AccountPage() {
  const { accountId } = useParams({ from: '/accounts/$accountId' });
  const account = useQuery(accountQuery(accountId));
  const users = useQuery(usersQuery);
  const actor = useActor();
  if (account.isPending) return <p className="muted">Loading the account…</p>;
  if (account.isError) return <RecordError noun="account" error={account.error} list="/accounts" />;
  const a = account.data;
  const key = ['account', a.id];
  const editable = canEdit(actor, 'account', a);
  const fields: EditableField[] = [
    { key: 'name', label: 'Name', value: a.name, toPatch: (v) => ({ name: v }) },
    {
      key: 'type',
      label: 'Type',
      value: a.type,
      display: words(a.type),
      input: 'select',
      options: accountTypes.map((t) => ({ value: t, label: words(t) })),
      toPatch: (v) => ({ type: v }),
    },
    { key: 'industry', label: 'Industry', value: a.industry ?? '', toPatch: (v) => ({ industry: orNull(v) }) },
    { key: 'domain', label: 'Domain', value: a.domain ?? '', toPatch: (v) => ({ domain: orNull(v) }) },
    {
      key: 'employees',
      label: 'Employees',
      value: a.employees === null ? '' : String(a.employees),
      input: 'number',
      toPatch: (v) => ({ employees: v.trim() === '' ? null : Number(v) }),
    },
    {
      key: 'annualRevenue',
      label: 'Annual revenue',
      value: a.annualRevenue ?? '',
      display: a.annualRevenue ? formatMoney(a.annualRevenue, a.revenueCurrency ?? undefined) : undefined,
      toPatch: (v) => ({ annualRevenue: orNull(v) }),
    },
    ownerField(users.data, a.ownerId),
    {
      key: 'street',
      label: 'Street',
      value: a.address.street ?? '',
      toPatch: (v) => ({ address: { street: orNull(v) } }),
    },
    { key: 'city', label: 'City', value: a.address.city ?? '', toPatch: (v) => ({ address: { city: orNull(v) } }) },
    {
      key: 'country',
      label: 'Country',
      value: a.address.country ?? '',
      toPatch: (v) => ({ address: { country: orNull(v) } }),
    },
    {
      key: 'parent',
      label: 'Parent account',
      value: a.parentAccountId ?? '',
      display: <AccountLink id={a.parentAccountId} />,
      readOnly: true,
      toPatch: () => ({}),
    },
  ];
  return (
    <article className="record" aria-labelledby="record-title">
      <p className="small">
        <Link to="/accounts">← Accounts</Link>
      </p>
      <h1 id="record-title" data-testid="record-title">
        {a.name}
      </h1>
      <div className="record-actions">
        <MergeAction entity="account" record={a} />
        <RecordActions links={{ accountId: a.id }} name={a.name} withContact />
      </div>
      <div className="record-grid">
        <div className="stack">
          <section className="card" aria-label="Details">
            <h2>Details</h2>
            <InlineFields
              path="/accounts/{id}"
              id={a.id}
              version={a.version}
              queryKey={key}
              noun="account"
              fields={editableBy(editable, fields)}
            />
            <p className="muted small">Version {a.version}</p>
          </section>
          <RelatedList
            title="Contacts"
            path="/contacts"
            query={{ accountId: a.id }}
            queryKey={key}
            empty="No contacts at this account yet."
            render={(c) => (
              <>
                <Link to="/contacts/$contactId" params={{ contactId: c.id }}>
                  {contactName(c)}
                </Link>
                {c.title && <span className="muted"> · {c.title}</span>}
              </>
            )}
          />
          <RelatedList
            title="Deals"
            path="/deals"
            query={{ accountId: a.id }}
            queryKey={key}
            empty="No deals with this account yet."
            render={(d) => (
              <>
                <Link to="/deals/$dealId" params={{ dealId: d.id }}>
                  {d.name}
                </Link>{' '}
                <span className={`badge ${d.status}`}>{d.status}</span>{' '}
                {d.amount !== null && <span className="muted">{formatMoney(d.amount, d.currency)}</span>}
              </>
            )}
          />
          <RelatedList
            title="Activities"
            path="/activities"
            query={{ accountId: a.id, sort: 'occurred_at', order: 'desc' }}
            queryKey={key}
            empty="No activities logged on this account yet."
            render={activityLine}
          />
        </div>
        <RecordTimeline path="/accounts/{id}" id={a.id} queryKey={key} />
      </div>
    </article>
  );
}
