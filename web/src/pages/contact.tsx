import { useQuery } from '@tanstack/react-query';
import { MergeAction } from '../components/merge-dialog.tsx';
import { RecordActions } from '../components/record-actions.tsx';
import { Link, useParams } from '@tanstack/react-router';
import { InlineFields, orNull, type EditableField } from '../components/inline-fields.tsx';
import { AccountLink, contactName, contactQuery } from '../components/record-links.tsx';
import { RecordTimeline, RelatedList } from '../components/related-list.tsx';
import { formatMoney } from '../money.ts';
import { usersQuery } from '../queries.ts';
import { activityLine, editableBy, ownerField, RecordError, words } from './record-common.tsx';
import { canEdit, useActor } from '../permissions.ts';

const list = (v: string) =>
  v
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');
const yesNo = [
  { value: 'false', label: 'No' },
  { value: 'true', label: 'Yes' },
];

export function ContactPage() {
  const { contactId } = useParams({ from: '/contacts/$contactId' });
  const contact = useQuery(contactQuery(contactId));
  const users = useQuery(usersQuery);
  const actor = useActor();
  if (contact.isPending) return <p className="muted">Loading the contact…</p>;
  if (contact.isError) return <RecordError noun="contact" error={contact.error} list="/contacts" />;
  const c = contact.data;
  const key = ['contact', c.id];
  const editable = canEdit(actor, 'contact', c);
  const fields: EditableField[] = [
    { key: 'firstName', label: 'First name', value: c.firstName ?? '', toPatch: (v) => ({ firstName: orNull(v) }) },
    { key: 'lastName', label: 'Last name', value: c.lastName, toPatch: (v) => ({ lastName: v }) },
    { key: 'title', label: 'Title', value: c.title ?? '', toPatch: (v) => ({ title: orNull(v) }) },
    {
      key: 'account',
      label: 'Account',
      value: c.accountId ?? '',
      display: c.accountId ? <AccountLink id={c.accountId} /> : 'None (B2C consumer)',
      readOnly: true,
      toPatch: () => ({}),
    },
    {
      key: 'emails',
      label: 'Emails',
      value: c.emails.join(', '),
      input: 'text',
      toPatch: (v) => ({ emails: list(v) }),
    },
    { key: 'phones', label: 'Phones', value: c.phones.join(', '), toPatch: (v) => ({ phones: list(v) }) },
    ownerField(users.data, c.ownerId),
    {
      key: 'doNotContact',
      label: 'Do not contact',
      value: String(c.doNotContact),
      display: c.doNotContact ? 'Yes' : 'No',
      input: 'select',
      options: yesNo,
      toPatch: (v) => ({ doNotContact: v === 'true' }),
    },
    {
      key: 'emailOptOut',
      label: 'Email opt-out',
      value: String(c.emailOptOut),
      display: c.emailOptOut ? 'Yes' : 'No',
      input: 'select',
      options: yesNo,
      toPatch: (v) => ({ emailOptOut: v === 'true' }),
    },
  ];
  return (
    <article className="record" aria-labelledby="record-title">
      <p className="small">
        <Link to="/contacts">← Contacts</Link>
      </p>
      <h1 id="record-title" data-testid="record-title">
        {contactName(c)}
      </h1>
      <div className="record-actions">
        <MergeAction entity="contact" record={c} />
        <RecordActions links={{ contactId: c.id }} name={contactName(c)} />
      </div>
      <div className="record-grid">
        <div className="stack">
          <section className="card" aria-label="Details">
            <h2>Details</h2>
            <InlineFields
              path="/contacts/{id}"
              id={c.id}
              version={c.version}
              queryKey={key}
              noun="contact"
              fields={editableBy(editable, fields)}
            />
            <p className="muted small">Version {c.version}</p>
          </section>
          <RelatedList
            title="Deals"
            path="/deals"
            query={{ contactId: c.id }}
            queryKey={key}
            empty="This contact is on no deal yet."
            render={(d) => (
              <>
                <Link to="/deals/$dealId" params={{ dealId: d.id }}>
                  {d.name}
                </Link>{' '}
                <span className="muted">
                  {[
                    d.primaryContactId === c.id ? 'primary contact' : null,
                    ...d.contactRoles.filter((r) => r.contactId === c.id).map((r) => words(r.role)),
                  ]
                    .filter(Boolean)
                    .join(', ')}
                </span>{' '}
                <span className={`badge ${d.status}`}>{d.status}</span>{' '}
                {d.amount !== null && <span className="muted">{formatMoney(d.amount, d.currency)}</span>}
              </>
            )}
          />
          <RelatedList
            title="Activities"
            path="/activities"
            query={{ contactId: c.id, sort: 'occurred_at', order: 'desc' }}
            queryKey={key}
            empty="No activities logged with this contact yet."
            render={activityLine}
          />
        </div>
        <RecordTimeline path="/contacts/{id}" id={c.id} queryKey={key} />
      </div>
    </article>
  );
}
