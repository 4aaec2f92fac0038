/**
 * The pipeline board with 5,000 open deals, in Debian Chromium: time from navigation to the board
 * being interactive, how much of it is the API (requests in flight) and how much the UI, and the
 * frame rate while a column scrolls. The API time for the same data is also taken from Node
 * (no browser), as the baseline the UI's share is compared with.
 *
 * Fresh embedded database in a temp directory; deals bulk-inserted with SQL (the board only reads
 * them); the server on a free port serving the built web app (npm run build first).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { composeFromDatabase } from '../src/compose.ts';
import type { PipelineDto } from '../src/contract/pipelines.ts';
import { openDatabase } from '../src/db/database.ts';
import { actorForUser, createApiToken } from '../src/modules/auth/auth.service.ts';
import type { Deps } from '../src/modules/context.ts';
import { createPipeline } from '../src/modules/pipelines/pipelines.service.ts';
import { createOrganization, createUser } from '../src/modules/users/users.service.ts';
import { buildApp } from '../src/server/app.ts';
import { percentile, scratchDir, writeResult } from './lib.ts';

const DEALS = 5000;
const RUNS = 5;
const SCROLL_MS = 3000;
const SCROLL_ROUNDS = 3;
const SCROLL_PX_PER_FRAME = 40;
const CHROMIUM = '/usr/bin/chromium';
const WEB_ROOT = path.resolve('dist/web');
const PASSWORD = 'benchmark-password';

const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );
const round = (x: number) => Math.round(x * 10) / 10;

async function seed(deps: Deps): Promise<{ email: string; pipeline: PipelineDto; token: string }> {
  const email = 'bench@example.test';
  const { organization, admin } = await createOrganization(deps, {
    organization: { name: 'Bench Org', baseCurrency: 'USD', timezone: 'UTC', fiscalYearStartMonth: 1 },
    admin: { email, name: 'Bench Admin', password: PASSWORD },
  });
  const actor = await actorForUser(deps, organization.id, admin.id);
  const owners = [admin.id];
  for (let i = 1; i <= 9; i++)
    owners.push((await createUser(deps, actor, { email: `rep${i}@example.test`, name: `Rep ${i}`, role: 'rep' })).id);
  const pipeline = await createPipeline(deps, actor, {
    name: 'Bench',
    isDefault: true,
    stages: [
      { name: 'Qualify', kind: 'open', probability: 10 },
      { name: 'Discover', kind: 'open', probability: 30 },
      { name: 'Propose', kind: 'open', probability: 50 },
      { name: 'Negotiate', kind: 'open', probability: 70 },
      { name: 'Won', kind: 'won' },
      { name: 'Lost', kind: 'lost' },
    ],
  });
  const open = pipeline.stages.filter((s) => s.kind === 'open').map((s) => s.id);
  // Skewed like a real funnel: most deals early. 45 % / 30 % / 15 % / 10 %.
  await sql`
    insert into deals (org_id, id, name, pipeline_id, stage_id, status, amount, currency, expected_close_date, owner_id, source, channel, stage_entered_at, created_at, updated_at)
    select ${organization.id}::uuid, gen_random_uuid(), 'Deal ' || i, ${pipeline.id}::uuid,
           (${open}::uuid[])[case when i % 20 < 9 then 1 when i % 20 < 15 then 2 when i % 20 < 18 then 3 else 4 end],
           'open', (1000 + (i * 37) % 90000)::numeric(20,2), 'USD', date '2026-01-01' + (i % 365),
           (${owners}::uuid[])[1 + (i % ${owners.length})], 'web', 'direct', now(), now() - make_interval(mins => i), now()
    from generate_series(1, ${DEALS}::int) as i`.execute(deps.db);
  await sql`analyze deals`.execute(deps.db);
  const { token } = await createApiToken(deps, actor, { name: 'bench' });
  await deps.sealer.flush();
  return { email, pipeline, token };
}

/** The board's requests made from Node: each stage's pages in sequence, the stages in parallel. */
async function apiFromNode(
  base: string,
  token: string,
  pipeline: PipelineDto,
): Promise<{ ms: number; deals: number; requests: number }> {
  const t0 = performance.now();
  let requests = 0;
  const perStage = await Promise.all(
    pipeline.stages.map(async (stage) => {
      let n = 0;
      let cursor: string | null = null;
      do {
        const url = new URL('/api/v1/deals', base);
        url.search = new URLSearchParams({
          pipelineId: pipeline.id,
          stageId: stage.id,
          sort: 'created_at',
          limit: '200',
          ...(cursor ? { cursor } : {}),
        }).toString();
        const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
        requests++;
        const page = (await res.json()) as { items: unknown[]; nextCursor: string | null };
        n += page.items.length;
        cursor = page.nextCursor;
      } while (cursor);
      return n;
    }),
  );
  return { ms: performance.now() - t0, deals: perStage.reduce((a, b) => a + b, 0), requests };
}

