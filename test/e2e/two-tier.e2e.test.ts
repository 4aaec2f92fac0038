import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'openapi-fetch';
import type { ApiPaths } from '../../src/contract/api-paths.ts';
import { createApiToken } from '../../src/modules/auth/auth.service.ts';
import { checkRegistrationEscalation } from '../../src/modules/channel/registration-escalation.ts';
import type { App } from '../../src/server/types.ts';
import { ok } from '../helpers/api.ts';
import type { TestDeps } from '../helpers/db.ts';
import { createTestOrg, createTestUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { screenshotPath } from './browser.ts';
import { poll } from './day.ts';
import { apiClient, startE2eServer, stopE2eServer } from './server.ts';

let deps: TestDeps;
let app: App;
let base: string;
let browser: Browser;
let api: Client<ApiPaths>;
let distributorEmail: string;
let managerEmail: string;
let orgId: string;
let fabrikamId: string;

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('current-user').waitFor();
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
  const partner = async (name: string, type: 'distributor' | 'reseller') => {
    const a = await ok(api.POST('/accounts', { body: { name, type } }));
    await ok(api.PUT('/partners/{id}', { params: { path: { id: a.id } }, body: { partnerType: type } }));
    return a;
  };
  const arrow = await partner('Arrow Distribution', 'distributor');
  const bell = await partner('Bell Micro', 'distributor');
  const rivet = await partner('Rivet Resellers', 'reseller');
  const tern = await partner('Tern Solutions', 'reseller');
  await ok(
    api.PUT('/partners/{id}/resellers/{resellerId}', { params: { path: { id: arrow.id, resellerId: rivet.id } } }),
  );
  await ok(
    api.PUT('/partners/{id}/resellers/{resellerId}', { params: { path: { id: bell.id, resellerId: tern.id } } }),
  );
  // each reseller registers through its distributor; Rivet's is approved into a deal
  const contoso = await ok(
    api.POST('/registrations', {
      body: {
        partnerAccountId: rivet.id,
        customerName: 'Contoso Ltd',
        amount: '42000',
        expectedCloseDate: '2026-09-30',
      },
    }),
  );
  await ok(api.POST('/registrations', { body: { partnerAccountId: tern.id, customerName: 'Northwind Traders' } }));
  await ok(
    api.POST('/registrations/{id}/approve', {
      params: { path: { id: contoso.id }, header: { 'if-match': String(contoso.version) } },
      body: {},
    }),
  );
  const fabrikam = await ok(
    api.POST('/registrations', { body: { partnerAccountId: rivet.id, customerName: 'Fabrikam' } }),
  );
  fabrikamId = fabrikam.id;
  orgId = org.orgId;
  const manager = await createTestUser(deps, org.admin, 'manager', { name: 'Morgan Manager', password: TEST_PASSWORD });
  managerEmail = manager.email;
  const user = await createTestUser(deps, org.admin, 'partner', {
    name: 'Dana Distributor',
    partnerAccountId: arrow.id,
    password: TEST_PASSWORD,
  });
  distributorEmail = user.email;
});

afterAll(async () => {
  await stopE2eServer({ browser, app, deps });
});

