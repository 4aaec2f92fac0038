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
let adminEmail: string;
let dealId: string;
let annEmail: string;
let wonStageId: string;

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
  adminEmail = org.adminEmail;
  api = apiClient(base, (await createApiToken(deps, org.admin, { name: 'e2e' })).token);
  const pipeline = await ok(
    api.POST('/pipelines', {
      body: {
        name: 'Homes',
        isDefault: true,
        stages: [
          { name: 'Viewing', probability: 20 },
          { name: 'Won', kind: 'won' },
          { name: 'Lost', kind: 'lost' },
        ],
      },
    }),
  );
  wonStageId = pipeline.stages.find((st) => st.kind === 'won')?.id ?? '';
  const buyer = await ok(api.POST('/accounts', { body: { name: 'Buyer Family' } }));
  const seller = await ok(api.POST('/accounts', { body: { name: 'Seller Estate' } }));
  const firm = await ok(
    api.POST('/agent-parties', { body: { kind: 'firm', name: 'Acme Realty', jurisdiction: 'US-NV' } }),
  );
  const ann = await ok(
    api.POST('/agent-parties', {
      body: { kind: 'person', name: 'Ann Agent', firmId: firm.id, licenceNumber: 'NV-22' },
    }),
  );
  const bob = await ok(api.POST('/agent-parties', { body: { kind: 'person', name: 'Bob Broker', firmId: firm.id } }));
  for (const [party, side, account] of [
    [ann, 'buyer', buyer],
    [bob, 'seller', seller],
  ] as const)
    await ok(
      api.POST('/agency-agreements', {
        body: {
          agentPartyId: party.id,
          side,
          representedAccountId: account.id,
          effectiveFrom: '2020-01-01',
          compensationKind: 'percent',
          compensationPercent: '2.5',
        },
      }),
    );
  dealId = (await ok(api.POST('/deals', { body: { name: '12 Elm Street', amount: '450000.00' } }))).id;
  annEmail = (await createTestUser(deps, org.admin, 'agent', { agentPartyId: ann.id, password: TEST_PASSWORD })).email;
});

afterAll(async () => {
  await stopE2eServer({ browser, app, deps });
});

describe('agents in the browser', () => {
  it("an admin puts both sides' agents of one firm on a deal, is blocked, records both consents, then succeeds", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, adminEmail);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('response', (r) => {
      // the blocked assignment is the refusal this test expects
      const expected = r.status() === 409 && r.url().endsWith(`/deals/${dealId}/agents`);
      if (r.status() >= 400 && !expected) problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });

    await page.goto(`${base}/admin/agents`);
    await page.getByTestId('agent-parties').getByText('Bob Broker').waitFor();
    await page.screenshot({ path: screenshotPath('agents-1-admin-agents.png'), fullPage: true });

    await page.goto(`${base}/deals/${dealId}`);
    const section = page.getByTestId('deal-agents');
    await section.getByText('No agents on this deal.').waitFor();
    const add = section.getByTestId('add-agent');
    const addAgent = async (name: string, role: string) => {
      await add.locator('select[name=agentPartyId]').selectOption({ label: `${name} (Acme Realty)` });
      await add.locator('select[name=role]').selectOption({ label: role });
      await add.locator('select[name=agreementId]').selectOption({ index: 1 });
      await add.getByRole('button', { name: 'Add agent' }).click();
    };
    await addAgent('Ann Agent', "Buyer's agent");
    await section.getByTestId('agents-table').getByText('Ann Agent').waitFor();

    await addAgent('Bob Broker', "Seller's agent");
    const warning = section.getByTestId('dual-agency-warning');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('Dual agency blocked');
    expect(await section.getByTestId('agents-table').getByText('Bob Broker').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('agents-2-dual-agency-blocked.png'), fullPage: true });

    const consent = section.getByTestId('consent-form');
    for (const [side, who, doc] of [
      ['buyer', 'Buyer Family', 'CONSENT-B-1'],
      ['seller', 'Seller Estate', 'CONSENT-S-1'],
    ] as const) {
      await consent.locator('select[name=side]').selectOption(side);
      await consent.getByLabel('Given by').fill(who);
      await consent.getByLabel('Document', { exact: true }).fill(doc);
      await consent.getByRole('button', { name: 'Record consent' }).click();
      await section.getByText(`The ${side}'s consent is recorded.`).waitFor();
    }
    await page.screenshot({ path: screenshotPath('agents-3-consents-recorded.png'), fullPage: true });

    await addAgent('Bob Broker', "Seller's agent");
    await section.getByTestId('agents-table').getByText('Bob Broker').waitFor();
    const consented = section.getByTestId('dual-agency-consented');
    await consented.waitFor();
    expect(await consented.innerText()).toContain('buyer and seller');
    await page.screenshot({ path: screenshotPath('agents-4-assigned-with-consent.png'), fullPage: true });
    expect(problems).toEqual([]);

    // Ann signs in as an agent: her home lists the deal, her side and the 2.5 % she is expected to earn.
    const agentPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(agentPage, annEmail);
    agentPage.on('pageerror', (e) => problems.push(e.message));
    agentPage.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });
    const work = agentPage.getByTestId('agent-work');
    await work.getByTestId('agent-deals').getByText('12 Elm Street').waitFor();
    const row = await work.getByTestId('agent-deals').locator('tbody tr').innerText();
    expect(row).toContain("Buyer's agent");
    expect(row).toContain('11,250.00');
    expect(await work.getByTestId('agent-totals').innerText()).toContain('expected on open deals');
    await agentPage.screenshot({ path: screenshotPath('agents-5-agent-home.png'), fullPage: true });
    // Her menu offers only what an agent has, and every page of it opens without a refused request.
    const nav = agentPage.getByRole('navigation', { name: 'Main' });
    const menu = await nav.getByRole('link').allInnerTexts();
    // No lead inbox: an agent works deals, never leads.
    expect(menu).toEqual(['Board', 'Deals', 'Activities', 'Analytics', 'Commissions']);
    for (const item of menu) {
      await nav.getByRole('link', { name: item, exact: true }).click();
      await agentPage.waitForLoadState('networkidle');
    }
    expect(problems).toEqual([]);

    // The deal is won: Ann's commission statement of the month has her agent line, 2.5 % of 450,000.00.
    const deal = await ok(api.GET('/deals/{id}', { params: { path: { id: dealId } } }));
    await ok(
      api.POST('/deals/{id}/stage', {
        params: { path: { id: dealId } },
        body: { stageId: wonStageId, expectedVersion: deal.version },
      }),
    );
    await nav.getByRole('link', { name: 'Commissions', exact: true }).click();
    const statement = agentPage.getByTestId('statement');
    await statement.getByRole('heading', { name: /Statement of Ann Agent/ }).waitFor();
    await agentPage.reload();
    const lines = statement.getByTestId('statement-lines');
    await lines.getByText('12 Elm Street').waitFor();
    const line = await lines.locator('tbody tr').innerText();
    expect(line).toContain('Agent');
    expect(line).toContain('11,250.00');
    expect(await statement.getByTestId('statement-total').innerText()).toContain('11,250.00');
    expect(await statement.getByRole('button', { name: 'Dispute' }).count()).toBe(0);
    await agentPage.screenshot({ path: screenshotPath('agents-6-agent-statement.png'), fullPage: true });
    expect(problems).toEqual([]);
  });
});
