import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DealDto } from '../../src/contract/deals.ts';
import type { PipelineDto } from '../../src/contract/pipelines.ts';
import { createApiToken } from '../../src/modules/auth/auth.service.ts';
import type { App } from '../../src/server/types.ts';
import type { TestDeps } from '../helpers/db.ts';
import { createTestOrg, createTestTeam, createTestUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { screenshotPath } from './browser.ts';
import { apiCall, startE2eServer, stopE2eServer } from './server.ts';

/*
 * The board at scale and on a phone: a manager on a board with a 2,400-deal column (scrolled, its
 * closed period widened, a deal moved), and a rep on a 390 px phone (the menu, a deal moved with
 * "Move to", no sideways overflow on any main page).
 */

const LONG = 2400;
/** The element properties these tests read in the page (the tests are type-checked without DOM types). */
interface Scroller {
  scrollTop: number;
  scrollHeight: number;
  scrollWidth: number;
  clientWidth: number;
}
let deps: TestDeps;
let app: App;
let base: string;
let browser: Browser;
let token: string;
let pipeline: PipelineDto;
let manager: { email: string };
let rep: { email: string; userId: string };

const call = <T>(method: string, url: string, body?: unknown): Promise<T> => apiCall<T>(base, token, method, url, body);
const column = (page: Page, stage: string) => page.getByTestId(`stage-${stage}`);

/** Watches a page for script errors and failed requests (none is deliberate once signed in: the signed-out session check before is cleared). */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  return problems;
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('board').waitFor();
}

beforeAll(async () => {
  ({ deps, app, base, browser } = await startE2eServer());
  const org = await createTestOrg(deps);
  token = (await createApiToken(deps, org.admin, { name: 'e2e' })).token;
  const team = await createTestTeam(deps, org.admin);
  const m = await createTestUser(deps, org.admin, 'manager', {
    teamId: team.id,
    name: 'Mia Manager',
    password: TEST_PASSWORD,
  });
  const r = await createTestUser(deps, org.admin, 'rep', {
    teamId: team.id,
    managerId: m.userId,
    name: 'Rob Rep',
    password: TEST_PASSWORD,
  });
  manager = m;
  rep = r;
  pipeline = await call<PipelineDto>('POST', '/api/v1/pipelines', {
    name: 'Field sales',
    isDefault: true,
    stages: [
      { name: 'Qualify', probability: 10 },
      { name: 'Discover', probability: 30 },
      { name: 'Propose', probability: 50 },
      { name: 'Negotiate', probability: 70 },
      { name: 'Commit', probability: 90 },
      { name: 'Won', kind: 'won' },
      { name: 'Lost', kind: 'lost' },
    ],
  });
  const stage = (name: string) => pipeline.stages.find((s) => s.name === name)?.id ?? '';
  // A long first column, a few deals further on, all the rep's (the manager sees the team's).
  await sql`
    insert into deals (org_id, id, name, pipeline_id, stage_id, status, amount, currency, owner_id, channel, stage_entered_at, created_at, updated_at)
    select ${org.orgId}::uuid, gen_random_uuid(), 'Deal ' || lpad(i::text, 4, '0'), ${pipeline.id}::uuid, ${stage('Qualify')}::uuid,
           'open', 100.01, 'USD', ${r.userId}::uuid, 'direct', now(), now() - make_interval(secs => ${LONG} - i), now()
    from generate_series(1, ${LONG}::int) as i`.execute(deps.db);
  for (const [name, s] of [
    ['Phone deal', 'Discover'],
    ['Stuck deal', 'Propose'],
  ] as const)
    await call<DealDto>('POST', '/api/v1/deals', {
      name,
      pipelineId: pipeline.id,
      stageId: stage(s),
      ownerId: r.userId,
      amount: '5000.00',
    });
  // Won this quarter and won two years ago: the board shows the first until widened.
  for (const [name, closedAt] of [
    ['Recent win', sql`now()`],
    ['Old win', sql`now() - interval '2 years'`],
  ] as const)
    await sql`
      insert into deals (org_id, id, name, pipeline_id, stage_id, status, amount, currency, owner_id, channel, stage_entered_at, closed_at, created_at, updated_at)
      values (${org.orgId}::uuid, gen_random_uuid(), ${name}, ${pipeline.id}::uuid, ${stage('Won')}::uuid, 'won', 700.00, 'USD',
              ${r.userId}::uuid, 'direct', ${closedAt}, ${closedAt}, ${closedAt}, now())`.execute(deps.db);
});

afterAll(async () => {
  await stopE2eServer({ browser, app, deps });
});

