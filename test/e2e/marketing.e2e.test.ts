import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoResult } from '../../src/modules/demo/seed-demo.ts';
import type { App } from '../../src/server/types.ts';
import type { TestDeps } from '../helpers/db.ts';
import { dayPage, demoUser, poll, seedSmallDemo, shoot, signInAs } from './day.ts';
import { startE2eServer, stopE2eServer } from './server.ts';
import { actorForUser } from '../../src/modules/auth/auth.service.ts';
import { createLead } from '../../src/modules/leads/leads.service.ts';
import { updateCampaign } from '../../src/modules/marketing/campaigns.service.ts';

/*
 * A marketer's task on the demo data: lands on the marketing home, creates a campaign, adds a
 * cost and sees the actual cost, edits the campaign (and is told when someone changed it
 * meanwhile), records a touch on a lead and sees the member and the touch, and reads the
 * attributed revenue by model.
 */

let deps: TestDeps;
let app: App;
let base: string;
let browser: Browser;
let demo: DemoResult;

// Seeding the demo takes longer than the default hook time on a busy machine.
beforeAll(async () => {
  ({ deps, app, base, browser } = await startE2eServer());
  demo = await seedSmallDemo(deps);
}, 300_000);

afterAll(async () => {
  await stopE2eServer({ browser, app, deps });
});

