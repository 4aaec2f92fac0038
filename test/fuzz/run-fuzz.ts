import type { Actor } from '../../src/contract/access.ts';
import { createApiToken } from '../../src/modules/auth/auth.service.ts';
import type { Deps } from '../../src/modules/context.ts';
import { verifyChain } from '../../src/modules/events/chain.ts';
import type { App } from '../../src/server/types.ts';
import { fuzzRequests, operationsOf, violation, type FuzzRequest, type IdPool } from './requests.ts';

/*
 * Runs generated malformed requests against an app (in process, through the whole HTTP stack) and
 * checks the property: no 5xx, every error problem+json, the server answering its health check
 * throughout, and the organization's audit chain intact at the end. Shared by the test in
 * `npm test` (a bounded count) and `npm run bench:fuzz` (as many as asked).
 */

export interface FuzzTarget {
  app: App;
  deps: Deps;
  admin: Actor;
  /** Bearer token of the admin the requests run as (an unauthenticated caller sends none, or a bad one). */
  token: string;
  ids: IdPool;
}

/** A few records of every kind for the requests to reach, in the admin's organization. */
export async function fuzzTarget(app: App, deps: Deps, admin: Actor): Promise<FuzzTarget> {
  const { token } = await createApiToken(deps, admin, { name: 'fuzz' });
  const post = async (url: string, payload: object): Promise<string> => {
    const res = await app.inject({ method: 'POST', url, payload, headers: { authorization: `Bearer ${token}` } });
    if (res.statusCode !== 201) throw new Error(`fixture ${url}: ${res.statusCode} ${res.body}`);
    return res.json<{ id: string }>().id;
  };
  const pipeline = await app.inject({
    method: 'POST',
    url: '/api/v1/pipelines',
    headers: { authorization: `Bearer ${token}` },
    payload: {
      name: 'Fuzz',
      stages: [
        { name: 'Open', probability: 20 },
        { name: 'Gated', probability: 50, requiredFields: ['amount'] },
        { name: 'Won', kind: 'won' },
        { name: 'Lost', kind: 'lost' },
      ],
    },
  });
  const p = pipeline.json<{ id: string; stages: { id: string }[] }>();
  const accounts = [
    await post('/api/v1/accounts', { name: 'Fuzz A' }),
    await post('/api/v1/accounts', { name: 'Fuzz B' }),
  ];
  const contacts = [await post('/api/v1/contacts', { lastName: 'Fuzz', accountId: accounts[0] })];
  const leads = [await post('/api/v1/leads', { lastName: 'Fuzz', company: 'Fuzz Co' })];
  const deals = [
    await post('/api/v1/deals', { name: 'Fuzz deal', pipelineId: p.id, accountId: accounts[0] }),
    await post('/api/v1/deals', { name: 'Fuzz deal 2', pipelineId: p.id }),
  ];
  const products = [await post('/api/v1/products', { sku: 'FUZZ-1', name: 'Fuzz', listPrice: '10.00' })];
  const campaigns = [await post('/api/v1/campaigns', { name: 'Fuzz campaign', type: 'content' })];
  const form = await app.inject({
    method: 'POST',
    url: '/api/v1/capture-forms',
    headers: { authorization: `Bearer ${token}` },
    payload: {
      name: 'Fuzz form',
      campaignId: campaigns[0],
      fields: [
        { leadField: 'email', label: 'Email', required: true },
        { leadField: 'lastName', label: 'Name', required: true },
        { leadField: 'phone', label: 'Phone', required: false },
      ],
      consentText: 'Fuzz consent',
      routing: { kind: 'owner', ownerId: admin.userId },
    },
  });
  const f = form.json<{ id: string; publicKey: string }>();
  const ids: IdPool = {
    accounts,
    contacts,
    leads,
    deals,
    products,
    campaigns,
    'capture-forms': [f.id],
    // public keys of the published forms (the `{key}` of /api/v1/forms/{key})
    formKeys: [f.publicKey],
    pipelines: [p.id],
    stages: p.stages.map((s) => s.id),
    activities: [await post('/api/v1/activities', { type: 'note', body: 'n', dealId: deals[0] })],
    scripts: [await post('/api/v1/scripts', { name: 'Fuzz', body: 'Hi', pipelineId: p.id })],
    objections: [await post('/api/v1/objections', { category: 'price', title: 'Fuzz' })],
    views: [await post('/api/v1/views', { entity: 'deal', name: 'Fuzz' })],
    teams: [await post('/api/v1/teams', { name: 'Fuzz', kind: 'field_sales' })],
    // Another user and another token: the admin's own could be demoted or revoked by a request.
    users: [await post('/api/v1/users', { email: 'fuzz-rep@example.test', name: 'Fuzz Rep', role: 'rep' })],
    tokens: [(await createApiToken(deps, admin, { name: 'fuzz other' })).apiToken.id],
  };
  return { app, deps, admin, token, ids };
}

export interface FuzzReport {
  requests: number;
  seconds: number;
  /** Answers per status code. */
  statuses: Record<string, number>;
  violations: { index: number; request: string; broken: string[]; problem: string }[];
  chainOk: boolean;
}

const describe = (r: FuzzRequest) => {
  const body = typeof r.payload === 'string' ? r.payload : r.payload ? `<${r.payload.length} bytes>` : '';
  return `${r.method} ${r.url.slice(0, 200)} ${JSON.stringify(r.headers)} ${body.slice(0, 300)}`;
};

/**
 * Sends `count` generated requests (every fourth unauthenticated, the rest as the admin), then checks
 * the server's health and the audit chain.
 */
export async function runFuzz(target: FuzzTarget, count: number, seed: number): Promise<FuzzReport> {
  const { app, deps, token, ids, admin } = target;
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<unknown>();
  const requests = fuzzRequests(operationsOf(doc), ids, seed);
  const report: FuzzReport = { requests: 0, seconds: 0, statuses: {}, violations: [], chainOk: false };
  const started = performance.now();
  for (let index = 0; index < count; index++) {
    const r = requests.next().value;
    if (!r) break;
    const anonymous = index % 4 === 3;
    const headers = { ...r.headers };
    if (!anonymous) headers.authorization = `Bearer ${token}`;
    else if (index % 8 === 7) headers.authorization = 'Bearer pw_not-a-token';
    const res = await app.inject({ method: r.method as 'GET', url: r.url, headers, payload: r.payload });
    report.requests++;
    report.statuses[res.statusCode] = (report.statuses[res.statusCode] ?? 0) + 1;
    const problem = violation(res, r.method);
    if (problem) report.violations.push({ index, request: describe(r), broken: r.broken, problem });
    if (index % 50 === 49) {
      const health = await app.inject({ method: 'GET', url: '/healthz' });
      if (health.statusCode !== 200)
        report.violations.push({ index, request: 'GET /healthz', broken: [], problem: `health ${health.statusCode}` });
    }
  }
  await deps.sealer.flush();
  report.seconds = (performance.now() - started) / 1000;
  const verified = await app.inject({
    method: 'GET',
    url: '/api/v1/audit/verify',
    headers: { authorization: `Bearer ${token}` },
  });
  report.chainOk = verified.statusCode === 200 && (await verifyChain(deps.db, admin.orgId)).ok;
  return report;
}
