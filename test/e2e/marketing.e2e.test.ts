import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoResult } from '../../src/modules/demo/seed-demo.ts';
import type { App } from '../../src/server/types.ts';
import type { TestDeps } from '../helpers/db.ts';
import { dayPage, demoUser, poll, seedSmallDemo, shoot, signInAs } from './day.ts';
import { startE2eServer, stopE2eServer } from './server.ts';
import { actorForUser } from '../../src/modules/auth/auth.service.ts';
import { createLead } from '../../src/modules/leads/leads.service.ts';

/*
 * A marketer's task on the demo data: lands on the marketing home, creates a campaign, adds a
 * cost and sees the actual cost, records a touch on a lead and sees the member, and reads the
 * attributed revenue by model.
 */

let deps: TestDeps;
let app: App;
let base: string;
let browser: Browser;
let demo: DemoResult;

beforeAll(async () => {
  ({ deps, app, base, browser } = await startE2eServer());
  demo = await seedSmallDemo(deps);
});

afterAll(async () => {
  await stopE2eServer({ browser, app, deps });
});

describe("a marketer's campaign", () => {
  it('creates a campaign, adds a cost, records a touch and reads the attribution', async () => {
    const marketer = demoUser(demo, 'marketing');
    // A new lead from the event, not worked yet.
    const m = await deps.db
      .selectFrom('users')
      .select(['id', 'org_id'])
      .where('email', '=', marketer.email)
      .executeTakeFirstOrThrow();
    await createLead(deps, await actorForUser(deps, m.org_id, m.id), {
      firstName: 'Nora',
      lastName: 'Newcomer',
      company: 'Fresh Start Ltd',
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

    expect(problems).toEqual([]);
    await page.close();
  });
});
