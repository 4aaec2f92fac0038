import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoResult } from '../../src/modules/demo/seed-demo.ts';
import { actorForUser } from '../../src/modules/auth/auth.service.ts';
import { createCadence } from '../../src/modules/cadences/cadences.service.ts';
import { createLead } from '../../src/modules/leads/leads.service.ts';
import { createUser } from '../../src/modules/users/users.service.ts';
import type { App } from '../../src/server/types.ts';
import type { TestDeps } from '../helpers/db.ts';
import { dayPage, demoUser, poll, seedSmallDemo, shoot, signInAs } from './day.ts';
import { startE2eServer, stopE2eServer } from './server.ts';

/*
 * An inside-sales rep works a lead through a cadence: enrols it from the call queue, sees its first
 * call due at the top of the queue, calls and logs "no answer", and sees the next step due later
 * (in the queue and on the lead's page).
 */

let deps: TestDeps;
let app: App;
let base: string;
let browser: Browser;
let demo: DemoResult;

beforeAll(async () => {
  ({ deps, app, base, browser } = await startE2eServer());
  demo = await seedSmallDemo(deps);
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

describe('an inside-sales rep works a cadence', () => {
  it('enrols a lead, logs no answer, and sees the next step due', async () => {
    const admin = await actorByEmail(demoUser(demo, 'admin').email);
    const email = 'cadence.rep@example.test';
    const user = await createUser(deps, admin, {
      email,
      name: 'Cara Cadence',
      role: 'inside_sales',
      password: demo.password,
      teamId: null,
      managerId: null,
      partnerAccountId: null,
      agentPartyId: null,
    });
    const rep = await actorForUser(deps, admin.orgId, user.id);
    await createCadence(deps, admin, {
      name: 'New inbound',
      steps: [
        {
          kind: 'call',
          delay: { amount: 0, unit: 'hours', clock: 'calendar' },
          instruction: 'Qualify: budget and timing',
        },
        {
          kind: 'call',
          delay: { amount: 2, unit: 'days', clock: 'calendar' },
          instruction: 'Second try, leave a voicemail',
        },
        { kind: 'email', delay: { amount: 1, unit: 'days', clock: 'calendar' }, instruction: 'Send the case study' },
      ],
    });
    await createLead(deps, admin, { firstName: 'Ada', lastName: 'Early', company: 'Cadence AB', ownerId: rep.userId });
    await createLead(deps, admin, { firstName: 'Ben', lastName: 'Later', company: 'Cadence AB', ownerId: rep.userId });

    const { page, problems } = await dayPage(browser, 1440);
    await signInAs(page, base, email, demo.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Call queue' }).click();
    const rows = page.getByTestId('call-queue').locator('tbody tr');
    await poll(() => rows.count()).toBe(2);
    const order = async () => {
      const names: (string | null)[] = [];
      for (const tr of await rows.all()) names.push(await tr.getAttribute('data-lead'));
      return names;
    };
    expect(await order()).toEqual(['Early', 'Later']);

    // Enrol Ben (the younger lead) from the queue: his first call is due at once and takes the top.
    await page.locator('tr[data-lead="Later"]').getByRole('button', { name: 'Enrol in cadence' }).click();
    const enrol = page.getByTestId('enrol-dialog');
    await enrol.waitFor();
    // The dialog loads the cadences after it opens: wait for the first step's instruction to show.
    await poll(() => enrol.getByText('Qualify: budget and timing').count()).toBe(1);
    await shoot(page, 'cadence-enrol-1440.png');
    await enrol.getByRole('button', { name: 'Enrol' }).click();
    await enrol.waitFor({ state: 'detached' });
    await poll(order).toEqual(['Later', 'Early']);
    const ben = page.locator('tr[data-lead="Later"]');
    expect(await ben.getByTestId('queue-reason').textContent()).toMatch(/^Cadence step due · /);
    expect(await ben.getByTestId('queue-cadence').textContent()).toContain('Step 1 of 3 · Call');
    await shoot(page, 'cadence-queue-due-1440.png');

    // Call next is Ben; no answer moves him to step 2, due in two days, below the leads to call now.
    await page.getByRole('button', { name: 'Call next: Ben Later' }).click();
    const dialog = page.getByTestId('call-dialog');
    await dialog.waitFor();
    await dialog.getByLabel('No answer').check();
    await dialog.getByRole('button', { name: 'Save call' }).click();
    await dialog.waitFor({ state: 'detached' });
    await poll(order).toEqual(['Early', 'Later']);
    await poll(() => ben.getByTestId('queue-cadence').textContent()).toContain('Step 2 of 3 · Call · due');
    expect(await ben.getByTestId('queue-reason').textContent()).toMatch(/^Cadence step ahead · /);
    await page.getByRole('button', { name: 'Call next: Ada Early' }).waitFor();
    await shoot(page, 'cadence-queue-after-no-answer-1440.png');

    // The lead's page shows the step, its instruction and due time.
    await ben.getByRole('link', { name: 'Ben Later' }).click();
    const card = page.getByTestId('lead-cadence');
    await poll(() => card.getByTestId('cadence-step').textContent()).toMatch(/^Step 2 of 3 · Call · due /);
    expect(await card.getByText('Second try, leave a voicemail').count()).toBe(1);
    await shoot(page, 'cadence-lead-page-1440.png');

    const stored = await deps.db
      .selectFrom('cadence_enrolments')
      .select(['status', 'step_index', 'step_due_at', 'enrolled_at'])
      .where('org_id', '=', admin.orgId)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ status: 'active', step_index: 1 });
    const days = ((stored[0]?.step_due_at?.getTime() ?? 0) - (stored[0]?.enrolled_at.getTime() ?? 0)) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(2);
    expect(days).toBeLessThan(2.01);
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);
});