describe("a marketer's campaign", () => {
  it('creates a campaign, adds a cost, edits it, records a touch and reads the attribution', async () => {
    const marketer = demoUser(demo, 'marketing');
    // A new lead from the event, not worked yet.
    const m = await deps.db
      .selectFrom('users')
      .select(['id', 'org_id'])
      .where('email', '=', marketer.email)
      .executeTakeFirstOrThrow();
    // Entered as marketing's own (the demo routes leads entered without an owner to inside sales).
    await createLead(deps, await actorForUser(deps, m.org_id, m.id), {
      firstName: 'Nora',
      lastName: 'Newcomer',
      company: 'Fresh Start Ltd',
      ownerId: m.id,
    });
    const { page, problems } = await dayPage(browser, 1440);
    await signInAs(page, base, marketer.email, demo.password);

    await page.getByRole('heading', { name: 'Marketing' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/marketing');
    await page.getByTestId('marketing-totals').waitFor();
    await shoot(page, 'marketing-home-1440.png');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
    await page.getByRole('heading', { name: 'Campaigns', exact: true }).waitFor();
    const form = page.getByRole('form', { name: 'New campaign' });
    await form.getByLabel('Name').fill('Autumn webinar');
    await form.getByLabel('Type').selectOption('event');
    await form.getByLabel('Budget').fill('2500.00');
    await form.getByLabel('UTM campaign').fill('autumn-webinar-e2e');
    await form.getByRole('button', { name: 'Create campaign' }).click();
    await page.getByTestId('campaigns-table').getByRole('link', { name: 'Autumn webinar' }).click();

    await page.getByRole('heading', { name: 'Autumn webinar' }).waitFor();
    const cost = page.getByRole('form', { name: 'Add a cost' });
    await cost.getByLabel('Cost date').fill('2026-01-15');
    await cost.getByLabel('Amount').fill('1200.00');
    await cost.getByLabel('What').fill('Speaker fee');
    await cost.getByRole('button', { name: 'Add cost' }).click();
    await poll(() => page.getByTestId('actual-cost').textContent()).toContain('1,200.00');

    // Every field of the campaign is editable (fields by name: the type list's options name a channel too); the page shows what was saved.
    await page.getByRole('button', { name: 'Edit campaign' }).click();
    const edit = page.getByRole('form', { name: 'Edit campaign' });
    await edit.locator('[name="channel"]').fill('webinar platform');
    await edit.locator('[name="status"]').selectOption('active');
    await edit.locator('[name="startDate"]').fill('2026-01-10');
    await edit.locator('[name="endDate"]').fill('2026-02-28');
    await edit.locator('[name="expectedRevenue"]').fill('40000.00');
    await edit.locator('[name="utmSource"]').fill('linkedin');
    await edit.locator('[name="utmMedium"]').fill('paid-social');
    await edit.locator('[name="ownerId"]').selectOption({ label: marketer.name });
    await shoot(page, 'marketing-campaign-edit-1440.png');
    await edit.getByRole('button', { name: 'Save campaign' }).click();
    await edit.waitFor({ state: 'detached' });
    const heading = page.locator('.page > p.muted').first();
    await poll(() => heading.textContent()).toContain('active · webinar platform');
    expect(await page.getByTestId('campaign-budget').textContent()).toContain('40,000.00');

    // Someone else changes the campaign while the marketer edits it: the save is refused and says so.
    await page.getByRole('button', { name: 'Edit campaign' }).click();
    await edit.locator('[name="budget"]').fill('3000.00');
    const stored = await deps.db
      .selectFrom('campaigns')
      .select(['id', 'version'])
      .where('org_id', '=', m.org_id)
      .where('name', '=', 'Autumn webinar')
      .executeTakeFirstOrThrow();
    await updateCampaign(deps, await actorForUser(deps, m.org_id, m.id), stored.id, stored.version, {
      description: 'Changed by a colleague',
    });
    await edit.getByRole('button', { name: 'Save campaign' }).click();
    await poll(() => edit.getByRole('alert').textContent()).toContain('someone changed it meanwhile');
    await shoot(page, 'marketing-campaign-conflict-1440.png');
    // Saved again over the reloaded campaign, it goes through.
    await edit.getByRole('button', { name: 'Save campaign' }).click();
    await edit.waitFor({ state: 'detached' });
    await poll(() => page.getByTestId('campaign-budget').textContent()).toContain('3,000.00');

    const touch = page.getByRole('form', { name: 'Record a touch' });
    const lead = touch.getByLabel('Lead');
    await poll(() => lead.locator('option').count()).toBeGreaterThan(1);
    const leadName = (await lead.locator('option', { hasText: 'Nora Newcomer' }).textContent()) ?? '';
    await lead.selectOption({ label: leadName });
    await touch.getByLabel('Interaction').selectOption('attended');
    await touch.getByRole('button', { name: 'Record touch' }).click();
    const members = page.getByTestId('campaign-members');
    await poll(() => members.locator('tbody tr').count()).toBe(1);
    expect(await members.locator('tbody tr').first().textContent()).toContain('attended');
    const touches = page.getByTestId('campaign-touches');
    await poll(() => touches.locator('tbody tr').count()).toBe(1);
    expect(await touches.locator('tbody tr').first().textContent()).toContain('attended');
    expect(await touches.locator('tbody tr').first().textContent()).toContain('Nora Newcomer');
    expect(leadName.length).toBeGreaterThan(0);

    const attribution = page.getByTestId('campaign-attribution');
    await attribution.waitFor();
    expect(await attribution.locator('tbody tr').count()).toBe(9);
    await poll(() => page.getByTestId('campaign-funnel').locator('tbody td').first().textContent()).toBe('1');
    await shoot(page, 'marketing-campaign-1440.png');

    // The lead who attended is marketing qualified now: marketing moves it to MQL on its page, and
    // sending it back needs a reason.
    await members.getByRole('link').first().click();
    const lifecycle = page.getByTestId('lifecycle');
    await lifecycle.waitFor();
    await lifecycle.getByLabel('Move to').selectOption('mql');
    await lifecycle.getByRole('button', { name: 'Move' }).click();
    await poll(() => lifecycle.locator('.badge').textContent()).toBe('Marketing qualified (MQL)');
    await lifecycle.getByLabel('Move to').selectOption('lead');
    expect(await lifecycle.getByRole('button', { name: 'Move' }).isDisabled()).toBe(true);
    await lifecycle.getByLabel('Why back').fill('Student, no budget');
    await lifecycle.getByRole('button', { name: 'Move' }).click();
    await poll(() => lifecycle.textContent()).toContain('sent back: Student, no budget');
    // The timeline names the campaign and the touch instead of their ids.
    const timeline = page.getByTestId('timeline');
    await poll(() => timeline.textContent()).toContain('Attended: ');
    expect(await timeline.textContent()).not.toContain('not visible to you');
    await shoot(page, 'marketing-lead-lifecycle-1440.png');

    // The stale save's 409 (its response and the browser's console line for it) is the only refused request.
    expect(problems.filter((p) => !p.includes(`/api/v1/campaigns/${stored.id}`) || !p.includes('409'))).toEqual([]);
    await page.close();
  });

  it('follows the leads into sales: the joint process map of marketing and sales, and speed to lead', async () => {
    const marketer = demoUser(demo, 'marketing');
    const { orgId } = await deps.db
      .selectFrom('users')
      .select('org_id as orgId')
      .where('email', '=', marketer.email)
      .executeTakeFirstOrThrow();
    const leads = await deps.db
      .selectFrom('leads')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('org_id', '=', orgId)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    const { page, problems } = await dayPage(browser, 1440);
    await signInAs(page, base, marketer.email, demo.password);
    await page.getByRole('heading', { name: 'Marketing' }).waitFor();

    // Every lead is a journey; marketing's steps come first and are marked as marketing's.
    await page.goto(`${base}/analytics?tab=process-map`);
    await page.getByRole('radio', { name: 'Marketing and sales' }).check();
    await poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toMatch(
      new RegExp(`^Marketing and sales · .+ · ${Number(leads.n)} journeys$`),
    );
    await page.getByText('Numbers: Nodes').click();
    const nodes = page.getByRole('table', { name: 'Nodes' });
    expect((await nodes.locator('tbody tr').first().textContent())?.startsWith('Lead createdMarketing')).toBe(true);
    const sides = await nodes.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(new Set(sides)).toEqual(new Set(['Marketing', 'Sales']));
    await page.waitForTimeout(1000); // let the chart finish its animation before the screenshot
    await shoot(page, 'marketing-journey-map-1440.png');

    // Speed to lead on the Calling tab: every lead counted, per rep and then per team.
    await page.getByRole('tab', { name: 'Calling' }).click();
    const table = page.getByTestId('speed-to-lead-table');
    await table.waitFor({ state: 'attached' });
    const all = table.locator('tbody tr').last();
    await poll(async () => (await all.locator('th, td').allTextContents()).slice(0, 2)).toEqual([
      'All',
      String(Number(leads.n)),
    ]);
    await page.getByTestId('speed-to-lead').getByRole('combobox').selectOption('team');
    await poll(() => table.locator('thead th').first().textContent()).toBe('Team');
    await page.waitForTimeout(1000);
    await shoot(page, 'marketing-speed-to-lead-1440.png');
    expect(problems).toEqual([]);
    await page.close();
  });
});
