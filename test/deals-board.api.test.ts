import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSummaryDto, DealDto } from '../src/contract/deals.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { actorForUser } from '../src/modules/auth/auth.service.ts';
import { createOrganization } from '../src/modules/users/users.service.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestUser, TEST_PASSWORD } from './helpers/factories.ts';
import { createTestPipeline } from './helpers/sales.ts';

// New York, fiscal year from April: the current quarter on 2026-06-30 local is April–June.
const clock = new ManualClock('2026-06-30T12:00:00.000Z');
let deps: TestDeps;
let api: Api;

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  api = await createApi(deps);
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

type Page = { items: DealDto[]; nextCursor: string | null };
type Problem = { code: string; errors?: { field: string; message: string }[] };

async function org(timezone: string, fiscalYearStartMonth: number) {
  const { organization, admin } = await createOrganization(deps, {
    organization: { name: `Board ${Math.random()}`, baseCurrency: 'USD', timezone, fiscalYearStartMonth },
    admin: { email: `a${Math.random()}@example.test`, name: 'Ada', password: TEST_PASSWORD },
  });
  return actorForUser(deps, organization.id, admin.id);
}

describe('the board: column totals from the server and pages per stage', () => {
  it('counts, sums and weights each stage exactly, per currency, within the filters and the scope', async () => {
    clock.set('2026-06-30T12:00:00.000Z');
    const admin = await org('UTC', 1);
    const p = await createTestPipeline(deps, admin);
    const rep = await createTestUser(deps, admin, 'rep');
    const deals = [
      { name: 'A', amount: '100.05', currency: 'USD', ownerId: rep.userId },
      { name: 'B', amount: '0.10', currency: 'USD', ownerId: rep.userId },
      { name: 'C', amount: '999999999.99', currency: 'EUR', ownerId: admin.userId },
      { name: 'D', currency: 'USD', ownerId: admin.userId },
      { name: 'E', amount: '3.33', currency: 'USD', ownerId: admin.userId, stageId: p.stage('Discovery') },
    ];
    for (const d of deals)
      expect(
        (
          await api.as(admin, {
            method: 'POST',
            url: '/api/v1/deals',
            payload: { pipelineId: p.id, stageId: p.stage('Qualify'), ...d },
          })
        ).statusCode,
      ).toBe(201);
    const summary = async (actor: typeof admin, qs = '') => {
      const res = await api.as(actor, { method: 'GET', url: `/api/v1/deals/board?pipelineId=${p.id}${qs}` });
      expect(res.statusCode).toBe(200);
      return res.json<BoardSummaryDto>();
    };
    const s = await summary(admin);
    expect(s.stages.map((x) => x.stageId)).toEqual(p.stages.map((x) => x.id));
    const qualify = s.stages.find((x) => x.stageId === p.stage('Qualify'));
    expect(qualify).toEqual({
      stageId: p.stage('Qualify'),
      kind: 'open',
      count: 4,
      totals: [
        // 999,999,999.99 × 10 % = 99,999,999.999 → half up to cents.
        { currency: 'EUR', sum: '999999999.99', weighted: '100000000.00' },
        { currency: 'USD', sum: '100.15', weighted: '10.02' },
      ],
    });
    expect(s.stages.find((x) => x.stageId === p.stage('Discovery'))).toMatchObject({
      count: 1,
      totals: [{ currency: 'USD', sum: '3.33', weighted: '0.83' }],
    });
    expect(s.stages.find((x) => x.stageId === p.stage('Won'))).toMatchObject({ count: 0, totals: [] });
    // The rep sees only their own deals, in totals as in the list.
    expect((await summary(rep)).stages[0]).toMatchObject({
      count: 2,
      totals: [{ currency: 'USD', sum: '100.15', weighted: '10.02' }],
    });
    // The board's filters apply to the totals.
    expect((await summary(admin, `&ownerId=${admin.userId}&q=c`)).stages[0]).toMatchObject({ count: 1 });

    // Bad input: every bad field named, never a 5xx; an unknown pipeline is a 404.
    const bad = await api.as(admin, {
      method: 'GET',
      url: '/api/v1/deals/board?pipelineId=nope&closedPeriod=decade&ownerId=x&extra=1',
    });
    expect(bad.statusCode).toBe(422);
    expect(
      bad
        .json<Problem>()
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual(['closedPeriod', 'extra', 'ownerId', 'pipelineId'].sort());
    const other = await org('UTC', 1);
    const foreign = await createTestPipeline(deps, other);
    expect(
      (await api.as(admin, { method: 'GET', url: `/api/v1/deals/board?pipelineId=${foreign.id}` })).statusCode,
    ).toBe(404);
  });

  it('shows closed stages for the current fiscal period in the organization time zone, widened on request', async () => {
    const admin = await org('America/New_York', 4);
    const p = await createTestPipeline(deps, admin);
    const closeAt = async (name: string, at: string) => {
      clock.set(at);
      const created = await api.as(admin, {
        method: 'POST',
        url: '/api/v1/deals',
        payload: { pipelineId: p.id, name, amount: '10.00', currency: 'USD' },
      });
      const deal = created.json<DealDto>();
      const moved = await api.as(admin, {
        method: 'POST',
        url: `/api/v1/deals/${deal.id}/stage`,
        headers: { 'if-match': `"${deal.version}"` },
        payload: { stageId: p.stage('Lost'), lostReason: 'price' },
      });
      expect(moved.statusCode).toBe(200);
    };
    // 00:30 on 1 April in New York is 04:30 UTC: inside the fiscal Q1 (April–June); 23:30 on 31 March local is not.
    await closeAt('Last quarter', '2026-04-01T03:30:00.000Z');
    await closeAt('This quarter, first minute', '2026-04-01T04:30:00.000Z');
    await closeAt('This month', '2026-06-15T12:00:00.000Z');
    await closeAt('Last fiscal year', '2026-02-01T12:00:00.000Z');
    await closeAt('Older', '2024-02-01T12:00:00.000Z');
    clock.set('2026-06-30T12:00:00.000Z');
    const lost = async (period?: string) => {
      const res = await api.as(admin, {
        method: 'GET',
        url: `/api/v1/deals/board?pipelineId=${p.id}${period ? `&closedPeriod=${period}` : ''}`,
      });
      expect(res.statusCode).toBe(200);
      const s = res.json<BoardSummaryDto>();
      const names = (
        await api.as(admin, {
          method: 'GET',
          url: `/api/v1/deals?pipelineId=${p.id}&stageId=${p.stage('Lost')}&sort=name${s.closedFrom ? `&closedFrom=${s.closedFrom}&closedTo=${s.closedTo}` : ''}`,
        })
      )
        .json<Page>()
        .items.map((d) => d.name);
      return { s, count: s.stages.find((x) => x.stageId === p.stage('Lost'))?.count, names };
    };
    const quarter = await lost();
    expect(quarter.s).toMatchObject({
      closedPeriod: 'quarter',
      closedFrom: '2026-04-01T04:00:00.000Z',
      closedTo: '2026-07-01T04:00:00.000Z',
    });
    expect(quarter.names).toEqual(['This month', 'This quarter, first minute']);
    expect(quarter.count).toBe(2);
    const month = await lost('month');
    expect(month.s.closedFrom).toBe('2026-06-01T04:00:00.000Z');
    expect(month.names).toEqual(['This month']);
    // Fiscal year from April 2026 (New York): April 2026 to April 2027.
    const year = await lost('year');
    expect([year.s.closedFrom, year.s.closedTo]).toEqual(['2026-04-01T04:00:00.000Z', '2027-04-01T04:00:00.000Z']);
    expect(year.count).toBe(2);
    const all = await lost('all');
    expect([all.s.closedFrom, all.s.closedTo, all.count]).toEqual([null, null, 5]);
    expect(all.names).toHaveLength(5);
    // Open deals are not touched by the closed period.
    expect(all.s.stages[0]?.count).toBe(0);
  });

  it('pages one stage by cursor, newest first, without gaps or repeats', async () => {
    clock.set('2026-06-30T12:00:00.000Z');
    const admin = await org('UTC', 1);
    const p = await createTestPipeline(deps, admin);
    for (let i = 0; i < 23; i++) {
      clock.advance(1000);
      await api.as(admin, {
        method: 'POST',
        url: '/api/v1/deals',
        payload: {
          pipelineId: p.id,
          name: `Q${String(i).padStart(2, '0')}`,
          stageId: p.stage(i % 3 ? 'Qualify' : 'Discovery'),
        },
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await api.as(admin, {
        method: 'GET',
        url: `/api/v1/deals?pipelineId=${p.id}&stageId=${p.stage('Qualify')}&sort=created_at&order=desc&limit=5${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      });
      const page: Page = res.json<Page>();
      seen.push(...page.items.map((d) => d.name));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    const expected = Array.from({ length: 23 }, (_, i) => i)
      .filter((i) => i % 3 !== 0)
      .map((i) => `Q${String(i).padStart(2, '0')}`)
      .reverse();
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 5));
    const s = (
      await api.as(admin, { method: 'GET', url: `/api/v1/deals/board?pipelineId=${p.id}` })
    ).json<BoardSummaryDto>();
    expect(s.stages.find((x) => x.stageId === p.stage('Qualify'))?.count).toBe(expected.length);
  });
});