// The page-side scripts are plain JavaScript (this program is type-checked for Node, without DOM types).

/** After the board's mark: its time, the time any API request was in flight before it, the long tasks. */
const MEASURE_LOAD = `(() => {
  const interactive = performance.getEntriesByName('board:interactive')[0]?.startTime ?? 0;
  const api = performance.getEntriesByType('resource')
    .filter((e) => new URL(e.name).pathname.startsWith('/api/') && e.startTime < interactive)
    .map((e) => [e.startTime, Math.min(e.responseEnd, interactive)])
    .sort((a, b) => a[0] - b[0]);
  // The union of the request intervals: time during which at least one request was in flight.
  let inFlight = 0;
  let until = 0;
  for (const [s, e] of api) {
    const from = Math.max(s, until);
    if (e > from) inFlight += e - from;
    until = Math.max(until, e);
  }
  const dealRequests = performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname === '/api/v1/deals').length;
  const longTasks = (window.__longTasks ?? []).reduce((a, b) => a + b, 0);
  return { interactive, inFlight, dealRequests, longTasks, cards: document.querySelectorAll('.deal-card').length };
})()`;

/** Scrolls the fullest column by a fixed step each frame and records the length of every frame. */
const SCROLL_COLUMN = `(ms, step) => new Promise((resolve, reject) => {
  const list = [...document.querySelectorAll('.cards.virtual')].sort((a, b) => b.scrollHeight - a.scrollHeight)[0];
  if (!list) return reject(new Error('no column'));
  const frames = [];
  let maxCards = 0;
  let last = 0;
  let t0 = 0;
  const tick = (now) => {
    frames.push(now - last);
    last = now;
    list.scrollTop += step;
    maxCards = Math.max(maxCards, document.querySelectorAll('.deal-card').length);
    if (now - t0 < ms) requestAnimationFrame(tick);
    else resolve({ frames: frames.slice(1), scrolled: list.scrollTop, maxCardsInDom: maxCards });
  };
  requestAnimationFrame((now) => { last = now; t0 = now; requestAnimationFrame(tick); });
})`;

/** Collects long tasks (over 50 ms on the main thread) from the start of every page. */
const OBSERVE_LONG_TASKS = `window.__longTasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });`;

interface LoadRun {
  interactiveMs: number;
  apiInFlightMs: number;
  uiMs: number;
  dealRequests: number;
  longTaskMs: number;
  renderedCards: number;
}

/** Navigates to the board and reads the app's mark, the resource timings and the long tasks. */
async function loadBoard(context: BrowserContext, base: string, pipelineId: string): Promise<LoadRun> {
  const page = await context.newPage();
  await page.goto(`${base}/board?pipelineId=${pipelineId}`);
  await page.waitForFunction(() => performance.getEntriesByName('board:interactive').length > 0, null, {
    timeout: 120_000,
  });
  // Let long tasks that started before the mark finish and be reported.
  await page.waitForTimeout(500);
  const r = await page.evaluate<{
    interactive: number;
    inFlight: number;
    dealRequests: number;
    longTasks: number;
    cards: number;
  }>(MEASURE_LOAD);
  await page.close();
  return {
    interactiveMs: round(r.interactive),
    apiInFlightMs: round(r.inFlight),
    uiMs: round(r.interactive - r.inFlight),
    dealRequests: r.dealRequests,
    longTaskMs: round(r.longTasks),
    renderedCards: r.cards,
  };
}

