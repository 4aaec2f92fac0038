import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/server/types.ts';
import { createDeal } from '../../src/modules/deals/deals.service.ts';
import { createScript, updateScript } from '../../src/modules/scripts/scripts.service.ts';
import type { TestDeps } from '../helpers/db.ts';
import { createTestOrg, createTestUser } from '../helpers/factories.ts';
import { analyticsPipeline } from '../analytics/history.ts';
import { dayPage, poll, shoot, signInAs } from './day.ts';
import { startE2eServer, stopE2eServer } from './server.ts';

/*
 * A rep calls about a deal with the pitch script on screen (its second version); the call keeps
 * that version, and the rep's Calling analytics count the call under it.
 */

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

describe('calling with a pitch script', () => {
  it('records the script version shown on the call and compares it on the Calling tab', async () => {
    const { admin } = await createTestOrg(deps);
    const rep = await createTestUser(deps, admin, 'rep', { password: 'correct horse battery', name: 'Rita Rep' });
    const p = await analyticsPipeline(deps, admin);
    const script = await createScript(deps, admin, { name: 'Opening', body: 'Hello, first draft', pipelineId: p.id });
    await updateScript(deps, admin, script.id, script.version, { body: 'Hello, second draft' });
    const deal = await createDeal(deps, rep, { name: 'Northwind renewal', pipelineId: p.id });

    const { page, problems } = await dayPage(browser, 1440);
    await signInAs(page, base, rep.email, 'correct horse battery');
    await page.getByRole('navigation', { name: 'Main' }).waitFor({ state: 'attached' });
    await page.goto(`${base}/deals/${deal.id}`);
    await page.getByRole('button', { name: 'Log a call' }).click();
    const call = page.getByTestId('call-dialog');
    await call.waitFor();
    await poll(() => call.getByTestId('call-script').textContent()).toContain('Hello, second draft');
    await call.getByLabel('Connected').check();
    await call.getByLabel('Notes').fill('Walked through the new opening.');
    await shoot(page, 'calling-log-call-1440.png');
    await call.getByRole('button', { name: 'Save call' }).click();
    await call.waitFor({ state: 'detached' });

    await page.goto(`${base}/analytics?pipelineId=${p.id}&tab=calling`);
    const arms = page.getByTestId('script-arms');
    await arms.waitFor({ state: 'attached' });
    await poll(async () =>
      (await arms.locator('tbody tr').allTextContents()).map((t) => t.replace(/\s+/g, ' ')),
    ).toEqual([expect.stringMatching(/^Opening v2 \(control\)\s*1\s*0\s*0\.0 %/)]);
    await shoot(page, 'calling-analytics-1440.png');
    expect(problems).toEqual([]);
  }, 180_000);
});
