import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DealDto } from '../../src/contract/deals.ts';
import type { PipelineDto } from '../../src/contract/pipelines.ts';
import { createApiToken } from '../../src/modules/auth/auth.service.ts';
import type { App } from '../../src/server/types.ts';
import type { TestDeps } from '../helpers/db.ts';
import { createTestOrg, TEST_PASSWORD } from '../helpers/factories.ts';
import { screenshotPath } from './browser.ts';
import { apiCall, startE2eServer, stopE2eServer } from './server.ts';

let deps: TestDeps;
let app: App;
let base: string;
let browser: Browser;
let token: string;
let adminEmail: string;

/** A request to the running server as the admin (bearer token), as a script would make it. */
const call = <T>(method: string, url: string, body?: unknown): Promise<T> => apiCall<T>(base, token, method, url, body);

beforeAll(async () => {
  ({ deps, app, base, browser } = await startE2eServer());
  const org = await createTestOrg(deps);
  adminEmail = org.adminEmail;
  token = (await createApiToken(deps, org.admin, { name: 'e2e' })).token;
});

afterAll(async () => {
  await stopE2eServer({ browser, app, deps });
});

const column = (page: Page, stage: string) => page.getByTestId(`stage-${stage}`);

describe('pipeline board in the browser', () => {
  it('signs in, moves a deal through a gated stage with the gate form, and shows its timeline', async () => {
    const pipeline = await call<PipelineDto>('POST', '/api/v1/pipelines', {
      name: 'Field sales',
      enforceStageOrder: true,
      stages: [
        { name: 'Qualify', probability: 10 },
        { name: 'Demo', probability: 40 },
        { name: 'Proposal', probability: 70, requiredFields: ['amount', 'expectedCloseDate', 'nextStep'] },
        { name: 'Won', kind: 'won' },
        { name: 'Lost', kind: 'lost' },
      ],
    });
    const deal = await call<DealDto>('POST', '/api/v1/deals', { name: 'Acme rollout', pipelineId: pipeline.id });
    await call<DealDto>('POST', '/api/v1/deals', { name: 'Globex pilot', pipelineId: pipeline.id, amount: '1000.10' });
    await call<DealDto>('POST', '/api/v1/deals', {
      name: 'Initech renewal',
      pipelineId: pipeline.id,
      amount: '2000.25',
    });

    const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    // Signed out: the board sends us to the sign-in page; a wrong password shows the server's reason.
    await page.goto(`${base}/board?pipelineId=${pipeline.id}`);
    await page.getByLabel('Email').fill(adminEmail);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/\S/);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByTestId('board').waitFor();
    expect(await page.getByTestId('current-user').textContent()).toBe('Ada Admin');
    const card = page.getByTestId('deal-Acme rollout');
    await column(page, 'Qualify').getByTestId('deal-Acme rollout').waitFor();
    // Exact stage totals: 1000.10 + 2000.25 at 10 %.
    expect(await column(page, 'Qualify').textContent()).toContain('USD\u00a03,000.35');
    expect(await column(page, 'Qualify').textContent()).toContain('weighted 300.04');

    // Stage 2 has no gate: the move succeeds.
    await card.dragTo(column(page, 'Demo'));
    await column(page, 'Demo').getByTestId('deal-Acme rollout').waitFor();
    expect(await page.getByTestId('board-notice').textContent()).toContain('Moved "Acme rollout" to Demo');

    // Stage 3 is gated: the server refuses, the form asks for the missing fields, then retries.
    await card.dragTo(column(page, 'Proposal'));
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await page.getByTestId('move-reason').textContent()).toMatch(/needs: amount, expectedCloseDate, nextStep/);
    await dialog.getByLabel('Amount').fill('12,500');
    await dialog.getByRole('button', { name: 'Save and move' }).click();
    await expect.poll(() => dialog.textContent()).toContain('must be a decimal string');
    await page.screenshot({ path: screenshotPath('gate-form.png') });
    await dialog.getByLabel('Amount').fill('12500.00');
    await dialog.getByLabel('Expected close date').fill('2026-12-31');
    await dialog.getByLabel('Next step').fill('Send the proposal to the CFO');
    await dialog.getByRole('button', { name: 'Save and move' }).click();
    await column(page, 'Proposal').getByTestId('deal-Acme rollout').waitFor();
    await dialog.waitFor({ state: 'detached' });
    expect(await column(page, 'Proposal').textContent()).toContain('USD\u00a012,500.00');
    expect(await column(page, 'Proposal').textContent()).toContain('weighted 8,750.00');

    // The pipeline forbids skipping stages: the refusal's reason is shown and the deal stays.
    await page.getByTestId('deal-Globex pilot').dragTo(column(page, 'Proposal'));
    await expect
      .poll(() => page.getByTestId('board-notice').textContent())
      .toMatch(/does not allow skipping stages: move through "Demo" first/);
    expect(await page.getByTestId('board-notice').getAttribute('role')).toBe('alert');
    await column(page, 'Qualify').getByTestId('deal-Globex pilot').waitFor();
    await page.screenshot({ path: screenshotPath('board.png'), fullPage: true });

    const stored = await call<DealDto>('GET', `/api/v1/deals/${deal.id}`);
    expect(stored.stageId).toBe(pipeline.stages[2]?.id);
    expect(stored).toMatchObject({
      amount: '12500.00',
      expectedCloseDate: '2026-12-31',
      nextStep: 'Send the proposal to the CFO',
    });

    // The deal page: fields and the timeline, newest first.
    await card.getByRole('link', { name: 'Acme rollout' }).click();
    await page.getByTestId('deal-title').waitFor();
    expect(await page.getByTestId('deal-stage').textContent()).toBe('Proposal');
    const entries = page.getByTestId('timeline-entry');
    await expect.poll(() => entries.count()).toBe(4);
    expect(await Promise.all([0, 1, 2, 3].map((i) => entries.nth(i).getAttribute('data-type')))).toEqual([
      'deal.stage_changed',
      'deal.updated',
      'deal.stage_changed',
      'deal.created',
    ]);
    expect(await entries.nth(0).textContent()).toContain('Demo → Proposal');
    expect(await entries.nth(0).textContent()).toContain('Ada Admin');
    expect(await entries.nth(1).textContent()).toContain('12,500.00');
    expect(await entries.nth(2).textContent()).toContain('Qualify → Demo');
    expect(await entries.nth(3).textContent()).toContain('Pipeline Field sales');
    await page.screenshot({ path: screenshotPath('deal.png'), fullPage: true });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const after = await page.evaluate(async () => (await fetch('/api/v1/auth/session')).status);
    expect(after).toBe(401);
    expect(pageErrors).toEqual([]);
  });
});
