import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'openapi-fetch';
import type { ApiPaths } from '../../src/contract/api-paths.ts';
import { createApiToken } from '../../src/modules/auth/auth.service.ts';
import type { App } from '../../src/server/types.ts';
import { ok } from '../helpers/api.ts';
import type { TestDeps } from '../helpers/db.ts';
import { createTestOrg, createTestUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { screenshotPath } from './browser.ts';
import { apiClient, startE2eServer, stopE2eServer } from './server.ts';

let deps: TestDeps;
let app: App;
let base: string;
let browser: Browser;
let api: Client<ApiPaths>;
let partnerEmail: string;
let managerEmail: string;

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('current-user').waitFor();
}

/** Every refused or failed request and page error of a page, to assert that a role is sent only where it may go. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  return problems;
}

beforeAll(async () => {
  ({ deps, app, base, browser } = await startE2eServer());
  const org = await createTestOrg(deps);
  api = apiClient(base, (await createApiToken(deps, org.admin, { name: 'e2e' })).token);
  await ok(
    api.POST('/pipelines', {
      body: {
        name: 'Sales',
        isDefault: true,
        stages: [
          { name: 'Qualify', probability: 20 },
          { name: 'Won', kind: 'won' },
          { name: 'Lost', kind: 'lost' },
        ],
      },
    }),
  );
  const reseller = await ok(api.POST('/accounts', { body: { name: 'Alpha Resellers', type: 'reseller' } }));
  const gold = await ok(
    api.POST('/partner-tiers', { body: { name: 'Gold', protectionDays: 60, discountPercent: '15' } }),
  );
  await ok(
    api.PUT('/partners/{id}', {
      params: { path: { id: reseller.id } },
      body: { partnerType: 'reseller', tierId: gold.id },
    }),
  );
  const manager = await createTestUser(deps, org.admin, 'manager', { name: 'Morgan Manager', password: TEST_PASSWORD });
  managerEmail = manager.email;
  const partner = await createTestUser(deps, org.admin, 'partner', {
    name: 'Pat Partner',
    partnerAccountId: reseller.id,
    password: TEST_PASSWORD,
  });
  partnerEmail = partner.email;
  // a direct deal for the customer, worked before the partner comes
  const customer = await ok(api.POST('/accounts', { body: { name: 'Acme Corp', domain: 'acme.com' } }));
  await ok(api.POST('/deals', { body: { name: 'Acme direct', accountId: customer.id, ownerId: manager.userId } }));
});

afterAll(async () => {
  await stopE2eServer({ browser, app, deps });
});

describe('channel sales in the browser', () => {
  it('a partner registers a deal, the manager resolves the conflict and approves, the partner sees its window', async () => {
    const partnerPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(partnerPage, partnerEmail);
    // from sign-in on (before it, the session probe answers 401 by design)
    const partnerProblems = watch(partnerPage);
    await partnerPage.reload();
    await partnerPage.getByRole('heading', { name: 'Partner portal' }).waitFor();
    // only the menus a partner has records in, and its account's commission statement
    const menu = await partnerPage.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts();
    expect(menu).toEqual(['Partner portal', 'Board', 'Deals', 'Accounts', 'Contacts', 'Commissions']);

    const form = partnerPage.getByRole('region', { name: 'Register a deal' });
    await form.getByLabel('Customer', { exact: true }).fill('ACME, Inc.');
    await form.getByLabel('Customer domain').fill('acme.com');
    await form.getByLabel('Amount').fill('25000');
    await form.getByRole('button', { name: 'Register' }).click();
    const warning = partnerPage.getByTestId('duplicate-warning');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('same domain acme.com');
    await partnerPage.screenshot({ path: screenshotPath('channel-1-duplicate-warning.png'), fullPage: true });
    await form.getByRole('button', { name: 'Register anyway' }).click();
    await partnerPage.getByTestId('registrations-pending').getByText('ACME, Inc.').waitFor();

    const managerPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(managerPage, managerEmail);
    const managerProblems = watch(managerPage);
    await managerPage.goto(`${base}/channel`);
    const conflict = managerPage.getByTestId('conflict');
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain('same domain acme.com');
    const pending = managerPage.getByTestId('pending-registration');
    expect(await pending.getByRole('button', { name: 'Approve' }).isDisabled()).toBe(true);
    await managerPage.screenshot({ path: screenshotPath('channel-2-manager-conflict.png'), fullPage: true });
    await conflict.getByRole('button', { name: 'Newer party keeps it' }).click();
    await conflict.waitFor({ state: 'detached' });
    await pending.getByRole('button', { name: 'Approve' }).and(managerPage.locator(':enabled')).click();
    await pending.waitFor({ state: 'detached' });
    await managerPage.screenshot({ path: screenshotPath('channel-3-manager-approved.png'), fullPage: true });

    await partnerPage.reload();
    const window = partnerPage.getByTestId('registrations-approved').getByTestId('protection-window');
    await window.waitFor();
    expect(await window.innerText()).toMatch(/protected until .+ \(60 days\)/);
    await partnerPage.getByRole('region', { name: 'My deals' }).getByText('owner Morgan Manager').waitFor();
    await partnerPage.screenshot({ path: screenshotPath('channel-4-partner-protected.png'), fullPage: true });
    expect(partnerProblems).toEqual([]);
    expect(managerProblems).toEqual([]);
  });

  it("the manager sets a partner's fund budget, the partner asks, the manager approves, the partner claims and sees it paid", async () => {
    const managerPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(managerPage, managerEmail);
    const managerProblems = watch(managerPage);
    await managerPage.goto(`${base}/channel`);
    const budgetForm = managerPage.getByRole('form', { name: 'Set a fund budget' });
    await budgetForm.getByLabel('Partner').selectOption({ label: 'Alpha Resellers · Gold' });
    await budgetForm.getByLabel('From').fill('2026-01-01');
    await budgetForm.getByLabel('To').fill('2026-12-31');
    await budgetForm.getByLabel(/^Amount/).fill('5000');
    await budgetForm.getByLabel('Currency').fill('usd');
    await budgetForm.getByRole('button', { name: 'Set budget' }).click();
    await budgetForm.getByText('Budget of USD 5,000.00 set for Alpha Resellers.').waitFor();

    const partnerPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(partnerPage, partnerEmail);
    const partnerProblems = watch(partnerPage);
    await partnerPage.reload();
    const funds = partnerPage.getByTestId('partner-funds');
    await funds.getByTestId('fund-remaining').getByText('USD 5,000.00').waitFor();
    const ask = funds.getByRole('form', { name: 'Ask for funds' });
    // More than is left is refused beside the amount, the rest kept.
    await ask.getByLabel('Activity').fill('Trade show stand');
    await ask.getByLabel('Amount').fill('6000');
    await ask.getByRole('button', { name: 'Ask for funds' }).click();
    await ask.getByText('is more than the USD 5000.00 left in the budget').waitFor();
    await ask.getByLabel('Amount').fill('3000');
    await ask.getByRole('button', { name: 'Ask for funds' }).click();
    await funds.getByTestId('fund-request-status').getByText('waiting for a decision').waitFor();
    await funds.getByTestId('fund-remaining').getByText('USD 2,000.00').waitFor();
    await partnerPage.screenshot({ path: screenshotPath('channel-5-partner-asks-funds.png'), fullPage: true });

    await managerPage.reload();
    const queue = managerPage.getByTestId('funds-queue');
    const request = queue.getByTestId('fund-request').filter({ hasText: 'Trade show stand' });
    await request.getByRole('button', { name: 'Approve' }).click();
    await queue.getByText('Decided (1)').waitFor();
    await managerPage.screenshot({ path: screenshotPath('channel-6-manager-approved-funds.png'), fullPage: true });

    await partnerPage.reload();
    const claim = funds.getByRole('form', { name: 'Claim Trade show stand' });
    await claim.getByLabel('Spent').fill('2800');
    await claim.getByLabel('Proof').fill('Invoice EXPO-2026-17');
    await claim.getByRole('button', { name: 'Claim' }).click();
    await funds.getByTestId('fund-request-status').getByText('claimed: waiting for payment').waitFor();
    // An admin records the payment; the partner sees it paid, and the unspent 200 back in its budget.
    const [claimed] = (await ok(api.GET('/fund-requests', { params: { query: { status: 'claimed' } } }))).items;
    if (!claimed) throw new Error('the claim is not listed');
    await ok(
      api.POST('/fund-requests/{id}/payment', {
        params: { path: { id: claimed.id }, header: { 'if-match': String(claimed.version) } },
        body: { reference: 'PAY-0042' },
      }),
    );
    await partnerPage.reload();
    await funds.getByTestId('fund-request-status').getByText('paid').waitFor();
    expect(await funds.getByTestId('fund-request').innerText()).toContain('payment PAY-0042');
    await funds.getByTestId('fund-remaining').getByText('USD 2,200.00').waitFor();
    await partnerPage.screenshot({ path: screenshotPath('channel-7-partner-funds-paid.png'), fullPage: true });
    // The refused over-budget request is the one 422 of the day.
    expect(partnerProblems.filter((p) => !p.startsWith('422 POST'))).toEqual([]);
    expect(managerProblems).toEqual([]);
  });
});
