import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/modules/users/users.service.ts';
import type { App } from '../../src/server/types.ts';
import type { TestDeps } from '../helpers/db.ts';
import { createTestOrg } from '../helpers/factories.ts';
import { screenshotPath } from './browser.ts';
import { startE2eServer, stopE2eServer } from './server.ts';

let deps: TestDeps;
let app: App;
let base: string;
let browser: Browser;

beforeAll(async () => {
  ({ deps, app, base, browser } = await startE2eServer());
});

afterAll(async () => {
  await stopE2eServer({ browser, app, deps });
});

describe('sign-in page', () => {
  it('a person with accounts in two organizations: a wrong password reads as for anyone, the right one asks which organization', async () => {
    const north = await createTestOrg(deps, 'Northwind');
    const south = await createTestOrg(deps, 'Southwind');
    const email = `pat-${Date.now()}@example.test`;
    const password = 'one password for both';
    for (const org of [north, south])
      await createUser(deps, org.admin, { email, name: 'Pat Person', role: 'rep', password });

    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${base}/sign-in`);

    // A wrong password says what it says for an email nobody has, and offers no organizations.
    await page.getByLabel('Email').fill('nobody-here@example.test');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/\S/);
    const forStranger = await page.getByRole('alert').textContent();
    await page.getByLabel('Email').fill(email);
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/sign-in'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect((await answered).status()).toBe(401);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toBe(forStranger);
    expect(await page.getByLabel('Organization').count()).toBe(0);

    // The right password opens both accounts: the page asks which organization, then signs in there.
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const choice = page.getByLabel('Organization');
    await choice.waitFor();
    expect(await choice.locator('option').allTextContents()).toEqual(
      expect.arrayContaining(['Northwind', 'Southwind']) as string[],
    );
    await page.screenshot({ path: screenshotPath('sign-in-choose-organization.png'), fullPage: true });
    await choice.selectOption({ label: 'Southwind' });
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('current-user').waitFor();
    expect(await page.getByTestId('current-user').textContent()).toBe('Pat Person');
    const session = await page.evaluate(async () => (await fetch('/api/v1/auth/session')).json());
    expect(session).toMatchObject({ organizationId: south.orgId });
    expect(pageErrors).toEqual([]);
  });
});