interface ScrollRun {
  frames: number;
  fps: number;
  frameIntervalMs: number;
  p95FrameMs: number;
  maxFrameMs: number;
  droppedFrames: number;
  scrolledPx: number;
  maxCardsInDom: number;
}

/** Scrolls the fullest list of the page for SCROLL_MS, one step per frame, and sums up the frames. */
async function scrollFrames(page: Page): Promise<ScrollRun> {
  const r = await page.evaluate<{ frames: number[]; scrolled: number; maxCardsInDom: number }>(
    `(${SCROLL_COLUMN})(${SCROLL_MS}, ${SCROLL_PX_PER_FRAME})`,
  );
  const sorted = [...r.frames].sort((a, b) => a - b);
  // Chromium drives frames at 60 Hz; a frame that took n intervals dropped n - 1.
  const interval = 1000 / 60;
  const dropped = r.frames.reduce((n, f) => n + Math.max(0, Math.round(f / interval) - 1), 0);
  const seconds = r.frames.reduce((a, b) => a + b, 0) / 1000;
  return {
    frames: r.frames.length,
    fps: round(r.frames.length / seconds),
    frameIntervalMs: round(median(r.frames)),
    p95FrameMs: round(percentile(sorted, 95)),
    maxFrameMs: round(sorted.at(-1) ?? 0),
    droppedFrames: dropped,
    scrolledPx: r.scrolled,
    maxCardsInDom: r.maxCardsInDom,
  };
}

async function scrollBoard(context: BrowserContext, base: string, pipelineId: string): Promise<ScrollRun> {
  const page = await context.newPage();
  await page.goto(`${base}/board?pipelineId=${pipelineId}`);
  await page.waitForFunction(() => performance.getEntriesByName('board:interactive').length > 0, null, {
    timeout: 120_000,
  });
  await page.waitForTimeout(500);
  const r = await scrollFrames(page);
  await page.close();
  return r;
}

/**
 * The baseline: the same browser scrolling a static list of as many cards of the same size, all in
 * the DOM, with no script at all — what scrolling costs on this machine before any app code runs.
 */
