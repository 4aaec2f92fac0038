import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineDto } from '../src/contract/pipelines.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';
import { createTestPipeline, standardStages } from './helpers/sales.ts';

let deps: TestDeps;
let api: Api;

beforeAll(async () => {
  deps = await createTestDeps();
  api = await createApi(deps);
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

type Problem = { code: string; errors?: { field: string; message: string }[]; [k: string]: unknown };
const stagesOf = (p: PipelineDto) =>
  p.stages.map((s) => ({
    id: s.id,
    name: s.name,
    kind: s.kind,
    probability: s.probability,
    forecastCategory: s.forecastCategory,
    expectedDays: s.expectedDays,
    requiredFields: s.requiredFields,
  }));

describe('pipelines over HTTP', () => {
  it('creates a pipeline with its ordered stages in one request; the first becomes the default', async () => {
    const { admin } = await createTestOrg(deps);
    const res = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/pipelines',
      payload: { name: 'New business', enforceStageOrder: true, stages: standardStages },
    });
    expect(res.statusCode).toBe(201);
    const p = res.json<PipelineDto>();
    expect(p).toMatchObject({
      name: 'New business',
      enforceStageOrder: true,
      isDefault: true,
      active: true,
      version: 1,
    });
    expect(p.stages.map((s) => [s.name, s.position, s.kind, s.probability, s.forecastCategory])).toEqual([
      ['Qualify', 0, 'open', 10, 'pipeline'],
      ['Discovery', 1, 'open', 25, 'pipeline'],
      ['Proposal', 2, 'open', 50, 'best_case'],
      ['Negotiation', 3, 'open', 80, 'commit'],
      ['Won', 4, 'won', 100, 'closed'],
      ['Lost', 5, 'lost', 0, 'omitted'],
    ]);
    expect(p.stages[2]?.requiredFields).toEqual(['amount', 'expectedCloseDate', 'lineItems']);
    const got = await api.as(admin, { method: 'GET', url: `/api/v1/pipelines/${p.id}` });
    expect(got.json()).toEqual(p);
    const second = (
      await api.as(admin, {
        method: 'POST',
        url: '/api/v1/pipelines',
        payload: { name: 'Renewals', stages: standardStages },
      })
    ).json<PipelineDto>();
    expect(second.isDefault).toBe(false);
    const ev = await deps.db.selectFrom('events').select(['type', 'data']).where('entity_id', '=', p.id).execute();
    expect(ev.map((e) => e.type)).toEqual(['pipeline.created']);
    expect((ev[0]?.data as { after: { stages: unknown[] } }).after.stages).toHaveLength(6);
  });

  it('refuses stage lists that break the rules, naming each field', async () => {
    const { admin } = await createTestOrg(deps);
    const res = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/pipelines',
      payload: {
        name: 'Broken',
        stages: [
          { name: 'Lead', kind: 'open', probability: 120, requiredFields: ['amount', 'favouriteColour'] },
          { name: 'Won', kind: 'won', probability: 90 },
          { name: 'Dead', kind: 'lost', probability: 5 },
        ],
      },
    });
    expect(res.statusCode).toBe(422);
    expect(
      res
        .json<Problem>()
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual(['stages.0.probability', 'stages.0.requiredFields.1']);
    const rules = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/pipelines',
      payload: {
        name: 'Broken',
        stages: [
          { name: 'Won', kind: 'won', probability: 90 },
          { name: 'Lead', kind: 'open', probability: 10 },
          { name: 'Also won', kind: 'won' },
        ],
      },
    });
    expect(rules.statusCode).toBe(422);
    expect(rules.json<Problem>().errors).toEqual([
      { field: 'stages.0.probability', message: 'must be 100 for a won stage' },
      { field: 'stages.1.kind', message: 'open stages must come before the won and lost stages' },
      { field: 'stages', message: 'needs at least one lost stage' },
    ]);
    const none = await api.as(admin, { method: 'GET', url: '/api/v1/pipelines' });
    expect(none.json<{ items: unknown[] }>().items).toHaveLength(0);
  });

  it('keeps one default per organization and one name per pipeline', async () => {
    const { admin } = await createTestOrg(deps);
    const a = await createTestPipeline(deps, admin, { name: 'A' });
    const b = await createTestPipeline(deps, admin, { name: 'B' });
    expect([a.isDefault, b.isDefault]).toEqual([true, false]);
    const swap = await api.as(admin, {
      method: 'PATCH',
      url: `/api/v1/pipelines/${b.id}`,
      headers: { 'if-match': '1' },
      payload: { isDefault: true },
    });
    expect(swap.json()).toMatchObject({ isDefault: true, version: 2 });
    const aNow = (await api.as(admin, { method: 'GET', url: `/api/v1/pipelines/${a.id}` })).json<PipelineDto>();
    expect(aNow).toMatchObject({ isDefault: false, version: 2 });
    const aEvents = await deps.db
      .selectFrom('events')
      .select(['type', 'data'])
      .where('entity_id', '=', a.id)
      .orderBy('id')
      .execute();
    expect(aEvents.at(-1)).toMatchObject({
      type: 'pipeline.updated',
      data: { changes: { isDefault: { from: true, to: false } } },
    });
    const dup = await api.as(admin, {
      method: 'PATCH',
      url: `/api/v1/pipelines/${a.id}`,
      headers: { 'if-match': '2' },
      payload: { name: 'b' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'duplicate', errors: [{ field: 'name' }] });
    const deactivateDefault = await api.as(admin, {
      method: 'PATCH',
      url: `/api/v1/pipelines/${b.id}`,
      headers: { 'if-match': '2' },
      payload: { active: false },
    });
    expect(deactivateDefault.statusCode).toBe(422);
    expect(deactivateDefault.json<Problem>().errors?.[0]?.field).toBe('active');
    const list = (await api.as(admin, { method: 'GET', url: '/api/v1/pipelines' })).json<{ items: PipelineDto[] }>()
      .items;
    expect(list.filter((p) => p.isDefault).map((p) => p.name)).toEqual(['B']);
    expect(list.every((p) => p.stages.length === 6)).toBe(true);
  });

  it('replaces, renames, reorders and adds stages in one PUT with If-Match on the pipeline version', async () => {
    const { admin } = await createTestOrg(deps);
    const p = await createTestPipeline(deps, admin);
    const current = stagesOf(p);
    const [qualify, discovery, proposal, negotiation, won, lost] = current;
    const next = [
      { ...discovery, name: 'Discover' },
      qualify,
      { name: 'Demo', kind: 'open', probability: 40, requiredFields: ['primaryContactId', 'contactRoles'] },
      negotiation,
      won,
      lost,
    ].map((s) => Object.fromEntries(Object.entries(s ?? {}).filter(([, v]) => v !== null)));
    const stale = await api.as(admin, {
      method: 'PUT',
      url: `/api/v1/pipelines/${p.id}/stages`,
      headers: { 'if-match': '7' },
      payload: { stages: next },
    });
    expect(stale.statusCode).toBe(409);
    const missing = await api.as(admin, {
      method: 'PUT',
      url: `/api/v1/pipelines/${p.id}/stages`,
      payload: { stages: next },
    });
    expect(missing.statusCode).toBe(428);
    const res = await api.as(admin, {
      method: 'PUT',
      url: `/api/v1/pipelines/${p.id}/stages`,
      headers: { 'if-match': '1' },
      payload: { stages: next },
    });
    expect(res.statusCode).toBe(200);
    const after = res.json<PipelineDto>();
    expect(after.version).toBe(2);
    expect(after.stages.map((s) => [s.name, s.position])).toEqual([
      ['Discover', 0],
      ['Qualify', 1],
      ['Demo', 2],
      ['Negotiation', 3],
      ['Won', 4],
      ['Lost', 5],
    ]);
    expect(after.stages[0]?.id).toBe(discovery?.id);
    expect(after.stages.some((s) => s.id === proposal?.id)).toBe(false);
    const ev = await deps.db
      .selectFrom('events')
      .select(['type', 'data'])
      .where('entity_id', '=', p.id)
      .orderBy('id')
      .execute();
    expect(ev.map((e) => e.type)).toEqual(['pipeline.created', 'pipeline.stages_changed']);
    const data = ev[1]?.data as {
      before: { name: string }[];
      after: { name: string }[];
      added: string[];
      removed: string[];
    };
    expect(data.before.map((s) => s.name)).toEqual(['Qualify', 'Discovery', 'Proposal', 'Negotiation', 'Won', 'Lost']);
    expect(data.after.map((s) => s.name)).toEqual(['Discover', 'Qualify', 'Demo', 'Negotiation', 'Won', 'Lost']);
    expect(data.removed).toEqual([proposal?.id]);
    expect(data.added).toEqual([after.stages[2]?.id]);
  });

  it('refuses removing a stage that deals sit in, with the count, and a stage id of another pipeline', async () => {
    const { admin } = await createTestOrg(deps);
    const p = await createTestPipeline(deps, admin);
    const other = await createTestPipeline(deps, admin);
    for (const name of ['One', 'Two'])
      await api.as(admin, { method: 'POST', url: '/api/v1/deals', payload: { name, pipelineId: p.id } });
    const withoutQualify = stagesOf(p)
      .slice(1)
      .map((s) => ({ id: s.id, name: s.name, kind: s.kind, probability: s.probability }));
    const res = await api.as(admin, {
      method: 'PUT',
      url: `/api/v1/pipelines/${p.id}/stages`,
      headers: { 'if-match': '1' },
      payload: { stages: withoutQualify },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'conflict',
      dealCount: 2,
      stages: [{ id: p.stage('Qualify'), name: 'Qualify', deals: 2 }],
    });
    expect(res.json<Problem>().detail).toMatch(/"Qualify" \(2 deals\)/);
    const rekind = stagesOf(p).map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.name === 'Qualify' ? 'lost' : s.kind,
      probability: s.name === 'Qualify' ? 0 : s.probability,
    }));
    const rk = await api.as(admin, {
      method: 'PUT',
      url: `/api/v1/pipelines/${p.id}/stages`,
      headers: { 'if-match': '1' },
      payload: { stages: rekind.slice(1).concat(rekind.slice(0, 1)) },
    });
    expect(rk.statusCode).toBe(409);
    const foreign = stagesOf(p).map((s) => ({ id: s.id, name: s.name, kind: s.kind, probability: s.probability }));
    foreign[1] = { ...foreign[1]!, id: other.stage('Discovery') };
    const f = await api.as(admin, {
      method: 'PUT',
      url: `/api/v1/pipelines/${p.id}/stages`,
      headers: { 'if-match': '1' },
      payload: { stages: foreign },
    });
    expect(f.statusCode).toBe(422);
    expect(f.json<Problem>().errors).toEqual([{ field: 'stages.1.id', message: 'is not a stage of this pipeline' }]);
    expect((await api.as(admin, { method: 'GET', url: `/api/v1/pipelines/${p.id}` })).json<PipelineDto>().version).toBe(
      1,
    );
  });

  it('lets only admins change pipelines, every role read them, and keeps organizations apart', async () => {
    const { admin } = await createTestOrg(deps);
    const outsider = await createTestOrg(deps);
    const manager = await createTestUser(deps, admin, 'manager');
    const p = await createTestPipeline(deps, admin);
    expect((await api.as(manager, { method: 'GET', url: `/api/v1/pipelines/${p.id}` })).statusCode).toBe(200);
    expect(
      (
        await api.as(manager, {
          method: 'POST',
          url: '/api/v1/pipelines',
          payload: { name: 'Mine', stages: standardStages },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await api.as(manager, {
          method: 'PATCH',
          url: `/api/v1/pipelines/${p.id}`,
          headers: { 'if-match': '1' },
          payload: { name: 'Mine' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await api.as(manager, {
          method: 'PUT',
          url: `/api/v1/pipelines/${p.id}/stages`,
          headers: { 'if-match': '1' },
          payload: { stages: standardStages },
        })
      ).statusCode,
    ).toBe(403);
    expect((await api.as(outsider.admin, { method: 'GET', url: `/api/v1/pipelines/${p.id}` })).statusCode).toBe(404);
    expect(
      (
        await api.as(outsider.admin, {
          method: 'PUT',
          url: `/api/v1/pipelines/${p.id}/stages`,
          headers: { 'if-match': '1' },
          payload: { stages: standardStages },
        })
      ).statusCode,
    ).toBe(404);
    const tl = await api.as(admin, { method: 'GET', url: `/api/v1/pipelines/${p.id}/timeline` });
    expect(tl.json<{ items: { type: string }[] }>().items.map((i) => i.type)).toEqual(['pipeline.created']);
  });
});
