import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/contract/access.ts';
import { ManualClock } from '../../src/domain/deps.ts';
import { updateAvailability } from '../../src/modules/booking/availability.service.ts';
import { createLead } from '../../src/modules/leads/leads.service.ts';
import { createPipeline, updatePipeline } from '../../src/modules/pipelines/pipelines.service.ts';
import type { App } from '../../src/server/types.ts';
import type { TestDeps } from '../helpers/db.ts';
import { createTestOrg, createTestUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { dayPage, poll, shoot, signInAs } from './day.ts';
import { startE2eServer, stopE2eServer } from './server.ts';

/*
 * The hand-off from inside to outside sales in the browser: inside sales finds an unassigned lead
 * in the call queue, claims it with "Call next", books a field rep from the call dialog, and sees
 * the meetings on the rep's week; the field rep signs in, finds them on their week calendar in
 * their own time zone with the booker's time beside, records the first as held once it has begun
 * (the default pipeline's setting creates the deal, theirs, in Discovery), moves the second with a
 * reason, sets their working hours and opens the new deal. The server's clock and the browser's
 * are set to the same Monday morning.
 */

// Monday 4 January 2027, 08:00 UTC = 09:00 in Berlin (CET).
const monday = new Date('2027-01-04T08:00:00.000Z');
const clock = new ManualClock(monday);
let deps: TestDeps;
let app: App;
let base: string;
let browser: Browser;
let rep: Actor & { email: string };
let sdr: Actor & { email: string };
let leadId: string;
let discovery: string;

beforeAll(async () => {
  ({ deps, app, base, browser } = await startE2eServer({ clock }));
  const org = await createTestOrg(deps);
  rep = await createTestUser(deps, org.admin, 'rep', { name: 'Bea Berlin', password: TEST_PASSWORD });
  sdr = await createTestUser(deps, org.admin, 'inside_sales', { name: 'Ines Inside', password: TEST_PASSWORD });
  await updateAvailability(deps, org.admin, rep.userId, 0, {
    timezone: 'Europe/Berlin',
    workingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
    bufferBeforeMinutes: 15,
    bufferAfterMinutes: 15,
    minNoticeMinutes: 60,
    maxPerDay: 6,
    bookable: true,
    routingWeight: 1,
  });
  // Nobody owns the lead yet: it waits in the call queue of whoever may claim it.
  const lead = await createLead(deps, org.admin, {
    firstName: 'Bo',
    lastName: 'Bergmann',
    company: 'Harbour Freight',
    ownerId: null,
  });
  leadId = lead.id;
  // The default pipeline: a held first meeting creates the deal in Discovery.
  const sales = await createPipeline(deps, org.admin, {
    name: 'Sales',
    isDefault: true,
    stages: [
      { name: 'Qualify', kind: 'open', probability: 10 },
      { name: 'Discovery', kind: 'open', probability: 25 },
      { name: 'Won', kind: 'won' },
      { name: 'Lost', kind: 'lost' },
    ],
  });
  discovery = sales.stages.find((st) => st.name === 'Discovery')?.id ?? '';
  await updatePipeline(deps, org.admin, sales.id, sales.version, {
    heldMeeting: { action: 'create_or_advance', stageId: discovery },
  });
});

afterAll(async () => {
  await stopE2eServer({ browser, app, deps });
});

type Scroller = { scrollWidth: number; clientWidth: number };

const bookingsOf = () =>
  deps.db.selectFrom('bookings').selectAll().where('owner_id', '=', rep.userId).orderBy('starts_at').execute();

describe('booking a field rep from a call, and the field rep’s week', () => {
  it('inside sales claims a lead from the queue and books from the call dialog; the held meeting creates the deal', async () => {
    const { page, problems } = await dayPage(browser, 1440);
    await page.clock.setFixedTime(monday);
    await signInAs(page, base, sdr.email, TEST_PASSWORD);
    await page.getByTestId('home-title').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Call queue' }).click();
    const row = page.locator('tr[data-lead="Bergmann"]');
    await poll(() => row.getByTestId('unassigned').count()).toBe(1);
    expect(await row.getByRole('button', { name: 'Claim' }).count()).toBe(1);
    await shoot(page, 'calendar-queue-unassigned-1440.png');
    // Call next claims the lead first, then opens the call dialog on it.
    await page.getByRole('button', { name: 'Call next: Bo Bergmann (claim)' }).click();
    const dialog = page.getByTestId('call-dialog');
    await dialog.waitFor();
    const claimed = await deps.db.selectFrom('leads').select('owner_id').where('id', '=', leadId).executeTakeFirst();
    expect(claimed?.owner_id).toBe(sdr.userId);
    await dialog.getByLabel('Meeting booked').check();
    const card = dialog.getByTestId('meetings-card');
    await card.getByLabel('With').selectOption({ label: 'Bea Berlin' });
    // An hour's notice from 09:00 Berlin: the first slot is 10:00 Berlin, shown in the rep's zone too.
    const first = card.getByTestId('slot').first();
    await poll(() => first.textContent()).toContain('(Europe/Berlin)');
    expect(await first.textContent()).toContain('Bea Berlin');
    await shoot(page, 'calendar-call-dialog-slots-1440.png');
    await first.getByRole('button', { name: 'Book' }).click();
    await poll(() => card.getByTestId('booking-done').textContent()).toContain('Booked with Bea Berlin');
    // A second meeting in the afternoon, for the same lead.
    const afternoon = card.getByTestId('slot').filter({ hasText: 'their time Mon 03:00 PM' });
    await afternoon.first().getByRole('button', { name: 'Book' }).click();
    await poll(async () => (await bookingsOf()).length).toBe(2);
    await dialog.getByRole('button', { name: 'Save call' }).click();
    // The follow-up task is proposed; not wanted here.
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    const calls = await deps.db
      .selectFrom('activities')
      .select(['call_disposition', 'owner_id'])
      .where('lead_id', '=', leadId)
      .where('type', '=', 'call')
      .execute();
    expect(calls).toEqual([{ call_disposition: 'meeting_booked', owner_id: sdr.userId }]);
    const booked = await bookingsOf();
    expect(booked.map((b) => [b.starts_at.toISOString(), b.booked_by, b.lead_id, b.status])).toEqual([
      ['2027-01-04T09:00:00.000Z', sdr.userId, leadId, 'booked'],
      ['2027-01-04T14:00:00.000Z', sdr.userId, leadId, 'booked'],
    ]);

    // Inside sales sees what it booked on the rep's week, and may not record the outcome.
    await page.getByRole('link', { name: 'Calendar' }).click();
    await poll(() => page.getByTestId('calendar-title').textContent()).toContain('Bea Berlin');
    await poll(() => page.getByTestId('calendar-booking').count()).toBe(2);
    expect(await page.getByRole('button', { name: 'Held' }).count()).toBe(0);
    await shoot(page, 'calendar-inside-sales-week-1440.png');
    expect(problems).toEqual([]);
    await page.close();

    // 10:05 in Berlin: the first meeting has begun.
    const later = new Date('2027-01-04T09:05:00.000Z');
    clock.set(later);
    const field = await dayPage(browser, 1440);
    await field.page.clock.setFixedTime(later);
    await signInAs(field.page, base, rep.email, TEST_PASSWORD);
    await field.page.getByTestId('home-title').waitFor();
    // The main menu's link: the home page's meetings card has a "Week calendar" link too once it loads.
    await field.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
    const week = field.page.getByTestId('calendar-week');
    await poll(() => week.textContent()).toContain('times in Europe/Berlin');
    const meetings = field.page.getByTestId('calendar-booking');
    await poll(() => meetings.count()).toBe(2);
    const morning = meetings.first();
    // In the rep's time, with the booker's own (inside sales keeps UTC) beside it.
    expect(await morning.textContent()).toContain('10:00–11:00');
    expect(await morning.textContent()).toContain('booked by Ines Inside');
    await poll(() => morning.textContent()).toContain('their time 09:00 Mon (UTC)');
    await shoot(field.page, 'calendar-field-rep-week-1440.png');
    await morning.getByRole('button', { name: 'Held' }).click();
    await poll(() => meetings.first().getAttribute('data-status')).toBe('held');
    // The default pipeline's setting created the deal, owned by the field rep, in Discovery.
    const effect = field.page.getByTestId('deal-effect');
    await poll(() => effect.getAttribute('data-result')).toBe('created');
    expect(await effect.textContent()).toContain('Deal "Harbour Freight – new deal" was created in "Discovery"');
    await shoot(field.page, 'calendar-field-rep-held-deal-created-1440.png');
    const deal = await deps.db
      .selectFrom('deals')
      .select(['id', 'name', 'owner_id', 'stage_id'])
      .where('owner_id', '=', rep.userId)
      .executeTakeFirstOrThrow();
    expect(deal).toMatchObject({ name: 'Harbour Freight – new deal', owner_id: rep.userId, stage_id: discovery });

    // The afternoon meeting has not begun: it can only be moved or cancelled. Moved to Tuesday 14:00.
    const second = meetings.nth(1);
    expect(await second.getByRole('button', { name: 'Held' }).count()).toBe(0);
    await second.getByRole('button', { name: 'Reschedule' }).click();
    const change = second.getByTestId('booking-change');
    await change.getByLabel('New start (Europe/Berlin)').fill('2027-01-05T14:00');
    await change.getByLabel('Reason').fill('The buyer asked for Tuesday');
    await change.getByRole('button', { name: 'Move the meeting' }).click();
    await poll(async () => (await bookingsOf())[1]?.starts_at.toISOString()).toBe('2027-01-05T13:00:00.000Z');
    await poll(() => meetings.nth(1).textContent()).toContain('14:00–15:00');
    await shoot(field.page, 'calendar-field-rep-after-1440.png');
    const [held, moved] = await bookingsOf();
    expect(held?.status).toBe('held');
    const events = await deps.db
      .selectFrom('events')
      .select(['type', 'actor_id', 'data'])
      .where('entity_id', 'in', [held?.id ?? '', moved?.id ?? ''])
      .orderBy('id')
      .execute();
    expect(events.map((e) => [e.type, e.actor_id])).toEqual([
      ['booking.booked', sdr.userId],
      ['booking.booked', sdr.userId],
      ['booking.held', rep.userId],
      ['booking.rescheduled', rep.userId],
    ]);
    expect(held?.deal_id).toBe(deal.id);
    expect(events[3]?.data).toMatchObject({ reason: 'The buyer asked for Tuesday' });

    // The grid: seven equal day columns, today (Monday in Berlin) marked, working hours shaded apart
    // from the rest; at phone width the grid scrolls sideways inside its frame, the page does not.
    const grid = field.page.getByTestId('week-grid');
    const widths = await Promise.all(
      [1, 2, 3, 4, 5, 6, 7].map(async (i) => (await grid.locator('thead th').nth(i).boundingBox())?.width ?? 0),
    );
    expect(Math.min(...widths)).toBeGreaterThan(100);
    expect(Math.max(...widths) - Math.min(...widths)).toBeLessThan(1);
    expect(await grid.locator('thead th.today').textContent()).toBe('Mon 4 Jan');
    const shading = (selector: string) =>
      field.page.evaluate<string>(
        `(() => { const s = getComputedStyle(document.querySelector('${selector}')); return s.backgroundColor + s.backgroundImage; })()`,
      );
    expect(await shading('.week-grid td.working')).not.toBe(await shading('.week-grid td.off-hours'));
    await field.page.setViewportSize({ width: 390, height: 844 });
    const frame = field.page.locator('.calendar-scroll');
    await poll(() => frame.evaluate((el: Scroller) => el.scrollWidth - el.clientWidth)).toBeGreaterThan(300);
    const pageOverflow = field.page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(await pageOverflow).toBe(0);
    await shoot(field.page, 'calendar-field-rep-week-390.png');
    await field.page.setViewportSize({ width: 1440, height: 900 });

    // Next week is empty; the rep's working hours are one click away.
    await field.page.getByRole('button', { name: 'Next week →' }).click();
    await poll(() => week.textContent()).toContain('Mon 11 Jan');
    await poll(() => meetings.count()).toBe(0);
    await field.page.getByRole('link', { name: 'Working hours' }).click();
    const form = field.page.getByTestId('working-hours-form');
    await form.getByLabel('At most meetings per day').fill('5');
    await form.getByRole('button', { name: 'Save working hours' }).click();
    await poll(() => field.page.getByTestId('working-hours-saved').count()).toBe(1);
    const saved = await deps.db
      .selectFrom('rep_availability')
      .select(['max_per_day', 'timezone', 'version'])
      .where('user_id', '=', rep.userId)
      .executeTakeFirstOrThrow();
    expect(saved).toEqual({ max_per_day: 5, timezone: 'Europe/Berlin', version: 2 });
    await shoot(field.page, 'calendar-working-hours-1440.png');

    // The new deal is the field rep's to open, in Discovery.
    await field.page.goto(`${base}/deals/${deal.id}`);
    await poll(() => field.page.getByRole('heading', { level: 1 }).textContent()).toContain(
      'Harbour Freight – new deal',
    );
    await poll(() => field.page.locator('main').textContent()).toContain('Discovery');
    await shoot(field.page, 'calendar-field-rep-new-deal-1440.png');
    expect(field.problems).toEqual([]);
    await field.page.close();
  });
});
