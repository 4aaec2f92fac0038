import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'openapi-fetch';
import type { ApiPaths } from '../../src/contract/api-paths.ts';
import { createApiToken } from '../../src/modules/auth/auth.service.ts';
import type { App } from '../../src/server/types.ts';
import { ok } from '../helpers/api.ts';
import type { TestDeps } from '../helpers/db.ts';
import { createTestOrg, TEST_PASSWORD } from '../helpers/factories.ts';
import { screenshotPath } from './browser.ts';
import { apiClient, startE2eServer, stopE2eServer } from './server.ts';

let deps: TestDeps;
let app: App;
let base: string;
let browser: Browser;
let adminEmail: string;
/** Requests to the running server as the admin (bearer token), as a script would make them. */
let api: Client<ApiPaths>;

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('current-user').waitFor();
}

/** The test ids of the elements a locator matches, in document order. */
const testIds = async (locator: Locator) =>
  Promise.all((await locator.all()).map((l) => l.getAttribute('data-testid')));

beforeAll(async () => {
  ({ deps, app, base, browser } = await startE2eServer());
  const org = await createTestOrg(deps);
  adminEmail = org.adminEmail;
  api = apiClient(base, (await createApiToken(deps, org.admin, { name: 'e2e' })).token);
});

afterAll(async () => {
  await stopE2eServer({ browser, app, deps });
});

describe('admin screens in the browser', () => {
  it('creates a user and reorders stages by drag; both show on the board; other roles get no admin', async () => {
    const pipeline = await ok(
      api.POST('/pipelines', {
        body: {
          name: 'Field sales',
          stages: [
            { name: 'Qualify', probability: 10 },
            { name: 'Demo', probability: 40 },
            { name: 'Proposal', probability: 70 },
            { name: 'Won', kind: 'won' },
            { name: 'Lost', kind: 'lost' },
          ],
        },
      }),
    );
    await ok(api.POST('/deals', { body: { name: 'Admin-owned deal', pipelineId: pipeline.id } }));

    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signIn(page, adminEmail, TEST_PASSWORD);

    // Users: a taken email is refused by the server and the reason shows next to the field.
    await page.getByRole('link', { name: 'Admin', exact: true }).click();
    const form = page.getByRole('form', { name: 'New user' });
    await form.waitFor();
    await form.getByLabel('Email').fill(adminEmail);
    await form.getByLabel('Name', { exact: true }).fill('Rita Rep');
    await form.getByRole('button', { name: 'Create user' }).click();
    await expect.poll(() => form.locator('label', { hasText: 'Email' }).textContent()).toContain('is taken');
    expect(await form.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');

    const ritaEmail = `rita-${Date.now()}@example.test`;
    await form.getByLabel('Email').fill(ritaEmail);
    await form.getByLabel('Role').selectOption('rep');
    await form.getByRole('button', { name: 'Generate' }).click();
    const ritaPassword = await form.getByLabel(/^Password/).inputValue();
    expect(ritaPassword).toHaveLength(16);
    await form.getByRole('button', { name: 'Create user' }).click();
    await page.getByTestId(`user-${ritaEmail}`).waitFor();
    expect(await page.getByRole('status').textContent()).toContain(ritaPassword);
    await page.screenshot({ path: screenshotPath('admin-users.png'), fullPage: true });
    const rita = (await ok(api.GET('/users', { params: { query: { limit: 200 } } }))).items.find(
      (u) => u.email === ritaEmail,
    );
    expect(rita).toMatchObject({ name: 'Rita Rep', role: 'rep', active: true });

    // Pipelines: a won stage at 50 % is refused by the server, named in its row.
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Pipelines' }).click();
    await page.getByLabel('Pipeline to edit').selectOption(pipeline.id);
    const stagesForm = page.getByRole('form', { name: 'Stages' });
    const wonRow = stagesForm.getByTestId('stage-row-Won');
    await wonRow.getByLabel('Probability %').fill('50');
    await stagesForm.getByRole('button', { name: 'Save stages' }).click();
    await expect.poll(() => wonRow.textContent()).toContain('must be 100 for a won stage');
    await wonRow.getByLabel('Probability %').fill('');

    // Drag Proposal above Demo, then save: the board shows the new order.
    await stagesForm.getByTestId('stage-handle-Proposal').dragTo(stagesForm.getByTestId('stage-row-Demo'));
    expect(await testIds(stagesForm.getByTestId('stage-rows').locator('> li'))).toEqual([
      'stage-row-Qualify',
      'stage-row-Proposal',
      'stage-row-Demo',
      'stage-row-Won',
      'stage-row-Lost',
    ]);
    await stagesForm.getByRole('button', { name: 'Save stages' }).click();
    await page.getByTestId('admin-saved').waitFor();
    await page.screenshot({ path: screenshotPath('admin-pipeline.png'), fullPage: true });
    const stored = await ok(api.GET('/pipelines/{id}', { params: { path: { id: pipeline.id } } }));
    expect(stored.stages.map((s) => s.name)).toEqual(['Qualify', 'Proposal', 'Demo', 'Won', 'Lost']);
    // Kept stages keep their ids (deals in them stay where they are).
    expect(stored.stages.find((s) => s.name === 'Demo')?.id).toBe(pipeline.stages[1]?.id);

    // A deal of the new user; on the board the owner filter offers her and narrows the columns.
    await ok(api.POST('/deals', { body: { name: 'Rita first deal', pipelineId: pipeline.id, ownerId: rita?.id } }));
    // The deal was made through the API, outside this page: load the board afresh (the app keeps
    // fetched lists for a few seconds, so an in-app click could show the list from before it).
    await page.goto(`${base}/board?pipelineId=${pipeline.id}`);
    await page.getByTestId('board').waitFor();
    // The board's first load of this pipeline; generous for a machine under load.
    await page.getByTestId('deal-Rita first deal').waitFor({ timeout: 60_000 });
    expect(await testIds(page.locator('[data-testid="board"] > .column'))).toEqual([
      'stage-Qualify',
      'stage-Proposal',
      'stage-Demo',
      'stage-Won',
      'stage-Lost',
    ]);
    expect(await page.getByTestId('deal-Rita first deal').textContent()).toContain('Rita Rep');
    await page.getByLabel('Owner').selectOption({ label: 'Rita Rep' });
    await page.getByTestId('deal-Admin-owned deal').waitFor({ state: 'detached' });
    await page.getByTestId('deal-Rita first deal').waitFor();
    expect(page.url()).toContain(`ownerId=${rita?.id}`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();

    // The new rep signs in with the generated password: no admin menu, and the admin URL sends her to the board.
    await signIn(page, ritaEmail, ritaPassword);
    expect(await page.getByRole('link', { name: 'Admin', exact: true }).count()).toBe(0);
    await page.goto(`${base}/admin/users`);
    await page.getByTestId('board').waitFor();
    expect(new URL(page.url()).pathname).toBe('/board');
    // The API refuses her too (with a valid CSRF token, so the refusal is about the role).
    const refused = await page.evaluate(async () => {
      const { csrfToken } = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string };
      const res = await fetch('/api/v1/users', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ email: 'x@example.test', name: 'X', role: 'admin' }),
      });
      return { status: res.status, code: ((await res.json()) as { code: string }).code };
    });
    expect(refused).toEqual({ status: 403, code: 'forbidden' });
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
