import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityDto } from '../../src/contract/activities.ts';
import type { DealDto } from '../../src/contract/deals.ts';
import type { LeadDto } from '../../src/contract/leads.ts';
import type { PipelineDto } from '../../src/contract/pipelines.ts';
import type { RaisedObjectionDto } from '../../src/contract/objections.ts';
import { actorForUser, createApiToken } from '../../src/modules/auth/auth.service.ts';
import type { App } from '../../src/server/types.ts';
import type { TestDeps } from '../helpers/db.ts';
import { screenshotPath } from './browser.ts';
import { apiCall, startE2eServer, stopE2eServer } from './server.ts';

/*
 * The daily workspace in a real browser, on a server with an empty database: first-run set-up,
 * sign-in, a new deal, a call with an objection (script and library responses visible), a lead
 * converted from the inbox, the command palette, and a rep who must not see another rep's deal.
 */

const ADMIN = { email: 'grace@hopper.test', password: 'a long enough password', name: 'Grace Hopper' };
const REP_PASSWORD = 'rep password 123';

let deps: TestDeps;
let app: App;
let base: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let token: string;
const pageErrors: string[] = [];
const seeded = { dealId: '', hiddenDealId: '', ownDealName: 'Rep own deal', repEmail: '' };

/** A request to the running server as the admin (bearer token), as a script would make it. */
const call = <T>(method: string, url: string, body?: unknown): Promise<T> => apiCall<T>(base, token, method, url, body);

async function signInAs(p: Page, email: string, password: string): Promise<void> {
  await p.getByLabel('Email').fill(email);
  await p.getByLabel('Password').fill(password);
  await p.getByRole('button', { name: 'Sign in' }).click();
}

beforeAll(async () => {
  ({ deps, app, base, browser } = await startE2eServer());
  context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await stopE2eServer({ browser, app, deps });
});

