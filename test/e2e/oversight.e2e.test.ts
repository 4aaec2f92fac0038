import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/contract/access.ts';
import { createApiToken } from '../../src/modules/auth/auth.service.ts';
import { ManualClock } from '../../src/domain/deps.ts';
import { checkApprovalEscalation } from '../../src/modules/oversight/approval-escalation.ts';
import { runDetection } from '../../src/modules/oversight/findings.service.ts';
import type { App } from '../../src/server/types.ts';
import { ok } from '../helpers/api.ts';
import type { TestDeps } from '../helpers/db.ts';
import { createTestOrg, createTestTeam, createTestUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { createPartnerAccount, createTestPipeline, createTestProduct } from '../helpers/sales.ts';
import { screenshotPath } from './browser.ts';
import { apiClient, startE2eServer, stopE2eServer } from './server.ts';

let deps: TestDeps;
let app: App;
let base: string;
let browser: Browser;

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('current-user').waitFor();
}

const clientOf = async (actor: Actor) => apiClient(base, (await createApiToken(deps, actor, { name: 'e2e' })).token);

beforeAll(async () => {
  ({ deps, app, base, browser } = await startE2eServer());
});
afterAll(async () => {
  await stopE2eServer({ browser, app, deps });
});

describe('oversight in the browser', () => {
  it("a rep's discount waits for the manager, who approves it in the inbox; then works a finding in the queue", async () => {
    const { admin } = await createTestOrg(deps);
    const team = await createTestTeam(deps, admin);
    const manager = await createTestUser(deps, admin, 'manager', {
      teamId: team.id,
      name: 'Mona Manager',
      password: TEST_PASSWORD,
    });
    const rep = await createTestUser(deps, admin, 'rep', {
      teamId: team.id,
      name: 'Rita Rep',
      password: TEST_PASSWORD,
    });
    const pipeline = await createTestPipeline(deps, admin);
    const product = await createTestProduct(deps, admin, { name: 'Widget Pro', listPrice: '100.00' });
    const adminApi = await clientOf(admin);
    await ok(adminApi.POST('/approval-rules', { body: { kind: 'discount_above', threshold: '20' } }));
    const repApi = await clientOf(rep);
    const deal = await ok(repApi.POST('/deals', { body: { name: 'Acme renewal', pipelineId: pipeline.id } }));
    // Earlier Rita moved another deal from Qualify straight to Negotiation, past Discovery and Proposal.
    const other = await ok(repApi.POST('/deals', { body: { name: 'Globex pilot', pipelineId: pipeline.id } }));
    const moved = await ok(
      repApi.POST('/deals/{id}/stage', {
        params: { path: { id: other.id } },
        body: { stageId: pipeline.stage('Negotiation'), expectedVersion: other.version },
      }),
    );
    expect(moved).toMatchObject({ stageId: pipeline.stage('Negotiation') });
    await runDetection(deps, admin.orgId);

    // The rep adds a line at 30% off: the deal page says it waits for Mona and shows no line yet.
    const repPage = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    const errors: string[] = [];
    repPage.on('pageerror', (e) => errors.push(e.message));
    await signIn(repPage, rep.email);
    await repPage.goto(`${base}/deals/${deal.id}`);
    const add = repPage.getByTestId('add-line-item');
    await add.getByLabel('Product').selectOption({ label: 'Widget Pro' });
    await add.getByLabel('Quantity').fill('2');
    await add.getByLabel('Discount %').fill('30');
    await add.getByRole('button', { name: 'Add line' }).click();
    const held = repPage.getByTestId('held-notice');
    await held.waitFor();
    expect(await held.textContent()).toContain('discount of 30% from list price is above 20%');
    expect(await held.textContent()).toContain('Waiting for Mona Manager');
    expect(await repPage.getByTestId('line-items').textContent()).toContain('No line items.');
    await repPage.screenshot({ path: screenshotPath('oversight-1-rep-held.png'), fullPage: true });

    // The manager finds it in the inbox and approves with a note.
    const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, manager.email);
    await page.getByRole('link', { name: 'Approvals', exact: true }).click();
    const card = page.getByTestId('approval').filter({ hasText: 'Acme renewal' });
    await card.waitFor();
    expect(await card.getByTestId('approval-change').textContent()).toContain('line items: 1 (discounts 30%)');
    await page.screenshot({ path: screenshotPath('oversight-2-inbox.png'), fullPage: true });
    await card.getByLabel('Note').fill('Multi-year commitment');
    await card.getByRole('button', { name: 'Approve' }).click();
    await page.getByTestId('approvals-empty').waitFor();
    await page.getByRole('tab', { name: 'All', exact: true }).click();
    await expect.poll(() => page.getByTestId('approval').first().textContent()).toContain('Multi-year commitment');

    // The change is on the deal now, written as the rep asked.
    await repPage.reload();
    await expect.poll(() => repPage.getByTestId('line-items-total').textContent()).toContain('140.00');
    const after = await ok(repApi.GET('/deals/{id}', { params: { path: { id: deal.id } } }));
    expect(after.lineItems.map((l) => [l.productId, l.discountPercent])).toEqual([[product.id, '30.00']]);
    await repPage.screenshot({ path: screenshotPath('oversight-3-applied.png'), fullPage: true });

    // The oversight queue: the skip over Discovery and Proposal, dismissed with a reason.
    await page.getByRole('link', { name: 'Oversight', exact: true }).click();
    const finding = page.getByTestId('finding').filter({ hasText: 'Stage skipped' });
    await finding.waitFor();
    expect(await finding.textContent()).toContain('Rita Rep: moved forward over 2 designed stages');
    await page.getByTestId('exception-rates').waitFor();
    await page.screenshot({ path: screenshotPath('oversight-4-queue.png'), fullPage: true });
    await finding.getByRole('button', { name: 'Dismiss' }).click();
    expect(await finding.getByRole('alert').textContent()).toContain('Say why');
    await finding.getByLabel('Reason').fill('Discovery was done at the trade show');
    await finding.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => page.getByTestId('finding').count()).toBe(0);
    await page.getByLabel('Status').selectOption('dismissed');
    await expect
      .poll(() => page.getByTestId('finding').first().textContent())
      .toContain('dismissed: Discovery was done at the trade show');
    await page.screenshot({ path: screenshotPath('oversight-5-dismissed.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
    await repPage.close();
  });

  it('a step the manager lets wait escalates to the director, who sees why and decides it', async () => {
    const { admin } = await createTestOrg(deps);
    const team = await createTestTeam(deps, admin);
    const director = await createTestUser(deps, admin, 'manager', { name: 'Dora Director', password: TEST_PASSWORD });
    const manager = await createTestUser(deps, admin, 'manager', {
      teamId: team.id,
      name: 'Mona Manager',
      password: TEST_PASSWORD,
      managerId: director.userId,
    });
    const rep = await createTestUser(deps, admin, 'rep', {
      teamId: team.id,
      name: 'Rita Rep',
      password: TEST_PASSWORD,
    });
    const pipeline = await createTestPipeline(deps, admin);
    const product = await createTestProduct(deps, admin, { name: 'Widget Pro', listPrice: '100.00' });
    const adminApi = await clientOf(admin);
    await ok(
      adminApi.POST('/approval-rules', {
        body: { kind: 'discount_above', threshold: '20', escalateAfterMinutes: 60, escalateIn: 'elapsed' },
      }),
    );
    const repApi = await clientOf(rep);
    const deal = await ok(repApi.POST('/deals', { body: { name: 'Initech expansion', pipelineId: pipeline.id } }));
    const held = await repApi.PATCH('/deals/{id}', {
      params: { path: { id: deal.id }, header: { 'if-match': String(deal.version) } },
      body: { lineItems: [{ productId: product.id, quantity: '1', discountPercent: '35' }] },
    });
    expect(held.response.status).toBe(202);
    const approval = (held.data as unknown as { approval: { id: string; escalatesAt: string } }).approval;

    // Nobody decides within the hour; the queued check runs at the escalation time.
    const later = new ManualClock(new Date(new Date(approval.escalatesAt).getTime() + 1000).toISOString());
    expect(await checkApprovalEscalation({ ...deps, clock: later }, admin.orgId, approval.id)).toBe('escalated');

    const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, director.email);
    await page.getByRole('link', { name: 'Approvals', exact: true }).click();
    const card = page.getByTestId('approval').filter({ hasText: 'Initech expansion' });
    await card.waitFor();
    expect(await card.getByTestId('approval-waiting').textContent()).toContain('Waiting on Dora Director since');
    expect(await card.getByTestId('approval-waiting').textContent()).toContain('escalates to the approver above on');
    expect(await card.getByTestId('approval-escalations').textContent()).toContain(
      'Step 1 escalated from Mona Manager to Dora Director',
    );
    await page.screenshot({ path: screenshotPath('oversight-6-escalated.png'), fullPage: true });
    await card.getByLabel('Note').fill('Mona is away this week');
    await card.getByRole('button', { name: 'Approve' }).click();
    await page.getByTestId('approvals-empty').waitFor();
    const after = await ok(repApi.GET('/deals/{id}', { params: { path: { id: deal.id } } }));
    expect(after.lineItems.map((l) => l.discountPercent)).toEqual(['35.00']);
    // The manager's inbox no longer holds it.
    const managerApi = await clientOf(manager);
    const inbox = await ok(managerApi.GET('/approvals', { params: { query: { mine: 'true' } } }));
    expect(inbox.items).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
  it('the admin finds a registration its partner sat on for a month, opens its deal and confirms it', async () => {
    const { admin, adminEmail } = await createTestOrg(deps);
    const manager = await createTestUser(deps, admin, 'manager', { name: 'Mona Manager', password: TEST_PASSWORD });
    await createTestPipeline(deps, admin, { isDefault: true });
    const reseller = await createPartnerAccount(deps, admin);
    const partner = await createTestUser(deps, admin, 'partner', {
      name: 'Pat Partner',
      partnerAccountId: reseller.id,
    });
    const partnerApi = await clientOf(partner);
    const registration = await ok(partnerApi.POST('/registrations', { body: { customerName: 'Initech' } }));
    const managerApi = await clientOf(manager);
    await ok(
      managerApi.POST('/registrations/{id}/approve', {
        params: { path: { id: registration.id }, header: { 'if-match': String(registration.version) } },
        body: {},
      }),
    );
    // A month and a day later the partner has done nothing on the deal; the daily run finds it.
    const later = new ManualClock(new Date(Date.now() + 31 * 86_400_000).toISOString());
    expect(await runDetection({ ...deps, clock: later }, admin.orgId)).toBe(1);

    const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, adminEmail);
    await page.goto(`${base}/oversight`);
    const finding = page.getByTestId('finding').filter({ hasText: 'Registration hoarding' });
    await finding.waitFor();
    // The names come with the users and the registration: the text settles once both are read.
    await expect
      .poll(() => finding.textContent())
      .toContain(
        'Pat Partner: registration for Initech approved 31 days ago; the partner has recorded no work on its open deal since (the registration of Initech · its deal)',
      );
    await page.screenshot({ path: screenshotPath('oversight-7-hoarding.png'), fullPage: true });
    await finding.getByRole('link', { name: 'its deal' }).click();
    await page.waitForURL(/\/deals\//);
    await page
      .getByRole('heading', { name: /Initech/ })
      .first()
      .waitFor();
    await page.screenshot({ path: screenshotPath('oversight-8-deal.png'), fullPage: true });
    await page.goBack();
    await finding.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => page.getByTestId('finding').count()).toBe(0);
    await page.getByLabel('Status').selectOption('confirmed');
    await expect.poll(() => page.getByTestId('finding').first().textContent()).toContain('Registration hoarding');
    await page.screenshot({ path: screenshotPath('oversight-9-confirmed.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