describe('the board at scale and on a phone', () => {
  it('a manager scrolls a long column, widens the closed period and moves a deal at 1440 px', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const problems = watch(page);
    await page.goto(`${base}/board`);
    await signIn(page, manager.email);
    problems.length = 0;
    const qualify = column(page, 'Qualify');
    await qualify.getByTestId('deal-Deal 0001').waitFor();
    // The server counts and sums the whole column; only its first page was fetched.
    expect(await qualify.locator('.count').textContent()).toBe(String(LONG));
    expect(await qualify.textContent()).toContain('USD\u00a0240,024.00');
    const cardsInDom = () => page.locator('.deal-card:not(.placeholder)').count();
    expect(await cardsInDom()).toBeLessThan(80);

    await page.screenshot({ path: screenshotPath('board-scale-1440.png') });
    // Every column is within the 1440 px window: the closed ones are collapsed to their totals.
    const overflow = await page.getByTestId('board').evaluate((b: Scroller) => b.scrollWidth - b.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    for (const s of pipeline.stages) {
      const box = await column(page, s.name).boundingBox();
      expect(box && box.x + box.width).toBeLessThanOrEqual(1440);
    }

    // Scroll the long column, then jump to its end: its cards arrive page by page, few in the DOM.
    const list = qualify.getByRole('list', { name: 'Deals in Qualify' });
    for (let i = 1; i <= 10; i++) await list.evaluate((el: Scroller, y) => (el.scrollTop = y), i * 400);
    await qualify.getByTestId('deal-Deal 0050').waitFor();
    await list.evaluate((el: Scroller) => (el.scrollTop = el.scrollHeight));
    await qualify.getByTestId(`deal-Deal ${LONG}`).waitFor();
    expect(await cardsInDom()).toBeLessThan(80);
    const dealRequests = await page.evaluate(
      () =>
        performance
          .getEntriesByType('resource')
          .filter((e) => new URL(e.name).pathname === '/api/v1/deals' && new URL(e.name).search.includes('cursor='))
          .length,
    );
    // 2,400 deals after the first 30: pages of up to 200 when the view runs ahead, not 80 pages of 30.
    expect(dealRequests).toBeLessThanOrEqual(20);
    await page.screenshot({ path: screenshotPath('board-scale-scrolled.png') });

    // Closed columns: the current quarter by default, all time on request; a collapsed column opens.
    const won = column(page, 'Won');
    expect(await won.locator('.count').textContent()).toBe('1');
    expect(await won.textContent()).toContain('this quarter');
    await page.getByLabel('Closed deals').selectOption('all');
    await expect.poll(() => won.locator('.count').textContent()).toBe('2');
    await won.getByRole('button', { name: 'Show Won deals' }).click();
    await won.getByTestId('deal-Old win').waitFor();
    await won.getByTestId('deal-Recent win').waitFor();
    await page.screenshot({ path: screenshotPath('board-scale-closed-widened.png') });

    // Move a deal from the long column by dragging it: both columns' heads follow from the server.
    await list.evaluate((el: Scroller) => (el.scrollTop = 0));
    await qualify.getByTestId('deal-Deal 0002').dragTo(column(page, 'Discover'));
    await column(page, 'Discover').getByTestId('deal-Deal 0002').waitFor();
    await expect.poll(() => qualify.locator('.count').textContent()).toBe(String(LONG - 1));
    expect(await column(page, 'Discover').locator('.count').textContent()).toBe('2');
    expect(await page.getByTestId('board-notice').textContent()).toContain('Moved "Deal 0002" to Discover');
    await page.screenshot({ path: screenshotPath('board-scale-moved.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a rep on a 390 px phone uses the menu, moves a deal with "Move to", and no page overflows sideways', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const problems = watch(page);
    await page.goto(`${base}/board`);
    await signIn(page, rep.email);
    problems.length = 0;
    await column(page, 'Discover').getByTestId('deal-Phone deal').waitFor();
    await page.screenshot({ path: screenshotPath('phone-board.png') });
    // The header is one compact line; the links are in the menu.
    const header = await page.locator('header.topbar').boundingBox();
    expect(header?.height).toBeLessThan(60);
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);

    // Move to, without dragging.
    await page.getByRole('button', { name: 'Move Phone deal to…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Propose' }).click();
    await column(page, 'Propose').getByTestId('deal-Phone deal').waitFor();
    expect(await page.getByTestId('board-notice').textContent()).toContain('Moved "Phone deal" to Propose');
    await page.screenshot({ path: screenshotPath('phone-moved.png') });

    const noOverflow = () =>
      page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(await noOverflow()).toBe(0);
    const pages = ['Deals', 'Accounts', 'Contacts', 'Leads', 'Activities', 'Lead inbox', 'Analytics', 'Board'];
    for (const name of pages) {
      await page.getByRole('button', { name: 'Menu' }).click();
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name, exact: true }).click();
      await nav.waitFor({ state: 'hidden' });
      await page.waitForLoadState('networkidle');
      await page.locator('main h1').first().waitFor();
      expect({ page: name, overflow: await noOverflow() }).toEqual({ page: name, overflow: 0 });
      await page.screenshot({
        path: screenshotPath(`phone-${name.toLowerCase().replace(/\s+/g, '-')}.png`),
        fullPage: true,
      });
    }
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.screenshot({ path: screenshotPath('phone-menu.png') });
    expect(problems).toEqual([]);
    await page.close();
  });
});
