import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useMemo, useState, type FormEvent } from 'react';
import {
  addCampaignCostSchema,
  campaignTypes,
  createCampaignSchema,
  recordTouchSchema,
  touchKinds,
  type CampaignType,
  type TouchKind,
} from '../../../src/contract/marketing.ts';
import { api, type ApiData } from '../api.ts';
import { EChart, type ChartOption } from '../components/echart.tsx';
import { EmptyState, ErrorState, Loading } from '../components/states.tsx';
import { formatDate, formatDateTime, formatMoney } from '../format.ts';
import { canRecordTouches, canReadMarketingFigures, canWriteReference } from '../../../src/contract/access.ts';
import { useActor } from '../permissions.ts';
import { HandoffReportCard, RejectedHandoffs } from './handoffs.tsx';
import { CampaignTouches, EditCampaign } from './campaign-edit.tsx';
import { Field, FormError, orNull, useSubmit } from './admin/form.tsx';

type Campaign = ApiData<'get', '/campaigns/{id}'>;
type Attribution = ApiData<'get', '/analytics/attribution'>;

const CAMPAIGNS = ['campaigns'];
const modelLabels: Record<Attribution['models'][number], string> = {
  first_touch: 'First touch',
  last_touch: 'Last touch',
  linear: 'Linear',
  u_shaped: 'U-shaped',
  w_shaped: 'W-shaped',
  full_path: 'Full path',
  time_decay: 'Time decay',
  markov: 'Markov',
  shapley: 'Shapley',
};
const typeLabel = (t: string) => t.replaceAll('_', ' ');

function useCampaigns() {
  return useQuery({
    queryKey: CAMPAIGNS,
    queryFn: () => api.get('/campaigns', { params: { query: { limit: 200 } } }),
  });
}

function useAttribution(enabled: boolean) {
  return useQuery({
    queryKey: ['analytics', 'attribution'],
    queryFn: () => api.get('/analytics/attribution', { params: { query: {} } }),
    enabled,
  });
}

function useFunnel(enabled: boolean) {
  return useQuery({
    queryKey: ['analytics', 'campaign-funnel'],
    queryFn: () => api.get('/analytics/campaign-funnel', { params: { query: {} } }),
    enabled,
  });
}

