import type { Browser } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../src/modules/accounts/accounts.service.ts';
import { WebhookDispatcher } from '../../src/modules/webhooks/webhook-dispatcher.ts';
import type { App } from '../../src/server/types.ts';
import type { TestDeps } from '../helpers/db.ts';
import { createTestOrg, TEST_PASSWORD, type TestOrg } from '../helpers/factories.ts';
import { startReceiver, type Receiver } from '../helpers/webhook-receiver.ts';
import { screenshotPath } from './browser.ts';
import { startE2eServer, stopE2eServer } from './server.ts';

let deps: TestDeps;
let app: App;
let base: string;
let browser: Browser;
let org: TestOrg;
let receiver: Receiver;
let dispatcher: WebhookDispatcher;

beforeAll(async () => {
  // The receiver listens on 127.0.0.1: this server allows private receivers, as an on-premise one would.
  ({ deps, app, base, browser } = await startE2eServer({ webhooks: { allowPrivate: true } }));
  org = await createTestOrg(deps);
  receiver = await startReceiver();
  dispatcher = new WebhookDispatcher(deps, { pollMs: 200 });
  dispatcher.start();
});

afterAll(async () => {
  await dispatcher.stop();
  await receiver.close();
  await stopE2eServer({ browser, app, deps });
});

describe('webhooks in the browser', () => {
  it('an admin registers an endpoint, copies its secret, sends a test event, sees deliveries and a failure, and pauses it', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Email').fill(org.adminEmail);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('current-user').waitFor();
    await page.goto(`${base}/admin/webhooks`);

    // A bad event type is named next to its field, from the shared schema.
    const form = page.getByRole('form', { name: 'New webhook' });
    await form.getByLabel('URL').fill(receiver.url);
    await form.getByLabel(/^Event types/).fill('Deals');
    await form.getByRole('button', { name: 'Create endpoint' }).click();
    await expect.poll(() => form.textContent()).toContain('must be an event type');

    await form.getByLabel(/^Event types/).fill('account.*');
    await form.getByLabel('Description').fill('Data warehouse');
    await form.getByRole('button', { name: 'Create endpoint' }).click();
    const secret = (await page.getByTestId('webhook-secret').locator('code').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_/);

    await page.getByRole('button', { name: 'Manage' }).click();
    const detail = page.getByTestId('webhook-detail');
    await detail.getByRole('button', { name: 'Send test event' }).click();
    await expect.poll(() => detail.getByTestId('test-result').textContent()).toContain('delivered 204');
    const test = receiver.received.at(-1)!;
    expect(new Webhook(secret).verify(test.body, test.headers)).toMatchObject({ type: 'webhook.test' });

    // Events of the log arrive; a failure shows in the attempts log with the receiver's answer.
    await createAccount(deps, org.admin, { name: 'Delivered Ltd' });
    await receiver.waitFor(2);
    receiver.answer = () => ({ status: 503, body: 'maintenance window' });
    await createAccount(deps, org.admin, { name: 'Refused Ltd' });
    await receiver.waitFor(3);
    receiver.answer = () => ({ status: 204 });
    await page.reload();
    await page.getByRole('button', { name: 'Manage' }).click();
    const attempts = page.getByTestId('webhook-attempts');
    await expect.poll(() => attempts.textContent(), { timeout: 15_000 }).toContain('maintenance window');
    expect(await attempts.textContent()).toContain('account.created');
    expect(await page.getByRole('row', { name: /Failing since/ }).count()).toBe(1);
    await page.screenshot({ path: screenshotPath('webhooks-admin.png'), fullPage: true });

    // Pausing it is an edit with the version the page holds.
    await detail.getByRole('button', { name: 'Edit' }).click();
    await detail.getByLabel('Enabled (delivering)').uncheck();
    await detail.getByRole('button', { name: 'Save endpoint' }).click();
    await expect.poll(() => page.getByRole('row', { name: /Disabled: Disabled by an administrator/ }).count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });
});
