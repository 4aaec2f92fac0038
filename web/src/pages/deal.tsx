import { useQuery } from '@tanstack/react-query';
import { MergeAction } from '../components/merge-dialog.tsx';
import { Link, useParams } from '@tanstack/react-router';
import { formatMoney } from '../money.ts';
import { dealQuery, dealTimelineQuery, nameOf, pipelinesQuery, productsQuery, usersQuery } from '../queries.ts';
import type { DealDto, PipelineDto, UserDto } from '../types.ts';
import { InlineFields, orNull, type EditableField } from '../components/inline-fields.tsx';
import { AccountLink, ContactLink } from '../components/record-links.tsx';
import { RelatedList } from '../components/related-list.tsx';
import { activityLine, ownerField, words } from './record-common.tsx';
import { DealCalls } from '../components/deal-calls.tsx';
import { ErrorState, Loading } from '../components/states.tsx';
import { Timeline } from './timeline.tsx';

export function DealPage() {
  const { dealId } = useParams({ from: '/deals/$dealId' });
  const deal = useQuery(dealQuery(dealId));
  const timeline = useQuery(dealTimelineQuery(dealId));
  const pipelines = useQuery(pipelinesQuery);
  const users = useQuery(usersQuery);
  const products = useQuery(productsQuery);

  if (deal.isPending) return <Loading>Loading the deal…</Loading>;
  if (deal.isError) return <ErrorState error={deal.error} what="this deal" onRetry={() => void deal.refetch()} />;
  const d = deal.data;
  const pipeline = pipelines.data?.find((p) => p.id === d.pipelineId);
  const stage = pipeline?.stages.find((s) => s.id === d.stageId);

  return (
    <article className="record" aria-labelledby="record-title">
      <p className="small">
        <Link to="/board" search={{ pipelineId: d.pipelineId }}>
          ← {pipeline?.name ?? 'Board'}
        </Link>
      </p>
      <h1 id="record-title" data-testid="deal-title">
        {d.name}
      </h1>
      <div className="record-actions">
        <MergeAction entity="deal" record={d} />
      </div>
      <div className="record-grid">
        <div className="stack">
          <section className="card">
            <h2>Details</h2>
            <InlineFields
              path="/deals/{id}"
              id={d.id}
              version={d.version}
              queryKey={['deal', d.id]}
              noun="deal"
              fields={dealFields(d, users.data, stage?.name)}
            />
            <p className="muted small">
              In stage since {new Date(d.stageEnteredAt).toLocaleString()} · version {d.version}
            </p>
            <LineItems deal={d} productName={(id) => products.data?.find((p) => p.id === id)?.name ?? 'Product'} />
          </section>
          <section className="card" aria-labelledby="roles-title">
            <h2 id="roles-title">Contacts and roles</h2>
            <ContactRoles deal={d} />
          </section>
          <DealCalls dealId={d.id} dealName={d.name} />
          <RelatedList
            title="Activities"
            path="/activities"
            query={{ dealId: d.id, sort: 'occurred_at', order: 'desc' }}
            queryKey={['deal', d.id]}
            empty="No calls, meetings or notes logged on this deal yet."
            render={activityLine}
          />
        </div>
        <section className="card timeline-card">
          <h2>Timeline</h2>
          {timeline.isPending && <p className="muted">Loading…</p>}
          {timeline.isError && <p className="error">{timeline.error.message}</p>}
          {timeline.data && (
            <Timeline
              recordId={d.id}
              entries={timeline.data.items}
              describeStage={(id) => stageName(pipelines.data, id)}
              describePipeline={(id) => pipelines.data?.find((p) => p.id === id)?.name ?? 'a pipeline'}
              userName={(id) => nameOf(users.data, id)}
            />
          )}
        </section>
      </div>
    </article>
  );
}

function stageName(pipelines: PipelineDto[] | undefined, id: string): string {
  for (const p of pipelines ?? []) {
    const s = p.stages.find((x) => x.id === id);
    if (s) return s.name;
  }
  return 'a stage';
}

