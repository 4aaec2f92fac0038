import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoResult } from '../../src/modules/demo/seed-demo.ts';
import type { App } from '../../src/server/types.ts';
import type { TestDeps } from '../helpers/db.ts';
import { dayPage, demoUser, poll, seedSmallDemo, shoot, signInAs } from './day.ts';
import { startE2eServer, stopE2eServer } from './server.ts';
import { actorForUser } from '../../src/modules/auth/auth.service.ts';
import { updateDeal } from '../../src/modules/deals/deals.service.ts';

/*
 * An auditor's day on the demo data: lands on the audit view, narrows the log by record kind and
 * event type, reads an event's before/after, verifies the hash chain, and is offered no way to
 * change records.
 */

let deps: TestDeps;
let app: App;
let base: string;
let browser: Browser;
let demo: DemoResult;

beforeAll(async () => {
  ({ deps, app, base, browser } = await startE2eServer());
  demo = await seedSmallDemo(deps);
  // A rep's edit of a deal, for the auditor to read before and after.
  const deal = await deps.db
    .selectFrom('deals')
    .select(['id', 'org_id', 'owner_id'])
    .where('status', '=', 'open')
    .where('owner_id', 'is not', null)
    .orderBy('name')
    .executeTakeFirstOrThrow();
  const owner = await actorForUser(deps, deal.org_id, deal.owner_id ?? '');
  await updateDeal(deps, owner, deal.id, '*', { nextStep: 'Send the revised proposal' });
});

afterAll(async () => {
  await stopE2eServer({ browser, app, deps });
});

describe("an auditor's day", () => {
  it('filters the event log, reads before/after and verifies the chain', async () => {
    const auditor = demoUser(demo, 'auditor');
    const { page, problems } = await dayPage(browser, 1440);
    await signInAs(page, base, auditor.email, demo.password);

    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/audit');
    const events = page.getByTestId('audit-event');
    await events.first().waitFor();

    // Deals only.
    const filters = page.getByTestId('audit-filters');
    await filters.getByLabel('Record').selectOption('deal');
    await filters.getByRole('button', { name: 'Apply' }).click();
    await poll(() => page.locator('[data-testid=audit-event]:not([data-entity-type=deal])').count()).toBe(0);
    expect(await events.count()).toBeGreaterThan(0);

    // One event type, and its before/after.
    await filters.getByLabel('Event type').fill('deal.updated');
    await filters.getByRole('button', { name: 'Apply' }).click();
    await poll(async () => [...new Set(await events.locator('summary strong').allTextContents())]).toEqual([
      'Deal updated',
    ]);
    expect(await events.first().locator('summary code').textContent()).toBe('deal.updated');
    await events.first().locator('summary').click();
    const table = events.first().locator('table.before-after');
    await table.waitFor();
    expect(await table.locator('thead').textContent()).toContain('Before');
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);

    // A bad type is named next to its field, not as a crash.
    await filters.getByLabel('Event type').fill('not a type');
    await filters.getByRole('button', { name: 'Apply' }).click();
    await poll(() => filters.locator('.field-error').textContent()).toContain('must be an event type');
    await filters.getByRole('button', { name: 'Clear' }).click();

    // The chain holds.
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await poll(() => page.getByTestId('verify-result').textContent()).toMatch(/^Intact: \d+ events checked/);
    await shoot(page, 'auditor-day-audit-1440.png');

    // Reading records offers no way to create them.
    await page.getByRole('link', { name: 'Contacts' }).click();
    await page.getByTestId('contacts-table').waitFor();
    expect(await page.getByTestId('table-new').count()).toBe(0);
    // Nor to change them: a contact's page shows its fields without edit controls.
    await page.getByTestId('contacts-table').locator('a[href^="/contacts/"]').first().click();
    await page.getByTestId('record-title').waitFor();
    await page.getByTestId('field-lastName').waitFor();
    expect(await page.getByRole('button', { name: /^Edit / }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Merge…' }).count()).toBe(0);

    // A 422 for the deliberately bad filter is the only refused request.
    expect(problems.filter((p) => !p.includes('/api/v1/audit/events?') && !p.includes('422'))).toEqual([]);
    await page.close();
  });

  it('the audit view fits a phone', async () => {
    const auditor = demoUser(demo, 'auditor');
    const { page, problems } = await dayPage(browser, 390);
    await signInAs(page, base, auditor.email, demo.password);
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await page.getByTestId('audit-event').first().waitFor();
    await shoot(page, 'auditor-day-audit-390.png');
    expect(problems).toEqual([]);
    await page.close();
  });
});
