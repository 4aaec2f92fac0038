import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import {
  replayWebhookQuery,
  rotateWebhookSecretSchema,
  type WebhookAttemptDto,
  type WebhookDto,
} from '../../../../src/contract/webhooks.ts';
import { api, ifMatch } from '../../api.ts';
import { Field, FormError, intOrNull, useSubmit } from './form.tsx';
import { SecretOnce, WEBHOOKS_KEY, WebhookForm, when } from './webhook-form.tsx';

const attemptsKey = (id: string) => ['admin', 'webhooks', id, 'attempts'];

/** One endpoint: edit, test, rotate the secret, replay, delete, and its attempts log. */
export function WebhookDetail({ webhook, onClose }: { webhook: WebhookDto; onClose: () => void }) {
  const [editing, setEditing] = useState(false);
  return (
    <section className="card" aria-label={`Webhook ${webhook.url}`} data-testid="webhook-detail">
      <div className="webhook-head">
        <h2>{webhook.url}</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="muted">
        Cursor at event {webhook.cursorSeq}; {webhook.backlog} later events in the log
        {webhook.failedAttempts > 0 &&
          `; the next one failed ${webhook.failedAttempts} ${webhook.failedAttempts === 1 ? 'time' : 'times'} and is retried ${when(webhook.nextAttemptAt)}`}
        {webhook.previousSecretExpiresAt &&
          `; the previous secret signs too until ${when(webhook.previousSecretExpiresAt)}`}
        .
      </p>
      {editing ? (
        <WebhookForm webhook={webhook} onDone={() => setEditing(false)} />
      ) : (
        <div className="actions start">
          <button type="button" onClick={() => setEditing(true)}>
            Edit
          </button>
          <Delete webhook={webhook} onDeleted={onClose} />
        </div>
      )}
      <div className="form-grid webhook-tools">
        <SendTest webhook={webhook} />
        <Rotate webhook={webhook} />
        <Replay webhook={webhook} />
      </div>
      <Attempts webhook={webhook} />
    </section>
  );
}

function SendTest({ webhook }: { webhook: WebhookDto }) {
  const queryClient = useQueryClient();
  const { error, busy, run } = useSubmit();
  const [result, setResult] = useState<WebhookAttemptDto | null>(null);
  const onClick = async () => {
    const attempt = await run(z.unknown(), null, () =>
      api.post('/webhooks/{id}/test', { params: { path: { id: webhook.id } } }),
    );
    setResult(attempt);
    await queryClient.invalidateQueries({ queryKey: attemptsKey(webhook.id) });
  };
  return (
    <div>
      <button type="button" disabled={busy} onClick={() => void onClick()}>
        Send test event
      </button>
      <FormError error={error} />
      {result && (
        <p role="status" data-testid="test-result" className={result.outcome === 'delivered' ? 'ok' : 'error'}>
          {result.outcome} {result.status ?? ''} in {result.durationMs} ms {result.error ?? ''}
        </p>
      )}
    </div>
  );
}

function Rotate({ webhook }: { webhook: WebhookDto }) {
  const queryClient = useQueryClient();
  const [hours, setHours] = useState('24');
  const [secret, setSecret] = useState<string | null>(null);
  const { errors, error, busy, run } = useSubmit(WEBHOOKS_KEY);
  const onClick = async () => {
    setSecret(null);
    const input = { overlapHours: intOrNull(hours) ?? undefined };
    const rotated = await run(rotateWebhookSecretSchema, input, (body) =>
      api.post('/webhooks/{id}/rotate-secret', { params: { path: { id: webhook.id } }, body }),
    );
    if (!rotated) return;
    setSecret(rotated.secret);
    await queryClient.invalidateQueries({ queryKey: WEBHOOKS_KEY });
  };
  return (
    <div>
      <Field label="Old secret still signs for (hours)" error={errors.overlapHours}>
        <input name="overlapHours" inputMode="numeric" value={hours} onChange={(e) => setHours(e.target.value)} />
      </Field>
      <button type="button" disabled={busy} onClick={() => void onClick()}>
        Rotate secret
      </button>
      <FormError error={error} />
      {secret && <SecretOnce secret={secret} what="Secret rotated." />}
    </div>
  );
}

