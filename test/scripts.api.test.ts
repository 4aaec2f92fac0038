import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/domain/deps.ts';
import type { ScriptDto, ScriptVersionDto } from '../src/contract/scripts.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';
import { insertPipeline, insertProduct } from './helpers/sales-rows.ts';

let deps: TestDeps;
let api: Api;
const clock = new ManualClock('2026-01-05T09:00:00.000Z');

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  api = await createApi(deps);
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

async function world() {
  const org = await createTestOrg(deps);
  const manager = await createTestUser(deps, org.admin, 'manager');
  const rep = await createTestUser(deps, org.admin, 'inside_sales');
  const pipeline = await insertPipeline(deps, org.orgId, 3);
  const productId = await insertProduct(deps, org.orgId);
  return { ...org, manager, rep, pipeline, productId, stageId: pipeline.stageIds[0]! };
}

const fieldsOf = (res: LightMyRequestResponse) =>
  res
    .json<{ errors: { field: string }[] }>()
    .errors.map((e) => e.field)
    .sort();

describe('pitch scripts', () => {
  it('keeps every body as a version: editing the body increments script_version', async () => {
    const w = await world();
    const created = await api.as(w.manager, {
      method: 'POST',
      url: '/api/v1/scripts',
      payload: { name: 'Discovery opener', stageId: w.stageId, body: 'Hi, this is v1' },
    });
    expect(created.statusCode).toBe(201);
    const s = created.json<ScriptDto>();
    expect(s).toMatchObject({
      scriptVersion: 1,
      version: 1,
      stageId: w.stageId,
      pipelineId: w.pipeline.pipelineId,
      active: true,
    });

    clock.advance(60_000);
    const v2 = await api.as(w.manager, {
      method: 'PATCH',
      url: `/api/v1/scripts/${s.id}`,
      headers: { 'if-match': '1' },
      payload: { body: 'Hi, this is v2' },
    });
    expect(v2.json()).toMatchObject({ scriptVersion: 2, version: 2, body: 'Hi, this is v2' });
    const renamed = await api.as(w.manager, {
      method: 'PATCH',
      url: `/api/v1/scripts/${s.id}`,
      headers: { 'if-match': '2' },
      payload: { name: 'Opener', body: 'Hi, this is v2' },
    });
    expect(renamed.json()).toMatchObject({ scriptVersion: 2, version: 3, name: 'Opener' });
    const v3 = await api.as(w.admin, {
      method: 'PATCH',
      url: `/api/v1/scripts/${s.id}`,
      headers: { 'if-match': '3' },
      payload: { body: 'Hi, this is v3' },
    });
    expect(v3.json()).toMatchObject({ scriptVersion: 3, version: 4 });

    const versions = await api.as(w.rep, { method: 'GET', url: `/api/v1/scripts/${s.id}/versions` });
    expect(versions.statusCode).toBe(200);
    const items = versions.json<{ items: ScriptVersionDto[] }>().items;
    expect(items.map((v) => [v.scriptVersion, v.body])).toEqual([
      [3, 'Hi, this is v3'],
      [2, 'Hi, this is v2'],
      [1, 'Hi, this is v1'],
    ]);
    expect(items[0]?.createdBy).toBe(w.admin.userId);
    const first = await api.as(w.rep, { method: 'GET', url: `/api/v1/scripts/${s.id}/versions?limit=2` });
    const cursor = first.json<{ nextCursor: string }>().nextCursor;
    const rest = await api.as(w.rep, {
      method: 'GET',
      url: `/api/v1/scripts/${s.id}/versions?limit=2&cursor=${cursor}`,
    });
    expect(rest.json<{ items: ScriptVersionDto[]; nextCursor: string | null }>()).toMatchObject({
      items: [{ scriptVersion: 1 }],
      nextCursor: null,
    });

    const ev = await deps.db
      .selectFrom('events')
      .select(['type', 'data'])
      .where('entity_id', '=', s.id)
      .orderBy('id')
      .execute();
    expect(ev.map((e) => e.type)).toEqual(['script.created', 'script.updated', 'script.updated', 'script.updated']);
    expect(ev[1]?.data).toEqual({ changes: { scriptVersion: { from: 1, to: 2 } } });
    expect(ev[2]?.data).toEqual({ changes: { name: { from: 'Discovery opener', to: 'Opener' } } });
  });

  it('lists the active scripts of a stage for the calling screen', async () => {
    const w = await world();
    const post = (payload: Record<string, unknown>) =>
      api.as(w.admin, { method: 'POST', url: '/api/v1/scripts', payload: { body: 'text', ...payload } });
    const a = (await post({ name: 'A stage script', stageId: w.stageId })).json<ScriptDto>();
    await post({ name: 'B other stage', stageId: w.pipeline.stageIds[1] });
    await post({ name: 'C product script', productId: w.productId });
    const retired = (await post({ name: 'D retired', stageId: w.stageId })).json<ScriptDto>();
    expect(
      (await api.as(w.admin, { method: 'DELETE', url: `/api/v1/scripts/${retired.id}`, headers: { 'if-match': '1' } }))
        .statusCode,
    ).toBe(204);

    const names = async (qs: string) =>
      (await api.as(w.rep, { method: 'GET', url: `/api/v1/scripts?${qs}` }))
        .json<{ items: ScriptDto[] }>()
        .items.map((s) => s.name);
    expect(await names(`stageId=${w.stageId}`)).toEqual(['A stage script']);
    expect(await names(`stageId=${w.stageId}&active=all`)).toEqual(['A stage script', 'D retired']);
    expect(await names(`productId=${w.productId}`)).toEqual(['C product script']);
    expect(await names(`pipelineId=${w.pipeline.pipelineId}`)).toEqual(['A stage script', 'B other stage']);
    expect(await names('q=product')).toEqual(['C product script']);
    expect((await api.as(w.rep, { method: 'GET', url: `/api/v1/scripts/${a.id}` })).statusCode).toBe(200);
    const timeline = await api.as(w.rep, { method: 'GET', url: `/api/v1/scripts/${retired.id}/timeline` });
    expect(timeline.json<{ items: { type: string }[] }>().items.map((i) => i.type)).toEqual([
      'script.deactivated',
      'script.created',
    ]);
  });

  it('checks targets, fields, roles and versions', async () => {
    const w = await world();
    const post = (payload: Record<string, unknown>) =>
      api.as(w.admin, { method: 'POST', url: '/api/v1/scripts', payload });
    const noTarget = await post({ name: 'Nowhere', body: 'x' });
    expect(noTarget.statusCode).toBe(422);
    expect(fieldsOf(noTarget)).toEqual(['pipelineId', 'productId', 'stageId']);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(fieldsOf(await post({ name: 'Ghost', body: 'x', stageId: missing, productId: missing }))).toEqual([
      'productId',
      'stageId',
    ]);
    const other = await insertPipeline(deps, w.orgId, 1);
    expect(
      fieldsOf(await post({ name: 'Mixed', body: 'x', stageId: w.stageId, pipelineId: other.pipelineId })),
    ).toEqual(['stageId']);
    expect(fieldsOf(await post({ name: '', body: '', stageId: 'nope', tone: 'warm' }))).toEqual([
      'body',
      'name',
      'stageId',
      'tone',
    ]);

    const byRep = await api.as(w.rep, {
      method: 'POST',
      url: '/api/v1/scripts',
      payload: { name: 'Mine', body: 'x', stageId: w.stageId },
    });
    expect(byRep.statusCode).toBe(403);
    const s = (await post({ name: 'Ok', body: 'x', stageId: w.stageId })).json<ScriptDto>();
    expect(
      (
        await api.as(w.rep, {
          method: 'PATCH',
          url: `/api/v1/scripts/${s.id}`,
          headers: { 'if-match': '1' },
          payload: { body: 'y' },
        })
      ).statusCode,
    ).toBe(403);
    const moved = await api.as(w.manager, {
      method: 'PATCH',
      url: `/api/v1/scripts/${s.id}`,
      headers: { 'if-match': '1' },
      payload: { stageId: other.stageIds[0] },
    });
    expect(moved.json()).toMatchObject({
      stageId: other.stageIds[0],
      pipelineId: other.pipelineId,
      scriptVersion: 1,
      version: 2,
    });
    const stale = await api.as(w.manager, {
      method: 'PATCH',
      url: `/api/v1/scripts/${s.id}`,
      headers: { 'if-match': '1' },
      payload: { body: 'z' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
    const versions = await api.as(w.rep, { method: 'GET', url: `/api/v1/scripts/${s.id}/versions` });
    expect(versions.json<{ items: unknown[] }>().items).toHaveLength(1);
    expect((await api.as(w.rep, { method: 'GET', url: `/api/v1/scripts/${missing}/versions` })).statusCode).toBe(404);
  });

  it('lists the scripts for a deal: its stage first, then its pipeline, then its products; only for deals you can see', async () => {
    const w = await world();
    const otherProduct = await insertProduct(deps, w.orgId);
    const other = await insertPipeline(deps, w.orgId, 1);
    const post = async (payload: Record<string, unknown>) =>
      (
        await api.as(w.admin, {
          method: 'POST',
          url: '/api/v1/scripts',
          payload: { body: `Say: ${String(payload.name)}`, ...payload },
        })
      ).json<ScriptDto>();
    await post({ name: 'Z stage opener', stageId: w.stageId });
    await post({ name: 'A whole pipeline', pipelineId: w.pipeline.pipelineId });
    await post({ name: 'B product pitch', productId: w.productId });
    await post({ name: 'C stage and product', stageId: w.stageId, productId: w.productId });
    await post({ name: 'D next stage', stageId: w.pipeline.stageIds[1] });
    await post({ name: 'E other product', productId: otherProduct });
    await post({ name: 'F other pipeline', pipelineId: other.pipelineId });
    const retired = await post({ name: 'G retired', stageId: w.stageId });
    await api.as(w.admin, { method: 'DELETE', url: `/api/v1/scripts/${retired.id}`, headers: { 'if-match': '1' } });

    const created = await api.as(w.rep, {
      method: 'POST',
      url: '/api/v1/deals',
      payload: {
        name: 'Scripted deal',
        pipelineId: w.pipeline.pipelineId,
        stageId: w.stageId,
        lineItems: [{ productId: w.productId, quantity: '1', unitPrice: '10.00' }],
      },
    });
    expect(created.statusCode).toBe(201);
    const dealId = created.json<{ id: string }>().id;
    const res = await api.as(w.rep, { method: 'GET', url: `/api/v1/deals/${dealId}/scripts` });
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: (ScriptDto & { appliesBy: string })[] }>().items;
    expect(items.map((s) => [s.name, s.appliesBy])).toEqual([
      ['C stage and product', 'stage'],
      ['Z stage opener', 'stage'],
      ['A whole pipeline', 'pipeline'],
      ['B product pitch', 'product'],
    ]);
    expect(items[1]?.body).toBe('Say: Z stage opener');

    // Without the product line, the product scripts no longer apply.
    const bare = await api.as(w.rep, {
      method: 'POST',
      url: '/api/v1/deals',
      payload: { name: 'Bare deal', pipelineId: w.pipeline.pipelineId, stageId: w.stageId },
    });
    const bareItems = (
      await api.as(w.rep, { method: 'GET', url: `/api/v1/deals/${bare.json<{ id: string }>().id}/scripts` })
    ).json<{ items: ScriptDto[] }>().items;
    expect(bareItems.map((s) => s.name)).toEqual(['Z stage opener', 'A whole pipeline']);

    // Another rep cannot see the deal, so its scripts are not found either; a missing deal is 404 too.
    const stranger = await createTestUser(deps, w.admin, 'rep');
    expect((await api.as(stranger, { method: 'GET', url: `/api/v1/deals/${dealId}/scripts` })).statusCode).toBe(404);
    expect(
      (await api.as(w.rep, { method: 'GET', url: '/api/v1/deals/00000000-0000-4000-8000-000000000000/scripts' }))
        .statusCode,
    ).toBe(404);
    expect((await api.as(w.rep, { method: 'GET', url: '/api/v1/deals/nope/scripts' })).statusCode).toBe(422);
  });
});
