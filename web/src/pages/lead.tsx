import { useQuery } from '@tanstack/react-query';
import { MergeAction } from '../components/merge-dialog.tsx';
import { RecordActions } from '../components/record-actions.tsx';
import { Link, useParams } from '@tanstack/react-router';
import { settableLeadStatuses } from '../../../src/contract/leads.ts';
import { InlineFields, orNull, type EditableField } from '../components/inline-fields.tsx';
import { AccountLink, ContactLink, contactName, DealLink, leadQuery } from '../components/record-links.tsx';
import { RecordTimeline, RelatedList } from '../components/related-list.tsx';
import { usersQuery } from '../queries.ts';
import { activityLine, editableBy, ownerField, RecordError, words } from './record-common.tsx';
import { canEdit, useActor } from '../permissions.ts';
import { formatDate, formatDateTime } from '../format.ts';
import { BookMeetingCard } from '../components/meetings.tsx';
import { LifecycleControl } from '../components/lifecycle.tsx';
import { age, untouched } from '../components/durations.ts';
import { LeadRouting } from './lead-routing.tsx';
import { CadenceCard } from '../components/cadence.tsx';

export function LeadPage() {
  const { leadId } = useParams({ from: '/leads/$leadId' });
  const lead = useQuery(leadQuery(leadId));
  const users = useQuery(usersQuery);
  const actor = useActor();
  if (lead.isPending) return <p className="muted">Loading the lead…</p>;
  if (lead.isError) return <RecordError noun="lead" error={lead.error} list="/leads" />;
  const l = lead.data;
  const key = ['lead', l.id];
  const editable = canEdit(actor, 'lead', l);
  const converted = l.status === 'converted';
  const text = (
    k: 'firstName' | 'company' | 'email' | 'phone' | 'title' | 'source' | 'industry',
    label: string,
  ): EditableField => ({ key: k, label, value: l[k] ?? '', readOnly: converted, toPatch: (v) => ({ [k]: orNull(v) }) });
  const fields: EditableField[] = [
    text('firstName', 'First name'),
    { key: 'lastName', label: 'Last name', value: l.lastName, readOnly: converted, toPatch: (v) => ({ lastName: v }) },
    text('company', 'Company'),
    text('title', 'Title'),
    text('email', 'Email'),
    text('phone', 'Phone'),
    text('industry', 'Industry'),
    text('source', 'Source'),
    {
      key: 'status',
      label: 'Status',
      value: l.status,
      display: <span className="badge">{words(l.status)}</span>,
      input: 'select',
      readOnly: converted,
      options: settableLeadStatuses.map((s) => ({ value: s, label: words(s) })),
      toPatch: (v) => ({ status: v }),
    },
    {
      key: 'disqualifiedReason',
      label: 'Disqualified because',
      value: l.disqualifiedReason ?? '',
      readOnly: converted,
      toPatch: (v) => ({ disqualifiedReason: orNull(v) }),
    },
    { ...ownerField(users.data, l.ownerId), readOnly: converted },
  ];
  return (
    <article className="record" aria-labelledby="record-title">
      <p className="small">
        <Link to="/leads">← Leads</Link>
      </p>
      <h1 id="record-title" data-testid="record-title">
        {contactName(l)}
        {l.company && <span className="muted"> · {l.company}</span>}
      </h1>
      <div className="record-actions">
        <MergeAction entity="lead" record={l} />
        {!converted && <RecordActions links={{ leadId: l.id }} name={contactName(l)} />}
      </div>
      <div className="record-grid">
        <div className="stack">
          <section className="card" aria-label="Details">
            <h2>Details</h2>
            {converted && (
              <p className="notice ok">
                Converted {formatDate(l.convertedAt, '')}: the lead is kept as it was; edit the account, contact or deal
                it became.
              </p>
            )}
            <LifecycleControl lead={l} canChange={editable} />
            <dl className="fields" data-testid="lead-age">
              <dt>Age</dt>
              <dd title={formatDateTime(l.createdAt)}>{age(l.createdAt, Date.now())}</dd>
              <dt>Untouched for</dt>
              <dd title={l.lastTouchedAt ? formatDateTime(l.lastTouchedAt) : 'No call, email or meeting yet'}>
                {untouched(l, Date.now())}
              </dd>
            </dl>
            <InlineFields
              path="/leads/{id}"
              id={l.id}
              version={l.version}
              queryKey={key}
              noun="lead"
              fields={editableBy(editable, fields)}
            />
            <p className="muted small">Version {l.version}</p>
          </section>
          {converted && (
            <section className="card" aria-labelledby="converted-title">
              <h2 id="converted-title">Became</h2>
              <dl className="fields">
                <dt>Account</dt>
                <dd>{l.convertedAccountId ? <AccountLink id={l.convertedAccountId} /> : 'None (B2C)'}</dd>
                <dt>Contact</dt>
                <dd>
                  <ContactLink id={l.convertedContactId} />
                </dd>
                <dt>Deal</dt>
                <dd>
                  <DealLink id={l.convertedDealId} />
                </dd>
              </dl>
            </section>
          )}
          <CadenceCard lead={{ id: l.id, ownerId: l.ownerId, status: l.status, name: contactName(l) }} />
          <LeadRouting leadId={l.id} />
          {!converted && <BookMeetingCard link={{ leadId: l.id }} />}
          <RelatedList
            title="Activities"
            path="/activities"
            query={{ leadId: l.id, sort: 'occurred_at', order: 'desc' }}
            queryKey={key}
            empty="No calls or emails logged on this lead yet."
            render={activityLine}
          />
        </div>
        <RecordTimeline path="/leads/{id}" id={l.id} queryKey={key} />
      </div>
    </article>
  );
}
