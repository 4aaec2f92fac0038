import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/contract/access.ts';
import type { DealDto } from '../../src/contract/deals.ts';
import { createApiToken } from '../../src/modules/auth/auth.service.ts';
import type { App } from '../../src/server/types.ts';
import type { TestDeps } from '../helpers/db.ts';
import { createTestOrg, createTestUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { createPartnerAccount, createTestPipeline, createTestProduct } from '../helpers/sales.ts';
import { screenshotPath } from './browser.ts';
import { apiClient, startE2eServer, stopE2eServer } from './server.ts';

/*
 * The deal page as the whole place to work a deal: a deal handed from inside sales to a field rep
 * shows its customer; the rep sets the account, primary contact, buying roles and line items on the
 * page, and a stage gate's refusal opens a form that satisfies it. Refusals read as sentences, and
 * each role is offered only what it may do (a partner never asks for teams, and reads only the users
 * of its directory scope; an auditor
 * gets no New deal or Edit buttons).
 */

let deps: TestDeps;
let app: App;
let base: string;
let browser: Browser;
let admin: Actor;
let adminToken: string;
const users: Record<'rep' | 'inside' | 'partner' | 'auditor', Actor & { email: string }> = {} as never;
const seeded = { dealId: '', partnerDealId: '', pipelineId: '' };

beforeAll(async () => {
  ({ deps, app, base, browser } = await startE2eServer());
  const org = await createTestOrg(deps);
  admin = org.admin;
  adminToken = (await createApiToken(deps, admin, { name: 'e2e' })).token;
  const partnerAccount = await createPartnerAccount(deps, admin);
  users.rep = await createTestUser(deps, admin, 'rep', { name: 'Rex Field', password: TEST_PASSWORD });
  users.inside = await createTestUser(deps, admin, 'inside_sales', { name: 'Ivy Inside', password: TEST_PASSWORD });
  users.partner = await createTestUser(deps, admin, 'partner', {
    name: 'Pat Partner',
    partnerAccountId: partnerAccount.id,
    password: TEST_PASSWORD,
  });
  users.auditor = await createTestUser(deps, admin, 'auditor', { name: 'Audrey Auditor', password: TEST_PASSWORD });
  const pipeline = await createTestPipeline(deps, admin, {
    name: 'Field sales',
    isDefault: true,
    stages: [
      { name: 'Qualify', kind: 'open', probability: 10 },
      { name: 'Proposal', kind: 'open', probability: 50, requiredFields: ['primaryContactId'] },
      { name: 'Won', kind: 'won' },
      { name: 'Lost', kind: 'lost' },
    ],
  });
  seeded.pipelineId = pipeline.id;
  await createTestProduct(deps, admin, { name: 'Route planner', listPrice: '100.00', currency: 'USD' });

  // Inside sales found the customer and opened the deal; then it was handed to the field rep.
  const api = apiClient(base, adminToken);
  const ok = <T>(r: { data?: T; error?: unknown }): T => {
    if (r.data === undefined) throw new Error(JSON.stringify(r.error));
    return r.data;
  };
  const fjord = ok(await api.POST('/accounts', { body: { name: 'Fjord Logistics', ownerId: users.inside.userId } }));
  const olaf = ok(
    await api.POST('/contacts', {
      body: { firstName: 'Olaf', lastName: 'Berg', accountId: fjord.id, ownerId: users.inside.userId },
    }),
  );
  ok(await api.POST('/accounts', { body: { name: 'Harbor Freight', ownerId: users.rep.userId } }));
  ok(
    await api.POST('/contacts', {
      body: { firstName: 'Rita', lastName: 'Customer', ownerId: users.rep.userId },
    }),
  );
  const deal = ok(
    await api.POST('/deals', {
      body: {
        name: 'Fjord expansion',
        pipelineId: pipeline.id,
        accountId: fjord.id,
        contactRoles: [{ contactId: olaf.id, role: 'champion' }],
        ownerId: users.inside.userId,
      },
    }),
  );
  ok(
    await api.PATCH('/deals/{id}', {
      params: { path: { id: deal.id }, header: { 'if-match': String(deal.version) } },
      body: { ownerId: users.rep.userId },
    }),
  );
  seeded.dealId = deal.id;
  seeded.partnerDealId = ok(
    await api.POST('/deals', {
      body: {
        name: 'Registered by the partner',
        pipelineId: pipeline.id,
        accountId: fjord.id,
        channel: 'partner',
        partnerAccountId: partnerAccount.id,
        ownerId: users.rep.userId,
      },
    }),
  ).id;
});

afterAll(async () => {
  await stopE2eServer({ browser, app, deps });
});

/** A signed-in page of one user, recording refused requests and page errors as they happen. */
async function signedIn(who: Actor & { email: string }, url: string) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const refused: string[] = [];
  const requested: string[] = [];
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  page.on('response', (r) => {
    if (r.status() >= 400) refused.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
  });
  await page.goto(`${base}${url}`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page
    .waitForURL((u) => !u.pathname.startsWith('/sign-in'), { timeout: 15_000 })
    .catch(async () => {
      await page.screenshot({ path: screenshotPath(`deal-page-sign-in-${who.role}.png`) });
      throw new Error(`${who.role} could not sign in: ${refused.join(', ')} ${errors.join(', ')}`);
    });
  // what came before signing in (the 401 of the session check) is not the page's doing
  refused.length = 0;
  errors.length = 0;
  return { context, page, refused, requested, errors };
}

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000, interval: 100 });
const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent()) ?? '';

