import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DealDto } from '../src/contract/deals.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestTeam, createTestUser } from './helpers/factories.ts';
import { createTestPipeline } from './helpers/sales.ts';

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

type Page = { items: DealDto[]; nextCursor: string | null };
type Problem = { code: string; errors?: { field: string; message: string }[] };

describe('deal list filters used by the board', () => {
  it('teamId lists the deals owned by members of that team, combined with the other filters and the scope', async () => {
    const { admin } = await createTestOrg(deps);
    await createTestPipeline(deps, admin);
    const east = await createTestTeam(deps, admin);
    const west = await createTestTeam(deps, admin);
    const ann = await createTestUser(deps, admin, 'rep', { teamId: east.id });
    const bob = await createTestUser(deps, admin, 'rep', { teamId: east.id });
    const cat = await createTestUser(deps, admin, 'rep', { teamId: west.id });
    const specs = [
      { name: 'Ann big', ownerId: ann.userId, expectedCloseDate: '2026-06-01' },
      { name: 'Ann small', ownerId: ann.userId, expectedCloseDate: '2026-09-01' },
      { name: 'Bob one', ownerId: bob.userId, expectedCloseDate: '2026-06-15' },
      { name: 'Cat one', ownerId: cat.userId, expectedCloseDate: '2026-06-10' },
      { name: 'Nobody', ownerId: null, expectedCloseDate: '2026-06-10' },
    ];
    for (const s of specs)
      expect((await api.as(admin, { method: 'POST', url: '/api/v1/deals', payload: s })).statusCode).toBe(201);
    const names = async (actor: typeof admin, qs: string) =>
      (await api.as(actor, { method: 'GET', url: `/api/v1/deals?sort=name&${qs}` }))
        .json<Page>()
        .items.map((d) => d.name);

    expect(await names(admin, `teamId=${east.id}`)).toEqual(['Ann big', 'Ann small', 'Bob one']);
    expect(await names(admin, `teamId=${west.id}`)).toEqual(['Cat one']);
    expect(await names(admin, `teamId=${east.id}&expectedCloseFrom=2026-06-01&expectedCloseTo=2026-06-30&q=o`)).toEqual(
      ['Bob one'],
    );
    // The filter narrows the caller's scope and never widens it: a rep of the team still sees only their own deals.
    expect(await names(ann, `teamId=${east.id}`)).toEqual(['Ann big', 'Ann small']);
    // A team of another organization matches nothing.
    const other = await createTestOrg(deps);
    const foreign = await createTestTeam(deps, other.admin);
    expect(await names(admin, `teamId=${foreign.id}`)).toEqual([]);

    const bad = await api.as(admin, { method: 'GET', url: '/api/v1/deals?teamId=east' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json<Problem>().errors?.map((e) => e.field)).toEqual(['teamId']);
  });
});
