import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import type { DealDto } from '../src/contract/deals.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { createAccount } from '../src/modules/accounts/accounts.service.ts';
import { prepareEventExport } from '../src/modules/events/export.service.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg } from './helpers/factories.ts';
import { createTestPipeline } from './helpers/sales.ts';
import { createSalesTeam, type SalesTeam } from './helpers/sales-team.ts';
import { parseXml, type XmlElement } from './helpers/xml.ts';

const DAY = 86_400_000;
const T0 = '2026-03-02T09:00:00.000Z';
const clock = new ManualClock(T0);
let deps: TestDeps;
let api: Api;

interface Ocel {
  objectTypes: { name: string; attributes: { name: string; type: string }[] }[];
  eventTypes: { name: string; attributes: { name: string; type: string }[] }[];
  objects: {
    id: string;
    type: string;
    attributes: { name: string; time: string; value: unknown }[];
    relationships: { objectId: string; qualifier: string }[];
  }[];
  events: {
    id: string;
    type: string;
    time: string;
    attributes: { name: string; value: unknown }[];
    relationships: { objectId: string; qualifier: string }[];
  }[];
}

let admin: Actor;
let team: SalesTeam;
let pipeline: Awaited<ReturnType<typeof createTestPipeline>>;
let won: DealDto;
let lost: DealDto;
let foreign: DealDto;

