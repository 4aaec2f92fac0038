import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/contract/access.ts';
import { ManualClock } from '../../src/domain/deps.ts';
import { attributionJourneys } from '../../src/modules/analytics/analyses/attribution-journeys.ts';
import { createApi, type Api } from '../helpers/api.ts';
import { createTestDeps, type TestDeps } from '../helpers/db.ts';
import { createTestOrg, createTestUser } from '../helpers/factories.ts';

const clock = new ManualClock('2026-03-02T09:00:00.000Z');
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

async function call<T>(actor: Actor, url: string, payload: Record<string, unknown>) {
  const r = await api.as(actor, { method: 'POST', url, payload });
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json<T>();
}

/**
 * Four contacts and two deals: P is deal 1's primary contact and Q has a role on it; R is deal 2's
 * primary contact and has a role on deal 1 too; S is on no deal. Campaign A touched P (Feb 1) and
 * R (Feb 5), campaign B touched Q (Feb 3) and S (Feb 7). Deal 1's journey is the touches of P, Q
 * and R in time order, deal 2's R's touch, and S has a journey of their own that did not convert.
 */
describe('attribution journeys', () => {
  it('puts the touches of every person on a deal in its journey, a person on two deals in both', async () => {
    const org = await createTestOrg(deps);
    const marketer = await createTestUser(deps, org.admin, 'marketing');
    await call(org.admin, '/api/v1/pipelines', {
      name: 'Sales',
      isDefault: true,
      stages: [
        { name: 'Open', kind: 'open', probability: 10 },
        { name: 'Won', kind: 'won' },
        { name: 'Lost', kind: 'lost' },
      ],
    });
    const a = await call<{ id: string }>(marketer, '/api/v1/campaigns', { name: 'A ads', type: 'advertising' });
    const b = await call<{ id: string }>(marketer, '/api/v1/campaigns', { name: 'B webinar', type: 'event' });
    const contact = (lastName: string) => call<{ id: string }>(org.admin, '/api/v1/contacts', { lastName });
    const [p, q, r, s] = [await contact('P'), await contact('Q'), await contact('R'), await contact('S')];
    const touch = (campaignId: string, contactId: string, day: string) =>
      call(marketer, `/api/v1/campaigns/${campaignId}/touches`, {
        contactId,
        kind: 'clicked',
        touchedAt: `${day}T12:00:00Z`,
      });
    await touch(a.id, p.id, '2026-02-01');
    await touch(b.id, q.id, '2026-02-03');
    await touch(a.id, r.id, '2026-02-05');
    await touch(b.id, s.id, '2026-02-07');
    await call(org.admin, '/api/v1/deals', {
      name: 'Deal 1',
      amount: '1000.00',
      primaryContactId: p.id,
      contactRoles: [
        { contactId: q.id, role: 'champion' },
        { contactId: r.id, role: 'influencer' },
      ],
    });
    clock.advance(60_000);
    await call(org.admin, '/api/v1/deals', { name: 'Deal 2', amount: '500.00', primaryContactId: r.id });
    clock.advance(60_000);

    const j = await attributionJourneys(deps, marketer, {}, undefined);
    const day = (d: string) => Date.parse(`${d}T12:00:00Z`);
    const paths = j.pipeline.map((x) => ({
      touches: x.touches.map((t) => [t.campaignId, t.at]),
      converted: x.convertedAt !== null,
      value: x.value,
    }));
    expect(paths).toEqual([
      { touches: [[b.id, day('2026-02-07')]], converted: false, value: 0 },
      {
        touches: [
          [a.id, day('2026-02-01')],
          [b.id, day('2026-02-03')],
          [a.id, day('2026-02-05')],
        ],
        converted: true,
        value: 1000,
      },
      { touches: [[a.id, day('2026-02-05')]], converted: true, value: 500 },
    ]);
    expect(j.journeysWithoutDeal).toBe(1);
    expect(j.totals.pipeline).toEqual({ deals: 2, amount: 1500 });
    expect(j.pipeline[1]?.opportunityAt).toBe(Date.parse('2026-03-02T09:00:00.000Z'));
    expect(j.pipeline[1]?.convertedAt).toBe(Date.parse('2026-03-02T09:00:00.000Z'));
    expect(j.pipeline[2]?.convertedAt).toBe(Date.parse('2026-03-02T09:01:00.000Z'));
    // Created on Mar 2: not within a range that ends the day before.
    const before = await attributionJourneys(deps, marketer, { to: '2026-03-01' }, undefined);
    expect(before.totals.pipeline).toEqual({ deals: 0, amount: 0 });
    expect(before.pipeline.map((x) => x.convertedAt)).toEqual([null, null, null]);
  });
});
