import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/contract/access.ts';
import type { App } from '../../src/server/types.ts';
import type { TestDeps } from '../helpers/db.ts';
import { createTestOrg, createTestUser, TEST_PASSWORD, type TestOrg } from '../helpers/factories.ts';
import { dayPage, poll, shoot, signInAs } from './day.ts';
import { startE2eServer, stopE2eServer } from './server.ts';

/*
 * An admin reorganizes routing: sets up a pool and a territory routing to it, edits the territory
 * (name, industries, members) and the pool (a member's weight and weekly cap), is refused deleting
 * the pool while the territory uses it (the reason shown), then deletes the territory and the pool.
 */

let deps: TestDeps;
let app: App;
let base: string;
let browser: Browser;
let org: TestOrg;
let dana: Actor;
let eli: Actor;

beforeAll(async () => {
  ({ deps, app, base, browser } = await startE2eServer());
  org = await createTestOrg(deps);
  dana = await createTestUser(deps, org.admin, 'inside_sales', { name: 'Dana Dial' });
  eli = await createTestUser(deps, org.admin, 'inside_sales', { name: 'Eli Echo' });
});

afterAll(async () => {
  await stopE2eServer({ browser, app, deps });
});

const territories = () =>
  deps.db
    .selectFrom('territories')
    .select(['id', 'name', 'criteria', 'version'])
    .where('org_id', '=', org.orgId)
    .execute();

describe('routing administration in the browser', () => {
  it('sets up, edits and deletes a territory and a pool, and is told why a pool in use cannot go', async () => {
    const { page, problems } = await dayPage(browser, 1440);
    await signInAs(page, base, org.adminEmail, TEST_PASSWORD);
    await page.getByTestId('home-title').waitFor();
    await page.goto(`${base}/admin/routing`);
    await page.getByRole('heading', { name: 'Territories and routing' }).waitFor();

    // A pool with Dana.
    const newPool = page.getByRole('form', { name: 'New pool' });
    await newPool.getByLabel('Pool name').fill('Nordics callers');
    await newPool.getByLabel('Dana Dial').check();
    await newPool.getByRole('button', { name: 'Add pool' }).click();
    await poll(() => page.getByTestId('pool-Nordics callers').count()).toBe(1);

    // A territory routing to it.
    const newTerritory = page.getByRole('form', { name: 'New territory' });
    await newTerritory.getByLabel('Name').fill('Nordics');
    await newTerritory.getByLabel('Countries (comma-separated codes)').fill('SE, NO');
    await poll(() => newTerritory.getByLabel('Pool').locator('option').count()).toBe(2);
    await newTerritory.getByLabel('Pool').selectOption({ label: 'Nordics callers' });
    await newTerritory.getByRole('button', { name: 'Add territory' }).click();
    const row = page.getByTestId('territory-Nordics');
    await poll(() => row.count()).toBe(1);

    // Edit it: another name, an industry, Eli as an inside member.
    await row.getByRole('button', { name: 'Edit territory Nordics' }).click();
    const edit = page.getByRole('form', { name: 'Edit territory Nordics' });
    expect(await edit.getByLabel('Countries (comma-separated codes)').inputValue()).toBe('SE, NO');
    await edit.getByLabel('Name', { exact: true }).fill('Nordic countries');
    await edit.getByLabel('Industries').fill('Shipping');
    await edit.getByLabel(/^Member(?! role)/).selectOption({ label: 'Eli Echo' });
    await edit.getByLabel('Member role').selectOption('inside');
    await edit.getByRole('button', { name: 'Add member' }).click();
    await shoot(page, 'routing-admin-edit-territory-1440.png');
    await edit.getByRole('button', { name: 'Save territory' }).click();
    const renamed = page.getByTestId('territory-Nordic countries');
    await poll(() => renamed.textContent()).toContain('Eli Echo (inside)');
    // Saved: the edit form closes, the form for a new territory stays.
    await poll(() => page.getByRole('form', { name: /^Edit territory/ }).count()).toBe(0);
    expect(await page.getByRole('form', { name: 'New territory' }).count()).toBe(1);
    expect(await renamed.textContent()).toContain('industry Shipping');
    const [stored] = await territories();
    expect(stored).toMatchObject({ name: 'Nordic countries', version: 2 });
    expect(stored?.criteria).toMatchObject({ countries: ['SE', 'NO'], industries: ['Shipping'] });
    const members = await deps.db
      .selectFrom('territory_members')
      .select(['user_id', 'role'])
      .where('territory_id', '=', stored?.id ?? '')
      .execute();
    expect(members).toEqual([{ user_id: eli.userId, role: 'inside' }]);

    // Edit the pool: Dana's weight and weekly cap.
    const poolRow = page.getByTestId('pool-Nordics callers');
    await poolRow.getByRole('button', { name: 'Edit pool Nordics callers' }).click();
    const editPool = page.getByRole('form', { name: 'Edit pool Nordics callers' });
    await editPool.getByLabel('Weight of Dana Dial').fill('3');
    await editPool.getByLabel('Weekly cap of Dana Dial').fill('20');
    await editPool.getByRole('button', { name: 'Save pool' }).click();
    await poll(() => poolRow.textContent()).toContain('Dana Dial ×3 (∞ / 20)');
    const poolMembers = await deps.db
      .selectFrom('routing_pool_members')
      .select(['user_id', 'weight', 'cap_per_week'])
      .where('org_id', '=', org.orgId)
      .execute();
    expect(poolMembers).toEqual([{ user_id: dana.userId, weight: 3, cap_per_week: 20 }]);

    // The pool is in use: the refusal says by what.
    await poolRow.getByRole('button', { name: 'Delete pool Nordics callers' }).click();
    await poolRow.getByRole('button', { name: 'Yes, delete' }).click();
    await poll(() => poolRow.getByRole('alert').textContent()).toContain('territory Nordic countries');
    await shoot(page, 'routing-admin-pool-in-use-1440.png');

    // The territory goes first (after confirming), then the pool.
    await renamed.getByRole('button', { name: 'Delete territory Nordic countries' }).click();
    await renamed.getByRole('button', { name: 'Yes, delete' }).click();
    await poll(() => renamed.count()).toBe(0);
    await poolRow.getByRole('button', { name: 'Delete pool Nordics callers' }).click();
    await poolRow.getByRole('button', { name: 'Yes, delete' }).click();
    await poll(() => poolRow.count()).toBe(0);
    await shoot(page, 'routing-admin-after-delete-1440.png');
    expect(await territories()).toEqual([]);
    const events = await deps.db
      .selectFrom('events')
      .select('type')
      .where('org_id', '=', org.orgId)
      .where('type', 'in', ['territory.deleted', 'routing_pool.deleted'])
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['territory.deleted', 'routing_pool.deleted']);
    // The one refusal asked for (the pool in use) is the only failed request; nothing else went wrong.
    expect(problems).toEqual([
      expect.stringMatching(/^409 DELETE .*\/api\/v1\/routing-pools\//),
      expect.stringMatching(/^console: Failed to load resource: .* 409 \(Conflict\)/),
    ]);
    await page.close();
  });
});
