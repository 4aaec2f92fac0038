import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import type { ActivityDto } from '../src/contract/activities.ts';
import type { AuditEventDto, EventReferences } from '../src/contract/audit.ts';
import type { DealDto } from '../src/contract/deals.ts';
import type { ConvertLeadResult } from '../src/contract/lead-conversion.ts';
import type { LeadDto } from '../src/contract/leads.ts';
import { eventTitle } from '../src/contract/events/index.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';
import { createTestPipeline } from './helpers/sales.ts';

let deps: TestDeps;
let api: Api;

beforeAll(async () => {
  deps = await createTestDeps();
  api = await createApi(deps);
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

type EventPage = { items: AuditEventDto[]; nextCursor: string | null; references: EventReferences };

async function send<T>(
  actor: Actor,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: object,
  version?: number,
) {
  const res = await api.as(actor, {
    method,
    url,
    ...(payload ? { payload } : {}),
    ...(version !== undefined ? { headers: { 'if-match': String(version) } } : {}),
  });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json<T>();
}

const call = (link: Record<string, string>, subject: string) => ({
  type: 'call',
  direction: 'outbound',
  disposition: 'connected',
  subject,
  ...link,
});

describe('record timelines', () => {
  it("shows a handed-off deal's own events, the calls and meetings on it and on its lead, with names resolved once", async () => {
    const { admin } = await createTestOrg(deps);
    await createTestPipeline(deps, admin);
    const sdr = await createTestUser(deps, admin, 'inside_sales', { name: 'Ines Inside' });
    const rep = await createTestUser(deps, admin, 'rep', { name: 'Rita Field' });
    const other = await createTestUser(deps, admin, 'rep', { name: 'Otto Other' });
    const auditor = await createTestUser(deps, admin, 'auditor', { name: 'Audra Auditor' });

    const lead = await send<LeadDto>(sdr, 'POST', '/api/v1/leads', {
      firstName: 'Freya',
      lastName: 'Berg',
      company: 'Fjord Logistics',
      email: 'freya@fjord.example',
    });
    await send<ActivityDto>(sdr, 'POST', '/api/v1/activities', call({ leadId: lead.id }, 'First call'));
    const converted = await send<ConvertLeadResult>(
      sdr,
      'POST',
      `/api/v1/leads/${lead.id}/convert`,
      { account: { create: {} }, deal: { create: { amount: '40528.00' } } },
      lead.version,
    );
    const deal = converted.deal as DealDto;
    const account = converted.account;
    await send<ActivityDto>(sdr, 'POST', '/api/v1/activities', {
      type: 'meeting',
      subject: 'Demo',
      dealId: deal.id,
      start: '2026-03-10T10:00:00.000Z',
      end: '2026-03-10T11:00:00.000Z',
    });
    // Another deal's call stays on that deal.
    const unrelated = await send<DealDto>(sdr, 'POST', '/api/v1/deals', { name: 'Elsewhere', amount: '10.00' });
    await send<ActivityDto>(sdr, 'POST', '/api/v1/activities', call({ dealId: unrelated.id }, 'Other call'));
    await send<DealDto>(admin, 'PATCH', `/api/v1/deals/${deal.id}`, { ownerId: rep.userId }, deal.version);

    // The field rep who now owns the deal sees its whole history, with the inside-sales calls.
    const page = await send<EventPage>(rep, 'GET', `/api/v1/deals/${deal.id}/timeline`);
    const rows = page.items.map((e) => `${e.entityType} ${e.type}`);
    expect(rows).toEqual([
      'deal deal.assigned',
      'activity activity.created',
      'deal deal.created',
      'activity activity.created',
    ]);
    const activities = page.items.filter((e) => e.entityType === 'activity');
    expect(activities.map((e) => page.references[e.entityId]?.name)).toEqual(['Meeting: Demo', 'Call: First call']);
    const created = page.items.find((e) => e.type === 'deal.created');
    expect(created?.data.after).toMatchObject({ amount: '40528.00', accountId: account?.id });
    expect(page.references[account?.id ?? '']).toEqual({ kind: 'account', name: 'Fjord Logistics' });
    expect(page.references[converted.contact.id]).toEqual({ kind: 'contact', name: 'Freya Berg' });
    expect(page.references[rep.userId]).toEqual({ kind: 'user', name: 'Rita Field' });
    expect(page.references[sdr.userId]).toEqual({ kind: 'user', name: 'Ines Inside' });
    expect(page.references[deal.stageId]).toMatchObject({ kind: 'stage' });

    // The lead's timeline has its call; the account's has the deal's meeting and the lead's call.
    const leadPage = await send<EventPage>(sdr, 'GET', `/api/v1/leads/${lead.id}/timeline`);
    expect(leadPage.items.filter((e) => e.entityType === 'activity')).toHaveLength(1);
    const accountPage = await send<EventPage>(admin, 'GET', `/api/v1/accounts/${account?.id}/timeline`);
    expect(
      accountPage.items
        .filter((e) => e.entityType === 'activity')
        .map((e) => e.entityId)
        .sort(),
    ).toEqual(activities.map((e) => e.entityId).sort());

    // Whoever may not read the deal gets no timeline; the auditor's audit view names the records too.
    const hidden = await api.as(other, { method: 'GET', url: `/api/v1/deals/${deal.id}/timeline` });
    expect(hidden.statusCode).toBe(404);
    const audit = await send<EventPage>(auditor, 'GET', `/api/v1/audit/events?entityId=${deal.id}`);
    expect(audit.references[deal.id]).toEqual({ kind: 'deal', name: deal.name });
    expect(audit.references[account?.id ?? '']?.name).toBe('Fjord Logistics');
  });

  it('leaves out the names of records the reader may not see', async () => {
    const { admin } = await createTestOrg(deps);
    await createTestPipeline(deps, admin);
    const rep = await createTestUser(deps, admin, 'rep');
    const other = await createTestUser(deps, admin, 'rep');
    const secret = await send<{ id: string }>(other, 'POST', '/api/v1/contacts', { lastName: 'Hidden' });
    const lead = await send<LeadDto>(rep, 'POST', '/api/v1/leads', { lastName: 'Visible' });
    const note = await send<ActivityDto>(rep, 'POST', '/api/v1/activities', {
      type: 'note',
      body: 'Referred by a contact of a colleague',
      leadId: lead.id,
    });
    // The rep links the note to a contact they cannot read (ids are not secret, names are).
    await send(admin, 'PATCH', `/api/v1/activities/${note.id}`, { contactId: secret.id }, note.version);
    const page = await send<EventPage>(rep, 'GET', `/api/v1/leads/${lead.id}/timeline`);
    expect(page.items.some((e) => JSON.stringify(e.data).includes(secret.id))).toBe(true);
    expect(page.references[secret.id]).toBeUndefined();
  });

  it('titles every event type from the catalog', () => {
    expect(eventTitle('lead.status_changed')).toBe('Lead status changed');
    expect(eventTitle('deal.merged_into')).toBe('Merged into another deal');
    expect(eventTitle('api_token.revoked')).toBe('API token revoked');
    expect(eventTitle('webhook_endpoint.secret_rotated')).toBe('Webhook endpoint secret rotated');
  });
});
