import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import type { BulkResponse } from '../src/contract/bulk.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';
import { createTestPipeline } from './helpers/sales.ts';

/*
 * N writers change one record at the same moment, for every versioned entity. On PostgreSQL they
 * really race (the test pool has several connections); on the embedded engine transactions run one
 * after another, so there this checks the answers rather than the race.
 */
const WRITERS = 8;

let deps: TestDeps;
let api: Api;
let admin: Actor;
let users: Actor[];
let pipeline: Awaited<ReturnType<typeof createTestPipeline>>;
/** A pipeline of WRITERS + 1 open stages without gates: writer i moves the deal from the first to stage i + 1. */
let ladder: Awaited<ReturnType<typeof createTestPipeline>>;
let accountId: string;

beforeAll(async () => {
  // Webhook endpoints point at a local address: allowed here (nothing is delivered in this file).
  deps = await createTestDeps({ webhooks: { allowPrivate: true } });
  api = await createApi(deps);
  admin = (await createTestOrg(deps)).admin;
  pipeline = await createTestPipeline(deps, admin);
  ladder = await createTestPipeline(deps, admin, {
    stages: [
      ...Array.from({ length: WRITERS + 1 }, (_, i) => ({ name: `S${i}`, kind: 'open' as const, probability: i })),
      { name: 'Won', kind: 'won' as const },
      { name: 'Lost', kind: 'lost' as const },
    ],
  });
  accountId = String((await created('/api/v1/accounts', { name: 'Links' })).id);
  users = [];
  for (let i = 0; i < WRITERS; i++) users.push(await createTestUser(deps, admin, 'rep'));
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

type Json = Record<string, unknown>;
type Res = { statusCode: number; body: Json };

async function send(method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object, ifMatch?: string) {
  const r = await api.as(admin, {
    method,
    url,
    ...(payload ? { payload } : {}),
    headers: ifMatch === undefined ? {} : { 'if-match': ifMatch },
  });
  return { statusCode: r.statusCode, body: r.json<Json>() };
}

async function created(url: string, payload: object): Promise<Json> {
  const r = await send('POST', url, payload);
  expect(r.statusCode, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

/** One versioned write: how to make the record, what writer i sends, and what of the answer shows it. */
interface Target {
  name: string;
  create(): Promise<Json>;
  read(id: string): string;
  method: 'PATCH' | 'POST' | 'PUT';
  url(id: string): string;
  payload(i: number, record: Json): object;
  /** The value writer i set, as the answer shows it. */
  wrote(answer: Json): unknown;
  sent(i: number, record: Json): unknown;
}

const threeStages = [
  { name: 'A', probability: 10 },
  { name: 'Won', kind: 'won' },
  { name: 'Lost', kind: 'lost' },
];
const tag = (i: number) => `writer ${i}`;
const byName = (
  url: string,
  field = 'name',
): Pick<Target, 'method' | 'url' | 'payload' | 'wrote' | 'sent' | 'read'> => ({
  method: 'PATCH',
  url: (id) => `${url}/${id}`,
  read: (id) => `${url}/${id}`,
  payload: (i) => ({ [field]: tag(i) }),
  wrote: (a) => a[field],
  sent: (i) => tag(i),
});

let seq = 0;
const next = () => `${++seq}-${Math.random().toString(36).slice(2, 8)}`;

const targets: Target[] = [
  {
    name: 'deal',
    create: () => created('/api/v1/deals', { name: `Deal ${next()}`, pipelineId: pipeline.id }),
    ...byName('/api/v1/deals'),
  },
  {
    name: 'deal stage move',
    create: () => created('/api/v1/deals', { name: `Deal ${next()}`, pipelineId: ladder.id }),
    method: 'POST',
    url: (id) => `/api/v1/deals/${id}/stage`,
    read: (id) => `/api/v1/deals/${id}`,
    payload: (i) => ({ stageId: ladder.stage(`S${i + 1}`) }),
    wrote: (a) => a.stageId,
    sent: (i) => ladder.stage(`S${i + 1}`),
  },
  {
    name: 'account',
    create: () => created('/api/v1/accounts', { name: `Acc ${next()}` }),
    ...byName('/api/v1/accounts'),
  },
  {
    name: 'contact',
    create: () => created('/api/v1/contacts', { lastName: `C ${next()}` }),
    ...byName('/api/v1/contacts', 'lastName'),
  },
  {
    name: 'lead',
    create: () => created('/api/v1/leads', { lastName: `L ${next()}` }),
    ...byName('/api/v1/leads', 'company'),
  },
  {
    name: 'activity',
    create: () => created('/api/v1/activities', { type: 'note', subject: 'n', body: 'b', accountId }),
    ...byName('/api/v1/activities', 'subject'),
  },
  {
    name: 'product',
    create: () => created('/api/v1/products', { sku: `S-${next()}`, name: 'P', listPrice: '1.00' }),
    ...byName('/api/v1/products'),
  },
  {
    name: 'pipeline',
    create: () => created('/api/v1/pipelines', { name: `P ${next()}`, stages: threeStages }),
    method: 'PATCH',
    url: (id) => `/api/v1/pipelines/${id}`,
    read: (id) => `/api/v1/pipelines/${id}`,
    payload: (i, r) => ({ name: `${String(r.name)} ${tag(i)}` }),
    wrote: (a) => a.name,
    sent: (i, r) => `${String(r.name)} ${tag(i)}`,
  },
  {
    name: 'pipeline stages',
    create: () => created('/api/v1/pipelines', { name: `P ${next()}`, stages: threeStages }),
    method: 'PUT',
    url: (id) => `/api/v1/pipelines/${id}/stages`,
    read: (id) => `/api/v1/pipelines/${id}`,
    payload: (i) => ({ stages: [{ name: tag(i), probability: 10 }, ...threeStages.slice(1)] }),
    wrote: (a) => (a.stages as { name: string }[])[0]?.name,
    sent: (i) => tag(i),
  },
  {
    name: 'user',
    create: () => created('/api/v1/users', { email: `u-${next()}@example.test`, name: 'U', role: 'rep' }),
    ...byName('/api/v1/users'),
  },
  {
    name: 'team',
    create: () => created('/api/v1/teams', { name: `T ${next()}`, kind: 'field_sales' }),
    ...byName('/api/v1/teams'),
  },
  {
    name: 'script',
    create: () => created('/api/v1/scripts', { name: `S ${next()}`, body: 'Hello', pipelineId: pipeline.id }),
    ...byName('/api/v1/scripts'),
  },
  {
    name: 'objection',
    create: () => created('/api/v1/objections', { category: 'price', title: `O ${next()}` }),
    ...byName('/api/v1/objections', 'title'),
  },
  {
    name: 'view',
    create: () => created('/api/v1/views', { entity: 'deal', name: `V ${next()}` }),
    ...byName('/api/v1/views'),
  },
  {
    name: 'webhook endpoint',
    create: () => created('/api/v1/webhooks', { url: `http://127.0.0.1:9/${next()}`, eventTypes: ['deal.*'] }),
    ...byName('/api/v1/webhooks', 'description'),
  },
];

/** Everyone at once; the answers in writer order. */
const race = (n: number, write: (i: number) => Promise<Res>): Promise<Res[]> =>
  Promise.all(Array.from({ length: n }, (_, i) => write(i)));

describe.each(targets)('concurrent writers of one $name', (t) => {
  it(`If-Match: * — all ${WRITERS} succeed in turn, each answering the state it wrote`, async () => {
    const record = await t.create();
    const id = String(record.id);
    const v0 = Number(record.version);
    const answers = await race(WRITERS, (i) => send(t.method, t.url(id), t.payload(i, record), '*'));
    for (const [i, a] of answers.entries()) {
      expect(a.statusCode, JSON.stringify(a.body)).toBe(200);
      expect(t.wrote(a.body)).toBe(t.sent(i, record));
    }
    // Every write landed on its own version: none was lost and none overwrote in the same step.
    const versions = answers.map((a) => Number(a.body.version)).sort((x, y) => x - y);
    expect(versions).toEqual(Array.from({ length: WRITERS }, (_, k) => v0 + k + 1));
    const last = answers.find((a) => Number(a.body.version) === v0 + WRITERS);
    const now = await send('GET', t.read(id));
    expect(now.body.version).toBe(v0 + WRITERS);
    expect(t.wrote(now.body)).toBe(last && t.wrote(last.body));
  });

  it(`If-Match: <version> — one of ${WRITERS} wins, the others get 409 with the current version`, async () => {
    const record = await t.create();
    const id = String(record.id);
    const v0 = Number(record.version);
    const answers = await race(WRITERS, (i) => send(t.method, t.url(id), t.payload(i, record), String(v0)));
    const won = answers.flatMap((a, i) => (a.statusCode === 200 ? [{ a, i }] : []));
    expect(won).toHaveLength(1);
    const winner = won[0];
    if (!winner) return;
    expect(winner.a.body.version).toBe(v0 + 1);
    expect(t.wrote(winner.a.body)).toBe(t.sent(winner.i, record));
    for (const a of answers.filter((x) => x.statusCode !== 200)) {
      expect(a.statusCode, JSON.stringify(a.body)).toBe(409);
      expect(a.body).toMatchObject({ code: 'version_conflict', currentVersion: v0 + 1, sentVersion: v0 });
    }
    const now = await send('GET', t.read(id));
    expect(now.body.version).toBe(v0 + 1);
    expect(t.wrote(now.body)).toBe(t.sent(winner.i, record));
  });
});

describe('concurrent read-modify-write', () => {
  it('loses no update: writers that retry on 409 with the current version all land', async () => {
    const deal = await created('/api/v1/deals', { name: 'Counter', pipelineId: pipeline.id, amount: '0.00' });
    const id = String(deal.id);
    // Each writer adds 1.00 to the amount it read, sending the version it read; on 409 it reads again.
    const answers = await race(WRITERS, async () => {
      for (;;) {
        const cur = await send('GET', `/api/v1/deals/${id}`);
        const amount = (Number(cur.body.amount) + 1).toFixed(2);
        const r = await send('PATCH', `/api/v1/deals/${id}`, { amount }, String(cur.body.version));
        if (r.statusCode !== 409) return r;
        expect(r.body.currentVersion).toBeGreaterThan(Number(cur.body.version));
      }
    });
    for (const a of answers) expect(a.statusCode).toBe(200);
    const final = await send('GET', `/api/v1/deals/${id}`);
    expect(final.body).toMatchObject({ amount: `${WRITERS}.00`, version: 1 + WRITERS });
  });
});

describe('concurrent bulk actions', () => {
  it('assigns one deal from several bulk requests with *: every request lands, on its own version', async () => {
    const deal = await created('/api/v1/deals', { name: 'Bulk', pipelineId: pipeline.id });
    const id = String(deal.id);
    const answers = await race(WRITERS, (i) =>
      send('POST', '/api/v1/deals/bulk/assign', { records: [{ id, version: '*' }], ownerId: users[i]?.userId }),
    );
    const results = answers.map((a) => (a.body as unknown as BulkResponse).results[0]);
    for (const r of results) expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
    const versions = results.map((r) => Number(r?.version)).sort((x, y) => x - y);
    expect(versions).toEqual(Array.from({ length: WRITERS }, (_, k) => Number(deal.version) + k + 1));
  });

  it('reports the current version of a record refused as stale', async () => {
    const deal = await created('/api/v1/deals', { name: 'Bulk stale', pipelineId: pipeline.id });
    const id = String(deal.id);
    const answers = await race(WRITERS, (i) =>
      send('POST', '/api/v1/deals/bulk/assign', {
        records: [{ id, version: Number(deal.version) }],
        ownerId: users[i]?.userId,
      }),
    );
    const results = answers.map((a) => (a.body as unknown as BulkResponse).results[0]);
    expect(results.filter((r) => r?.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x?.ok))
      expect(r).toMatchObject({ code: 'version_conflict', currentVersion: Number(deal.version) + 1 });
  });
});
