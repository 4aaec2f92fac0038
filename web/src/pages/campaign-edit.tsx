import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { campaignStatuses, campaignTypes, updateCampaignSchema } from '../../../src/contract/marketing.ts';
import { api, ifMatch, type ApiData } from '../api.ts';
import { ErrorState, Loading } from '../components/states.tsx';
import { formatDateTime } from '../format.ts';
import { usersQuery } from '../queries.ts';
import { Field, FormError, orNull, useSubmit } from './admin/form.tsx';

type Campaign = ApiData<'get', '/campaigns/{id}'>;

const typeLabel = (t: string) => t.replaceAll('_', ' ');

/** The form's text for each field of a campaign (empty: none). */
function formOf(c: Campaign) {
  return {
    name: c.name,
    type: c.type,
    channel: c.channel ?? '',
    status: c.status as string,
    startDate: c.startDate ?? '',
    endDate: c.endDate ?? '',
    ownerId: c.ownerId ?? '',
    parentId: c.parentId ?? '',
    budget: c.budget ?? '',
    expectedRevenue: c.expectedRevenue ?? '',
    utmSource: c.utmSource ?? '',
    utmMedium: c.utmMedium ?? '',
    utmCampaign: c.utmCampaign ?? '',
    utmContent: c.utmContent ?? '',
    utmTerm: c.utmTerm ?? '',
    description: c.description ?? '',
  };
}
type FormValues = ReturnType<typeof formOf>;

/**
 * Edits every field of a campaign, sent with the version it was read at: a campaign someone else
 * changed meanwhile is refused (409), the message says so and the campaign is reloaded.
 * `figures`: the role sees budget and expected revenue (only those roles may edit them).
 */
