import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
let partnerEmail: string;
let managerEmail: string;

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('current-user').waitFor();
}

/** Every refused or failed request and page error of a page: a role is sent only where it may go. */
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
  const api = apiClient(base, (await createApiToken(deps, org.admin, { name: 'e2e' })).token);
  const reseller = await ok(api.POST('/accounts', { body: { name: 'Alpha Resellers', type: 'reseller' } }));
  const gold = await ok(api.POST('/partner-tiers', { body: { name: 'Gold', protectionDays: 60, leadCapacity: 5 } }));
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
  await ok(
    api.POST('/leads', {
      body: {
        firstName: 'Nora',
        lastName: 'North',
        company: 'Northwind',
        email: 'nora@northwind.example',
        ownerId: manager.userId,
      },
    }),
  );
});

afterAll(async () => {
  await stopE2eServer({ browser, app, deps });
});

describe('lead distribution in the browser', () => {
  it('the manager offers a lead by rule, the partner accepts it and sees how to reach the person', async () => {
    const managerPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(managerPage, managerEmail);
    const managerProblems = watch(managerPage);
    await managerPage.goto(`${base}/channel`);
    const form = managerPage.getByRole('form', { name: 'Offer a lead' });
    await form.getByRole('option', { name: 'Nora North (Northwind)' }).waitFor({ state: 'attached' });
    await form.getByLabel('Lead').selectOption({ label: 'Nora North (Northwind)' });
    await form.getByRole('button', { name: 'Offer lead' }).click();
    await form.getByRole('status').getByText('Offered to Alpha Resellers').waitFor();
    const offer = managerPage.getByTestId('lead-offer');
    expect(await offer.innerText()).toContain('by rule: tier Gold, 0 of 5 open leads');
    await managerPage.screenshot({ path: screenshotPath('lead-offers-1-manager-offered.png'), fullPage: true });

    const partnerPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(partnerPage, partnerEmail);
    const partnerProblems = watch(partnerPage);
    await partnerPage.reload();
    const offered = partnerPage.getByTestId('offered-lead');
    await offered.waitFor();
    expect(await offered.innerText()).toContain('Nora North (Northwind)');
    expect(await offered.innerText()).not.toContain('nora@northwind.example');
    await partnerPage.screenshot({ path: screenshotPath('lead-offers-2-partner-offered.png'), fullPage: true });
    await offered.getByRole('button', { name: 'Accept' }).click();
    await offered.waitFor({ state: 'detached' });
    const worked = partnerPage.getByTestId('accepted-lead');
    await worked.waitFor();
    expect(await worked.innerText()).toContain('nora@northwind.example');
    await partnerPage.screenshot({ path: screenshotPath('lead-offers-3-partner-accepted.png'), fullPage: true });

    await managerPage.reload();
    await managerPage.getByTestId('lead-offer').getByText('accepted').waitFor();
    expect(partnerProblems).toEqual([]);
    expect(managerProblems).toEqual([]);
  });
});