async function scrollStatic(context: BrowserContext, cards: number): Promise<ScrollRun> {
  const page = await context.newPage();
  const items = Array.from(
    { length: cards },
    (_, i) => `<li class="deal-card"><b>Deal ${i}</b><div>USD ${1000 + i}.00</div><div>Rep ${i % 10}</div></li>`,
  ).join('');
  await page.setContent(
    `<style>body{font:14px system-ui;margin:0;padding:20px}ul{list-style:none;margin:0;padding:8px;width:240px;height:${900 - 270}px;overflow-y:auto;background:#e9ecf2}` +
      `li{box-sizing:border-box;height:76px;margin-bottom:8px;padding:8px;background:#fff;border:1px solid #dde1ea;border-radius:8px}</style><ul class="cards virtual">${items}</ul>`,
  );
  await page.waitForTimeout(500);
  const r = await scrollFrames(page);
  await page.close();
  return r;
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(WEB_ROOT, 'index.html')))
    throw new Error('dist/web is missing: run npm run build first');
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  // Other processes on the machine slow everything down; the load is recorded with the results.
  const loadBefore = os.loadavg();
  const dataDir = scratchDir('pw-bench-web');
  const database = await openDatabase({ dataDir });
  const deps = await composeFromDatabase(database, { sessionSecret: undefined, sessionTtlHours: 1 });
  const t0 = Date.now();
  const { email, pipeline, token } = await seed(deps);
  console.log(`seeded ${DEALS} open deals in ${Date.now() - t0} ms`);
  const app = await buildApp(deps, { webRoot: WEB_ROOT });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });

  let browser: Browser | undefined;
  try {
    // API alone, as the board asks for it (a warm-up first, as the browser runs get one too).
    await apiFromNode(base, token, pipeline);
    const node: { ms: number; deals: number; requests: number }[] = [];
    for (let i = 0; i < RUNS; i++) node.push(await apiFromNode(base, token, pipeline));
    const apiNodeMs = round(median(node.map((n) => n.ms)));
    console.log(`API from Node: ${node[0]?.deals} deals in ${node[0]?.requests} requests, median ${apiNodeMs} ms`);

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript(OBSERVE_LONG_TASKS);
    const signIn = await context.request.post(`${base}/api/v1/auth/sign-in`, { data: { email, password: PASSWORD } });
    if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()}`);

    await loadBoard(context, base, pipeline.id); // warm-up: the static assets come from the cache afterwards
    const runs: LoadRun[] = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await loadBoard(context, base, pipeline.id);
      console.log(
        `load ${i + 1}: interactive ${r.interactiveMs} ms (API in flight ${r.apiInFlightMs} ms, UI ${r.uiMs} ms; ${r.dealRequests} deal requests, long tasks ${r.longTaskMs} ms, ${r.renderedCards} cards in the DOM)`,
      );
      runs.push(r);
    }
    // Board and baseline take turns, so both see the same load from other processes.
    const boardScrolls: ScrollRun[] = [];
    const staticScrolls: ScrollRun[] = [];
    const biggest = Math.ceil(DEALS * 0.45); // the fullest column (Qualify)
    for (let i = 0; i < SCROLL_ROUNDS; i++) {
      boardScrolls.push(await scrollBoard(context, base, pipeline.id));
      staticScrolls.push(await scrollStatic(context, biggest));
    }
    const fmt = (r: ScrollRun) =>
      `${r.fps} fps, ${r.droppedFrames} of ${r.frames + r.droppedFrames} frames dropped, p95 ${r.p95FrameMs} ms, ${r.maxCardsInDom} cards in the DOM`;
    for (let i = 0; i < SCROLL_ROUNDS; i++)
      console.log(`scroll ${i + 1}: board ${fmt(boardScrolls[i]!)}; static list ${fmt(staticScrolls[i]!)}`);
    const scroll = {
      board: {
        fps: median(boardScrolls.map((r) => r.fps)),
        droppedFrames: median(boardScrolls.map((r) => r.droppedFrames)),
        p95FrameMs: median(boardScrolls.map((r) => r.p95FrameMs)),
      },
      staticBaseline: {
        fps: median(staticScrolls.map((r) => r.fps)),
        droppedFrames: median(staticScrolls.map((r) => r.droppedFrames)),
        p95FrameMs: median(staticScrolls.map((r) => r.p95FrameMs)),
      },
    };
    const interactiveMs = median(runs.map((r) => r.interactiveMs));
    const apiInFlightMs = median(runs.map((r) => r.apiInFlightMs));
    const uiMs = median(runs.map((r) => r.uiMs));
    const summary = {
      interactiveMs,
      apiInFlightMs,
      uiMs,
      apiFromNodeMs: apiNodeMs,
      // The aim: the UI adds less than the API itself (ratio below 1).
      uiToApiRatio: round((uiMs / apiInFlightMs) * 100) / 100,
      scrollFps: scroll.board.fps,
      scrollDroppedFrames: scroll.board.droppedFrames,
      staticListFps: scroll.staticBaseline.fps,
      staticListDroppedFrames: scroll.staticBaseline.droppedFrames,
    };
    console.log(
      `median: interactive ${interactiveMs} ms = API ${apiInFlightMs} ms + UI ${uiMs} ms (ratio ${summary.uiToApiRatio}); API from Node ${apiNodeMs} ms`,
    );
    writeResult('web', {
      engine: 'pglite',
      deals: DEALS,
      runs: RUNS,
      viewport: '1400x900',
      chromium: browser.version(),
      loadAverage: [...loadBefore, ...os.loadavg()].map(round),
      summary,
      loads: runs,
      apiFromNode: node.map((n) => round(n.ms)),
      scroll,
      boardScrolls,
      staticScrolls,
    });
  } finally {
    await browser?.close();
    await app.close();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
