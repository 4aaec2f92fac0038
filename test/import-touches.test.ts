import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import { createCampaign } from '../src/modules/marketing/campaigns.service.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';
import { fixture, importCsv } from './helpers/imports.ts';

let deps: TestDeps;

beforeAll(async () => {
  deps = await createTestDeps();
});
afterAll(async () => {
  await deps.cleanup();
});

/** An organization with a lead (Ada), a contact (Grace) and the "Spring Webinar" campaign. */
async function org() {
  const { admin } = await createTestOrg(deps);
  const marketing = await createTestUser(deps, admin, 'marketing');
  await importCsv(deps, admin, 'First Name,Last Name,Email\nAda,Lead,ada@lead.example\n', { entity: 'leads' });
  await importCsv(deps, admin, 'First Name,Last Name,Email\nGrace,Hopper,grace@acme.example\n', {
    entity: 'contacts',
  });
  const webinar = await createCampaign(deps, marketing, { name: 'Spring Webinar', type: 'event', utmCampaign: 'sw25' });
  const id = async (table: 'leads' | 'contacts', last: string) =>
    (
      await deps.db
        .selectFrom(table)
        .select('id')
        .where('org_id', '=', admin.orgId)
        .where('last_name', '=', last)
        .executeTakeFirstOrThrow()
    ).id;
  return { admin, marketing, webinar, ada: await id('leads', 'Lead'), grace: await id('contacts', 'Hopper') };
}

async function touchesOf(orgId: string) {
  return deps.db
    .selectFrom('campaign_touches as t')
    .innerJoin('campaigns as c', (j) => j.onRef('c.org_id', '=', 't.org_id').onRef('c.id', '=', 't.campaign_id'))
    .select(['c.name', 't.lead_id', 't.contact_id', 't.kind', 't.touched_at', 't.utm_campaign'])
    .where('t.org_id', '=', orgId)
    .orderBy('t.touched_at')
    .execute();
}

async function membersOf(orgId: string) {
  return deps.db
    .selectFrom('campaign_members as m')
    .innerJoin('campaigns as c', (j) => j.onRef('c.org_id', '=', 'm.org_id').onRef('c.id', '=', 'm.campaign_id'))
    .select(['c.name', 'm.person_id', 'm.person_type', 'm.status', 'm.touches'])
    .where('m.org_id', '=', orgId)
    .orderBy('c.name')
    .orderBy('m.person_type')
    .execute();
}

async function eventsOf(orgId: string, type: string) {
  return deps.db
    .selectFrom('events')
    .select(['entity_type', 'entity_id', 'data'])
    .where('org_id', '=', orgId)
    .where('type', '=', type)
    .orderBy('seq')
    .execute();
}