/** The marketing home: what campaigns cost and what they brought, by the linear model and the Markov model. */
export function MarketingHomePage() {
  const actor = useActor();
  const figures = actor !== null && canReadMarketingFigures(actor);
  const attribution = useAttribution(figures);
  const funnel = useFunnel(figures);
  if (!actor) return <Loading />;
  if (!figures) return <EmptyState title="Marketing figures are for marketing and managers" />;
  if (attribution.isPending || funnel.isPending) return <Loading>Loading the marketing figures…</Loading>;
  if (attribution.isError) return <ErrorState error={attribution.error} what="the attribution" />;
  if (funnel.isError) return <ErrorState error={funnel.error} what="the campaign funnel" />;
  const a = attribution.data;
  const steps = new Map(funnel.data.campaigns.map((c) => [c.campaignId, c.steps]));
  const cost = a.campaigns.reduce((s, c) => s + Number(c.cost), 0);
  return (
    <div className="page">
      <h1>Marketing</h1>
      <section className="card" aria-labelledby="mkt-totals" data-testid="marketing-totals">
        <h2 id="mkt-totals">As of {formatDate(a.asOf)}</h2>
        <dl className="fields">
          <dt>Pipeline created (all deals)</dt>
          <dd>
            {formatMoney(a.pipeline.amount, a.currency)} in {a.pipeline.deals} deals
          </dd>
          <dt>Won revenue (all deals)</dt>
          <dd>
            {formatMoney(a.won.amount, a.currency)} in {a.won.deals} deals
          </dd>
          <dt>Campaign cost</dt>
          <dd>{formatMoney(cost.toFixed(2), a.currency)}</dd>
          <dt>People touched without a deal</dt>
          <dd>{a.journeysWithoutDeal}</dd>
        </dl>
        <p>
          <Link to="/campaigns">All campaigns</Link>
        </p>
      </section>
      <HandoffReportCard />
      <RejectedHandoffs />
      <section className="card" aria-labelledby="mkt-campaigns">
        <h2 id="mkt-campaigns">Campaigns</h2>
        {a.campaigns.length === 0 ? (
          <p className="muted">No campaign yet.</p>
        ) : (
          <table className="admin-table" data-testid="marketing-campaigns">
            <thead>
              <tr>
                <th>Campaign</th>
                <th>Cost</th>
                <th>Touches</th>
                <th>Opportunities</th>
                <th>Won (linear)</th>
                <th>Won (Markov)</th>
                <th>ROI (linear)</th>
              </tr>
            </thead>
            <tbody>
              {a.campaigns.map((c) => (
                <tr key={c.campaignId}>
                  <td>
                    <Link to="/campaigns/$campaignId" params={{ campaignId: c.campaignId }}>
                      {c.name}
                    </Link>
                  </td>
                  <td>{formatMoney(c.cost, a.currency)}</td>
                  <td>{steps.get(c.campaignId)?.touches ?? 0}</td>
                  <td>{steps.get(c.campaignId)?.opportunities ?? 0}</td>
                  <td>{formatMoney(c.won.linear, a.currency)}</td>
                  <td>{formatMoney(c.won.markov, a.currency)}</td>
                  <td>{c.roi.linear === null ? '—' : `${c.roi.linear.toFixed(2)}×`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

export function CampaignsPage() {
  const actor = useActor();
  const campaigns = useCampaigns();
  if (campaigns.isPending) return <Loading>Loading campaigns…</Loading>;
  if (campaigns.isError) return <ErrorState error={campaigns.error} what="the campaigns" />;
  const byId = new Map(campaigns.data.items.map((c) => [c.id, c.name]));
  return (
    <div className="page">
      <h1>Campaigns</h1>
      {actor && canWriteReference(actor, 'campaign') && <NewCampaign campaigns={campaigns.data.items} />}
      {campaigns.data.items.length === 0 ? (
        <EmptyState title="No campaign yet" />
      ) : (
        <table className="admin-table" data-testid="campaigns-table">
          <thead>
            <tr>
              <th>Campaign</th>
              <th>Type</th>
              <th>Status</th>
              <th>Dates</th>
              <th>Parent</th>
              <th>Budget</th>
              <th>Actual cost</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.data.items.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to="/campaigns/$campaignId" params={{ campaignId: c.id }}>
                    {c.name}
                  </Link>
                </td>
                <td>{typeLabel(c.type)}</td>
                <td>{c.status}</td>
                <td>
                  {formatDate(c.startDate)} – {formatDate(c.endDate)}
                </td>
                <td>{c.parentId ? (byId.get(c.parentId) ?? '—') : '—'}</td>
                <td>{c.budget === null ? '—' : formatMoney(c.budget, c.currency)}</td>
                <td>{c.actualCost === null ? '—' : formatMoney(c.actualCost, c.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function NewCampaign({ campaigns }: { campaigns: readonly Campaign[] }) {
  const queryClient = useQueryClient();
  const init = {
    name: '',
    type: 'email' as CampaignType,
    parentId: '',
    budget: '',
    startDate: '',
    endDate: '',
    utm: '',
  };
  const [v, setV] = useState(init);
  const { errors, error, busy, run } = useSubmit(CAMPAIGNS);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const input = {
      name: v.name,
      type: v.type,
      parentId: orNull(v.parentId),
      budget: orNull(v.budget),
      startDate: orNull(v.startDate),
      endDate: orNull(v.endDate),
      utmCampaign: orNull(v.utm),
    };
    const saved = await run(createCampaignSchema, input, (body) => api.post('/campaigns', { body }));
    if (!saved) return;
    await queryClient.invalidateQueries({ queryKey: CAMPAIGNS });
    setV(init);
  };
  const set = (k: keyof typeof init) => (e: { target: { value: string } }) =>
    setV((o) => ({ ...o, [k]: e.target.value }));
  return (
    <form className="card admin-form" onSubmit={(e) => void onSubmit(e)} aria-label="New campaign">
      <h2>New campaign</h2>
      <div className="form-grid">
        <Field label="Name" error={errors.name}>
          <input name="name" value={v.name} onChange={set('name')} />
        </Field>
        <Field label="Type" error={errors.type}>
          <select name="type" value={v.type} onChange={set('type')}>
            {campaignTypes.map((t) => (
              <option key={t} value={t}>
                {typeLabel(t)}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Parent campaign" error={errors.parentId}>
          <select name="parentId" value={v.parentId} onChange={set('parentId')}>
            <option value="">None</option>
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Budget" error={errors.budget}>
          <input name="budget" inputMode="decimal" value={v.budget} onChange={set('budget')} placeholder="5000.00" />
        </Field>
        <Field label="Start" error={errors.startDate}>
          <input name="startDate" type="date" value={v.startDate} onChange={set('startDate')} />
        </Field>
        <Field label="End" error={errors.endDate}>
          <input name="endDate" type="date" value={v.endDate} onChange={set('endDate')} />
        </Field>
        <Field label="UTM campaign" error={errors.utmCampaign}>
          <input name="utmCampaign" value={v.utm} onChange={set('utm')} />
        </Field>
      </div>
      <FormError error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Create campaign
        </button>
      </div>
    </form>
  );
}

export function CampaignPage() {
  const campaignId = useParams({ strict: false }).campaignId ?? '';
  const actor = useActor();
  const figures = actor !== null && canReadMarketingFigures(actor);
  const campaign = useQuery({
    queryKey: [...CAMPAIGNS, campaignId],
    queryFn: () => api.get('/campaigns/{id}', { params: { path: { id: campaignId } } }),
  });
  const members = useQuery({
    queryKey: [...CAMPAIGNS, campaignId, 'members'],
    queryFn: () => api.get('/campaigns/{id}/members', { params: { path: { id: campaignId }, query: { limit: 200 } } }),
  });
  const costs = useQuery({
    queryKey: [...CAMPAIGNS, campaignId, 'costs'],
    queryFn: () => api.get('/campaigns/{id}/costs', { params: { path: { id: campaignId } } }),
    enabled: figures,
  });
  const attribution = useAttribution(figures);
  const funnel = useFunnel(figures);
  if (campaign.isPending) return <Loading>Loading the campaign…</Loading>;
  if (campaign.isError) return <ErrorState error={campaign.error} what="this campaign" />;
  const c = campaign.data;
  const mine = attribution.data?.campaigns.find((x) => x.campaignId === c.id);
  const steps = funnel.data?.campaigns.find((x) => x.campaignId === c.id)?.steps;
  const writer = actor !== null && canWriteReference(actor, 'campaign');
  return (
    <div className="page">
      <p>
        <Link to="/campaigns">Campaigns</Link>
      </p>
      <h1>{c.name}</h1>
      <p className="muted">
        {typeLabel(c.type)} · {c.status}
        {c.channel ? ` · ${c.channel}` : ''} · {formatDate(c.startDate)} – {formatDate(c.endDate)}
        {c.utmCampaign ? ` · utm_campaign=${c.utmCampaign}` : ''}
      </p>
      {writer && <EditCampaign campaign={c} figures={figures} />}
      {figures && (
        <section className="card" aria-labelledby="budget-title" data-testid="campaign-budget">
          <h2 id="budget-title">Budget and cost</h2>
          <dl className="fields">
            <dt>Budget</dt>
            <dd>{c.budget === null ? '—' : formatMoney(c.budget, c.currency)}</dd>
            <dt>Actual cost</dt>
            <dd data-testid="actual-cost">{c.actualCost === null ? '—' : formatMoney(c.actualCost, c.currency)}</dd>
            <dt>Expected revenue</dt>
            <dd>{c.expectedRevenue === null ? '—' : formatMoney(c.expectedRevenue, c.currency)}</dd>
          </dl>
          {costs.data && costs.data.items.length > 0 && (
            <table className="admin-table">
              <thead>
                <tr>
                  <th>Date</th>
                  <th>Amount</th>
                  <th>What</th>
                </tr>
              </thead>
              <tbody>
                {costs.data.items.map((k) => (
                  <tr key={k.id}>
                    <td>{formatDate(k.incurredOn)}</td>
                    <td>{formatMoney(k.amount, c.currency)}</td>
                    <td>{k.description ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {writer && <AddCost campaign={c} />}
        </section>
      )}
      {steps && (
        <section className="card" aria-labelledby="funnel-title" data-testid="campaign-funnel">
          <h2 id="funnel-title">Funnel</h2>
          <table className="admin-table">
            <thead>
              <tr>
                <th>Touches</th>
                <th>People</th>
                <th>Leads</th>
                <th>MQL</th>
                <th>SQL</th>
                <th>Opportunities</th>
                <th>Won</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                {[steps.touches, steps.people, steps.leads, steps.mql, steps.sql, steps.opportunities, steps.won].map(
                  (n, i) => (
                    <td key={i}>{n}</td>
                  ),
                )}
              </tr>
            </tbody>
          </table>
        </section>
      )}
      {mine && attribution.data && <AttributionChart a={attribution.data} c={mine} />}
      <section className="card" aria-labelledby="members-title" data-testid="campaign-members">
        <h2 id="members-title">Members</h2>
        {actor && canRecordTouches(actor) && <RecordTouch campaignId={c.id} />}
        {members.isPending ? (
          <Loading />
        ) : members.isError ? (
          <ErrorState error={members.error} what="the members" />
        ) : members.data.items.length === 0 ? (
          <p className="muted">Nobody has interacted with this campaign yet.</p>
        ) : (
          <table className="admin-table">
            <thead>
              <tr>
                <th>Person</th>
                <th>Status</th>
                <th>Touches</th>
                <th>First touch</th>
                <th>Last touch</th>
              </tr>
            </thead>
            <tbody>
              {members.data.items.map((m) => (
                <tr key={m.personId}>
                  <td>
                    {m.personType === 'lead' ? (
                      <Link to="/leads/$leadId" params={{ leadId: m.personId }}>
                        {m.name}
                      </Link>
                    ) : (
                      <Link to="/contacts/$contactId" params={{ contactId: m.personId }}>
                        {m.name}
                      </Link>
                    )}
                  </td>
                  <td>{m.status}</td>
                  <td>{m.touches}</td>
                  <td>{formatDateTime(m.firstTouchAt)}</td>
                  <td>{formatDateTime(m.lastTouchAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <CampaignTouches campaignId={c.id} />
    </div>
  );
}

function AttributionChart({ a, c }: { a: Attribution; c: Attribution['campaigns'][number] }) {
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: ['Pipeline created', 'Won revenue'] },
      grid: { left: 80, right: 20, bottom: 60 },
      xAxis: { type: 'category', data: a.models.map((m) => modelLabels[m]), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value' },
      series: [
        { name: 'Pipeline created', type: 'bar', data: a.models.map((m) => Number(c.pipeline[m])) },
        { name: 'Won revenue', type: 'bar', data: a.models.map((m) => Number(c.won[m])) },
      ],
    }),
    [a, c],
  );
  return (
    <section className="card" aria-labelledby="attr-title" data-testid="campaign-attribution">
      <h2 id="attr-title">Attributed revenue by model</h2>
      <EChart option={option} label={`Pipeline and won revenue credited to ${c.name} by each model`} />
      <table className="admin-table">
        <thead>
          <tr>
            <th>Model</th>
            <th>Pipeline</th>
            <th>Won</th>
            <th>ROI</th>
          </tr>
        </thead>
        <tbody>
          {a.models.map((m) => (
            <tr key={m}>
              <td>{modelLabels[m]}</td>
              <td>{formatMoney(c.pipeline[m], a.currency)}</td>
              <td>{formatMoney(c.won[m], a.currency)}</td>
              <td>{c.roi[m] === null ? '—' : `${(c.roi[m] ?? 0).toFixed(2)}×`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        Markov (won): {formatMoney(c.markov.won.low, a.currency)} to {formatMoney(c.markov.won.high, a.currency)} (95%
        bootstrap interval). As of {formatDate(a.asOf)}.
      </p>
    </section>
  );
}

function AddCost({ campaign }: { campaign: Campaign }) {
  const queryClient = useQueryClient();
  const init = { incurredOn: '', amount: '', description: '' };
  const [v, setV] = useState(init);
  const { errors, error, busy, run } = useSubmit();
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const saved = await run(
      addCampaignCostSchema,
      { incurredOn: v.incurredOn, amount: v.amount, description: orNull(v.description) },
      (body) => api.post('/campaigns/{id}/costs', { params: { path: { id: campaign.id } }, body }),
    );
    if (!saved) return;
    await queryClient.invalidateQueries({ queryKey: CAMPAIGNS });
    await queryClient.invalidateQueries({ queryKey: ['analytics'] });
    setV(init);
  };
  return (
    <form className="admin-form" onSubmit={(e) => void onSubmit(e)} aria-label="Add a cost">
      <div className="form-grid">
        <Field label="Cost date" error={errors.incurredOn}>
          <input
            name="incurredOn"
            type="date"
            value={v.incurredOn}
            onChange={(e) => setV((o) => ({ ...o, incurredOn: e.target.value }))}
          />
        </Field>
        <Field label="Amount" error={errors.amount}>
          <input
            name="amount"
            inputMode="decimal"
            value={v.amount}
            onChange={(e) => setV((o) => ({ ...o, amount: e.target.value }))}
          />
        </Field>
        <Field label="What" error={errors.description}>
          <input
            name="description"
            value={v.description}
            onChange={(e) => setV((o) => ({ ...o, description: e.target.value }))}
          />
        </Field>
      </div>
      <FormError error={error} />
      <button type="submit" disabled={busy}>
        Add cost
      </button>
    </form>
  );
}

function RecordTouch({ campaignId }: { campaignId: string }) {
  const queryClient = useQueryClient();
  const leads = useQuery({
    queryKey: ['leads', 'for-touch'],
    queryFn: () => api.get('/leads', { params: { query: { limit: 200, sort: 'last_name' } } }),
  });
  const [v, setV] = useState({ leadId: '', kind: 'clicked' as TouchKind });
  const { errors, error, busy, run } = useSubmit();
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const saved = await run(recordTouchSchema, { leadId: v.leadId || undefined, kind: v.kind }, (body) =>
      api.post('/campaigns/{id}/touches', { params: { path: { id: campaignId } }, body }),
    );
    if (!saved) return;
    await queryClient.invalidateQueries({ queryKey: CAMPAIGNS });
    await queryClient.invalidateQueries({ queryKey: ['analytics'] });
  };
  return (
    <form className="admin-form" onSubmit={(e) => void onSubmit(e)} aria-label="Record a touch">
      <div className="form-grid">
        <Field label="Lead" error={errors.leadId}>
          <select name="leadId" value={v.leadId} onChange={(e) => setV((o) => ({ ...o, leadId: e.target.value }))}>
            <option value="">Choose a lead</option>
            {(leads.data?.items ?? []).map((l) => (
              <option key={l.id} value={l.id}>
                {[l.firstName, l.lastName].filter(Boolean).join(' ')}
                {l.company ? ` (${l.company})` : ''}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Interaction" error={errors.kind}>
          <select
            name="kind"
            value={v.kind}
            onChange={(e) => setV((o) => ({ ...o, kind: e.target.value as TouchKind }))}
          >
            {touchKinds.map((k) => (
              <option key={k} value={k}>
                {typeLabel(k)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <FormError error={error} />
      <button type="submit" disabled={busy}>
        Record touch
      </button>
    </form>
  );
}