/** The deal's fields; the stage moves on the board (under its rules), so it is shown, not edited, here. */
function dealFields(d: DealDto, users: UserDto[] | undefined, stageName: string | undefined): EditableField[] {
  const none = () => ({});
  return [
    { key: 'name', label: 'Name', value: d.name, toPatch: (v) => ({ name: v }) },
    {
      key: 'stage',
      label: 'Stage',
      value: d.stageId,
      readOnly: true,
      toPatch: none,
      display: (
        <>
          <span data-testid="deal-stage">{stageName ?? '…'}</span>{' '}
          <span className={`badge ${d.status}`}>{d.status}</span>
        </>
      ),
    },
    {
      key: 'amount',
      label: `Amount (${d.currency})`,
      value: d.amount ?? '',
      display: d.amount !== null ? formatMoney(d.amount, d.currency) : undefined,
      toPatch: (v) => ({ amount: orNull(v.replace(/,/g, '')) }),
    },
    {
      key: 'expectedCloseDate',
      label: 'Expected close',
      value: d.expectedCloseDate ?? '',
      input: 'date',
      toPatch: (v) => ({ expectedCloseDate: orNull(v) }),
    },
    ownerField(users, d.ownerId),
    {
      key: 'account',
      label: 'Account',
      value: d.accountId ?? '',
      display: <AccountLink id={d.accountId} />,
      readOnly: true,
      toPatch: none,
    },
    {
      key: 'nextStep',
      label: 'Next step',
      value: d.nextStep ?? '',
      input: 'textarea',
      toPatch: (v) => ({ nextStep: orNull(v) }),
    },
    { key: 'source', label: 'Source', value: d.source ?? '', toPatch: (v) => ({ source: orNull(v) }) },
    { key: 'channel', label: 'Channel', value: d.channel, display: words(d.channel), readOnly: true, toPatch: none },
    ...(d.lostReason !== null
      ? [
          {
            key: 'lostReason',
            label: 'Lost reason',
            value: d.lostReason,
            input: 'textarea' as const,
            toPatch: (v: string) => ({ lostReason: orNull(v) }),
          },
        ]
      : []),
  ];
}

/** The deal's contacts: the primary contact and everyone with a buying role. */
function ContactRoles({ deal }: { deal: DealDto }) {
  const roles = new Map<string, string[]>();
  if (deal.primaryContactId) roles.set(deal.primaryContactId, ['Primary contact']);
  for (const r of deal.contactRoles) roles.set(r.contactId, [...(roles.get(r.contactId) ?? []), words(r.role)]);
  if (roles.size === 0)
    return (
      <p className="muted small">
        No contacts on this deal yet; add them with roles through the API (PATCH contactRoles).
      </p>
    );
  return (
    <ul className="related-items">
      {[...roles].map(([id, rs]) => (
        <li key={id}>
          <ContactLink id={id} /> <span className="muted">{rs.join(', ')}</span>
        </li>
      ))}
    </ul>
  );
}

function LineItems({ deal, productName }: { deal: DealDto; productName: (id: string) => string }) {
  if (deal.lineItems.length === 0) return <p className="muted small">No line items.</p>;
  return (
    <table className="lines">
      <thead>
        <tr>
          <th>Product</th>
          <th className="num">Qty</th>
          <th className="num">Unit price</th>
          <th className="num">Discount</th>
          <th className="num">Net</th>
        </tr>
      </thead>
      <tbody>
        {deal.lineItems.map((l) => (
          <tr key={l.id}>
            <td>{productName(l.productId)}</td>
            <td className="num">{l.quantity}</td>
            <td className="num">{formatMoney(l.unitPrice)}</td>
            <td className="num">{l.discountPercent} %</td>
            <td className="num">{formatMoney(l.netTotal)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={4}>Total</td>
          <td className="num">{formatMoney(deal.lineItemsTotal, deal.currency)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
