import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { formatMoney } from '../money.ts';
import { dealQuery, dealTimelineQuery, nameOf, pipelinesQuery, productsQuery, usersQuery } from '../queries.ts';
import type { DealDto, PipelineDto } from '../types.ts';
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
    <article className="record">
      <p className="small">
        <Link to="/board" search={{ pipelineId: d.pipelineId }}>
          ← {pipeline?.name ?? 'Board'}
        </Link>
      </p>
      <h1 data-testid="deal-title">{d.name}</h1>
      <div className="record-grid">
        <section className="card">
          <h2>Details</h2>
          <dl className="fields">
            <Field label="Stage">
              <span data-testid="deal-stage">{stage?.name ?? '…'}</span> <span className={`badge ${d.status}`}>{d.status}</span>
            </Field>
            <Field label="Amount">{d.amount !== null ? formatMoney(d.amount, d.currency) : '—'}</Field>
            <Field label="Expected close">{d.expectedCloseDate ?? '—'}</Field>
            <Field label="Owner">{nameOf(users.data, d.ownerId)}</Field>
            <Field label="Next step">{d.nextStep ?? '—'}</Field>
            <Field label="Source">{d.source ?? '—'}</Field>
            <Field label="Channel">{d.channel}</Field>
            {d.lostReason && <Field label="Lost reason">{d.lostReason}</Field>}
            <Field label="In stage since">{new Date(d.stageEnteredAt).toLocaleString()}</Field>
            <Field label="Version">{d.version}</Field>
          </dl>
          <LineItems deal={d} productName={(id) => products.data?.find((p) => p.id === id)?.name ?? 'Product'} />
        </section>
        <DealCalls dealId={d.id} dealName={d.name} />
        <section className="card">
          <h2>Timeline</h2>
          {timeline.isPending && <p className="muted">Loading…</p>}
          {timeline.isError && <p className="error">{timeline.error.message}</p>}
          {timeline.data && <Timeline entries={timeline.data.items} describeStage={(id) => stageName(pipelines.data, id)} describePipeline={(id) => pipelines.data?.find((p) => p.id === id)?.name ?? 'a pipeline'} userName={(id) => nameOf(users.data, id)} />}
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

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
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

