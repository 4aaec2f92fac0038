import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { createWebhookSchema, updateWebhookSchema, type WebhookDto } from '../../../../src/contract/webhooks.ts';
import { api, ifMatch } from '../../api.ts';
import { Field, FormError, orNull, useSubmit } from './form.tsx';
import { formatDateTime } from '../../format.ts';

export const WEBHOOKS_KEY = ['admin', 'webhooks'];

export const when = (iso: string | null) => formatDateTime(iso);

/** "deal.*, lead.converted" → ['deal.*', 'lead.converted']. */
const typeList = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((t) => t.trim())
    .filter((t) => t !== '');

/** Creates an endpoint (and shows its secret once) or edits one. */
export function WebhookForm({ webhook, onDone }: { webhook: WebhookDto | null; onDone: () => void }) {
  const queryClient = useQueryClient();
  const init = {
    url: webhook?.url ?? '',
    eventTypes: webhook?.eventTypes.join(', ') ?? '',
    description: webhook?.description ?? '',
    enabled: webhook?.enabled ?? true,
  };
  const [v, setV] = useState(init);
  const [secret, setSecret] = useState<string | null>(null);
  const { errors, error, busy, run } = useSubmit(WEBHOOKS_KEY);
  const eventTypesError = Object.entries(errors).find(([k]) => k.startsWith('eventTypes'))?.[1];

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSecret(null);
    const input = {
      url: v.url.trim(),
      eventTypes: typeList(v.eventTypes),
      description: orNull(v.description),
      enabled: v.enabled,
    };
    if (webhook) {
      const saved = await run(updateWebhookSchema, input, (body) =>
        api.patch('/webhooks/{id}', { params: { path: { id: webhook.id }, header: ifMatch(webhook.version) }, body }),
      );
      if (!saved) return;
      onDone();
    } else {
      const created = await run(createWebhookSchema, input, (body) => api.post('/webhooks', { body }));
      if (!created) return;
      setSecret(created.secret);
      setV(init);
    }
    await queryClient.invalidateQueries({ queryKey: WEBHOOKS_KEY });
  };

  return (
    <form
      className="card admin-form"
      onSubmit={(e) => void onSubmit(e)}
      aria-label={webhook ? 'Edit webhook' : 'New webhook'}
    >
      <h2>{webhook ? 'Edit endpoint' : 'New endpoint'}</h2>
      <div className="form-grid">
        <Field label="URL" error={errors.url} className="wide">
          <input
            name="url"
            value={v.url}
            placeholder="https://example.com/pipewright-hooks"
            onChange={(e) => setV((o) => ({ ...o, url: e.target.value }))}
            aria-invalid={errors.url ? true : undefined}
          />
        </Field>
        <Field label="Event types (deal.*, lead.converted, or *)" error={eventTypesError}>
          <input
            name="eventTypes"
            value={v.eventTypes}
            placeholder="deal.*, lead.converted"
            onChange={(e) => setV((o) => ({ ...o, eventTypes: e.target.value }))}
            aria-invalid={eventTypesError ? true : undefined}
          />
        </Field>
        <Field label="Description" error={errors.description}>
          <input
            name="description"
            value={v.description}
            onChange={(e) => setV((o) => ({ ...o, description: e.target.value }))}
          />
        </Field>
        <label className="check">
          <input
            type="checkbox"
            checked={v.enabled}
            onChange={(e) => setV((o) => ({ ...o, enabled: e.target.checked }))}
          />
          Enabled (delivering)
        </label>
      </div>
      <FormError error={error} />
      {secret && <SecretOnce secret={secret} what="Endpoint created." />}
      <div className="actions">
        {webhook && (
          <button type="button" onClick={onDone}>
            Cancel
          </button>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {webhook ? 'Save endpoint' : 'Create endpoint'}
        </button>
      </div>
    </form>
  );
}

/** A signing secret, shown once with a copy button. */
export function SecretOnce({ secret, what }: { secret: string; what: string }) {
  return (
    <div className="notice ok token-once" role="status" data-testid="webhook-secret">
      <p>{what} Copy the signing secret now: it is shown only this once.</p>
      <code>{secret}</code>{' '}
      <button type="button" onClick={() => void navigator.clipboard.writeText(secret)}>
        Copy
      </button>
    </div>
  );
}