describe('importing campaign touches', () => {
  it('a Salesforce CampaignMember export: responses become touches, other statuses memberships; bad rows say why', async () => {
    const { marketing, ada, grace } = await org();
    const first = await importCsv(deps, marketing, fixture('touches-salesforce.csv'), {
      entity: 'touches',
      preset: 'salesforce',
    });
    expect(first.rejects.map((r) => [r.line, r.reason])).toEqual([
      [4, 'email: no lead or contact has the email nobody@nowhere.example; import the people first'],
      [5, 'campaign: no campaign named "Trade Show 2025" (--create-missing creates it)'],
      [6, 'Status: "Maybe" is not one of targeted, sent, responded, attended, unsubscribed'],
    ]);
    expect(first.summary).toMatchObject({ rows: 5, inserted: 1, updated: 1, rejected: 3, createdReferences: 0 });
    expect(await touchesOf(marketing.orgId)).toEqual([
      {
        name: 'Spring Webinar',
        lead_id: ada,
        contact_id: null,
        kind: 'responded',
        touched_at: new Date('2025-03-04T00:00:00.000Z'),
        utm_campaign: 'sw25',
      },
    ]);
    expect(await membersOf(marketing.orgId)).toEqual([
      { name: 'Spring Webinar', person_id: grace, person_type: 'contact', status: 'sent', touches: 0 },
      { name: 'Spring Webinar', person_id: ada, person_type: 'lead', status: 'responded', touches: 1 },
    ]);
    const recorded = await eventsOf(marketing.orgId, 'touch.recorded');
    expect(recorded).toMatchObject([
      { entity_type: 'lead', entity_id: ada, data: { kind: 'responded', touchedAt: '2025-03-04T00:00:00.000Z' } },
    ]);

    // Again with --create-missing: the touch already recorded is skipped, the trade show is created.
    const again = await importCsv(deps, marketing, fixture('touches-salesforce.csv'), {
      entity: 'touches',
      preset: 'salesforce',
      createMissing: true,
    });
    expect(again.rejects.map((r) => [r.line, r.reason])).toEqual([
      [2, 'duplicate: the touch is recorded already; skipped'],
      [4, 'email: no lead or contact has the email nobody@nowhere.example; import the people first'],
      [6, 'Status: "Maybe" is not one of targeted, sent, responded, attended, unsubscribed'],
    ]);
    expect(again.summary).toMatchObject({ inserted: 1, updated: 0, unchanged: 1, duplicates: 1, createdReferences: 1 });
    const show = await deps.db
      .selectFrom('campaigns')
      .select(['type', 'status', 'owner_id'])
      .where('org_id', '=', marketing.orgId)
      .where('name', '=', 'Trade Show 2025')
      .executeTakeFirstOrThrow();
    expect(show).toEqual({ type: 'advertising', status: 'planned', owner_id: marketing.userId });
    expect((await touchesOf(marketing.orgId)).map((t) => [t.name, t.contact_id, t.kind])).toEqual([
      ['Spring Webinar', null, 'responded'],
      ['Trade Show 2025', grace, 'attended'],
    ]);
    expect((await membersOf(marketing.orgId)).map((m) => [m.name, m.person_type, m.status])).toEqual([
      ['Spring Webinar', 'contact', 'sent'],
      ['Spring Webinar', 'lead', 'responded'],
      ['Trade Show 2025', 'contact', 'attended'],
    ]);
    const statusEvents = await eventsOf(marketing.orgId, 'campaign.member_status_changed');
    expect(statusEvents.map((e) => e.data)).toEqual([
      { personId: ada, personType: 'lead', from: null, to: 'responded' },
      { personId: grace, personType: 'contact', from: null, to: 'sent' },
      { personId: grace, personType: 'contact', from: null, to: 'attended' },
    ]);
    expect(await eventsOf(marketing.orgId, 'campaign.created')).toHaveLength(2);
  });

  it('a HubSpot contact export: the last converting campaign by name (any case), at the recent conversion date', async () => {
    const { marketing, ada, grace } = await org();
    const { summary, rejects } = await importCsv(deps, marketing, fixture('touches-hubspot.csv'), {
      entity: 'touches',
      preset: 'hubspot',
    });
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([[4, 'campaign (or utmCampaign) is required']]);
    expect(summary).toMatchObject({ inserted: 2, rejected: 1 });
    expect((await touchesOf(marketing.orgId)).map((t) => [t.lead_id ?? t.contact_id, t.kind, t.touched_at])).toEqual([
      [grace, 'responded', new Date('2025-03-07T10:15:00.000Z')],
      [ada, 'responded', new Date('2025-03-08T16:40:00.000Z')],
    ]);
  });

  it('the campaign by its UTM code, a contact before a lead with the same email, kinds and UTM codes of the file', async () => {
    const { admin, marketing, grace } = await org();
    await importCsv(deps, admin, 'First Name,Last Name,Email\nGrace,Lead,grace@acme.example\n', {
      entity: 'leads',
      onDuplicate: 'new',
    });
    const csv =
      'email,utm_campaign,utm_source,kind,touched at\n' +
      'grace@acme.example,SW25,newsletter,clicked,2025-05-01T08:00:00Z\n' +
      'grace@acme.example,unknown-code,newsletter,clicked,2025-05-01T08:00:00Z\n' +
      'grace@acme.example,sw25,newsletter,clicked,2025-05-01T08:00:00Z\n';
    const { summary, rejects } = await importCsv(deps, marketing, csv, { entity: 'touches' });
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([
      [3, 'campaign: no campaign with the UTM campaign code "unknown-code" (--create-missing creates it)'],
      [4, 'duplicate: repeats the touch of line 2'],
    ]);
    expect(summary).toMatchObject({ inserted: 1, duplicates: 1 });
    const touches = await deps.db
      .selectFrom('campaign_touches')
      .select(['contact_id', 'lead_id', 'kind', 'utm_source', 'utm_campaign'])
      .where('org_id', '=', marketing.orgId)
      .execute();
    expect(touches).toEqual([
      { contact_id: grace, lead_id: null, kind: 'clicked', utm_source: 'newsletter', utm_campaign: 'SW25' },
    ]);
  });

  it('a dry run writes nothing; managers and reps may not import touches', async () => {
    const { admin, marketing } = await org();
    const dry = await importCsv(deps, marketing, fixture('touches-salesforce.csv'), {
      entity: 'touches',
      preset: 'salesforce',
      createMissing: true,
      dryRun: true,
    });
    expect(dry.summary).toMatchObject({ inserted: 2, updated: 1, rejected: 2, createdReferences: 1, dryRun: true });
    expect(await touchesOf(marketing.orgId)).toEqual([]);
    const manager: Actor = await createTestUser(deps, admin, 'manager');
    await expect(
      importCsv(deps, manager, 'email,campaign\nada@lead.example,Spring Webinar\n', { entity: 'touches' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const rep: Actor = await createTestUser(deps, admin, 'rep');
    await expect(
      importCsv(deps, rep, 'email,campaign\nada@lead.example,Spring Webinar\n', { entity: 'touches' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
