import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoResult } from '../../src/modules/demo/seed-demo.ts';
import { actorForUser } from '../../src/modules/auth/auth.service.ts';
import { createLead } from '../../src/modules/leads/leads.service.ts';
import { createUser } from '../../src/modules/users/users.service.ts';
import type { App } from '../../src/server/types.ts';
import type { TestDeps } from '../helpers/db.ts';
import { dayPage, demoUser, poll, seedSmallDemo, shoot, signInAs } from './day.ts';
import { startE2eServer, stopE2eServer } from './server.ts';

/*
 * An inside-sales rep works the call queue: opens it, calls the next lead, logs "call back later",
 * saves the proposed call-back task, sees the task on her day, and sees the lead move to the end of
 * the queue (its call back is still ahead) while the next lead comes up first.
 */

let deps: TestDeps;
let app: App;
let base: string;
let browser: Browser;
let demo: DemoResult;

beforeAll(async () => {
  ({ deps, app, base, browser } = await startE2eServer());
  demo = await seedSmallDemo(deps);
  // The demo seed takes longer than the default hook time on a busy machine.
}, 180_000);

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

describe("an inside-sales rep's call queue", () => {
  it('calls the next lead, promises a call back, and the lead moves in the queue', async () => {
    const admin = await actorByEmail(demoUser(demo, 'admin').email);
    // A rep of her own, so the queue holds exactly the leads of this story.
    const email = 'queue.rep@example.test';
    const user = await createUser(deps, admin, {
      email,
      name: 'Quinn Queue',
      role: 'inside_sales',
      password: demo.password,
      teamId: null,
      managerId: null,
      partnerAccountId: null,
      agentPartyId: null,
    });
    const rep = await actorForUser(deps, admin.orgId, user.id);
    // Alike but for their age: the oldest comes first.
    for (const [firstName, lastName] of [
      ['Olga', 'Oldest'],
      ['Nils', 'Next'],
      ['Yara', 'Youngest'],
    ] as const)
      await createLead(deps, admin, { firstName, lastName, company: 'Queue Test AB', ownerId: rep.userId });

    const { page, problems } = await dayPage(browser, 1440);
    await signInAs(page, base, email, demo.password);
    // Her home's lead list reads age and untouched time (never touched yet).
    await poll(() => page.getByTestId('lead-queue').getByTestId('untouched').first().textContent()).toMatch(
      /\(never\)$/,
    );
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Call queue' }).click();
    const rows = page.getByTestId('call-queue').locator('tbody tr');
    await poll(() => rows.count()).toBe(3);
    const order = async () => {
      const names: (string | null)[] = [];
      for (const tr of await rows.all()) names.push(await tr.getAttribute('data-lead'));
      return names;
    };
    expect(await order()).toEqual(['Oldest', 'Next', 'Youngest']);
    await shoot(page, 'queue-before-call-1440.png');

    await page.getByRole('button', { name: 'Call next: Olga Oldest' }).click();
    const dialog = page.getByTestId('call-dialog');
    await dialog.waitFor();
    await dialog.getByLabel('Call back later').check();
    await dialog.getByLabel('Notes').fill('In a meeting, asked to be called tomorrow morning');
    await dialog.getByRole('button', { name: 'Save call' }).click();
    // The call is saved; the call-back task is proposed for tomorrow 10:00.
    const task = page.getByTestId('new-task-dialog');
    await task.waitFor();
    expect(await task.getByLabel('What to do').inputValue()).toBe('Call Olga Oldest back');
    await shoot(page, 'queue-call-back-task-1440.png');
    await task.getByRole('button', { name: 'Save task' }).click();
    await task.waitFor({ state: 'detached' });

    // Olga waits at the end until her call back comes due; Nils is next.
    await poll(order).toEqual(['Next', 'Youngest', 'Oldest']);
    const olga = page.locator('tr[data-lead="Oldest"]');
    expect(await olga.getByTestId('queue-reason').textContent()).toMatch(/^Call back later · /);
    expect(await olga.locator('td').nth(5).textContent()).not.toContain('never');
    await page.getByRole('button', { name: 'Call next: Nils Next' }).waitFor();
    await shoot(page, 'queue-after-call-1440.png');

    // The call-back task is on her day.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My day' }).click();
    await poll(() => page.getByText('Call Olga Oldest back').count()).toBeGreaterThan(0);
    await shoot(page, 'queue-home-call-back-1440.png');

    const stored = await deps.db
      .selectFrom('activities')
      .select(['type', 'call_disposition', 'subject', 'due_at'])
      .where('org_id', '=', admin.orgId)
      .where('owner_id', '=', rep.userId)
      .orderBy('created_at')
      .execute();
    expect(stored.map((a) => [a.type, a.call_disposition ?? a.subject])).toEqual([
      ['call', 'call_back_later'],
      ['task', 'Call Olga Oldest back'],
    ]);
    expect(stored[1]?.due_at).not.toBeNull();
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);
});
