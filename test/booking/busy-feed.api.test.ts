import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/contract/access.ts';
import type { BusyFeedDto, TimeOffDto } from '../../src/contract/booking.ts';
import { ManualClock } from '../../src/domain/deps.ts';
import * as repo from '../../src/modules/booking/booking.repository.ts';
import { fetchBusyFeed, defaultBusyFeedSettings } from '../../src/modules/booking/busy-feed-fetch.ts';
import { BUSY_FEED_SYNC_JOB, syncBusyFeed } from '../../src/modules/booking/busy-feed.service.ts';
import { createApi, type Api } from '../helpers/api.ts';
import { createTestDeps, type TestDeps } from '../helpers/db.ts';
import { createTestOrg, createTestTeam, createTestUser, type TestOrg } from '../helpers/factories.ts';

// Monday 30 March 2026, 06:00 UTC.
const clock = new ManualClock('2026-03-30T06:00:00.000Z');
let deps: TestDeps;
let api: Api;
let org: TestOrg;
let rep: Actor;
let manager: Actor;
let otherRep: Actor;
let stranger: Actor;

/** The local calendar server: answers with `feed.status` and `feed.body` (or a redirect, or nothing). */
const feed = { status: 200, body: '', location: '' as string, hang: false };
let server: http.Server;
let base: string;

const event = (uid: string, start: string, end: string, summary: string) => [
  'BEGIN:VEVENT',
  `UID:${uid}`,
  'DTSTAMP:20260301T000000Z',
  `SUMMARY:${summary}`,
  `DTSTART:${start}`,
  `DTEND:${end}`,
  'END:VEVENT',
];
const calendar = (...events: string[][]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//feed//EN', ...events.flat(), 'END:VCALENDAR'].join('\r\n');

const fieldsOf = (res: LightMyRequestResponse) =>
  res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
const putFeed = (actor: Actor, userId: string, payload: unknown) =>
  api.as(actor, { method: 'PUT', url: `/api/v1/users/${userId}/busy-feed`, payload: payload as object });
const timeOff = async () =>
  (await api.as(rep, { method: 'GET', url: `/api/v1/users/${rep.userId}/time-off` }))
    .json<{ items: TimeOffDto[] }>()
    .items.map((t) => [t.start, t.end, t.reason]);
const waiting = async () =>
  (
    await deps.db
      .selectFrom('jobs')
      .select('run_at')
      .where('kind', '=', BUSY_FEED_SYNC_JOB)
      .where('status', '=', 'queued')
      .execute()
  ).map((j) => j.run_at.toISOString());
const version = async () => (await repo.getBusyFeed(deps.db, org.orgId, rep.userId))!.version;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (feed.hang) return;
    if (feed.location) {
      res.writeHead(302, { location: feed.location });
      res.end();
      return;
    }
    res.writeHead(feed.status, { 'content-type': 'text/calendar' });
    res.end(feed.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  deps = await createTestDeps({ clock, busyFeeds: { allowPrivate: true, allowHttp: true, timeoutMs: 1000 } });
  api = await createApi(deps);
  org = await createTestOrg(deps);
  const team = await createTestTeam(deps, org.admin);
  rep = await createTestUser(deps, org.admin, 'rep', { teamId: team.id });
  manager = await createTestUser(deps, org.admin, 'manager', { teamId: team.id });
  otherRep = await createTestUser(deps, org.admin, 'rep');
  stranger = (await createTestOrg(deps)).admin;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await api.close();
  await deps.cleanup();
});