function Replay({ webhook }: { webhook: WebhookDto }) {
  const queryClient = useQueryClient();
  const [from, setFrom] = useState('');
  const { errors, error, busy, run } = useSubmit(WEBHOOKS_KEY);
  const onClick = async () => {
    const at = from ? new Date(from) : null;
    const input = { from: at && !Number.isNaN(at.getTime()) ? at.toISOString() : from };
    const done = await run(replayWebhookQuery, input, (q) =>
      api.post('/webhooks/{id}/replay', { params: { path: { id: webhook.id }, query: { from: q.from } } }),
    );
    if (done) await queryClient.invalidateQueries({ queryKey: WEBHOOKS_KEY });
  };
  return (
    <div>
      <Field label="Deliver again from" error={errors.from}>
        <input name="from" type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
      </Field>
      <button type="button" disabled={busy} onClick={() => void onClick()}>
        Replay
      </button>
      <FormError error={error} />
    </div>
  );
}

function Delete({ webhook, onDeleted }: { webhook: WebhookDto; onDeleted: () => void }) {
  const queryClient = useQueryClient();
  const { error, busy, run } = useSubmit(WEBHOOKS_KEY);
  const onClick = async () => {
    if (!window.confirm(`Delete the endpoint ${webhook.url} and its attempts log?`)) return;
    const ok = await run(z.unknown(), null, () =>
      api
        .del('/webhooks/{id}', { params: { path: { id: webhook.id }, header: ifMatch(webhook.version) } })
        .then(() => true),
    );
    if (!ok) return;
    onDeleted();
    await queryClient.invalidateQueries({ queryKey: WEBHOOKS_KEY });
  };
  return (
    <>
      <button type="button" className="danger" disabled={busy} onClick={() => void onClick()}>
        Delete
      </button>
      {error && <span className="field-error"> {error}</span>}
    </>
  );
}

function Attempts({ webhook }: { webhook: WebhookDto }) {
  const attempts = useInfiniteQuery({
    queryKey: attemptsKey(webhook.id),
    queryFn: ({ pageParam }) =>
      api.get('/webhooks/{id}/attempts', {
        params: { path: { id: webhook.id }, query: { limit: 50, cursor: pageParam } },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 10_000,
  });
  if (attempts.isPending) return <p className="muted">Loading attempts…</p>;
  if (attempts.isError) return <p className="error">{attempts.error.message}</p>;
  const items = attempts.data.pages.flatMap((p) => p.items);
  return (
    <>
      <h3>Attempts</h3>
      {items.length === 0 ? (
        <p className="muted">No attempts yet.</p>
      ) : (
        <table className="admin-table" data-testid="webhook-attempts">
          <thead>
            <tr>
              <th>Time</th>
              <th>Event</th>
              <th className="num">Attempt</th>
              <th>Outcome</th>
              <th className="num">Status</th>
              <th className="num">ms</th>
              <th>Response</th>
              <th>Next attempt</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id}>
                <td>{when(a.attemptedAt)}</td>
                <td>
                  {a.eventType} <span className="muted">{a.messageId}</span>
                </td>
                <td className="num">{a.attempt}</td>
                <td>{a.outcome}</td>
                <td className="num">{a.status ?? '—'}</td>
                <td className="num">{a.durationMs}</td>
                <td>{a.responseExcerpt !== null ? <code>{a.responseExcerpt}</code> : (a.error ?? '')}</td>
                <td>{when(a.nextAttemptAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {attempts.hasNextPage && (
        <button type="button" disabled={attempts.isFetchingNextPage} onClick={() => void attempts.fetchNextPage()}>
          Older attempts
        </button>
      )}
    </>
  );
}
