import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import type { App } from '../src/server/types.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';

let deps: TestDeps;
let dir: string;
const apps: App[] = [];

beforeAll(async () => {
  deps = await createTestDeps();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipewright-web-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>app</title><div id="root"></div>');
  fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
});
afterAll(async () => {
  for (const a of apps) await a.close();
  await deps.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function appWith(webRoot: string | undefined): Promise<App> {
  const app = await buildApp(deps, webRoot ? { webRoot } : {});
  apps.push(app);
  return app;
}

describe('serving the web app', () => {
  it('serves index.html at / and for client-side routes, assets as files', async () => {
    const app = await appWith(dir);
    const root = await app.inject({ method: 'GET', url: '/' });
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('<div id="root">');
    const route = await app.inject({ method: 'GET', url: '/deals/4a0f?tab=timeline' });
    expect(route.statusCode).toBe(200);
    expect(route.headers['content-type']).toMatch(/text\/html/);
    expect(route.body).toContain('<div id="root">');
    const asset = await app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('console.log(1)');
  });

  it('keeps problem+json 404s for the API and for missing assets', async () => {
    const app = await appWith(dir);
    for (const url of ['/api/nope', '/api/v2/deals', '/assets/missing.js']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/application\/problem\+json/);
      expect(res.json<{ code: string }>().code).toBe('not_found');
    }
    const post = await app.inject({ method: 'POST', url: '/board', payload: {} });
    expect(post.statusCode).toBe(404);
  });

  it('explains how to build the web app when there is no build', async () => {
    const app = await appWith(path.join(dir, 'missing'));
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('npm run build');
    expect((await app.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(200);
  });

  it('serves no pages without the option (API only)', async () => {
    const app = await appWith(undefined);
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(404);
    expect(res.json<{ code: string }>().code).toBe('not_found');
  });
});