describe('busy times from a calendar feed', () => {
  it('setting the feed queues a sync now; the first sync adds the busy ranges as the feed’s', async () => {
    // A range added by hand that the feed also has, and one the feed does not have.
    for (const payload of [
      { start: '2026-03-31T09:00:00.000Z', end: '2026-03-31T10:00:00.000Z', reason: 'Dentist' },
      { start: '2026-04-02T09:00:00.000Z', end: '2026-04-02T10:00:00.000Z', reason: 'By hand' },
    ]) {
      const res = await api.as(rep, { method: 'POST', url: `/api/v1/users/${rep.userId}/time-off`, payload });
      expect(res.statusCode, res.body).toBe(201);
    }
    feed.body = calendar(
      event('a', '20260330T120000Z', '20260330T130000Z', 'Customer call'),
      event('b', '20260331T090000Z', '20260331T100000Z', 'Dentist'),
      event('c', '20260401T080000Z', '20260401T090000Z', 'Offsite'),
      event('old', '20260329T080000Z', '20260329T090000Z', 'Over already'),
    );
    const res = await putFeed(rep, rep.userId, { url: `${base}/private/abc123.ics` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<BusyFeedDto>()).toMatchObject({
      url: `${base}/private/abc123.ics`,
      urlHidden: false,
      lastAttemptAt: null,
      lastError: null,
      ranges: 0,
    });
    const jobs = await deps.db.selectFrom('jobs').selectAll().where('kind', '=', BUSY_FEED_SYNC_JOB).execute();
    expect(jobs.map((j) => [j.status, j.run_at.toISOString(), j.payload])).toEqual([
      ['queued', '2026-03-30T06:00:00.000Z', { userId: rep.userId, version: 1 }],
    ]);

    expect(await syncBusyFeed(deps, org.orgId, rep.userId, 1)).toEqual({
      kind: 'synced',
      added: 2,
      removed: 0,
      busy: 3,
    });
    expect(await timeOff()).toEqual([
      ['2026-03-30T12:00:00.000Z', '2026-03-30T13:00:00.000Z', 'Busy: Customer call'],
      ['2026-03-31T09:00:00.000Z', '2026-03-31T10:00:00.000Z', 'Dentist'],
      ['2026-04-01T08:00:00.000Z', '2026-04-01T09:00:00.000Z', 'Busy: Offsite'],
      ['2026-04-02T09:00:00.000Z', '2026-04-02T10:00:00.000Z', 'By hand'],
    ]);
    // The sync job (still waiting here: the sync ran outside the runner) is not doubled by the re-enqueue.
    expect(await waiting()).toEqual(['2026-03-30T06:00:00.000Z']);
    const types = await deps.db
      .selectFrom('events')
      .select('type')
      .where('entity_id', '=', rep.userId)
      .where('type', 'in', ['user.time_off_added', 'user.busy_feed_set', 'user.busy_feed_synced'])
      .orderBy('id')
      .execute();
    expect(types.map((e) => e.type)).toEqual([
      'user.time_off_added',
      'user.time_off_added',
      'user.busy_feed_set',
      'user.time_off_added',
      'user.time_off_added',
      'user.busy_feed_synced',
    ]);
  });

  it('a second sync of a changed feed removes the feed’s ranges that left it and adds new ones, never hand-added ones', async () => {
    clock.set('2026-03-30T07:00:00.000Z');
    // As the runner does: the job of this sync is no longer waiting once it runs.
    await deps.db.updateTable('jobs').set({ status: 'running' }).where('kind', '=', BUSY_FEED_SYNC_JOB).execute();
    feed.body = calendar(
      event('a', '20260330T120000Z', '20260330T130000Z', 'Customer call'),
      event('d', '20260403T080000Z', '20260403T093000Z', 'Board meeting'),
    );
    expect(await syncBusyFeed(deps, org.orgId, rep.userId, 1)).toEqual({
      kind: 'synced',
      added: 1,
      removed: 1,
      busy: 2,
    });
    expect(await timeOff()).toEqual([
      ['2026-03-30T12:00:00.000Z', '2026-03-30T13:00:00.000Z', 'Busy: Customer call'],
      ['2026-03-31T09:00:00.000Z', '2026-03-31T10:00:00.000Z', 'Dentist'],
      ['2026-04-02T09:00:00.000Z', '2026-04-02T10:00:00.000Z', 'By hand'],
      ['2026-04-03T08:00:00.000Z', '2026-04-03T09:30:00.000Z', 'Busy: Board meeting'],
    ]);
    // The next sync waits an hour.
    expect(await waiting()).toEqual(['2026-03-30T08:00:00.000Z']);
    // The same feed again changes nothing.
    expect(await syncBusyFeed(deps, org.orgId, rep.userId, 1)).toMatchObject({ added: 0, removed: 0 });
  });

  it('a failing feed records its error and leaves the ranges; a later success clears it', async () => {
    clock.set('2026-03-30T08:00:00.000Z');
    feed.status = 404;
    expect(await syncBusyFeed(deps, org.orgId, rep.userId, 1)).toEqual({
      kind: 'failed',
      error: 'the feed answered HTTP 404',
    });
    feed.status = 200;
    feed.body = 'not a calendar';
    expect(await syncBusyFeed(deps, org.orgId, rep.userId, 1)).toMatchObject({ kind: 'failed' });
    feed.body = '';
    feed.hang = true;
    expect(await syncBusyFeed(deps, org.orgId, rep.userId, 1)).toEqual({
      kind: 'failed',
      error: 'no answer within 1 s',
    });
    feed.hang = false;
    feed.location = 'ftp://example.test/feed.ics';
    expect(await syncBusyFeed(deps, org.orgId, rep.userId, 1)).toEqual({
      kind: 'failed',
      error: 'redirected to a URL that must be an https:// URL',
    });
    feed.location = '';
    expect(await timeOff()).toHaveLength(4);
    const status = await api.as(rep, { method: 'GET', url: `/api/v1/users/${rep.userId}/busy-feed` });
    expect(status.statusCode, status.body).toBe(200);
    expect(status.json<{ feed: BusyFeedDto }>().feed).toMatchObject({
      lastAttemptAt: '2026-03-30T08:00:00.000Z',
      lastSuccessAt: '2026-03-30T07:00:00.000Z',
      lastError: 'redirected to a URL that must be an https:// URL',
      ranges: 2,
    });
    const failed = await deps.db
      .selectFrom('events')
      .select('data')
      .where('entity_id', '=', rep.userId)
      .where('type', '=', 'user.busy_feed_failed')
      .execute();
    expect(failed).toHaveLength(4);

    feed.body = calendar(event('a', '20260330T120000Z', '20260330T130000Z', 'Customer call'));
    expect(await syncBusyFeed(deps, org.orgId, rep.userId, 1)).toMatchObject({ kind: 'synced', removed: 1 });
    const healed = await api.as(rep, { method: 'GET', url: `/api/v1/users/${rep.userId}/busy-feed` });
    expect(healed.json<{ feed: BusyFeedDto }>().feed).toMatchObject({
      lastError: null,
      lastSuccessAt: '2026-03-30T08:00:00.000Z',
    });
  });

  it('a feed on a private address is refused unless allowed; a replaced or removed feed ends the old chain', async () => {
    await expect(
      fetchBusyFeed({ ...defaultBusyFeedSettings, allowHttp: true }, `${base}/private/abc123.ics`),
    ).rejects.toThrow(/127\.0\.0\.1 is a private, loopback or link-local address/);
    await expect(
      fetchBusyFeed(
        { ...defaultBusyFeedSettings, resolve: () => Promise.resolve([{ address: '10.1.2.3', family: 4 }]) },
        'https://calendar.example.test/feed.ics',
      ),
    ).rejects.toThrow(/calendar\.example\.test resolves to 10\.1\.2\.3/);

    const replaced = await putFeed(manager, rep.userId, { url: `${base}/private/new.ics` });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(await version()).toBe(2);
    expect(await syncBusyFeed(deps, org.orgId, rep.userId, 1)).toEqual({ kind: 'gone' });
    const del = await api.as(rep, { method: 'DELETE', url: `/api/v1/users/${rep.userId}/busy-feed` });
    expect(del.statusCode).toBe(204);
    expect(await syncBusyFeed(deps, org.orgId, rep.userId, 2)).toEqual({ kind: 'gone' });
    expect(await timeOff()).toHaveLength(3);
  });

  it('removing a feed ends its waiting read, so a feed set again is read at once', async () => {
    const r = await createTestUser(deps, org.admin, 'rep');
    const key = `${BUSY_FEED_SYNC_JOB}:${r.userId}:1`;
    const readsOf = async () =>
      (
        await deps.db
          .selectFrom('jobs')
          .select(['status', 'run_at'])
          .where('job_key', '=', key)
          .orderBy('run_at')
          .orderBy('status')
          .execute()
      ).map((j) => [j.status, j.run_at.toISOString()]);
    const now = clock.now().toISOString();
    const inAnHour = new Date(clock.now().getTime() + 3_600_000).toISOString();
    feed.body = calendar(event('r', '20260402T120000Z', '20260402T130000Z', 'Site visit'));
    expect((await putFeed(r, r.userId, { url: `${base}/private/r.ics` })).statusCode).toBe(200);
    // As the runner does: the read runs, and queues the next one an hour on.
    await deps.db.updateTable('jobs').set({ status: 'running' }).where('job_key', '=', key).execute();
    expect(await syncBusyFeed(deps, org.orgId, r.userId, 1)).toMatchObject({ kind: 'synced', added: 1 });
    await deps.db
      .updateTable('jobs')
      .set({ status: 'succeeded' })
      .where('job_key', '=', key)
      .where('status', '=', 'running')
      .execute();
    expect(await readsOf()).toEqual([
      ['succeeded', now],
      ['queued', inAnHour],
    ]);

    const del = await api.as(r, { method: 'DELETE', url: `/api/v1/users/${r.userId}/busy-feed` });
    expect(del.statusCode, del.body).toBe(204);
    expect(await readsOf()).toEqual([
      ['succeeded', now],
      ['canceled', inAnHour],
    ]);
    // Set again: a new feed whose first read is now, not the removed one's next hour.
    expect((await putFeed(r, r.userId, { url: `${base}/private/r2.ics` })).statusCode).toBe(200);
    expect(await readsOf()).toEqual([
      ['queued', now],
      ['succeeded', now],
      ['canceled', inAnHour],
    ]);
  });

  it('only the rep, their manager or an admin sets the feed; others see only its host; bad URLs name the field', async () => {
    const res = await putFeed(manager, rep.userId, { url: `${base}/private/secret-token.ics` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<BusyFeedDto>()).toMatchObject({ url: `${base}/…`, urlHidden: true });
    const own = await api.as(rep, { method: 'GET', url: `/api/v1/users/${rep.userId}/busy-feed` });
    expect(own.json<{ feed: BusyFeedDto }>().feed.url).toBe(`${base}/private/secret-token.ics`);
    const admin = await api.as(org.admin, { method: 'GET', url: `/api/v1/users/${rep.userId}/busy-feed` });
    expect(admin.json<{ feed: BusyFeedDto }>().feed).toMatchObject({ url: `${base}/…`, urlHidden: true });
    const setEvents = await deps.db
      .selectFrom('events')
      .select('data')
      .where('entity_id', '=', rep.userId)
      .where('type', '=', 'user.busy_feed_set')
      .execute();
    expect(JSON.stringify(setEvents)).not.toContain('secret-token');

    expect((await putFeed(otherRep, rep.userId, { url: `${base}/x.ics` })).statusCode).toBe(403);
    expect((await api.as(otherRep, { method: 'GET', url: `/api/v1/users/${rep.userId}/busy-feed` })).statusCode).toBe(
      403,
    );
    expect((await putFeed(stranger, rep.userId, { url: `${base}/x.ics` })).statusCode).toBe(404);
    for (const payload of [{ url: 'not a url' }, { url: 'ftp://example.test/feed.ics' }, {}]) {
      const bad = await putFeed(rep, rep.userId, payload);
      expect(bad.statusCode, bad.body).toBe(422);
      expect(bad.headers['content-type']).toContain('application/problem+json');
      expect(fieldsOf(bad)).toEqual(['url']);
    }
    const none = await api.as(otherRep, { method: 'GET', url: `/api/v1/users/${otherRep.userId}/busy-feed` });
    expect(none.statusCode, none.body).toBe(200);
    expect(none.json()).toEqual({ feed: null });
  });
});

describe('the sync job on the queue', () => {
  it('reads the feed set through the API and queues the next read an hour on', async () => {
    const jobClock = new ManualClock('2026-03-30T06:00:00.000Z');
    const withJobs = await createTestDeps({
      clock: jobClock,
      runJobs: true,
      busyFeeds: { allowPrivate: true, allowHttp: true, timeoutMs: 1000 },
    });
    const jobsApi = await createApi(withJobs);
    try {
      const o = await createTestOrg(withJobs);
      const r = await createTestUser(withJobs, o.admin, 'rep');
      feed.body = calendar(event('x', '20260331T120000Z', '20260331T130000Z', 'Workshop'));
      const res = await jobsApi.as(r, {
        method: 'PUT',
        url: `/api/v1/users/${r.userId}/busy-feed`,
        payload: { url: `${base}/private/job.ics` },
      });
      expect(res.statusCode, res.body).toBe(200);
      let status: BusyFeedDto | undefined;
      for (let i = 0; i < 100 && !status?.lastSuccessAt; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        status = (await jobsApi.as(r, { method: 'GET', url: `/api/v1/users/${r.userId}/busy-feed` })).json<{
          feed: BusyFeedDto;
        }>().feed;
      }
      expect(status).toMatchObject({ lastSuccessAt: '2026-03-30T06:00:00.000Z', lastError: null, ranges: 1 });
      const jobs = await withJobs.db
        .selectFrom('jobs')
        .select(['status', 'run_at'])
        .where('kind', '=', BUSY_FEED_SYNC_JOB)
        .orderBy('run_at')
        .execute();
      expect(jobs.map((j) => [j.status, j.run_at.toISOString()])).toEqual([
        ['succeeded', '2026-03-30T06:00:00.000Z'],
        ['queued', '2026-03-30T07:00:00.000Z'],
      ]);
    } finally {
      await jobsApi.close();
      await withJobs.cleanup();
    }
  });
});