async function move(
  actor: Actor,
  deal: DealDto,
  stageId: string,
  extra: Record<string, unknown> = {},
): Promise<DealDto> {
  const res = await api.as(actor, {
    method: 'POST',
    url: `/api/v1/deals/${deal.id}/stage`,
    headers: { 'if-match': String(deal.version) },
    payload: { stageId, ...extra },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<DealDto>();
}

async function createDeal(actor: Actor, payload: Record<string, unknown>): Promise<DealDto> {
  const res = await api.as(actor, { method: 'POST', url: '/api/v1/deals', payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<DealDto>();
}

const stages = [
  { name: 'Qualify', kind: 'open' as const, probability: 10 },
  { name: 'Discovery', kind: 'open' as const, probability: 30 },
  { name: 'Won', kind: 'won' as const },
  { name: 'Lost', kind: 'lost' as const },
];

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  api = await createApi(deps);
  ({ admin } = await createTestOrg(deps));
  team = await createSalesTeam(deps, admin);
  pipeline = await createTestPipeline(deps, admin, { stages });
  const account = await createAccount(deps, team.rep, { name: 'Smith & <Sons> "Ltd"', type: 'customer' });
  // Day 0: the rep's deal (team) and the outsider's deal; day 2 the rep's moves on, day 5 it is won;
  // day 3 the outsider's is lost.
  won = await createDeal(team.rep, {
    name: 'Rep deal',
    pipelineId: pipeline.id,
    accountId: account.id,
    amount: '1250.50',
  });
  lost = await createDeal(team.outsider, { name: 'Outsider deal', pipelineId: pipeline.id });
  clock.advance(2 * DAY);
  won = await move(team.rep, won, pipeline.stage('Discovery'));
  clock.advance(DAY);
  lost = await move(team.outsider, lost, pipeline.stage('Lost'), { lostReason: 'no budget' });
  clock.advance(2 * DAY);
  won = await move(team.rep, won, pipeline.stage('Won'));
  // Another organization's deal never shows.
  const other = await createTestOrg(deps);
  const otherPipeline = await createTestPipeline(deps, other.admin, { stages });
  foreign = await createDeal(other.admin, { name: 'Foreign', pipelineId: otherPipeline.id });
  await deps.sealer.flush(admin.orgId);
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

const at = (days: number): string => new Date(Date.parse(T0) + days * DAY).toISOString();

async function ocel(actor: Actor, query = ''): Promise<Ocel> {
  const res = await api.as(actor, { method: 'GET', url: `/api/v1/events/export?format=ocel${query}` });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('application/json');
  return JSON.parse(res.body) as Ocel;
}

describe('GET /api/v1/events/export?format=ocel', () => {
  it('exports the deals, their accounts and users as objects and the deal events, all references resolving', async () => {
    const doc = await ocel(admin);
    expect(doc.objectTypes.map((t) => t.name)).toEqual(['deal', 'account', 'user']);
    expect(doc.eventTypes.map((t) => t.name)).toEqual(['deal.created', 'deal.lost', 'deal.stage_changed', 'deal.won']);
    const ids = new Set(doc.objects.map((o) => o.id));
    expect(ids.size).toBe(doc.objects.length);
    expect(
      doc.objects
        .filter((o) => o.type === 'deal')
        .map((o) => o.id)
        .sort(),
    ).toEqual([won.id, lost.id].sort());
    expect(ids.has(foreign.id)).toBe(false);
    const deal = doc.objects.find((o) => o.id === won.id);
    expect(deal?.attributes.find((a) => a.name === 'amount')?.value).toBe(1250.5);
    expect(deal?.attributes.find((a) => a.name === 'status')?.value).toBe('won');
    expect(deal?.relationships).toEqual(expect.arrayContaining([{ objectId: team.rep.userId, qualifier: 'owner' }]));
    expect(doc.objects.find((o) => o.type === 'account')?.attributes[0]?.value).toBe('Smith & <Sons> "Ltd"');
    for (const e of doc.events)
      for (const r of e.relationships) expect(ids.has(r.objectId), `${e.id} → ${r.objectId}`).toBe(true);
    for (const o of doc.objects) for (const r of o.relationships) expect(ids.has(r.objectId)).toBe(true);

    // The rep's deal: created day 0 in Qualify, Discovery day 2, Won day 5 (+ deal.won), by the rep.
    const mine = doc.events.filter((e) => e.relationships.some((r) => r.objectId === won.id));
    const activity = (e: Ocel['events'][number]) => e.attributes.find((a) => a.name === 'activity')?.value;
    expect(mine.map((e) => [e.type, activity(e), e.time])).toEqual([
      ['deal.created', 'Qualify', at(0)],
      ['deal.stage_changed', 'Discovery', at(2)],
      ['deal.stage_changed', 'Won', at(5)],
      ['deal.won', 'deal.won', at(5)],
    ]);
    expect(mine[0]?.relationships).toEqual([
      { objectId: won.id, qualifier: 'deal' },
      { objectId: team.rep.userId, qualifier: 'actor' },
    ]);
    expect(
      doc.events.filter((e) => e.relationships.some((r) => r.objectId === lost.id)).map((e) => [e.type, e.time]),
    ).toEqual([
      ['deal.created', at(0)],
      ['deal.stage_changed', at(3)],
      ['deal.lost', at(3)],
    ]);
  });

  it('gives a manager the deals of their team only, and refuses the other roles', async () => {
    const doc = await ocel(team.manager);
    expect(doc.objects.filter((o) => o.type === 'deal').map((o) => o.id)).toEqual([won.id]);
    expect(doc.events.every((e) => e.relationships[0]?.objectId === won.id)).toBe(true);
    expect(doc.events).toHaveLength(4);
    for (const actor of [team.rep, team.marketing]) {
      const res = await api.as(actor, { method: 'GET', url: '/api/v1/events/export?format=xes' });
      expect(res.statusCode).toBe(403);
    }
  });

  it('filters events by business date (to inclusive) and by pipeline', async () => {
    // Days 2..3 = 2026-03-04 and 2026-03-05: the Discovery move and the loss.
    const doc = await ocel(admin, '&from=2026-03-04&to=2026-03-05');
    expect(doc.events.map((e) => [e.type, e.time])).toEqual([
      ...(lost.id < won.id
        ? [
            ['deal.stage_changed', at(3)],
            ['deal.lost', at(3)],
            ['deal.stage_changed', at(2)],
          ]
        : [
            ['deal.stage_changed', at(2)],
            ['deal.stage_changed', at(3)],
            ['deal.lost', at(3)],
          ]),
    ]);
    const other = await createTestPipeline(deps, admin, { stages });
    expect((await ocel(admin, `&pipelineId=${other.id}`)).events).toEqual([]);
    expect((await ocel(admin, `&pipelineId=${pipeline.id}`)).events).toHaveLength(7);
  });

  it('names every bad parameter, and an unknown pipeline is 404', async () => {
    const bad = await api.as(admin, { method: 'GET', url: '/api/v1/events/export?format=csv&from=2026-13-01' });
    expect(bad.statusCode).toBe(422);
    const fields = bad.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['format', 'from']));
    const backwards = await api.as(admin, {
      method: 'GET',
      url: '/api/v1/events/export?format=ocel&from=2026-03-05&to=2026-03-04',
    });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['to']);
    const missing = await api.as(admin, {
      method: 'GET',
      url: `/api/v1/events/export?format=ocel&pipelineId=${foreign.id}`,
    });
    expect(missing.statusCode).toBe(404);
  });
});

const child = (el: XmlElement | undefined, key: string): string | undefined =>
  el?.children.find((c) => c.attrs.key === key)?.attrs.value;

describe('GET /api/v1/events/export?format=xes', () => {
  it('writes one trace per deal with the standard extensions, parsed back', async () => {
    const res = await api.as(admin, { method: 'GET', url: '/api/v1/events/export?format=xes' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/xml');
    expect(res.headers['content-disposition']).toContain('.xes');
    const log = parseXml(res.body);
    expect(log.name).toBe('log');
    const extensions = log.children.filter((c) => c.name === 'extension').map((c) => [c.attrs.prefix, c.attrs.uri]);
    expect(extensions).toEqual([
      ['concept', 'http://www.xes-standard.org/concept.xesext'],
      ['time', 'http://www.xes-standard.org/time.xesext'],
      ['lifecycle', 'http://www.xes-standard.org/lifecycle.xesext'],
      ['org', 'http://www.xes-standard.org/org.xesext'],
    ]);
    const traces = log.children.filter((c) => c.name === 'trace');
    expect(traces.map((t) => child(t, 'concept:name')).sort()).toEqual([won.id, lost.id].sort());
    const trace = traces.find((t) => child(t, 'concept:name') === won.id);
    const events = trace?.children.filter((c) => c.name === 'event') ?? [];
    expect(
      events.map((e) => [
        child(e, 'concept:name'),
        e.children.find((c) => c.name === 'date')?.attrs.value,
        child(e, 'lifecycle:transition'),
        child(e, 'org:resource'),
        child(e, 'org:role'),
      ]),
    ).toEqual([
      ['Qualify', at(0), 'complete', 'Rita Rep', 'rep'],
      ['Discovery', at(2), 'complete', 'Rita Rep', 'rep'],
      ['Won', at(5), 'complete', 'Rita Rep', 'rep'],
      ['deal.won', at(5), 'complete', 'Rita Rep', 'rep'],
    ]);
  });

  it('streams in pages: a page of 2 rows gives the same documents as one big page', async () => {
    const read = async (format: 'ocel' | 'xes', pageSize: number): Promise<string> => {
      const exp = await prepareEventExport(deps, admin, { format }, { pageSize });
      let text = '';
      for await (const chunk of exp.chunks) text += chunk;
      return text;
    };
    for (const format of ['ocel', 'xes'] as const) expect(await read(format, 2)).toBe(await read(format, 1000));
    expect(await read('xes', 1)).toBe(await read('xes', 1000));
  });
});
