import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/contract/access.ts';
import { fiscalPeriodOf } from '../../src/contract/fiscal.ts';
import { createApiToken } from '../../src/modules/auth/auth.service.ts';
import type { App } from '../../src/server/types.ts';
import { ok } from '../helpers/api.ts';
import type { TestDeps } from '../helpers/db.ts';
import { createTestOrg, createTestUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { createTestPipeline } from '../helpers/sales.ts';
import { screenshotPath } from './browser.ts';
import { poll } from './day.ts';
import { apiClient, startE2eServer, stopE2eServer } from './server.ts';

let deps: TestDeps;
let app: App;
let base: string;
let browser: Browser;

const clientOf = async (actor: Actor) => apiClient(base, (await createApiToken(deps, actor, { name: 'e2e' })).token);

beforeAll(async () => {
  ({ deps, app, base, browser } = await startE2eServer());
});
afterAll(async () => {
  await stopE2eServer({ browser, app, deps });
});

/** A locator's text with Intl's no-break spaces as plain ones ("USD\u00a0800.00" → "USD 800.00"). */
async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s/g, ' ');
}

async function signedIn(email: string, errors: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 500) errors.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('current-user').waitFor();
  return page;
}

describe('forecasts and commissions in the browser', () => {
  it('a rep submits a forecast, the manager rolls it up with an override, the rep disputes a statement line and the manager answers', async () => {
    // The organization's day (UTC) decides the quarter and the month the screens open on.
    const today = new Date().toISOString().slice(0, 10);
    const quarter = fiscalPeriodOf(today, 1);
    const month = today.slice(0, 7);
    const { admin } = await createTestOrg(deps);
    const manager = await createTestUser(deps, admin, 'manager', { name: 'Mona Manager', password: TEST_PASSWORD });
    const adminApi = await clientOf(admin);
    const team = await ok(
      adminApi.POST('/teams', { body: { name: 'Field North', kind: 'field_sales', managerId: manager.userId } }),
    );
    const rep = await createTestUser(deps, admin, 'rep', {
      teamId: team.id,
      managerId: manager.userId,
      name: 'Rita Rep',
      password: TEST_PASSWORD,
    });
    const pipeline = await createTestPipeline(deps, admin, {
      isDefault: true,
      stages: [
        { name: 'Early', kind: 'open', probability: 20, forecastCategory: 'pipeline' },
        { name: 'Likely', kind: 'open', probability: 60, forecastCategory: 'best_case' },
        { name: 'Sure', kind: 'open', probability: 90, forecastCategory: 'commit' },
        { name: 'Won', kind: 'won' },
        { name: 'Lost', kind: 'lost' },
      ],
    });
    const plan = await ok(
      adminApi.POST('/commission-plans', {
        body: { name: 'Field sales', rates: [{ family: null, ratePercent: '10' }] },
      }),
    );
    await ok(
      adminApi.POST('/commission-assignments', {
        body: { planId: plan.id, payeeId: rep.userId, startsOn: `${today.slice(0, 4)}-01-01` },
      }),
    );
    await ok(adminApi.PUT('/quotas', { body: { period: quarter.key, userId: rep.userId, amount: '50000.00' } }));
    await ok(adminApi.PUT('/quotas', { body: { period: quarter.key, teamId: team.id, amount: '80000.00' } }));

    const repApi = await clientOf(rep);
    const deal = (name: string, stage: string, amount: string) =>
      ok(
        repApi.POST('/deals', {
          body: { name, pipelineId: pipeline.id, stageId: pipeline.stage(stage), amount, expectedCloseDate: today },
        }),
      );
    await deal('Acme renewal', 'Sure', '12000.00');
    const globex = await deal('Globex pilot', 'Likely', '5000.00');
    await deal('Hooli trial', 'Early', '3000.00');
    const won = await deal('Initech expansion', 'Sure', '8000.00');
    await ok(
      repApi.POST('/deals/{id}/stage', {
        params: { path: { id: won.id } },
        body: { stageId: pipeline.stage('Won'), expectedVersion: won.version },
      }),
    );

    // The rep calls Globex a commit on its page, over its stage's best case.
    const errors: string[] = [];
    const repPage = await signedIn(rep.email, errors);
    await repPage.goto(`${base}/deals/${globex.id}`);
    const category = repPage.getByTestId('field-forecastCategory');
    await poll(() => text(category)).toContain('Best case (from the stage)');
    await repPage.getByRole('button', { name: 'Edit Forecast category' }).click();
    await category.locator('select').selectOption('commit');
    await category.getByRole('button', { name: 'Save' }).click();
    await poll(() => text(category)).not.toContain('from the stage');
    expect(await text(category)).toContain('Commit');
    await repPage.screenshot({ path: screenshotPath('forecast-0-deal-category.png'), fullPage: true });

    // The forecast is pre-filled from the deals' categories: won 8,000 + commit 12,000 + 5,000.
    await repPage.getByRole('link', { name: 'Forecast', exact: true }).click();
    const mine = repPage.getByTestId('my-forecast');
    await poll(() => repPage.getByTestId('forecast-commit').inputValue()).toBe('25000.00');
    expect(await repPage.getByTestId('forecast-bestCase').inputValue()).toBe('25000.00');
    expect(await repPage.getByTestId('forecast-pipeline').inputValue()).toBe('28000.00');
    expect(await repPage.getByTestId('forecast-deals').textContent()).toContain('Acme renewal');
    await poll(() => repPage.getByTestId('attainment-table').textContent()).toContain('Rita Rep');
    // A bad figure is named beside its field, the rest kept.
    await repPage.getByTestId('forecast-commit').fill('lots');
    await mine.getByRole('button', { name: 'Submit forecast' }).click();
    await poll(() => mine.locator('.field-error').first().textContent()).toBeTruthy();
    await repPage.getByTestId('forecast-commit').fill('18000');
    await repPage.getByTestId('forecast-bestCase').fill('23000');
    await mine.getByLabel('Note').fill('Acme may slip to next quarter');
    await mine.getByRole('button', { name: 'Submit forecast' }).click();
    await repPage.getByTestId('forecast-submitted').waitFor();
    await poll(() => repPage.getByTestId('forecast-history').textContent()).toContain('Acme may slip');
    expect(await repPage.getByTestId('forecast-history').textContent()).toContain('18,000.00');
    const repExpected = repPage.getByTestId('system-forecast').getByTestId('system-expected');
    await repExpected.waitFor();
    const expectedOfRita = await text(repExpected);
    await repPage.screenshot({ path: screenshotPath('forecast-1-rep-submitted.png'), fullPage: true });

    // The manager rolls the team up: Rita's submission, overridden down with a note.
    const page = await signedIn(manager.email, errors);
    await page.getByRole('link', { name: 'Forecast', exact: true }).click();
    const row = page.getByTestId('rollup-member').filter({ hasText: 'Rita Rep' });
    await poll(() => row.textContent()).toContain('submitted');
    expect(await row.textContent()).toContain('18,000.00');
    // The system's figures beside hers: won so far plus the simulated rest of the quarter (P50,
    // P10–P90), and the same stage-weighted figure she sees.
    const system = row.getByTestId('member-system-forecast');
    await poll(() => system.textContent()).toContain('P90');
    expect(await text(system)).toContain(`stage-weighted ${expectedOfRita}`);
    await row.getByLabel('Override commit of Rita Rep').fill('15000');
    const rollup = page.getByTestId('team-rollup');
    await rollup.getByRole('button', { name: 'Submit roll-up' }).click();
    // Overrides need a note saying why.
    await poll(() => rollup.locator('.field-error').textContent()).toContain('required');
    await rollup.getByLabel(/Note/).fill('Acme legal review takes a quarter');
    await rollup.getByRole('button', { name: 'Submit roll-up' }).click();
    await page.getByTestId('rollup-submitted').waitFor();
    const history = page.getByTestId('forecast-history');
    await poll(() => history.textContent()).toContain('Team roll-up');
    expect(await text(history)).toContain('Rita Rep: commit USD 18,000.00 → USD 15,000.00');
    await poll(() => page.getByTestId('attainment-table').textContent()).toContain('(team)');
    await page.getByTestId('attainment-chart').locator('svg').waitFor();
    await page.screenshot({ path: screenshotPath('forecast-2-manager-rollup.png'), fullPage: true });
    const submissions = await ok(repApi.GET('/forecasts', { params: { query: { period: quarter.key } } }));
    expect(submissions.items.map((s) => [s.kind, s.figures.commit])).toEqual([['rep', '18000.00']]);

    // The rep's statement of the month: the win at 10 %, traced to its events; a line disputed.
    await repPage.getByRole('link', { name: 'Commissions', exact: true }).click();
    const line = repPage.getByTestId('commission-line').filter({ hasText: 'Initech expansion' });
    await poll(() => line.textContent()).toContain('800.00');
    expect(await line.getByTestId('line-events').locator('code').count()).toBeGreaterThan(0);
    expect(await text(repPage.getByTestId('statement-total'))).toBe('USD 800.00');
    expect(await repPage.getByTestId('commission-period').inputValue()).toBe(month);
    await line.getByRole('button', { name: 'Dispute' }).click();
    await repPage
      .getByTestId('raise-dispute')
      .getByLabel('Why is this line wrong?')
      .fill('The deal included services at 12%');
    await repPage.getByRole('button', { name: 'Raise dispute' }).click();
    await poll(() => repPage.getByTestId('dispute').textContent()).toContain('The deal included services');
    expect(await line.textContent()).toContain('disputed');
    await repPage.screenshot({ path: screenshotPath('forecast-3-rep-statement-dispute.png'), fullPage: true });

    // The manager finds the dispute, opens the statement and accepts it with an adjustment.
    await page.getByRole('link', { name: 'Commissions', exact: true }).click();
    await page.getByTestId('open-dispute-link').filter({ hasText: 'Rita Rep' }).click();
    const answer = page.getByTestId('answer-dispute');
    await answer.getByLabel('Note').fill('Services earn 12%: adjusted');
    await answer.getByLabel(/Adjustment/).fill('40.00');
    await answer.getByRole('button', { name: 'Answer' }).click();
    await poll(() => text(page.getByTestId('dispute'))).toContain('accepted, adjusted by USD 40.00');
    await poll(() => text(page.getByTestId('statement-total'))).toBe('USD 840.00');
    await page.screenshot({ path: screenshotPath('forecast-4-manager-answers.png'), fullPage: true });

    // The auditor reads it all and is offered nothing to submit, set, dispute or answer.
    const auditor = await createTestUser(deps, admin, 'auditor', { name: 'Otto Auditor', password: TEST_PASSWORD });
    const audit = await signedIn(auditor.email, errors);
    await audit.getByRole('link', { name: 'Forecast', exact: true }).click();
    await poll(() => audit.getByTestId('forecast-submission').count()).toBe(2);
    await audit.getByTestId('attainment-table').waitFor();
    expect(await audit.getByTestId('my-forecast').count()).toBe(0);
    expect(await audit.getByTestId('team-rollup').count()).toBe(0);
    expect(await audit.getByTestId('quota-form').count()).toBe(0);
    await audit.getByRole('link', { name: 'Commissions', exact: true }).click();
    await audit.getByTestId('team-statements').getByRole('link', { name: 'Rita Rep' }).click();
    await poll(() => text(audit.getByTestId('statement-total'))).toBe('USD 840.00');
    expect(await audit.getByRole('button', { name: 'Dispute' }).count()).toBe(0);
    expect(await audit.getByTestId('answer-dispute').count()).toBe(0);
    await audit.screenshot({ path: screenshotPath('forecast-5-auditor-statement.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
