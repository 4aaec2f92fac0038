import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DealDto } from '../../src/contract/deals.ts';
import type { ImportJobDto } from '../../src/contract/imports.ts';
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

/** The funnel's accessible table as rows of cell texts (stage, reached, advanced, exited, still open, conversion). */
async function funnelRows(page: Page): Promise<string[][]> {
  const rows = await page.getByTestId('funnel-table').locator('tbody tr').all();
  return Promise.all(rows.map(async (tr) => (await tr.locator('th, td').allTextContents()).map((t) => t.trim())));
}

describe('analytics in the browser', () => {
  it('draws the analyses of deals with stage history, follows filters kept in the URL, drills down and runs a what-if', async () => {
    const pipeline = await call<PipelineDto>('POST', '/api/v1/pipelines', {
      name: 'Analytics pipeline',
      stages: [
        { name: 'Qualify', probability: 10 },
        { name: 'Demo', probability: 40 },
        { name: 'Proposal', probability: 70 },
        { name: 'Won', kind: 'won' },
        { name: 'Lost', kind: 'lost' },
      ],
    });
    const stage = (name: string) => {
      const s = pipeline.stages.find((x) => x.name === name);
      if (!s) throw new Error(`no stage ${name}`);
      return s.id;
    };
    /** Creates a deal in the first stage and moves it through `path`, one stage visit each. */
    const deal = async (name: string, source: string, amount: string, path: string[]) => {
      let d = await call<DealDto>('POST', '/api/v1/deals', { name, pipelineId: pipeline.id, source, amount });
      for (const s of path)
        d = await call<DealDto>('POST', `/api/v1/deals/${d.id}/stage`, {
          stageId: stage(s),
          expectedVersion: d.version,
          ...(s === 'Lost' ? { lostReason: 'Budget' } : {}),
        });
      return d;
    };
    // Hand count, strict funnel over all four: Qualify 4 → Demo 3 → Proposal 1 → Won 1; win rate 1 of 2 closed.
    // Referral only (Acme, Globex): Qualify 2 → Demo 2 → Proposal 1 → Won 1.
    await deal('Acme rollout', 'referral', '1000.00', ['Demo', 'Proposal', 'Won']);
    await deal('Globex pilot', 'referral', '500.00', ['Demo', 'Lost']);
    await deal('Initech renewal', 'web', '700.00', ['Demo']);
    await deal('Umbrella trial', 'web', '300.00', []);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    await page.goto(`${base}/analytics`);
    await page.getByLabel('Email').fill(adminEmail);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Analytics', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Analytics' }).count()).toBe(1);

    // Choose the pipeline: the filter goes into the URL and the funnel is drawn for it.
    await page.getByLabel('Pipeline').selectOption(pipeline.id);
    await expect.poll(() => new URL(page.url()).searchParams.get('pipelineId')).toBe(pipeline.id);
    await page.getByRole('heading', { name: 'Funnel · Analytics pipeline' }).waitFor();
    const chart = page.getByTestId('funnel-chart');
    await chart.locator('svg').waitFor();
    // One trapezoid per stage at least (ECharts draws into an SVG).
    await expect.poll(() => chart.locator('svg path[fill]:not([fill="none"])').count()).toBeGreaterThanOrEqual(4);
    expect(await chart.getAttribute('aria-label')).toContain('Qualify 4, Demo 3, Proposal 1, Won 1');
    await expect
      .poll(() => funnelRows(page))
      .toEqual([
        ['Qualify', '4', '3', '0', '1', '100.0 %'],
        ['Demo', '3', '1', '1', '1', '50.0 %'],
        ['Proposal', '1', '1', '0', '0', '100.0 %'],
        ['Won', '1', '–', '–', '–', '–'],
      ]);
    expect(await page.getByTestId('funnel-summary').textContent()).toContain(
      'Win rate 50.0 % by count (1 won of 2 closed)',
    );
    await page.screenshot({ path: screenshotPath('analytics-funnel.png'), fullPage: true });

    // A second filter narrows the deals; reloading the URL keeps both filters.
    await page.getByLabel('Source').fill('referral');
    await page.getByLabel('Source').press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('source')).toBe('referral');
    await expect.poll(async () => (await funnelRows(page)).map((r) => r[1])).toEqual(['2', '2', '1', '1']);
    await page.reload();
    await expect.poll(async () => (await funnelRows(page)).map((r) => r[1])).toEqual(['2', '2', '1', '1']);
    expect(await page.getByLabel('Source').inputValue()).toBe('referral');

    // A range without deals says so instead of drawing an empty chart.
    await page.getByLabel('From').fill('2020-01-01');
    await page.getByLabel('To').fill('2020-01-31');
    await page.getByTestId('empty-state').waitFor();
    expect(await page.getByTestId('empty-state').textContent()).toContain('widen the dates');

    // The durations tab opens on the same filters.
    await page.goto(`${base}/analytics?pipelineId=${pipeline.id}&tab=durations`);
    await page.getByTestId('durations-table').waitFor({ state: 'attached' });

    // A deal that skips Demo: the process map draws the graph, the conformance table links to the deal.
    const skipper = await deal('Hooli skip', 'web', '900.00', ['Proposal']);
    await page.getByRole('tab', { name: 'Process map' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('tab')).toBe('process-map');
    const map = page.getByTestId('process-map-chart');
    await map.locator('svg').waitFor();
    // Edges: Qualify→Demo 3, Demo→Proposal 1, Demo→Lost 1, Proposal→Won 1, Qualify→Proposal 1.
    await expect.poll(() => map.getAttribute('aria-label')).toContain('Qualify to Demo 3 times');
    expect(await map.getAttribute('aria-label')).toContain('Qualify to Proposal 1 times');
    const variants = await page.getByTestId('variants-table').locator('tbody tr').allTextContents();
    expect(variants).toHaveLength(5);
    await page.screenshot({ path: screenshotPath('analytics-process-map.png'), fullPage: true });

    await page.getByRole('tab', { name: 'Conformance' }).click();
    const deviating = page.getByTestId('conformance-deals');
    await deviating.getByRole('link', { name: 'Hooli skip' }).waitFor();
    expect(await page.getByTestId('conformance-overall').textContent()).toContain('1 of 5 deals deviate');
    expect(await deviating.locator('tbody tr').count()).toBe(1);
    await deviating.getByRole('link', { name: 'Hooli skip' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/deals/${skipper.id}`);

    // Waterfall over today (the organization's time zone is UTC): nothing was open at its start;
    // at its end Umbrella 300 + Initech 700 + Hooli 900 are open, so "Created" holds 3 deals, 1,900.00
    // (Acme and Globex were created and closed inside the range: no bar).
    const today = new Date().toISOString().slice(0, 10);
    await page.goto(`${base}/analytics?pipelineId=${pipeline.id}&tab=waterfall&from=${today}&to=${today}`);
    await page.getByRole('button', { name: 'Created (3)' }).click();
    const behind = page.getByTestId('waterfall-deals');
    expect(await behind.locator('caption').textContent()).toBe('Created: 3 deals, USD\u00a01,900.00');
    expect((await behind.getByRole('link').allTextContents()).sort()).toEqual([
      'Hooli skip',
      'Initech renewal',
      'Umbrella trial',
    ]);
    await page.screenshot({ path: screenshotPath('analytics-waterfall.png'), fullPage: true });

    // Every tab answers on the default range: a chart with its numbers, never an error.
    await page.goto(`${base}/analytics?pipelineId=${pipeline.id}`);
    for (const tab of [
      'Stage durations',
      'Velocity',
      'Forecast',
      'Process map',
      'Conformance',
      'Bottlenecks',
      'What-if (Markov)',
      'Monte Carlo',
    ]) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('tab', { name: tab, selected: true }).waitFor();
      await page.locator('#analysis-panel .echart svg, #analysis-panel table').first().waitFor();
      expect(await page.getByTestId('error-state').count(), tab).toBe(0);
    }

    // Markov what-if. Moves: Qualify→Demo 3, Qualify→Proposal 1, Demo→Proposal 1, Demo→Lost 1,
    // Proposal→Won 1, so P(win) = Proposal 1, Demo 0.5, Qualify 0.75 × 0.5 + 0.25 = 0.625.
    // +10 points on Demo (taken from its loss): Demo 0.6, Qualify 0.75 × 0.6 + 0.25 = 0.7. Open now:
    // Umbrella (Qualify, 300), Initech (Demo, 700), Hooli (Proposal, 900): expected won revenue
    // + 300 × 0.075 + 700 × 0.1 = +92.50; win probability (0.7 + 0.6 + 1)/3 − (0.625 + 0.5 + 1)/3 = +5.8 points.
    await page.goto(`${base}/analytics?pipelineId=${pipeline.id}&tab=markov`);
    await page.getByLabel('What-if stage').selectOption({ label: 'Demo' });
    await page.getByRole('slider', { name: 'Conversion points added' }).fill('10');
    const delta = page.getByTestId('what-if-delta');
    await expect.poll(() => delta.textContent()).toContain('expected won revenue USD +92.50');
    expect(await delta.textContent()).toContain('win probability +5.8 points');
    await page.waitForTimeout(1000); // let the bars finish their animation before the screenshot
    await page.screenshot({ path: screenshotPath('analytics-what-if.png'), fullPage: true });

    // The chain of the marketing and sales journey: Pat became an MQL and was then disqualified,
    // Quinn was disqualified at once. Lead: 2 moves out (MQL 1/2, dropped 1/2), MQL: dropped, so
    // P(dropped | lead) = 1 and P(win | lead) = 0.
    type Lead = { id: string; version: number };
    const lead = (lastName: string) => call<Lead>('POST', '/api/v1/leads', { lastName });
    const pat = await apiCall<Lead>(
      base,
      token,
      'POST',
      `/api/v1/leads/${(await lead('Pat')).id}/lifecycle`,
      { stage: 'mql' },
      '1',
    );
    const quinn = await lead('Quinn');
    for (const l of [pat, quinn]) {
      await apiCall(
        base,
        token,
        'PATCH',
        `/api/v1/leads/${l.id}`,
        { status: 'disqualified', disqualifiedReason: 'No fit' },
        String(l.version),
      );
    }
    await page.getByLabel('Marketing and sales journey').check();
    await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toContain('2 journeys');
    const leadRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Lead', exact: true }) });
    await expect.poll(() => leadRow.first().textContent()).toContain('100.0');
    await page.waitForTimeout(1000);
    await page.screenshot({ path: screenshotPath('analytics-journey-markov.png'), fullPage: true });
    await page.getByLabel('Deal stages').check();

    // Conformance of the journeys: Rex is converted (without a deal) before becoming an MQL or an
    // accepted SQL, so MQL and SQL are skipped: trace lead → opportunity against lead → MQL → SQL →
    // opportunity, cost 2 + 4 − 2·2 = 2, fitness 1 − 2/6. Pat and Quinn, dropped, follow the design.
    const rex = await lead('Rex');
    await apiCall(base, token, 'POST', `/api/v1/leads/${rex.id}/convert`, {}, String(rex.version));
    await page.getByRole('tab', { name: 'Conformance' }).click();
    await page.getByLabel('Marketing and sales', { exact: true }).check();
    const journeyOverall = page.getByTestId('journey-conformance-overall');
    await expect.poll(() => journeyOverall.textContent()).toContain('1 of 3 journeys deviate');
    expect(await journeyOverall.textContent()).toContain('2 skipped steps, 0 out of order');
    expect(await page.getByTestId('journey-conformance-design').textContent()).toContain(
      'Lead → MQL → SQL accepted → Opportunity → Qualify → Demo → Proposal → Won | Lost | Dropped',
    );
    const deviatingJourneys = page.getByTestId('journey-conformance-journeys');
    expect(await deviatingJourneys.locator('tbody tr').first().textContent()).toContain(
      'MQL skipped; SQL accepted skipped0.667',
    );
    await page.screenshot({ path: screenshotPath('analytics-journey-conformance.png'), fullPage: true });
    await deviatingJourneys.getByRole('link', { name: 'Rex' }).click();
    await page.waitForURL(`**/leads/${rex.id}`);
    await page.goBack();
    await page.getByLabel('Deals', { exact: true }).check();
    await page.getByTestId('conformance-overall').waitFor();

    // Monte Carlo: seeded runs over the three open deals, and the chance of reaching a target.
    await page.getByRole('tab', { name: 'Monte Carlo' }).click();
    const summary = page.getByTestId('monte-carlo-summary');
    await expect.poll(() => summary.textContent()).toContain('10,000 runs (seed 1) over 3 open deals');
    await page.getByLabel(/Revenue target/).fill('1500');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => summary.textContent()).toMatch(/probability of reaching USD\u00a01,500(\.00)?: \d+\.\d %/);

    // Bottlenecks over the default 12 weeks. Arrivals: Qualify 5 (every deal), Demo 3 (Acme, Globex,
    // Initech), Proposal 2 (Acme, Hooli). In each stage now: Umbrella, Initech, Hooli. Acme won after
    // passing each stage within a moment, so the three open deals, seconds old, are stale.
    await page.getByRole('tab', { name: 'Bottlenecks' }).click();
    await page.getByTestId('bottlenecks-wip-chart').locator('svg').waitFor();
    const flowRows = async () =>
      Promise.all(
        (await page.getByTestId('bottlenecks-table').locator('tbody tr').all()).map(async (tr) =>
          (await tr.locator('th, td').allTextContents()).map((t) => t.trim()),
        ),
      );
    await expect
      .poll(async () => (await flowRows()).map((r) => [r[0], r[1], r[8]]))
      .toEqual([
        ['Qualify', '5', '1'],
        ['Demo', '3', '1'],
        ['Proposal', '2', '1'],
      ]);
    const staleDeals = page.getByTestId('stale-deals');
    expect((await staleDeals.getByRole('link').allTextContents()).sort()).toEqual([
      'Hooli skip',
      'Initech renewal',
      'Umbrella trial',
    ]);
    await page.screenshot({ path: screenshotPath('analytics-bottlenecks.png'), fullPage: true });

    // Owners are a multi-choice: the admin and a rep without deals → both ids in the URL, same deals;
    // the rep alone → nothing.
    const rep = await call<{ id: string }>('POST', '/api/v1/users', {
      email: `rep-${Date.now()}@example.test`,
      name: 'Rita Rep',
      role: 'rep',
      password: TEST_PASSWORD,
    });
    await page.reload();
    await page.getByTestId('filter-ownerId').locator('summary').click();
    await page.getByRole('checkbox', { name: 'Ada Admin' }).check();
    await page.getByRole('checkbox', { name: 'Rita Rep' }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get('ownerId')?.split(',').length).toBe(2);
    expect(new URL(page.url()).searchParams.get('ownerId')).toContain(rep.id);
    await expect.poll(async () => (await flowRows()).map((r) => r[1])).toEqual(['5', '3', '2']);
    await page.getByRole('checkbox', { name: 'Ada Admin' }).uncheck();
    await expect.poll(() => new URL(page.url()).searchParams.get('ownerId')).toBe(rep.id);
    await page.getByTestId('empty-state').waitFor();
    await staleDeals.getByRole('link').first().waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
  });

  it('imports deals from a CSV: column mapping with a preview, a dry run, the import with progress; the deals appear and two are merged', async () => {
    await call<PipelineDto>('POST', '/api/v1/pipelines', {
      name: 'Import pipeline',
      stages: [
        { name: 'Discovery', probability: 20 },
        { name: 'Proposal', probability: 60 },
        { name: 'Won', kind: 'won' },
        { name: 'Lost', kind: 'lost' },
      ],
    });
    const dana = await call<{ id: string }>('POST', '/api/v1/users', {
      name: 'Dana Fielding',
      email: 'dana.fielding@example.test',
      role: 'rep',
      password: TEST_PASSWORD,
    });
    // "Legacy key" is not a known column name: it is mapped by hand to externalId. "Closed Won" is
    // mapped to the Won stage, "Dana Fielding." to Dana. Line 5 has an amount that is not money.
    const csv = [
      'Legacy key,Deal Name,Pipeline,Stage,Owner,Deal Value,Created,Closed,Notes',
      'L-1,Imported Alpha,Import pipeline,Discovery,Dana Fielding,1200,2026-01-05,,first',
      'L-2,Imported Beta,Import pipeline,Proposal,D. Fielding,"2,500.00",2026-01-06,,',
      'L-3,Imported Gamma,Import pipeline,Closed Won,,800,2026-01-02,2026-02-01,won',
      'L-4,Imported Delta,Import pipeline,Discovery,,twelve,2026-01-07,,bad amount',
    ].join('\n');

    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${base}/import`);
    await page.getByLabel('Email').fill(adminEmail);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Import', exact: true }).waitFor();
    await page.getByLabel('What to import').selectOption('deals');
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'deals.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

    // The automatic mapping, column by column; Notes and Legacy key are not used.
    const field = (column: string) => page.getByLabel(`Field for column ${column}`);
    await expect.poll(() => field('Deal Name').inputValue()).toBe('name');
    expect(await field('Deal Value').inputValue()).toBe('amount');
    expect(await field('Closed').inputValue()).toBe('closedAt');
    expect(await field('Legacy key').inputValue()).toBe('');
    const preview = page.getByTestId('import-preview');
    await expect.poll(() => preview.locator('tbody tr').count()).toBe(4);
    // The stage names of the whole file against the stages of the pipeline it names: "Closed Won"
    // is none of them, so the closest stage is proposed, with why, and written into the stage map.
    const stageFor = page.getByLabel('Stage for Closed Won');
    await expect.poll(() => stageFor.inputValue()).toBe('Won');
    const stageRow = (name: string) =>
      page.getByTestId('stage-row').filter({ has: page.getByRole('cell', { name, exact: true }) });
    const closedWonRow = stageRow('Closed Won');
    expect(await closedWonRow.textContent()).toContain('proposed: "Closed Won" contains "Won"');
    expect(await stageRow('Discovery').textContent()).toContain('the same stage');
    await expect.poll(() => page.getByLabel('Stage names that differ').inputValue()).toBe('Closed Won=Won');
    // Cleared, the row is refused in the preview; chosen again, it is taken.
    await stageFor.selectOption('');
    await expect.poll(() => preview.locator('tr[data-action="reject"]').count()).toBe(2);
    expect(await preview.locator('tr', { hasText: 'Imported Delta' }).textContent()).toContain('twelve');
    await stageFor.selectOption('Won');
    // The same for owners: "D. Fielding" is no user; Dana is proposed by the similar name.
    const userFor = page.getByLabel('User for D. Fielding');
    await expect.poll(() => userFor.inputValue()).toBe('dana.fielding@example.test');
    expect(await page.getByTestId('user-row').filter({ hasText: 'D. Fielding' }).textContent()).toContain(
      'proposed: similar spelling',
    );
    await expect
      .poll(() => page.getByLabel('People named differently').inputValue())
      .toBe('D. Fielding=dana.fielding@example.test');

    await field('Legacy key').selectOption('externalId');
    await expect.poll(() => preview.locator('tr[data-action="reject"]').count()).toBe(1);
    await expect.poll(() => preview.locator('th').allTextContents()).toContain('externalId');
    expect(await preview.locator('tr[data-action="insert"]').count()).toBe(3);
    await page.screenshot({ path: screenshotPath('import-mapping-390.png'), fullPage: true });

    // The dry run reads the whole file and writes nothing.
    await page.getByRole('button', { name: 'Dry run' }).click();
    const dry = page.getByTestId('dry-run-job');
    await expect.poll(() => dry.getAttribute('data-status')).toBe('succeeded');
    expect(await dry.getByTestId('summary-would-be-inserted').textContent()).toBe('3');
    expect(await dry.getByTestId('summary-would-be-rejected').textContent()).toBe('1');
    await expect.poll(() => dry.getByTestId('import-reasons').textContent()).toContain('5');
    expect(await dry.getByTestId('import-reasons').textContent()).toContain('twelve');
    expect((await call<{ items: DealDto[] }>('GET', '/api/v1/deals?q=Imported')).items).toHaveLength(0);

    // The import itself: a progress bar, then the summary and the rejects to download.
    await page.getByRole('button', { name: 'Import deals.csv' }).click();
    const job = page.getByTestId('import-job');
    await job.getByRole('progressbar').waitFor();
    await expect.poll(() => job.getAttribute('data-status')).toBe('succeeded');
    expect(await job.getByTestId('summary-inserted').textContent()).toBe('3');
    expect(await job.getByTestId('summary-rejected').textContent()).toBe('1');
    expect(await job.textContent()).toMatch(/Import finished: 4 rows/);
    const rejects = await job.getByRole('link', { name: 'Download the rejected rows (CSV)' }).getAttribute('href');
    expect(rejects).toMatch(/^\/api\/v1\/imports\/.+\/rejects$/);
    const rejectsCsv = await page.evaluate(async (href) => (await fetch(href ?? '')).text(), rejects);
    expect(rejectsCsv).toContain('L-4,Imported Delta');
    await page.screenshot({ path: screenshotPath('import-done-390.png'), fullPage: true });

    // The deals are there, with the history the file gives (Gamma won).
    await job.getByRole('link', { name: 'See the imported deals' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/deals');
    await page.getByRole('link', { name: 'Imported Gamma' }).waitFor();
    await page.getByRole('link', { name: 'Imported Alpha' }).waitFor();
    const imported = (await call<{ items: DealDto[] }>('GET', '/api/v1/deals?q=Imported')).items;
    expect(imported.map((d) => [d.name, d.status, d.ownerId === dana.id]).sort()).toEqual([
      ['Imported Alpha', 'open', true],
      ['Imported Beta', 'open', true],
      ['Imported Gamma', 'won', false],
    ]);

    // Beta turns out to be Alpha again: merge it from Alpha's page and land on Alpha with both histories.
    const id = (name: string) => imported.find((d) => d.name === name)?.id ?? '';
    await page.goto(`${base}/deals/${id('Imported Alpha')}`);
    await page.getByRole('button', { name: 'Merge…' }).click();
    const dialog = page.getByTestId('merge-dialog');
    await dialog.getByRole('combobox').fill('Imported Beta');
    await dialog.getByRole('button', { name: 'Imported Beta' }).click();
    const comparison = dialog.getByTestId('merge-comparison');
    await comparison.waitFor();
    // Alpha's amount survives; Beta's is dropped.
    expect(await comparison.locator('tr', { hasText: 'Amount' }).locator('td').allTextContents()).toEqual([
      'USD\u00a01,200.00',
      'USD\u00a02,500.00 (dropped)',
      'USD\u00a01,200.00',
    ]);
    await page.screenshot({ path: screenshotPath('merge-dialog-390.png') });
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/deals/${id('Imported Alpha')}`);
    await page.getByTestId('merged-history').first().waitFor();
    expect(await page.getByTestId('timeline').textContent()).toContain('Duplicate deal merged into this one');
    expect(
      (await call<{ items: DealDto[] }>('GET', '/api/v1/deals?q=Imported')).items.map((d) => d.name).sort(),
    ).toEqual(['Imported Alpha', 'Imported Gamma']);

    // A file of which nothing can be imported: the dry run says so, and the import asks first.
    await page.goto(`${base}/import`);
    await page.getByLabel('What to import').selectOption('deals');
    await page.getByLabel('CSV file').setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Deal Name,Deal Value\nBad One,twelve\nBad Two,lots\n'),
    });
    await expect.poll(() => page.getByLabel('Field for column Deal Value').inputValue()).toBe('amount');
    await page.getByRole('button', { name: 'Dry run' }).click();
    const nothing = page.getByTestId('dry-run-nothing');
    await nothing.waitFor();
    expect(await nothing.textContent()).toContain('found no row to insert or update (2 rejected');
    const importsBefore = (await call<{ items: ImportJobDto[] }>('GET', '/api/v1/imports')).items.length;
    await page.getByRole('button', { name: 'Import bad.csv' }).click();
    await nothing.getByRole('button', { name: 'Import anyway' }).waitFor();
    await page.screenshot({ path: screenshotPath('import-nothing-to-write-390.png'), fullPage: true });
    await nothing.getByRole('button', { name: 'Cancel' }).click();
    expect((await call<{ items: ImportJobDto[] }>('GET', '/api/v1/imports')).items.length).toBe(importsBefore);
    expect(pageErrors).toEqual([]);
  });
});
