import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import type { RegistrationDto } from '../src/contract/channel.ts';
import type { FindingDto } from '../src/contract/oversight.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';
import { settleJobs } from './helpers/jobs.ts';

const clock = new ManualClock('2026-01-05T10:00:00.000Z');
let deps: TestDeps;
let api: Api;

beforeAll(async () => {
  deps = await createTestDeps({ clock, runJobs: true });
  api = await createApi(deps);
});
afterAll(async () => {
  await settleJobs(deps);
  await api.close();
  await deps.cleanup();
});

async function call<T>(actor: Actor, method: 'GET' | 'POST', url: string, payload?: object, headers = {}) {
  const res = await api.as(actor, { method, url, headers, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.json<T>() };
}

describe('registration hoarding, found by a detection run', () => {
  it('finds the approved registration the partner left untouched for 30 days, not the one it worked', async () => {
    const { admin } = await createTestOrg(deps);
    await call(admin, 'POST', '/api/v1/pipelines', {
      name: 'Sales',
      isDefault: true,
      stages: [
        { name: 'Open', kind: 'open', probability: 10 },
        { name: 'Won', kind: 'won' },
        { name: 'Lost', kind: 'lost' },
      ],
    });
    const reseller = (await call<{ id: string }>(admin, 'POST', '/api/v1/accounts', { name: 'Alpha', type: 'reseller' }))
      .body;
    const manager = await createTestUser(deps, admin, 'manager');
    const auditor = await createTestUser(deps, admin, 'auditor');
    const partner = await createTestUser(deps, admin, 'partner', { partnerAccountId: reseller.id });
    const register = async (customerName: string) => {
      const r = await call<RegistrationDto>(partner, 'POST', '/api/v1/registrations', { customerName });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      const approved = await call<RegistrationDto>(
        manager,
        'POST',
        `/api/v1/registrations/${r.body.id}/approve`,
        {},
        { 'if-match': String(r.body.version) },
      );
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      return approved.body;
    };
    const idle = await register('Initech');
    const worked = await register('Hooli');
    clock.advance(5 * 86_400_000);
    // The partner works the other deal: it records the amount it has agreed with the buyer.
    const res = await api.as(partner, {
      method: 'PATCH',
      url: `/api/v1/deals/${worked.dealId}`,
      headers: { 'if-match': '*' },
      payload: { amount: '12000.00' },
    });
    expect(res.statusCode, res.body).toBe(200);
    clock.advance(26 * 86_400_000); // 31 days after approval

    const run = await call<{ jobId: string }>(auditor, 'POST', '/api/v1/findings/detect');
    expect(run.status).toBe(202);
    await settleJobs(deps);

    const found = (await call<{ items: FindingDto[] }>(auditor, 'GET', '/api/v1/findings?detector=registration_hoarding'))
      .body.items;
    expect(found.map((f) => [f.subjectType, f.subjectId, f.personId, f.severity, f.score])).toEqual([
      ['deal_registration', idle.id, partner.userId, 'medium', '31.0000'],
    ]);
    const events = await deps.db
      .selectFrom('events')
      .select('id')
      .where('org_id', '=', admin.orgId)
      .where('entity_id', '=', idle.id)
      .orderBy('id')
      .execute();
    expect(found[0]?.evidence).toEqual(events.map((e) => String(e.id)));
  });
});
