import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/contract/access.ts';
import { createTerritorySchema } from '../../src/contract/routing.ts';
import { ManualClock } from '../../src/domain/deps.ts';
import { updateAvailability } from '../../src/modules/booking/availability.service.ts';
import { createLead } from '../../src/modules/leads/leads.service.ts';
import { createTerritory } from '../../src/modules/routing/territories.service.ts';
import type { App } from '../../src/server/types.ts';
import type { TestDeps } from '../helpers/db.ts';
import { createTestOrg, createTestUser, TEST_PASSWORD, type TestOrg } from '../helpers/factories.ts';
import { dayPage, poll, shoot, signInAs } from './day.ts';
import { startE2eServer, stopE2eServer } from './server.ts';

/*
 * A holiday calendar end to end: inside sales sees a field rep's free slots on Wednesday 6 January;
 * an admin sets up the "Germany – Bavaria" calendar, adds Epiphany (every year) and assigns the
 * calendar to the rep's territory; inside sales then sees no slot of the rep that day, and the rep
 * finds the holiday among the upcoming ones on their working-hours page. The server's clock and the
 * browser's are set to the same Tuesday afternoon.
 */

// Tuesday 5 January 2027, 14:00 UTC = 15:00 in Berlin.
const tuesday = new Date('2027-01-05T14:00:00.000Z');
const clock = new ManualClock(tuesday);
let deps: TestDeps;
let app: App;
let base: string;
let browser: Browser;
let org: TestOrg;
let rep: Actor & { email: string };
let sdr: Actor & { email: string };
let leadId: string;

beforeAll(async () => {
  ({ deps, app, base, browser } = await startE2eServer({ clock }));
  org = await createTestOrg(deps);
  rep = await createTestUser(deps, org.admin, 'rep', { name: 'Bea Berlin', password: TEST_PASSWORD });
  sdr = await createTestUser(deps, org.admin, 'inside_sales', { name: 'Ines Inside', password: TEST_PASSWORD });
  await updateAvailability(deps, org.admin, rep.userId, 0, {
    timezone: 'Europe/Berlin',
    workingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minNoticeMinutes: 0,
    maxPerDay: 8,
    bookable: true,
    routingWeight: 1,
  });
  await createTerritory(
    deps,
    org.admin,
    createTerritorySchema.parse({
      name: 'Bavaria',
      criteria: { countries: ['DE'] },
      members: [{ userId: rep.userId, role: 'outside' }],
    }),
  );
  leadId = (await createLead(deps, org.admin, { firstName: 'Bo', lastName: 'Bergmann', ownerId: sdr.userId })).id;
});

afterAll(async () => {
  await stopE2eServer({ browser, app, deps });
});

/** The "their time" weekdays of the slots the lead page offers for the rep (60-minute meetings). */
async function slotDays(page: Page): Promise<string[]> {
  await page.goto(`${base}/leads/${leadId}`);
  const card = page.getByTestId('meetings-card');
  await card.getByLabel('With').selectOption({ label: 'Bea Berlin' });
  await poll(() => card.getByTestId('slot').count()).toBeGreaterThan(0);
  await poll(async () =>
    (await card.getByTestId('slot').allTextContents()).every((t) => t.includes('Bea Berlin')),
  ).toBe(true);
  const texts = await card.getByTestId('slot').allTextContents();
  return [...new Set(texts.map((t) => /their time (\w{3})/.exec(t)?.[1] ?? '?'))];
}

describe('holiday calendars in the browser', () => {
  it('an admin assigns a calendar to a territory; inside sales then sees no slot on the holiday', async () => {
    const inside = await dayPage(browser, 1440);
    await inside.page.clock.setFixedTime(tuesday);
    await signInAs(inside.page, base, sdr.email, TEST_PASSWORD);
    await inside.page.getByTestId('home-title').waitFor();
    // Before: Tuesday's last two half-hours, then Wednesday from 09:00 (the list shows twelve).
    expect(await slotDays(inside.page)).toEqual(['Tue', 'Wed']);

    const admin = await dayPage(browser, 1440);
    await admin.page.clock.setFixedTime(tuesday);
    await signInAs(admin.page, base, org.adminEmail, TEST_PASSWORD);
    await admin.page.getByTestId('home-title').waitFor();
    await admin.page.goto(`${base}/admin/holidays`);
    await admin.page.getByRole('heading', { name: 'Holiday calendars' }).waitFor();
    const create = admin.page.getByRole('form', { name: 'New holiday calendar' });
    await create.getByLabel('Calendar name').fill('Germany – Bavaria');
    await create.getByRole('button', { name: 'Add calendar' }).click();
    const card = admin.page.getByTestId('holiday-calendar-Germany – Bavaria');
    await card.waitFor();
    const add = card.getByRole('form', { name: 'Add a holiday to Germany – Bavaria' });
    await add.getByLabel('Holiday').fill('Heilige Drei Könige');
    await add.getByLabel('On', { exact: true }).fill('2027-01-06');
    await add.getByLabel('Every year').check();
    await add.getByRole('button', { name: 'Add holiday' }).click();
    await poll(() => card.getByTestId('holiday').textContent()).toContain('Heilige Drei Könige');
    expect(await card.getByTestId('holiday').textContent()).toContain('every year');
    const assign = card.getByRole('form', { name: 'Assign Germany – Bavaria' });
    await poll(() => assign.getByLabel('Bavaria').count()).toBe(1);
    await assign.getByLabel('Bavaria').check();
    await assign.getByRole('button', { name: 'Save assignment' }).click();
    await poll(() => card.getByTestId('assignment-saved').count()).toBe(1);
    await shoot(admin.page, 'holidays-admin-calendar-1440.png');
    const stored = await deps.db
      .selectFrom('holiday_calendar_territories')
      .select('territory_id')
      .where('org_id', '=', org.orgId)
      .execute();
    expect(stored).toHaveLength(1);
    expect(admin.problems).toEqual([]);
    await admin.page.close();

    // After: Tuesday's slots, then Thursday; nothing on Wednesday.
    expect(await slotDays(inside.page)).toEqual(['Tue', 'Thu']);
    await shoot(inside.page, 'holidays-inside-sales-slots-1440.png');
    expect(inside.problems).toEqual([]);
    await inside.page.close();

    // The rep sees the holiday among the upcoming ones.
    const field = await dayPage(browser, 1440);
    await field.page.clock.setFixedTime(tuesday);
    await signInAs(field.page, base, rep.email, TEST_PASSWORD);
    await field.page.getByTestId('home-title').waitFor();
    await field.page.goto(`${base}/working-hours`);
    const holidays = field.page.getByTestId('holidays');
    await poll(() => holidays.getByTestId('holiday-item').first().textContent()).toContain('Heilige Drei Könige');
    expect(await holidays.textContent()).toContain('Germany – Bavaria');
    // A year from today (5 January 2027 in Berlin): this Epiphany, not next year's.
    expect(await holidays.getByTestId('holiday-item').count()).toBe(1);
    await holidays.scrollIntoViewIfNeeded();
    await shoot(field.page, 'holidays-working-hours-1440.png');
    expect(field.problems).toEqual([]);
    await field.page.close();
  });
});
