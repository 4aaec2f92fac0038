import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoResult } from '../../src/modules/demo/seed-demo.ts';
import type { App } from '../../src/server/types.ts';
import type { TestDeps } from '../helpers/db.ts';
import { dayPage, demoUser, poll, seedSmallDemo, shoot, signInAs } from './day.ts';
import { startE2eServer, stopE2eServer } from './server.ts';

/*
 * Every role's day on a 390 px phone, on the demo data: each of the seven demo roles signs in, lands
 * on its own first screen, and opens the pages of its menu (each screen once over all the roles:
 * the partner's portal, marketing's forms, the admin's settings...); no page overflows sideways, the
 * header stays one compact line, and nothing fails in the console or the network. On the way each
 * role does one piece of its work from the phone.
 */

let deps: TestDeps;
let app: App;
let base: string;
let browser: Browser;
let demo: DemoResult;

beforeAll(async () => {
  ({ deps, app, base, browser } = await startE2eServer());
  demo = await seedSmallDemo(deps);
});

afterAll(async () => {
  await stopE2eServer({ browser, app, deps });
});

const overflow = (page: Page) =>
  page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

/** The outermost elements that reach past the right edge of the screen (what to fix when a page overflows). */
const widest = (page: Page) =>
  page.evaluate<string[]>(`(() => {
    const w = document.documentElement.clientWidth;
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.right <= w + 0.5 || r.width === 0) continue;
      // An absolutely placed element escapes a scrolling ancestor that does not contain it.
      if (getComputedStyle(el).position === 'absolute') { out.push(el.tagName.toLowerCase() + '.' + el.className + ' ' + Math.round(r.right)); continue; }
      let p = el.parentElement, inside = false;
      for (; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden') { inside = true; break; }
        if (p.getBoundingClientRect().right > w + 0.5) { inside = true; break; }
      }
      if (!inside) out.push(el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : '') + ' ' + Math.round(r.right));
    }
    return out.slice(0, 5);
  })()`);

/** The pages some role has already opened on the phone: the same screen is checked once. */
const walked = new Set<string>();

/**
 * Opens in turn every link of the menu that no earlier role opened, checking each page fits the
 * phone; returns all the menu's link names.
 */
async function walkMenu(page: Page, role: string): Promise<string[]> {
  await page.getByRole('button', { name: 'Menu' }).click();
  const nav = page.getByRole('navigation', { name: 'Main' });
  const names = (await nav.getByRole('link').allTextContents()).map((n) => n.trim());
  await page.getByRole('button', { name: 'Menu' }).click();
  for (const name of names.filter((n) => !walked.has(n))) {
    walked.add(name);
    await page.getByRole('button', { name: 'Menu' }).click();
    await nav.getByRole('link', { name, exact: true }).click();
    await nav.waitFor({ state: 'hidden' });
    await page.waitForLoadState('networkidle');
    await page.locator('main h1').first().waitFor();
    const over = await overflow(page);
    expect({ role, page: name, overflow: over, widest: over > 0 ? await widest(page) : [] }).toEqual({
      role,
      page: name,
      overflow: 0,
      widest: [],
    });
    await shoot(page, `phone-${role}-${name.toLowerCase().replace(/\s+/g, '-')}.png`);
  }
  return names;
}

async function phoneDay(role: string): Promise<{ page: Page; problems: string[] }> {
  const user = demoUser(demo, role);
  const day = await dayPage(browser, 390);
  await signInAs(day.page, base, user.email, demo.password);
  await day.page.locator('main h1').first().waitFor();
  const header = await day.page.locator('header.topbar').boundingBox();
  expect(header?.height).toBeLessThan(60);
  // The role's own first screen fits.
  await day.page.waitForLoadState('networkidle');
  expect({ role, landing: await overflow(day.page) }).toEqual({ role, landing: 0 });
  await shoot(day.page, `phone-${role}-landing.png`);
  return day;
}

describe("every role's day on a phone", () => {
  it('a manager opens a deal that needs attention from home on the phone; every page fits', async () => {
    const { page, problems } = await phoneDay('manager');
    await page.getByTestId('home-title').waitFor();
    await shoot(page, 'phone-manager-home.png');
    // A deal that needs attention opens on the phone with its stage controls in reach.
    const stuck = page.getByTestId('deals-attention').getByRole('link').first();
    const dealName = (await stuck.textContent()) ?? '';
    await stuck.click();
    await poll(() => page.getByTestId('deal-title').textContent()).toBe(dealName);
    expect(await overflow(page)).toBe(0);
    await shoot(page, 'phone-manager-deal.png');
    const pages = await walkMenu(page, 'manager');
    expect(pages).toEqual(expect.arrayContaining(['My day', 'Board', 'Deals', 'Analytics', 'Approvals', 'Oversight']));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('inside sales disqualifies a lead from the inbox on the phone; every page fits', async () => {
    const { page, problems } = await phoneDay('inside_sales');
    const pages = await walkMenu(page, 'inside_sales');
    expect(pages).toEqual(expect.arrayContaining(['My day', 'Leads', 'Lead inbox']));
    // Disqualifies the first lead of the inbox with a reason, from the phone.
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lead inbox' }).click();
    const rows = page.getByTestId('lead-inbox').locator('tbody tr');
    await rows.first().waitFor();
    const before = await rows.count();
    await rows.first().getByRole('button', { name: 'Disqualify' }).click();
    const dq = page.getByTestId('disqualify-dialog');
    await dq.getByLabel('Reason').fill('No budget this year');
    expect(await overflow(page)).toBe(0);
    await shoot(page, 'phone-inside_sales-disqualify.png');
    await dq.getByRole('button', { name: 'Disqualify' }).click();
    await dq.waitFor({ state: 'detached' });
    await poll(() => rows.count()).toBe(before - 1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('marketing opens a campaign on the phone; every page fits', async () => {
    const { page, problems } = await phoneDay('marketing');
    const pages = await walkMenu(page, 'marketing');
    expect(pages).toEqual(expect.arrayContaining(['Marketing', 'Campaigns']));
    // A campaign's page (budget, members, funnel, attribution) fits the phone too.
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
    await page.getByTestId('campaigns-table').getByRole('link').first().click();
    await page.getByTestId('campaign-attribution').waitFor();
    expect(await overflow(page)).toBe(0);
    await shoot(page, 'phone-marketing-campaign.png');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a partner reads its portal on the phone; every page fits', async () => {
    const { page, problems } = await phoneDay('partner');
    const pages = await walkMenu(page, 'partner');
    expect(pages).toEqual(expect.arrayContaining(['Partner portal']));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('an admin, a field rep and an auditor: every page fits', async () => {
    for (const role of ['admin', 'rep', 'auditor']) {
      const { page, problems } = await phoneDay(role);
      await walkMenu(page, role);
      await poll(() => problems).toEqual([]);
      await page.close();
    }
  });
});
