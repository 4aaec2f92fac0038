import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/contract/access.ts';
import { ManualClock } from '../../src/domain/deps.ts';
import { updateAvailability } from '../../src/modules/booking/availability.service.ts';
import type { App } from '../../src/server/types.ts';
import type { TestDeps } from '../helpers/db.ts';
import { createTestOrg, createTestUser, TEST_PASSWORD } from '../helpers/factories.ts';
import { dayPage, poll, shoot, signInAs } from './day.ts';
import { startE2eServer, stopE2eServer } from './server.ts';

/*
 * A field rep connects their own calendar: on the working-hours page they set the private feed URL
 * their calendar publishes, see it read and its busy time among their out-of-office ranges, then
 * replace it with an address that fails and see why. The feed is served by a local server (the
 * test setting allows plain http and loopback hosts).
 */

// Monday 4 January 2027, 08:00 UTC.
const clock = new ManualClock('2027-01-04T08:00:00.000Z');
let deps: TestDeps;
let app: App;
let base: string;
let browser: Browser;
let rep: Actor & { email: string };
let server: http.Server;
let feedBase: string;

const ics = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//test//feed//EN',
  'BEGIN:VEVENT',
  'UID:offsite',
  'DTSTAMP:20261201T000000Z',
  'SUMMARY:Offsite',
  'DTSTART:20270105T090000Z',
  'DTEND:20270105T120000Z',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/private/bea.ics') {
      res.writeHead(200, { 'content-type': 'text/calendar' });
      res.end(ics);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feedBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ({ deps, app, base, browser } = await startE2eServer({
    clock,
    busyFeeds: { allowPrivate: true, allowHttp: true, timeoutMs: 2000 },
  }));
  const org = await createTestOrg(deps);
  rep = await createTestUser(deps, org.admin, 'rep', { name: 'Bea Berlin', password: TEST_PASSWORD });
  await updateAvailability(deps, org.admin, rep.userId, 0, {
    timezone: 'Europe/Berlin',
    workingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minNoticeMinutes: 60,
    maxPerDay: 6,
    bookable: true,
    routingWeight: 1,
  });
});
afterAll(async () => {
  await stopE2eServer({ browser, app, deps });
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('a field rep connects their calendar feed', () => {
  it('sets the feed, sees its busy time, replaces it with a failing one and sees why', async () => {
    const { page, problems } = await dayPage(browser, 1440);
    await page.clock.setFixedTime(clock.now());
    await signInAs(page, base, rep.email, TEST_PASSWORD);
    await page.getByTestId('home-title').waitFor();
    await page.goto(`${base}/working-hours`);
    const card = page.getByTestId('busy-feed');
    await poll(() => card.textContent()).toContain('No feed set.');

    await card.getByLabel('Feed URL').fill(`${feedBase}/private/bea.ics`);
    await card.getByRole('button', { name: 'Set feed' }).click();
    await poll(() => card.getByTestId('busy-feed-status').textContent()).toContain('Last read');
    expect(await card.getByTestId('busy-feed-status').textContent()).toContain(`${feedBase}/private/bea.ics`);
    await poll(() => page.getByTestId('time-off-item').allTextContents()).toEqual([
      expect.stringContaining('Busy: Offsite'),
    ]);
    await shoot(page, 'busy-feed-set-1440.png');

    await card.getByLabel('Replace with').fill(`${feedBase}/private/gone.ics`);
    await card.getByRole('button', { name: 'Replace feed' }).click();
    await poll(() => card.getByTestId('busy-feed-error').count()).toBe(1);
    expect(await card.getByTestId('busy-feed-error').textContent()).toContain('the feed answered HTTP 404');
    // A failing feed leaves the ranges as they were.
    expect(await page.getByTestId('time-off-item').count()).toBe(1);
    await shoot(page, 'busy-feed-failing-1440.png');
    expect(problems).toEqual([]);
  });
});
