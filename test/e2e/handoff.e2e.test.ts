import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoResult } from '../../src/modules/demo/seed-demo.ts';
import { actorForUser } from '../../src/modules/auth/auth.service.ts';
import { changeLeadLifecycle, createLead } from '../../src/modules/leads/leads.service.ts';
import type { App } from '../../src/server/types.ts';
import type { TestDeps } from '../helpers/db.ts';
import { dayPage, demoUser, poll, seedSmallDemo, shoot, signInAs } from './day.ts';
import { startE2eServer, stopE2eServer } from './server.ts';

/*
 * An inside-sales rep's hand-offs: marketing hands two MQLs to the rep; in the lead inbox the rep
 * sees each with its score, grade and SLA countdown, accepts one (it becomes SQL) and rejects the
 * other with a reason, which marketing then reads on its home.
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

async function actorByEmail(email: string) {
  const u = await deps.db
    .selectFrom('users')
    .select(['id', 'org_id'])
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return actorForUser(deps, u.org_id, u.id);
}

describe("an inside-sales rep's hand-offs", () => {
  it('accepts one handed-off lead and rejects another with a reason', async () => {
    const rep = demoUser(demo, 'inside_sales');
    const marketer = await actorByEmail(demoUser(demo, 'marketing').email);
    const repActor = await actorByEmail(rep.email);
    for (const [firstName, lastName, company] of [
      ['Hanna', 'Handover', 'Keen Buyers GmbH'],
      ['Rex', 'Rejectable', 'Tyre Kickers Ltd'],
    ] as const) {
      const lead = await createLead(deps, marketer, { firstName, lastName, company, ownerId: repActor.userId });
      await changeLeadLifecycle(deps, marketer, lead.id, lead.version, { stage: 'mql' });
    }

    const { page, problems } = await dayPage(browser, 1440);
    await signInAs(page, base, rep.email, demo.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lead inbox' }).click();
    const panel = page.getByTestId('handoffs');
    await panel.waitFor();
    const accepted = panel.getByTestId('handoff-Hanna Handover');
    const rejected = panel.getByTestId('handoff-Rex Rejectable');
    await accepted.waitFor();
    await rejected.waitFor();
    // The SLA countdown runs (5 minutes in business hours, an hour outside them).
    await poll(() => accepted.getByTestId('sla').textContent()).toMatch(/left$/);
    expect(await accepted.locator('.badge').textContent()).toMatch(/^[ABCD]$/);
    await shoot(page, 'handoff-inbox-1440.png');

    await accepted.getByRole('button', { name: 'Accept' }).click();
    await poll(() => page.getByTestId('handoff-notice').textContent()).toContain('Accepted Hanna Handover');
    await poll(() => accepted.count()).toBe(0);

    await rejected.getByRole('button', { name: 'Reject' }).click();
    const dialog = page.getByTestId('reject-handoff-dialog');
    await dialog.waitFor();
    // The reason is required: an empty one is named before anything is sent.
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await poll(() => dialog.getByRole('alert').textContent()).toContain('Reason');
    await dialog.getByLabel('Reason').fill('Tyre kickers: no budget this year');
    await shoot(page, 'handoff-reject-dialog-1440.png');
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await poll(() => page.getByTestId('handoff-notice').textContent()).toContain('Rejected Rex Rejectable');
    await poll(() => rejected.count()).toBe(0);
    await shoot(page, 'handoff-decided-1440.png');

    // What the decisions did: one SQL, one lead back with marketing and the reason it reads.
    const leads = await deps.db
      .selectFrom('leads')
      .select(['last_name', 'lifecycle_stage', 'recycle_reason'])
      .where('last_name', 'in', ['Handover', 'Rejectable'])
      .orderBy('last_name')
      .execute();
    expect(leads).toEqual([
      { last_name: 'Handover', lifecycle_stage: 'sql', recycle_reason: null },
      {
        last_name: 'Rejectable',
        lifecycle_stage: 'lead',
        recycle_reason: 'rejected by sales: Tyre kickers: no budget this year',
      },
    ]);
    expect(problems).toEqual([]);
    await page.close();

    // Marketing reads the rejection and its reason on its home.
    const m = await dayPage(browser, 1440);
    await signInAs(m.page, base, demoUser(demo, 'marketing').email, demo.password);
    const rejections = m.page.getByTestId('rejected-handoffs');
    await rejections.waitFor();
    await poll(() => rejections.getByTestId('rejected-Rex Rejectable').textContent()).toContain(
      'Tyre kickers: no budget this year',
    );
    // and the conversion and speed to lead per team and rep, the rep's hand-offs among them
    await poll(() => m.page.getByTestId('handoff-report').getByTestId(`speed-${rep.name}`).count()).toBe(1);
    await shoot(m.page, 'handoff-marketing-rejections-1440.png');
    expect(m.problems).toEqual([]);
    await m.page.close();
  });
});
