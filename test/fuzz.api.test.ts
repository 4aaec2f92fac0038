import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg } from './helpers/factories.ts';
import { fuzzTarget, runFuzz, type FuzzTarget } from './fuzz/run-fuzz.ts';

/*
 * Malformed requests to every operation of the OpenAPI document, as the admin and unauthenticated,
 * on a fixed seed. `npm run bench:fuzz -- <count> [seed]` runs the same generator for longer.
 */
const SEED = 20_611;
const REQUESTS = 1000;

let deps: TestDeps;
let api: Api;
let target: FuzzTarget;

beforeAll(async () => {
  deps = await createTestDeps();
  api = await createApi(deps);
  target = await fuzzTarget(api.app, deps, (await createTestOrg(deps)).admin);
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

describe('fuzzing the API', () => {
  it(`answers ${REQUESTS} malformed requests without a 5xx, every error as problem+json, staying healthy`, async () => {
    const report = await runFuzz(target, REQUESTS, SEED);
    expect(report.violations).toEqual([]);
    expect(report.requests).toBe(REQUESTS);
    expect(report.chainOk).toBe(true);
    // The requests reach past validation too: some are accepted, some refused by the rules.
    expect(Object.keys(report.statuses)).toEqual(expect.arrayContaining(['200', '201', '401', '404', '422']));
  }, 300_000);
});