export function EditCampaign({ campaign, figures }: { campaign: Campaign; figures: boolean }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [v, setV] = useState<FormValues>(() => formOf(campaign));
  const key = ['campaigns', campaign.id];
  const { errors, error, busy, run, clear } = useSubmit(key);
  const others = useQuery({
    queryKey: ['campaigns'],
    queryFn: () => api.get('/campaigns', { params: { query: { limit: 200 } } }),
    enabled: open,
  });
  // The shared users query (other pages read the same cache entry, as a list).
  const users = useQuery({ ...usersQuery, enabled: open });
  const owners = (users.data ?? []).filter((u) => u.role === 'marketing' || u.role === 'admin');
  const start = () => {
    setV(formOf(campaign));
    clear();
    setOpen(true);
  };
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const input = {
      name: v.name,
      type: v.type,
      channel: orNull(v.channel),
      status: v.status,
      startDate: orNull(v.startDate),
      endDate: orNull(v.endDate),
      ownerId: orNull(v.ownerId),
      parentId: orNull(v.parentId),
      ...(figures ? { budget: orNull(v.budget), expectedRevenue: orNull(v.expectedRevenue) } : {}),
      utmSource: orNull(v.utmSource),
      utmMedium: orNull(v.utmMedium),
      utmCampaign: orNull(v.utmCampaign),
      utmContent: orNull(v.utmContent),
      utmTerm: orNull(v.utmTerm),
      description: orNull(v.description),
    };
    const saved = await run(updateCampaignSchema, input, (body) =>
      api.patch('/campaigns/{id}', {
        params: { path: { id: campaign.id }, header: ifMatch(campaign.version) },
        body,
      }),
    );
    if (!saved) return;
    await queryClient.invalidateQueries({ queryKey: ['campaigns'] });
    setOpen(false);
  };
  if (!open)
    return (
      <p>
        <button type="button" onClick={start}>
          Edit campaign
        </button>
      </p>
    );
  const set = (k: keyof FormValues) => (e: { target: { value: string } }) =>
    setV((o) => ({ ...o, [k]: e.target.value }));
  const text = (k: keyof FormValues, label: string, extra: Record<string, string> = {}) => (
    <Field label={label} error={errors[k]}>
      <input name={k} value={v[k]} onChange={set(k)} aria-invalid={errors[k] ? true : undefined} {...extra} />
    </Field>
  );
  return (
    <form className="card admin-form" onSubmit={(e) => void onSubmit(e)} aria-label="Edit campaign">
      <h2>Edit campaign</h2>
      <div className="form-grid">
        {text('name', 'Name')}
        <Field label="Type" error={errors.type}>
          <select name="type" value={v.type} onChange={set('type')}>
            {campaignTypes.map((t) => (
              <option key={t} value={t}>
                {typeLabel(t)}
              </option>
            ))}
          </select>
        </Field>
        {text('channel', 'Channel', { placeholder: 'e.g. paid social' })}
        <Field label="Status" error={errors.status}>
          <select name="status" value={v.status} onChange={set('status')}>
            {campaignStatuses.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </Field>
        {text('startDate', 'Start', { type: 'date' })}
        {text('endDate', 'End', { type: 'date' })}
        <Field label="Owner" error={errors.ownerId}>
          <select name="ownerId" value={v.ownerId} onChange={set('ownerId')}>
            <option value="">Nobody</option>
            {/* The current owner stays choosable while the user list loads or if it is not listed. */}
            {v.ownerId && !owners.some((u) => u.id === v.ownerId) && <option value={v.ownerId}>Current owner</option>}
            {owners.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Parent campaign" error={errors.parentId}>
          <select name="parentId" value={v.parentId} onChange={set('parentId')}>
            <option value="">None</option>
            {v.parentId && !others.data?.items.some((c) => c.id === v.parentId) && (
              <option value={v.parentId}>Current parent</option>
            )}
            {(others.data?.items ?? [])
              .filter((c) => c.id !== campaign.id)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
          </select>
        </Field>
        {figures && text('budget', `Budget (${campaign.currency})`, { inputMode: 'decimal' })}
        {figures && text('expectedRevenue', `Expected revenue (${campaign.currency})`, { inputMode: 'decimal' })}
        {text('utmSource', 'UTM source')}
        {text('utmMedium', 'UTM medium')}
        {text('utmCampaign', 'UTM campaign')}
        {text('utmContent', 'UTM content')}
        {text('utmTerm', 'UTM term')}
        {text('description', 'Description')}
      </div>
      <FormError error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Save campaign
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The touches of a campaign, newest first, with the person and the UTM codes recorded. */
export function CampaignTouches({ campaignId }: { campaignId: string }) {
  const touches = useQuery({
    queryKey: ['campaigns', campaignId, 'touches'],
    queryFn: () => api.get('/campaigns/{id}/touches', { params: { path: { id: campaignId }, query: { limit: 200 } } }),
  });
  const members = useQuery({
    queryKey: ['campaigns', campaignId, 'members'],
    queryFn: () => api.get('/campaigns/{id}/members', { params: { path: { id: campaignId }, query: { limit: 200 } } }),
  });
  const names = new Map((members.data?.items ?? []).map((m) => [m.personId, m.name]));
  return (
    <section className="card" aria-labelledby="touches-title" data-testid="campaign-touches">
      <h2 id="touches-title">Touches</h2>
      {touches.isPending ? (
        <Loading />
      ) : touches.isError ? (
        <ErrorState error={touches.error} what="the touches" />
      ) : touches.data.items.length === 0 ? (
        <p className="muted">No touches recorded yet.</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th>When</th>
              <th>Person</th>
              <th>Interaction</th>
              <th>UTM source / medium / campaign</th>
            </tr>
          </thead>
          <tbody>
            {touches.data.items.map((t) => (
              <tr key={t.id}>
                <td>{formatDateTime(t.touchedAt)}</td>
                <td>
                  {t.leadId ? (
                    <Link to="/leads/$leadId" params={{ leadId: t.leadId }}>
                      {names.get(t.leadId) ?? 'Lead'}
                    </Link>
                  ) : t.contactId ? (
                    <Link to="/contacts/$contactId" params={{ contactId: t.contactId }}>
                      {names.get(t.contactId) ?? 'Contact'}
                    </Link>
                  ) : null}
                </td>
                <td>{typeLabel(t.kind)}</td>
                <td>{[t.utmSource, t.utmMedium, t.utmCampaign].map((u) => u ?? '—').join(' / ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
