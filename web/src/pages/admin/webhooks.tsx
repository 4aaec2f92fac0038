import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { WebhookDto } from '../../../../src/contract/webhooks.ts';
import { api } from '../../api.ts';
import { WebhookDetail } from './webhook-detail.tsx';
import { WEBHOOKS_KEY, WebhookForm, when } from './webhook-form.tsx';

function status(w: WebhookDto): string {
  if (!w.enabled) return `Disabled: ${w.disabledReason ?? ''}`;
  if (w.failingSince) return `Failing since ${when(w.failingSince)}; next attempt ${when(w.nextAttemptAt)}`;
  return 'Enabled';
}

export function AdminWebhooksPage() {
  const webhooks = useQuery({
    queryKey: WEBHOOKS_KEY,
    queryFn: async () => (await api.get('/webhooks')).items,
    refetchInterval: 10_000,
  });
  const [selected, setSelected] = useState<string | null>(null);
  if (webhooks.isPending) return <p className="muted">Loading webhooks…</p>;
  if (webhooks.isError) return <p className="error">{webhooks.error.message}</p>;
  const current = webhooks.data.find((w) => w.id === selected) ?? null;
  return (
    <>
      <h1>Webhooks</h1>
      <p className="muted">
        Events of the log are sent, signed (Standard Webhooks), to each endpoint in log order; failures are retried for
        up to 5 days.
      </p>
      <WebhookForm key="new" webhook={null} onDone={() => undefined} />
      {webhooks.data.length === 0 ? (
        <p className="muted">No endpoints yet.</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th>URL</th>
              <th>Events</th>
              <th>Status</th>
              <th className="num">Backlog</th>
              <th>Last delivered</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {webhooks.data.map((w) => (
              <tr key={w.id} data-testid={`webhook-${w.id}`} className={w.enabled ? undefined : 'inactive'}>
                <td>
                  {w.url}
                  {w.description && <div className="muted">{w.description}</div>}
                </td>
                <td>{w.eventTypes.join(', ')}</td>
                <td>{status(w)}</td>
                <td className="num">{w.backlog}</td>
                <td>{when(w.lastSuccessAt)}</td>
                <td>
                  <button type="button" className="link" onClick={() => setSelected(w.id)}>
                    Manage
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {current && <WebhookDetail key={current.id} webhook={current} onClose={() => setSelected(null)} />}
    </>
  );
}
