import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoResult } from '../../src/modules/demo/seed-demo.ts';
import type { App } from '../../src/server/types.ts';
import type { TestDeps } from '../helpers/db.ts';
import { dayPage, demoUser, poll, seedSmallDemo, shoot, signInAs } from './day.ts';
import { apiCall, startE2eServer, stopE2eServer } from './server.ts';
import type { DealDto } from '../../src/contract/deals.ts';
import { actorForUser, createApiToken } from '../../src/modules/auth/auth.service.ts';

/*
 * A field rep's day on the demo data: lands on "My day", creates a consumer contact, logs a call
 * that ends with "call back later", takes the proposed follow-up task, completes it from home, and
 * edits a deal in the table through a conflict with another change.
 */

let deps: TestDeps;
let app: App;
let base: string;
let browser: Browser;
let demo: DemoResult;
/** The rep's API token, to change a deal behind the browser's back. */
let token: string;

beforeAll(async () => {
  ({ deps, app, base, browser } = await startE2eServer());
  demo = await seedSmallDemo(deps);
  const rep = await deps.db
    .selectFrom('users')
    .select(['id', 'org_id'])
    .where('email', '=', demoUser(demo, 'rep').email)
    .executeTakeFirstOrThrow();
  token = (await createApiToken(deps, await actorForUser(deps, rep.org_id, rep.id), { name: 'e2e' })).token;
});

afterAll(async () => {
  await stopE2eServer({ browser, app, deps });
});

describe("a rep's day", () => {
  it('home, a new contact, a call with its follow-up task, the task done', async () => {
    const rep = demoUser(demo, 'rep');
    const { page, problems } = await dayPage(browser, 1440);
    await signInAs(page, base, rep.email, demo.password);

    // Lands on the rep's own day, not on a pipeline.
    await page.getByTestId('home-title').waitFor();
    expect(new URL(page.url()).pathname).toBe('/home');
    expect(await page.getByTestId('home-title').textContent()).toContain(rep.name);
    await page.getByRole('heading', { name: 'My tasks' }).waitFor();
    await page.getByTestId('deals-attention').waitFor();
    await page.getByTestId('lead-queue').waitFor();
    await shoot(page, 'rep-day-home-1440.png');

    // Cmd+K: a query naming a command lists the commands first.
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Search records and commands' }).fill('new co');
    await poll(() => page.getByTestId('palette-option').first().textContent()).toContain('New contact');
    await page.keyboard.press('Enter');

    // A consumer (no account): the form checks the fields, then the contact opens on its page.
    const form = page.getByTestId('new-contact-dialog');
    await form.waitFor();
    await form.getByRole('button', { name: 'Save contact' }).click();
    await poll(() => form.locator('.field-error').count()).toBeGreaterThan(0);
    await form.getByLabel('First name').fill('Maja');
    await form.getByLabel('Last name').fill('Lindqvist');
    await form.getByLabel('Email').fill('maja@lindqvist.test');
    await form.getByRole('button', { name: 'Save contact' }).click();
    await poll(() => page.getByTestId('record-title').textContent()).toBe('Maja Lindqvist');
    expect(new URL(page.url()).pathname).toMatch(/^\/contacts\//);

    // A call that ends with "call back later" proposes the follow-up task.
    await page.getByRole('button', { name: 'Log call' }).click();
    const call = page.getByTestId('call-dialog');
    await call.waitFor();
    await call.getByLabel('Call back later').check();
    await call.getByLabel('Notes').fill('Wants a quote after the holidays.');
    await call.getByRole('button', { name: 'Save call' }).click();
    const followUp = page.getByTestId('new-task-dialog');
    await followUp.waitFor();
    expect(await followUp.textContent()).toContain('You promised to call back');
    expect(await followUp.getByLabel('What to do').inputValue()).toBe('Call Maja Lindqvist back');
    await shoot(page, 'rep-day-follow-up-1440.png');
    await followUp.getByRole('button', { name: 'Save task' }).click();
    await followUp.waitFor({ state: 'detached' });
    await poll(() => page.getByText('Call back later').count()).toBeGreaterThan(0);

    // Back home, the task is on the agenda; ticking it done takes it off.
    await page.getByRole('link', { name: 'My day' }).click();
    const task = page.getByTestId('agenda-task').filter({ hasText: 'Call Maja Lindqvist back' });
    await task.waitFor();
    await task.getByRole('checkbox').check();
    await task.waitFor({ state: 'detached' });

    // The deals table shows each deal's next activity and marks the ones needing attention.
    await page.getByRole('link', { name: 'Deals', exact: true }).click();
    const table = page.getByTestId('deals-table');
    await table.waitFor();
    expect(await table.locator('thead').textContent()).toContain('Next activity');
    await poll(() => table.locator('.badge.rotting').count()).toBeGreaterThan(0);

    // Inline edit with the record page's conflict rule: someone else saves first, the rep overwrites.
    const row = page.getByTestId('table-row').first();
    const dealId = (await row.locator('a[href^="/deals/"]').first().getAttribute('href'))?.split('/deals/')[1] ?? '';
    await row.getByRole('button', { name: 'Edit Expected close' }).click();
    await apiCall(base, token, 'PATCH', `/api/v1/deals/${dealId}`, { nextStep: 'Changed elsewhere' }, '*');
    await row.getByLabel('Expected close').fill('2027-03-15');
    await row.getByRole('button', { name: 'Save' }).click();
    await row.getByTestId('cell-conflict').waitFor();
    await row.getByRole('button', { name: 'Overwrite' }).click();
    await poll(() => row.textContent()).toContain('2027-03-15');
    const deal = await apiCall<DealDto>(base, token, 'GET', `/api/v1/deals/${dealId}`);
    expect(deal).toMatchObject({ expectedCloseDate: '2027-03-15', nextStep: 'Changed elsewhere' });
    await shoot(page, 'rep-day-deals-1440.png');

    // The conflict's 409 is the only refused request.
    expect(problems.filter((p) => !p.includes(`/api/v1/deals/${dealId}`) || !p.includes('409'))).toEqual([]);
    await page.close();
  });

  it('the home page fits a phone', async () => {
    const rep = demoUser(demo, 'rep');
    const { page, problems } = await dayPage(browser, 390);
    await signInAs(page, base, rep.email, demo.password);
    await page.getByTestId('home-title').waitFor();
    await page.getByRole('heading', { name: 'My tasks' }).waitFor();
    await page.getByTestId('deals-attention').waitFor();
    await shoot(page, 'rep-day-home-390.png');
    expect(problems).toEqual([]);
    await page.close();
  });
});