describe('two-tier distribution in the browser', () => {
  it("a distributor's user sees its reseller's registrations and deal, not another distributor's", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, distributorEmail);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });
    await page.reload();
    await page.getByRole('heading', { name: 'Partner portal' }).waitFor();
    const work = page.getByRole('region', { name: "Your resellers' registrations and deals" });
    await work.getByTestId('reseller-deal').waitFor();
    expect(await work.getByTestId('reseller-registration').allInnerTexts()).toEqual([
      expect.stringContaining('Fabrikam by Rivet Resellers · pending'),
      expect.stringContaining('Contoso Ltd by Rivet Resellers · approved'),
    ]);
    expect(await work.getByTestId('reseller-deal').innerText()).toMatch(
      /Contoso Ltd by Rivet Resellers · open \(Qualify\)/,
    );
    expect(await page.getByText('Northwind Traders').count()).toBe(0);
    // its own registrations stay its own: none yet
    await page.getByRole('region', { name: 'My registrations' }).getByText('No registrations yet').waitFor();
    await page.screenshot({ path: screenshotPath('two-tier-1-distributor-portal.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it("a distributor's user finds its reseller's deal in the deal list, on the board and on its page, with both roles", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, distributorEmail);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });
    await page.goto(`${base}/deals`);
    const row = page.getByRole('row').filter({ hasText: 'Contoso Ltd' });
    await row.getByTestId('partner-roles').getByText('Arrow Distribution').waitFor();
    expect(await row.getByTestId('partner-roles').innerText()).toBe(
      'Reseller: Rivet Resellers · Distributor: Arrow Distribution',
    );
    // the one deal it reads: not Tern's (Bell Micro's reseller)
    expect(await page.getByRole('row').filter({ hasText: 'Northwind' }).count()).toBe(0);
    // it reads its reseller's deal but may not change it: no in-place edits offered
    expect(await row.getByRole('button', { name: /^Edit / }).count()).toBe(0);
    await page.screenshot({ path: screenshotPath('two-tier-2-distributor-deals.png'), fullPage: true });
    await page.goto(`${base}/board`);
    const card = page.getByTestId('deal-Contoso Ltd');
    await card.getByTestId('partner-roles').getByText('Arrow Distribution').waitFor();
    expect(await card.getByTestId('partner-roles').innerText()).toBe(
      'Reseller: Rivet Resellers · Distributor: Arrow Distribution',
    );
    // nor a move on the board
    expect(await card.getByRole('button', { name: 'Move Contoso Ltd to…' }).count()).toBe(0);
    expect(await card.getAttribute('draggable')).toBe('false');
    await page.screenshot({ path: screenshotPath('two-tier-3-distributor-board.png'), fullPage: true });
    await card.getByRole('link', { name: 'Contoso Ltd' }).click();
    await page.getByTestId('deal-title').waitFor();
    await page.getByTestId('partner-roles').getByText('Arrow Distribution').waitFor();
    await page.screenshot({ path: screenshotPath('two-tier-4-distributor-deal.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('the channel manager sees a registration past the SLA as overdue and replays the protection window', async () => {
    // the escalation job, run as if ten days had passed
    const later = new Date(Date.now() + 10 * 86_400_000);
    expect(await checkRegistrationEscalation({ ...deps, clock: { now: () => later } }, orgId, fabrikamId)).toBe(
      'escalated',
    );
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, managerEmail);
    await page.goto(`${base}/channel`);
    const pending = page.getByTestId('pending-registration').filter({ hasText: 'Fabrikam' });
    await pending.getByTestId('overdue').waitFor();
    expect(await pending.innerText()).toContain('by Rivet Resellers through Arrow Distribution');
    const links = page.getByRole('region', { name: 'Distributors and their resellers' });
    expect(await links.getByTestId('reseller-link').allInnerTexts()).toEqual([
      expect.stringContaining('Arrow Distribution serves Rivet Resellers'),
      expect.stringContaining('Bell Micro serves Tern Solutions'),
    ]);
    // the channel's numbers by the distributor registrations went through
    const breakdown = page.getByRole('region', { name: 'Channel breakdown' });
    await breakdown.getByLabel('Break down by').selectOption({ label: 'Distributor' });
    const rows = breakdown.getByTestId('channel-breakdown').locator('tbody tr');
    await poll(() => rows.first().getAttribute('data-group')).toBe('Arrow Distribution');
    const registered = async (): Promise<Record<string, string>> => {
      const out: Record<string, string> = {};
      for (const r of await rows.all())
        out[(await r.getAttribute('data-group')) ?? ''] = await r.locator('td').nth(1).innerText();
      return out;
    };
    expect(await registered()).toEqual({ 'Arrow Distribution': '2', 'Bell Micro': '1' });
    await breakdown.screenshot({ path: screenshotPath('two-tier-2-manager-by-distributor.png') });
    const whatIf = page.getByRole('region', { name: 'Protection-window what-if' });
    await whatIf.getByLabel('Candidate days for No tier').fill('30');
    await whatIf.getByRole('button', { name: 'Replay' }).click();
    const table = whatIf.getByTestId('what-if-result');
    await table.waitFor();
    expect(await table.innerText()).toContain('90 → 30');
    await page.screenshot({ path: screenshotPath('two-tier-2-manager-overdue-what-if.png'), fullPage: true });
  });
});
