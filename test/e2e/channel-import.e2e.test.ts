import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTier } from '../../src/modules/channel/programme.service.ts';
import { starterPipeline } from '../../src/modules/organizations/set-up-organization.ts';
import { createPipeline } from '../../src/modules/pipelines/pipelines.service.ts';
import type { App } from '../../src/server/types.ts';
import type { TestDeps } from '../helpers/db.ts';
import { createTestOrg, createTestUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { fixture, importCsv } from '../helpers/imports.ts';
import { screenshotPath } from './browser.ts';
import { startE2eServer, stopE2eServer } from './server.ts';

let deps: TestDeps;
let app: App;
let base: string;
let browser: Browser;
let managerEmail: string;

/**
 * A partner programme already imported by the admin (the Salesforce partner accounts), the
 * products and Northwind's partner deal OPP-NW-1.
 */
beforeAll(async () => {
  ({ deps, app, base, browser } = await startE2eServer());
  const { admin } = await createTestOrg(deps);
  await createPipeline(deps, admin, starterPipeline);
  await createTier(deps, admin, { name: 'Gold', protectionDays: 90 });
  await createTier(deps, admin, { name: 'Silver', protectionDays: 60 });
  await importCsv(deps, admin, 'Name,Domain\nContoso Solutions,contoso.example\n', {
    entity: 'accounts',
  });
  await importCsv(deps, admin, fixture('partners-salesforce.csv'), {
    entity: 'partners',
    preset: 'salesforce',
    createMissing: true,
  });
  await importCsv(deps, admin, 'SKU,Name,List Price\nWP-1,Widget Pro,1000\nWL-1,Widget Lite,400\n', {
    entity: 'products',
  });
  await importCsv(
    deps,
    admin,
    [
      'External Id,Name,Account,Channel,Partner,Amount',
      'OPP-NW-1,Initech platform,Initech,partner,Northwind Distribution,20000',
    ].join('\n'),
    { entity: 'deals', createMissing: true },
  );
  const manager = await createTestUser(deps, admin, 'manager', { name: 'Morgan Manager', password: TEST_PASSWORD });
  managerEmail = manager.email;
});

afterAll(async () => {
  await stopE2eServer({ browser, app, deps });
});

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('current-user').waitFor();
}

describe('importing deal registrations in the browser', () => {
  it('a channel manager chooses registrations and the HubSpot preset: the columns are mapped and the rows previewed as new', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, managerEmail);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });
    await page.goto(`${base}/import`);
    await page.getByRole('heading', { name: 'Import', exact: true }).waitFor();
    // A manager imports registrations, not the programme's partners (the admins configure it).
    const entities = await page.getByLabel('What to import').locator('option').allTextContents();
    expect(entities).toContain('Registrations');
    expect(entities).not.toContain('Partners');
    await page.getByLabel('What to import').selectOption('registrations');
    await page.getByLabel('Exported from').selectOption('hubspot');
    await page.getByLabel('CSV file').setInputFiles({
      name: 'deal-registrations.csv',
      mimeType: 'text/csv',
      buffer: fs.readFileSync(fixture('registrations-hubspot.csv')),
    });
    const field = (column: string) => page.getByLabel(`Field for column ${column}`);
    await expect.poll(() => field('Partner Company').inputValue()).toBe('partner');
    expect(await field('Registration Status').inputValue()).toBe('status');
    expect(await field('Associated Deal').inputValue()).toBe('deal');
    const preview = page.getByTestId('import-preview');
    await expect.poll(() => preview.locator('tr[data-action="insert"]').count()).toBe(2);
    expect(await preview.locator('tr', { hasText: '7001' }).innerText()).toContain('Acme Rockets');
    expect(await preview.locator('tr', { hasText: '7002' }).innerText()).toContain('expired');
    await page.screenshot({ path: screenshotPath('channel-import-1-mapping.png'), fullPage: true });

    expect(problems).toEqual([]);
    await page.close();
  });
});
