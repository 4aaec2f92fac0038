import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { seedDemo, type DemoResult } from '../../src/modules/demo/seed-demo.ts';
import type { TestDeps } from '../helpers/db.ts';
import { screenshotPath } from './browser.ts';

/** A small demo organization (the seven roles, a few dozen deals and leads with their history). */
export function seedSmallDemo(deps: TestDeps): Promise<DemoResult> {
  return seedDemo(deps, { deals: 30, leads: 20, seed: 11 });
}

export function demoUser(demo: DemoResult, role: string): { email: string; name: string } {
  const user = demo.users.find((u) => u.role === role);
  if (!user) throw new Error(`the demo has no ${role}`);
  return user;
}

/**
 * A page for one role's day at a width (1440 or 390), collecting what must not happen: script
 * errors, console errors and failed requests. The signed-out session check before sign-in (401)
 * is deliberate, and the browser's own favicon request is not the app's.
 */
export async function dayPage(browser: Browser, width: 1440 | 390): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: width === 1440 ? 900 : 844 } });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  const deliberate = (url: string, status: number) =>
    url.endsWith('/favicon.ico') || (status === 401 && url.endsWith('/api/v1/auth/session'));
  page.on('console', (m) => {
    const url = m.location().url;
    const status = Number(/status of (\d+)/.exec(m.text())?.[1] ?? 0);
    if (m.type() === 'error' && !deliberate(url, status)) problems.push(`console: ${m.text()} (${url})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !deliberate(r.url(), r.status()))
      problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  return { page, problems };
}

export async function signInAs(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Polls patiently: the machine running the browser may be busy. */
export const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000, interval: 100 });

export async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}