describe('the daily workspace in the browser', () => {
  it('first run: creates the organization and its admin, signs in; sign-out and sign-in work', async () => {
    expect(await (await fetch(`${base}/api/v1/setup`)).json()).toEqual({ needed: true });
    await page.goto(`${base}/board`);
    await page.getByRole('heading', { name: 'Set up Pipewright' }).waitFor();
    await page.getByLabel('Organization name').fill('Analytical Engines');
    await page.getByLabel('Your name').fill(ADMIN.name);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password (at least 10 characters)').fill('short');
    await page.getByLabel('Repeat the password').fill('different');
    await page.getByRole('button', { name: 'Create organization and sign in' }).click();
    const alert = await page.getByRole('alert').textContent();
    expect(alert).toContain('Admin password must be at least 10 characters');
    expect(alert).toContain('Confirm does not match the password');
    await page.getByLabel('Password (at least 10 characters)').fill(ADMIN.password);
    await page.getByLabel('Repeat the password').fill(ADMIN.password);
    await page.screenshot({ path: screenshotPath('setup.png') });
    await page.getByRole('button', { name: 'Create organization and sign in' }).click();

    // The admin lands on the home page of the role.
    await page.getByTestId('home-title').waitFor();
    expect(await page.getByTestId('current-user').textContent()).toBe(ADMIN.name);
    expect(await (await fetch(`${base}/api/v1/setup`)).json()).toEqual({ needed: false });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    // Set-up is done: its page now sends visitors to the sign-in page.
    await page.goto(`${base}/setup`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await signInAs(page, ADMIN.email, ADMIN.password);
    await page.getByTestId('home-title').waitFor();

    // API access for seeding, as a script would have it.
    const user = await deps.db
      .selectFrom('users')
      .select(['id', 'org_id'])
      .where('email', '=', ADMIN.email)
      .executeTakeFirstOrThrow();
    token = (await createApiToken(deps, await actorForUser(deps, user.org_id, user.id), { name: 'e2e' })).token;
  });

  it('seeds the library, a stage script, leads and two reps through the API', async () => {
    const [sales] = (await call<{ items: PipelineDto[] }>('GET', '/api/v1/pipelines')).items;
    const qualify = sales?.stages.find((s) => s.name === 'Qualify');
    if (!sales || !qualify) throw new Error('the starter pipeline is missing');
    await call('POST', '/api/v1/objections', {
      category: 'price',
      title: 'Too expensive',
      recommendedResponses: ['Compare it with the cost of the manual process', 'Offer a smaller first phase'],
    });
    await call('POST', '/api/v1/objections', {
      category: 'timing',
      title: 'Not now',
      recommendedResponses: ['Ask what changes next quarter'],
    });
    await call('POST', '/api/v1/scripts', {
      name: 'Qualify call',
      stageId: qualify.id,
      body: 'Open: who decides, by when, with what budget?',
    });
    await call('POST', '/api/v1/leads', {
      firstName: 'Ada',
      lastName: 'Lovelace',
      company: 'Difference Works',
      email: 'ada@difference.test',
      title: 'CTO',
      source: 'webinar',
    });
    await call('POST', '/api/v1/leads', {
      firstName: 'Tim',
      lastName: 'Spammer',
      company: 'Nope Inc',
      source: 'web form',
    });
    const teamA = await call<{ id: string }>('POST', '/api/v1/teams', { name: 'Field A', kind: 'field_sales' });
    const teamB = await call<{ id: string }>('POST', '/api/v1/teams', { name: 'Field B', kind: 'field_sales' });
    const repA = await call<{ id: string; email: string }>('POST', '/api/v1/users', {
      email: 'rep.a@engines.test',
      name: 'Rita Rep',
      role: 'rep',
      teamId: teamA.id,
      password: REP_PASSWORD,
    });
    const repB = await call<{ id: string }>('POST', '/api/v1/users', {
      email: 'rep.b@engines.test',
      name: 'Bob Rep',
      role: 'rep',
      teamId: teamB.id,
      password: REP_PASSWORD,
    });
    seeded.repEmail = repA.email;
    await call<DealDto>('POST', '/api/v1/deals', { name: seeded.ownDealName, ownerId: repA.id });
    seeded.hiddenDealId = (
      await call<DealDto>('POST', '/api/v1/deals', { name: 'Hidden Globex expansion', ownerId: repB.id })
    ).id;
  });

  it('creates a deal and logs a call with an objection, the script and the recommended responses in view', async () => {
    await page.goto(`${base}/board`);
    await page.getByRole('button', { name: 'New deal' }).click();
    const newDeal = page.getByTestId('new-deal-dialog');
    await newDeal.getByLabel('Deal name').fill('Babbage rollout');
    await newDeal.getByLabel('Amount').fill('48000.00');
    await newDeal.getByRole('button', { name: 'Create deal' }).click();
    await page.getByTestId('deal-title').waitFor();
    expect(await page.getByTestId('deal-title').textContent()).toBe('Babbage rollout');
    seeded.dealId = page.url().split('/deals/')[1] ?? '';
    await page.getByTestId('empty-state').waitFor();

    await page.getByRole('button', { name: 'Log a call' }).click();
    const dialog = page.getByTestId('call-dialog');
    await dialog.waitFor();
    await expect
      .poll(() => dialog.getByTestId('call-script').textContent())
      .toContain('who decides, by when, with what budget?');
    // The disposition is focused first: one arrow key and the outcome is chosen.
    expect(await page.evaluate<string | null>("document.activeElement?.getAttribute('name') ?? null")).toBe(
      'disposition',
    );
    await dialog.getByLabel('Meeting booked').check();
    await dialog.getByLabel('Duration (min:sec)').fill('4:30');
    await dialog.getByLabel('Notes').fill('Wants a pilot in March.');
    await dialog.getByRole('button', { name: '+ Objection raised' }).click();
    const row = dialog.getByTestId('objection-row');
    await row.getByLabel('Category').selectOption('price');
    await expect
      .poll(() => row.getByTestId('recommended-responses').textContent())
      .toContain('Offer a smaller first phase');
    await row.getByLabel('Library objection').selectOption({ label: 'Too expensive' });
    await row.getByLabel("Buyer's words").fill('Twice what we pay today');
    await row.getByRole('button', { name: 'Use response: Offer a smaller first phase' }).click();
    expect(await row.getByLabel('Response used').inputValue()).toBe('Offer a smaller first phase');
    await row.getByLabel('Outcome').selectOption('resolved');
    await page.screenshot({ path: screenshotPath('call-dialog-desktop.png') });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: screenshotPath('call-dialog-390.png'), fullPage: true });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.keyboard.press('Control+Enter');
    await dialog.waitFor({ state: 'detached' });
    // A booked meeting proposes its follow-up task; this seller declines it.
    const followUp = page.getByTestId('new-task-dialog');
    await followUp.waitFor();
    expect(await followUp.textContent()).toContain('A meeting was booked');
    await followUp.getByRole('button', { name: 'Cancel' }).click();
    await followUp.waitFor({ state: 'detached' });
    await page.getByTestId('activity').first().waitFor();
    expect(await page.getByTestId('activity').first().textContent()).toContain('Twice what we pay today');
    await page.screenshot({ path: screenshotPath('deal-390.png'), fullPage: true });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 860 });

    // The new entries on the deal's timeline, newest first.
    const entries = page.getByTestId('timeline-entry');
    await expect.poll(() => entries.first().getAttribute('data-type')).toBe('objection.raised');
    expect(await entries.first().textContent()).toContain('Twice what we pay today');
    expect(await entries.last().getAttribute('data-type')).toBe('deal.created');
    await page.screenshot({ path: screenshotPath('record-page.png'), fullPage: true });

    const calls = await call<{ items: ActivityDto[] }>('GET', `/api/v1/activities?dealId=${seeded.dealId}`);
    expect(calls.items).toHaveLength(1);
    expect(calls.items[0]).toMatchObject({
      type: 'call',
      direction: 'outbound',
      disposition: 'meeting_booked',
      durationSeconds: 270,
      body: 'Wants a pilot in March.',
    });
    const raised = await call<{ items: RaisedObjectionDto[] }>('GET', `/api/v1/deals/${seeded.dealId}/objections`);
    expect(raised.items).toMatchObject([
      {
        category: 'price',
        objectionTitle: 'Too expensive',
        buyerWords: 'Twice what we pay today',
        responseUsed: 'Offer a smaller first phase',
        outcome: 'resolved',
        activityId: calls.items[0]?.id,
      },
    ]);
  });

  it('works the lead inbox: disqualifies with a reason and converts with the pre-filled form', async () => {
    await page.getByRole('link', { name: 'Lead inbox' }).click();
    await page.getByTestId('lead-inbox').waitFor();
    const spam = page.getByTestId('lead-Spammer');
    await spam.getByRole('button', { name: 'Disqualify' }).click();
    const dq = page.getByTestId('disqualify-dialog');
    await dq.getByRole('button', { name: 'Disqualify' }).click();
    expect(await dq.getByRole('alert').textContent()).toContain('Reason must not be empty');
    await dq.getByLabel('Reason').fill('Not a real company');
    await dq.getByRole('button', { name: 'Disqualify' }).click();
    await spam.waitFor({ state: 'detached' });

    await page.screenshot({ path: screenshotPath('lead-inbox.png') });
    await page.getByTestId('lead-Lovelace').getByRole('button', { name: 'Convert' }).click();
    const form = page.getByTestId('convert-dialog');
    expect(await form.getByLabel('Account name').inputValue()).toBe('Difference Works');
    expect(await form.getByLabel('Last name').inputValue()).toBe('Lovelace');
    expect(await form.getByLabel('Contact email').inputValue()).toBe('ada@difference.test');
    expect(await form.getByLabel('Deal name').inputValue()).toBe('Difference Works – new deal');
    await form.getByLabel('Amount').fill('12,000');
    await form.getByRole('button', { name: 'Convert' }).click();
    expect(await form.getByTestId('convert-errors').textContent()).toContain('Deal create amount');
    await form.getByLabel('Amount').fill('12000.00');
    await page.screenshot({ path: screenshotPath('convert-lead.png') });
    await form.getByRole('button', { name: 'Convert' }).click();
    await form.waitFor({ state: 'detached' });
    expect(await page.getByTestId('inbox-notice').textContent()).toContain(
      'Converted Ada Lovelace to Difference Works',
    );
    await page.getByTestId('empty-state').waitFor();

    await page.getByRole('tab', { name: 'Disqualified' }).click();
    expect(await page.getByTestId('lead-Spammer').textContent()).toContain('Not a real company');
    await page.getByRole('link', { name: 'Open the deal “Difference Works – new deal”' }).click();
    await page.getByTestId('deal-title').waitFor();
    expect(await page.getByTestId('deal-title').textContent()).toBe('Difference Works – new deal');
    await expect.poll(() => page.getByTestId('timeline-entry').first().textContent()).toContain('12,000.00');

    const leads = await call<{ items: LeadDto[] }>('GET', '/api/v1/leads?status=converted');
    expect(leads.items.map((l) => l.lastName)).toEqual(['Lovelace']);
  });

  it('finds a record with Ctrl+K and lists the shortcuts with ?', async () => {
    await page.goto(`${base}/board`);
    await page.getByTestId('board').waitFor();
    await page.getByTestId('deal-Babbage rollout').waitFor();
    await page.screenshot({ path: screenshotPath('workspace-board.png') });
    await page.keyboard.press('Control+k');
    const palette = page.getByTestId('command-palette');
    await palette.getByRole('combobox').fill('babage rolout');
    await palette.getByRole('option', { name: /^Babbage rollout/ }).waitFor();
    await page.screenshot({ path: screenshotPath('command-palette.png') });
    await page.keyboard.press('Enter');
    await page.getByTestId('deal-title').waitFor();
    expect(page.url()).toContain(`/deals/${seeded.dealId}`);

    // A call with a person, straight from the palette.
    await page.keyboard.press('Control+k');
    await palette.getByRole('combobox').fill('Lovelace');
    await palette.getByRole('option', { name: /^Log a call: Ada Lovelace/ }).click();
    const dialog = page.getByTestId('call-dialog');
    await dialog.getByLabel('No answer').check();
    await dialog.getByRole('button', { name: 'Save call' }).click();
    await dialog.waitFor({ state: 'detached' });
    const contact = (await call<{ items: { id: string }[] }>('GET', '/api/v1/contacts?q=Lovelace')).items[0];
    const calls = await call<{ items: ActivityDto[] }>('GET', `/api/v1/activities?contactId=${contact?.id}`);
    expect(calls.items).toMatchObject([{ type: 'call', disposition: 'no_answer', dealId: null }]);

    await page.keyboard.press('?');
    await page.getByTestId('shortcuts-dialog').waitFor();
    expect(await page.getByTestId('shortcuts-dialog').textContent()).toContain('Search records and commands');
    await page.keyboard.press('Escape');
    await page.getByTestId('shortcuts-dialog').waitFor({ state: 'detached' });
  });

  it("keeps another rep's deal out of a rep's page, board and search", async () => {
    const repContext = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const rep = await repContext.newPage();
    rep.on('pageerror', (e) => pageErrors.push(e.message));
    await rep.goto(`${base}/deals/${seeded.hiddenDealId}`);
    await signInAs(rep, seeded.repEmail, REP_PASSWORD);
    await rep.getByTestId('error-state').waitFor();
    expect(await rep.getByTestId('error-state').textContent()).toContain('Not found or no access');

    await rep.getByRole('link', { name: 'Board' }).click();
    await rep.getByTestId(`deal-${seeded.ownDealName}`).waitFor();
    expect(await rep.getByTestId('deal-Hidden Globex expansion').count()).toBe(0);
    expect(await rep.getByTestId('deal-Babbage rollout').count()).toBe(0);

    await rep.keyboard.press('Control+k');
    const palette = rep.getByTestId('command-palette');
    await palette.getByRole('combobox').fill('Hidden Globex');
    await expect.poll(() => palette.textContent()).toContain('No records match “Hidden Globex”');
    expect(await palette.getByRole('option', { name: /Hidden Globex/ }).count()).toBe(0);
    await palette.getByRole('combobox').fill('Rep own');
    await palette.getByRole('option', { name: /^Rep own deal/ }).waitFor();
    await repContext.close();
    expect(pageErrors).toEqual([]);
  });
});
