import { expect } from 'vitest';
import type { Actor } from '../../src/contract/access.ts';
import type { ManualClock } from '../../src/domain/deps.ts';
import { checkHandoffSla } from '../../src/modules/handoffs/handoff-jobs.ts';
import type { Api } from '../helpers/api.ts';
import type { TestDeps } from '../helpers/db.ts';
import { createTestOrg, createTestUser } from '../helpers/factories.ts';

/** The joint marketing and sales journeys both journey analyses are checked on (map and Markov). */

export const H = 3_600_000;
export const day0 = Date.parse('2026-04-06T09:00:00.000Z');
export const at = (hours: number) => new Date(day0 + hours * H).toISOString();

/** A request that must succeed, answering its JSON. */
export async function callApi<T>(
  api: Api,
  actor: Actor,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: object,
  version?: number,
) {
  const res = await api.as(actor, {
    method,
    url,
    ...(payload ? { payload } : {}),
    ...(version === undefined ? {} : { headers: { 'if-match': String(version) } }),
  });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json<T>();
}

/**
 * Three journeys, hours after 6 April 09:00 (UTC), by Ann (rep) unless said:
 * A: created 0, clicked an email 1, visited 3, MQL 24 (handed to Ann, SLA breached at 24:05), called 26, hand-off accepted
 *    27 (SQL), converted 48 (opportunity; deal enters Open), its contact attended 60, meeting held on
 *    the deal 72, Won 120;
 * B: created 0, clicked 2, called 4 and 5, disqualified 24;
 * C (Bob's): created 0, clicked 4.
 */
export async function journeyWorld({ api, deps, clock }: { api: Api; deps: TestDeps; clock: ManualClock }) {
  const call = <T>(actor: Actor, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, version?: number) =>
    callApi<T>(api, actor, method, url, payload, version);
  const { admin } = await createTestOrg(deps);
  const ann = await createTestUser(deps, admin, 'rep', { name: 'Ann Archer' });
  const bob = await createTestUser(deps, admin, 'rep', { name: 'Bob Baker' });
  const marketer = await createTestUser(deps, admin, 'marketing');
  const pipeline = await call<{ id: string; stages: { id: string; name: string }[] }>(
    admin,
    'POST',
    '/api/v1/pipelines',
    {
      name: 'Sales',
      isDefault: true,
      stages: [
        { name: 'Open', kind: 'open', probability: 20 },
        { name: 'Won', kind: 'won' },
        { name: 'Lost', kind: 'lost' },
      ],
    },
  );
  const stage = (name: string) => pipeline.stages.find((s) => s.name === name)?.id ?? '';
  const campaign = await call<{ id: string }>(admin, 'POST', '/api/v1/campaigns', {
    name: 'April mail',
    type: 'email',
  });
  clock.set(at(0));
  const lead = async (owner: Actor, lastName: string) =>
    (await call<{ id: string }>(admin, 'POST', '/api/v1/leads', { lastName, ownerId: owner.userId })).id;
  const a = await lead(ann, 'Alpha');
  const b = await lead(ann, 'Bravo');
  const c = await lead(bob, 'Charlie');
  const touch = (leadId: string, kind: string, hours: number) =>
    call(admin, 'POST', `/api/v1/campaigns/${campaign.id}/touches`, { leadId, kind, touchedAt: at(hours) });
  const version = async (leadId: string) =>
    (await call<{ version: number }>(admin, 'GET', `/api/v1/leads/${leadId}`)).version;
  const phone = (leadId: string, hours: number) =>
    call(ann, 'POST', '/api/v1/activities', {
      type: 'call',
      direction: 'outbound',
      leadId,
      disposition: 'connected',
      occurredAt: at(hours),
    });
  await touch(a, 'clicked', 1);
  await touch(b, 'clicked', 2);
  await touch(a, 'visited', 3);
  await touch(c, 'clicked', 4);
  clock.set(at(4));
  await phone(b, 4);
  clock.set(at(5));
  await phone(b, 5);
  clock.set(at(24));
  await call(admin, 'POST', `/api/v1/leads/${a}/lifecycle`, { stage: 'mql' }, await version(a));
  await call(
    admin,
    'PATCH',
    `/api/v1/leads/${b}`,
    { status: 'disqualified', disqualifiedReason: 'No fit' },
    await version(b),
  );
  // Nobody touched A within the 5 business minutes: the check an hour later breaches the SLA due at 24:05.
  clock.set(at(25));
  const [opened] = (await call<{ items: { id: string }[] }>(ann, 'GET', `/api/v1/handoffs?leadId=${a}`)).items;
  expect(await checkHandoffSla(deps, admin.orgId, opened?.id ?? '')).toBe('breached');
  clock.set(at(26));
  await phone(a, 26);
  clock.set(at(27));
  const [handoff] = (
    await call<{ items: { id: string; version: number }[] }>(ann, 'GET', `/api/v1/handoffs?leadId=${a}`)
  ).items;
  if (!handoff) throw new Error('no hand-off opened');
  await call(ann, 'POST', `/api/v1/handoffs/${handoff.id}/accept`, undefined, handoff.version);
  clock.set(at(48));
  const { deal, contact } = await call<{ deal: { id: string }; contact: { id: string } }>(
    admin,
    'POST',
    `/api/v1/leads/${a}/convert`,
    { deal: { create: { name: 'Alpha deal' } } },
    await version(a),
  );
  // The contact A became attends an event at 60; a touch dated before the conversion is not the journey's.
  clock.set(at(60));
  await call(admin, 'POST', `/api/v1/campaigns/${campaign.id}/touches`, {
    contactId: contact.id,
    kind: 'attended',
    touchedAt: at(60),
  });
  await call(admin, 'POST', `/api/v1/campaigns/${campaign.id}/touches`, {
    contactId: contact.id,
    kind: 'responded',
    touchedAt: at(47),
  });
  clock.set(at(72));
  await call(ann, 'POST', '/api/v1/activities', {
    type: 'meeting',
    dealId: deal.id,
    start: at(72),
    end: at(73),
    outcome: 'held',
  });
  clock.set(at(120));
  const d = await call<{ version: number }>(admin, 'GET', `/api/v1/deals/${deal.id}`);
  await call(admin, 'POST', `/api/v1/deals/${deal.id}/stage`, { stageId: stage('Won') }, d.version);
  const party = await call<{ id: string }>(admin, 'POST', '/api/v1/agent-parties', { kind: 'person', name: 'Broker' });
  const agent = await createTestUser(deps, admin, 'agent', { agentPartyId: party.id });
  return { admin, ann, bob, marketer, agent, pipeline, stage, deal: deal.id, c };
}
