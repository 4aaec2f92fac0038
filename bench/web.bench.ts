/**
 * The pipeline board with 5,000 and with 50,000 open deals, in Debian Chromium: time from
 * navigation to the board being interactive, how much of it is the API (requests in flight) and
 * how much the UI, and the frame rate while the longest column scrolls. The board's first
 * requests are also timed from Node (no browser). The aim: interactive at 50,000 within 1.3× of
 * 5,000 (the board loads what is on screen, not every deal), and no dropped frames while scrolling.
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

const SIZES = [5000, 50000];
const BOARD_PAGE = 30;
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

async function seed(deps: Deps, deals: number): Promise<{ email: string; pipeline: PipelineDto; token: string }> {
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
    from generate_series(1, ${deals}::int) as i`.execute(deps.db);
  await sql`analyze deals`.execute(deps.db);
  const { token } = await createApiToken(deps, actor, { name: 'bench' });
  await deps.sealer.flush();
  return { email, pipeline, token };
}

/**
 * The board's first requests made from Node, in parallel as the board makes them: the column heads
 * (GET /deals/board) and the first page of each open stage.
 */
async function apiFromNode(
  base: string,
  token: string,
  pipeline: PipelineDto,
): Promise<{ ms: number; deals: number; requests: number }> {
  const t0 = performance.now();
  const get = async (pathname: string, query: Record<string, string>) => {
    const url = new URL(pathname, base);
    url.search = new URLSearchParams(query).toString();
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`${url.pathname}: ${res.status}`);
    return res.json();
  };
  const open = pipeline.stages.filter((s) => s.kind === 'open');
  const [, ...pages] = await Promise.all([
    get('/api/v1/deals/board', { pipelineId: pipeline.id }),
    ...open.map((stage) =>
      get('/api/v1/deals', {
        pipelineId: pipeline.id,
        stageId: stage.id,
        sort: 'created_at',
        limit: String(BOARD_PAGE),
      }),
    ),
  ]);
  const deals = pages.reduce<number>((n, p) => n + (p as { items: unknown[] }).items.length, 0);
  return { ms: performance.now() - t0, deals, requests: open.length + 1 };
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
  const dealRequests = performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.startsWith('/api/v1/deals')).length;
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

interface SizeResult {
  deals: number;
  summary: {
    interactiveMs: number;
    apiInFlightMs: number;
    uiMs: number;
    apiFromNodeMs: number;
    scrollFps: number;
    scrollDroppedFrames: number;
    staticListFps: number;
    staticListDroppedFrames: number;
  };
  loads: LoadRun[];
  apiFromNode: number[];
  boardScrolls: ScrollRun[];
  staticScrolls: ScrollRun[];
}

/** One board size: a fresh database, the loads, then the scrolls alternating with the static baseline. */
async function measure(browser: Browser, deals: number): Promise<SizeResult> {
  const dataDir = scratchDir('pw-bench-web');
  const database = await openDatabase({ dataDir });
  const deps = await composeFromDatabase(database, { sessionSecret: undefined, sessionTtlHours: 1 });
  const t0 = Date.now();
  const { email, pipeline, token } = await seed(deps, deals);
  console.log(`seeded ${deals} open deals in ${Date.now() - t0} ms`);
  const app = await buildApp(deps, { webRoot: WEB_ROOT });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    // API alone, as the board asks for it (a warm-up first, as the browser runs get one too).
    await apiFromNode(base, token, pipeline);
    const node: { ms: number; deals: number; requests: number }[] = [];
    for (let i = 0; i < RUNS; i++) node.push(await apiFromNode(base, token, pipeline));
    const apiNodeMs = round(median(node.map((n) => n.ms)));
    console.log(`API from Node: ${node[0]?.deals} deals in ${node[0]?.requests} requests, median ${apiNodeMs} ms`);

    await context.addInitScript(OBSERVE_LONG_TASKS);
    const signIn = await context.request.post(`${base}/api/v1/auth/sign-in`, { data: { email, password: PASSWORD } });
    if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()}`);

    await loadBoard(context, base, pipeline.id); // warm-up: the static assets come from the cache afterwards
    const loads: LoadRun[] = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await loadBoard(context, base, pipeline.id);
      console.log(
        `load ${i + 1}: interactive ${r.interactiveMs} ms (API in flight ${r.apiInFlightMs} ms, UI ${r.uiMs} ms; ${r.dealRequests} deal requests, long tasks ${r.longTaskMs} ms, ${r.renderedCards} cards in the DOM)`,
      );
      loads.push(r);
    }
    // Board and baseline take turns, so both see the same load from other processes.
    const boardScrolls: ScrollRun[] = [];
    const staticScrolls: ScrollRun[] = [];
    const biggest = Math.ceil(deals * 0.45); // the fullest column (Qualify)
    for (let i = 0; i < SCROLL_ROUNDS; i++) {
      boardScrolls.push(await scrollBoard(context, base, pipeline.id));
      staticScrolls.push(await scrollStatic(context, Math.min(biggest, 5000)));
    }
    const fmt = (r: ScrollRun) =>
      `${r.fps} fps, ${r.droppedFrames} of ${r.frames + r.droppedFrames} frames dropped, p95 ${r.p95FrameMs} ms, ${r.maxCardsInDom} cards in the DOM`;
    for (let i = 0; i < SCROLL_ROUNDS; i++)
      console.log(`scroll ${i + 1}: board ${fmt(boardScrolls[i]!)}; static list ${fmt(staticScrolls[i]!)}`);
    const summary = {
      interactiveMs: median(loads.map((r) => r.interactiveMs)),
      apiInFlightMs: median(loads.map((r) => r.apiInFlightMs)),
      uiMs: median(loads.map((r) => r.uiMs)),
      apiFromNodeMs: apiNodeMs,
      scrollFps: median(boardScrolls.map((r) => r.fps)),
      scrollDroppedFrames: median(boardScrolls.map((r) => r.droppedFrames)),
      staticListFps: median(staticScrolls.map((r) => r.fps)),
      staticListDroppedFrames: median(staticScrolls.map((r) => r.droppedFrames)),
    };
    console.log(
      `${deals} deals, median: interactive ${summary.interactiveMs} ms = API ${summary.apiInFlightMs} ms + UI ${summary.uiMs} ms; scroll ${summary.scrollFps} fps, ${summary.scrollDroppedFrames} dropped`,
    );
    return { deals, summary, loads, apiFromNode: node.map((n) => round(n.ms)), boardScrolls, staticScrolls };
  } finally {
    await context.close();
    await app.close();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(WEB_ROOT, 'index.html')))
    throw new Error('dist/web is missing: run npm run build first');
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  // Other processes on the machine slow everything down; the load is recorded with the results.
  const loadBefore = os.loadavg();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const sizes: SizeResult[] = [];
    for (const deals of SIZES) sizes.push(await measure(browser, deals));
    const [small, large] = sizes;
    const ratio =
      small && large ? round((large.summary.interactiveMs / small.summary.interactiveMs) * 100) / 100 : null;
    console.log(`interactive at ${SIZES[1]} ÷ at ${SIZES[0]}: ${ratio} (aim: at most 1.3)`);
    writeResult('web', {
      engine: 'pglite',
      sizes: SIZES,
      runs: RUNS,
      viewport: '1400x900',
      chromium: browser.version(),
      loadAverage: [...loadBefore, ...os.loadavg()].map(round),
      interactiveRatio: ratio,
      results: sizes,
    });
  } finally {
    await browser.close();
  }
}

await main();