describe('the deal page in the browser', () => {
  it('lets the rep a deal was handed to see its customer and complete it on the page', async () => {
    const { context, page, refused, errors } = await signedIn(users.rep, `/deals/${seeded.dealId}`);
    await page.getByTestId('deal-title').waitFor();
    // handed over: the account and the champion are visible to the new owner
    await poll(() => text(page, 'deal-account')).toContain('Fjord Logistics');
    await poll(() => text(page, 'contact-roles')).toContain('Olaf Berg');

    // the stage asks for a primary contact: its refusal opens a form that can give one
    await page.getByTestId('stage-control').getByRole('combobox').selectOption({ label: 'Proposal' });
    await page.getByTestId('stage-control').getByRole('button', { name: 'Move' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('gate-primaryContactId').waitFor();
    expect(await dialog.getByTestId('move-reason').textContent()).toMatch(/primaryContactId/);
    await dialog.getByRole('button', { name: 'Save and move' }).click();
    await poll(() => dialog.getByTestId('gate-primaryContactId').textContent()).toContain('is required');
    const picker = dialog.getByRole('combobox', { name: 'Primary contact' });
    await poll(async () => (await picker.locator('option').allTextContents()).join('|')).toContain('Olaf Berg');
    await picker.selectOption({ label: 'Olaf Berg' });
    await page.screenshot({ path: screenshotPath('deal-page-gate-form.png') });
    await dialog.getByRole('button', { name: 'Save and move' }).click();
    await dialog.waitFor({ state: 'detached' });
    await poll(() => text(page, 'deal-stage')).toBe('Proposal');
    await poll(() => text(page, 'deal-primary-contact')).toContain('Olaf Berg');

    // the account, found by search among what the rep may see
    await page.getByRole('button', { name: 'Edit Account' }).click();
    await page.getByLabel('Search account').fill('Harbor');
    const accounts = page.getByTestId('deal-account').getByRole('combobox', { name: 'Account' });
    await poll(async () => (await accounts.locator('option').allTextContents()).join('|')).toContain('Harbor Freight');
    await accounts.selectOption({ label: 'Harbor Freight' });
    await page.getByTestId('deal-account').getByRole('button', { name: 'Save' }).click();
    await poll(() => text(page, 'deal-account')).toContain('Harbor Freight');

    // buying roles: add one (a B2C contact found by search), remove another
    const addRole = page.getByTestId('add-contact-role');
    await addRole.getByLabel('Search contact').fill('Rita');
    const contacts = addRole.getByRole('combobox', { name: 'Contact' });
    await poll(async () => (await contacts.locator('option').allTextContents()).join('|')).toContain('Rita Customer');
    await contacts.selectOption({ label: 'Rita Customer' });
    await addRole.getByRole('combobox', { name: 'Role' }).selectOption('economic_buyer');
    await addRole.getByRole('button', { name: 'Add role' }).click();
    await poll(() => text(page, 'contact-roles')).toContain('Rita Customer');
    await page.getByRole('button', { name: 'Remove role Champion' }).click();
    await poll(() => text(page, 'contact-roles')).not.toContain('Champion');

    // a line item with a discount; the total is the server's exact sum
    const addLine = page.getByTestId('add-line-item');
    await addLine.getByRole('combobox', { name: 'Product' }).selectOption({ label: 'Route planner' });
    await addLine.getByLabel('Quantity').fill('3');
    await addLine.getByLabel('Discount %').fill('10');
    await addLine.getByRole('button', { name: 'Add line' }).click();
    await poll(() => text(page, 'line-items-total')).toContain('270.00');

    // refusals read as sentences naming the field, in words for people
    await page.getByRole('button', { name: 'Edit Expected close' }).click();
    await page.locator('#input-expectedCloseDate').fill('1900-01-01');
    await page.getByTestId('field-expectedCloseDate').getByRole('button', { name: 'Save' }).click();
    // the form's own date bounds refuse it before anything is sent
    expect(await page.locator('#input-expectedCloseDate').getAttribute('min')).toBe('1990-01-01');
    expect(await page.locator('#input-expectedCloseDate:invalid').count()).toBe(1);
    await page.getByTestId('field-expectedCloseDate').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Edit Name' }).click();
    await page.locator('#input-name').fill('x'.repeat(301));
    await page.getByTestId('field-name').getByRole('button', { name: 'Save' }).click();
    await poll(() => text(page, 'field-name')).toContain('Name must be at most 300 characters long');
    expect(await text(page, 'field-name')).not.toMatch(/Too big|expected string/);
    await page.screenshot({ path: screenshotPath('deal-page-edited.png'), fullPage: true });

    const stored = await apiClient(base, adminToken).GET('/deals/{id}', { params: { path: { id: seeded.dealId } } });
    const d = stored.data as DealDto;
    expect(d.primaryContactId).not.toBeNull();
    expect(d.contactRoles.map((r) => r.role)).toEqual(['economic_buyer']);
    expect(d.lineItemsTotal).toBe('270.00');
    expect(d.expectedCloseDate).toBeNull();
    // only the deliberate refusals: the gate and the name
    expect(refused).toEqual([
      '422 POST /api/v1/deals/' + seeded.dealId + '/stage',
      '422 PATCH /api/v1/deals/' + seeded.dealId,
    ]);
    expect(errors.filter((e) => !/422/.test(e))).toEqual([]);
    await context.close();
  });

  it('offers a partner and an auditor only what their role may do', async () => {
    const partner = await signedIn(users.partner, `/deals/${seeded.partnerDealId}`);
    await partner.page.getByTestId('deal-title').waitFor();
    await poll(() => text(partner.page, 'deal-account')).toContain('Fjord Logistics');
    await partner.page.goto(`${base}/board?pipelineId=${seeded.pipelineId}`);
    await partner.page.getByTestId('board').waitFor();
    await poll(() => partner.page.getByText('Registered by the partner').count()).toBeGreaterThan(0);
    await partner.page.screenshot({ path: screenshotPath('deal-page-partner-board.png') });
    expect(partner.requested.filter((p) => /^\/api\/v1\/teams\b/.test(p))).toEqual([]);
    expect(partner.refused).toEqual([]);
    await partner.context.close();

    const auditor = await signedIn(users.auditor, `/board?pipelineId=${seeded.pipelineId}`);
    await auditor.page.getByTestId('board').waitFor();
    await poll(() => auditor.page.getByText('Fjord expansion').count()).toBeGreaterThan(0);
    expect(await auditor.page.getByRole('button', { name: 'New deal' }).count()).toBe(0);
    await auditor.page.goto(`${base}/deals/${seeded.dealId}`);
    await auditor.page.getByTestId('deal-title').waitFor();
    await poll(() => text(auditor.page, 'deal-account')).toContain('Harbor Freight');
    expect(await auditor.page.getByRole('button', { name: /^Edit/ }).count()).toBe(0);
    expect(await auditor.page.getByTestId('stage-control').count()).toBe(0);
    expect(await auditor.page.getByTestId('add-line-item').count()).toBe(0);
    await auditor.page.screenshot({ path: screenshotPath('deal-page-auditor.png'), fullPage: true });
    expect(auditor.refused).toEqual([]);
    await auditor.context.close();
  });
});
