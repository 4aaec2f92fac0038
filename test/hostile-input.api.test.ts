import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/contract/access.ts';
import { createApi, type Api } from './helpers/api.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg } from './helpers/factories.ts';
import { importCsv } from './helpers/imports.ts';
import { nestsDeeperThan } from '../src/server/json-body.ts';

let deps: TestDeps;
let api: Api;
let admin: Actor;

beforeAll(async () => {
  deps = await createTestDeps();
  api = await createApi(deps);
  admin = (await createTestOrg(deps)).admin;
  // The connection-level tests need a real socket; the others inject requests.
  await api.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
});

type Problem = { status: number; code: string; errors?: { field: string; message: string }[] };

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const p = JSON.parse(res.body) as Problem;
  expect(p.status).toBe(status);
  return p;
}

const accountCount = async () =>
  (await deps.db.selectFrom('accounts').select('id').where('org_id', '=', admin.orgId).execute()).length;

describe('text PostgreSQL cannot store', () => {
  it('refuses a NUL character in a body field as 422 naming the field, writing nothing', async () => {
    const before = await accountCount();
    const res = await api.as(admin, { method: 'POST', url: '/api/v1/accounts', payload: { name: 'a\u0000b' } });
    expect(expectProblem(res, 422)).toMatchObject({ code: 'validation_failed', errors: [{ field: 'name' }] });
    expect(await accountCount()).toBe(before);
  });

  it('names every such field, nested ones included', async () => {
    const res = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/views',
      payload: { entity: 'deal', name: 'b\u0000', filters: { q: 'a\u0000' } },
    });
    const fields = (expectProblem(res, 422).errors ?? []).map((e) => e.field);
    expect(fields.sort()).toEqual(['filters.q', 'name']);
  });

  it('refuses a lone UTF-16 surrogate, which would be stored as a replacement character', async () => {
    const res = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/accounts',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":"abc\\ud800"}',
    });
    expect(expectProblem(res, 422)).toMatchObject({ errors: [{ field: 'name' }] });
  });

  it('refuses a NUL character in query parameters (filters, search, export, analytics)', async () => {
    for (const url of [
      '/api/v1/accounts?q=%00',
      '/api/v1/leads?source=a%00',
      '/api/v1/search?q=%00',
      '/api/v1/leads/export?format=csv&q=%00',
      '/api/v1/analytics/funnel?source=%00',
    ]) {
      const res = await api.as(admin, { method: 'GET', url });
      expect(expectProblem(res, 422).errors?.length, url).toBeGreaterThan(0);
    }
  });

  it('rejects an imported row holding a NUL character with its reason, and imports the others', async () => {
    const { summary, rejects } = await importCsv(
      deps,
      admin,
      'Name,Industry\r\nGood Co,Retail\r\nBad\u0000Co,Retail\r\n',
      {
        entity: 'accounts',
      },
    );
    expect(summary).toMatchObject({ rows: 2, inserted: 1, rejected: 1 });
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([[3, 'Name: contains a NUL character or broken Unicode']]);
  });

  it('refuses a file whose header holds a NUL character before reading any row', async () => {
    const res = await api.as(admin, {
      method: 'POST',
      url: '/api/v1/imports/preview?entity=accounts',
      headers: { 'content-type': 'text/csv' },
      payload: 'Name,Indu\u0000stry\r\nGood Co,Retail\r\n',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ problems: string[] }>().problems).toEqual([
      'column 2 ("Indu\ufffdstry"): its name contains a NUL character or broken Unicode',
    ]);
  });
});

describe('import options', () => {
  it('refuses a delimiter of more than one UTF-16 unit on preview and upload alike, as 422', async () => {
    for (const path of ['/api/v1/imports/preview', '/api/v1/imports']) {
      const res = await api.as(admin, {
        method: 'POST',
        url: `${path}?entity=accounts&delimiter=%F0%9F%98%80`,
        headers: { 'content-type': 'text/csv' },
        payload: 'Name\r\nA\r\n',
      });
      expect(expectProblem(res, 422)).toMatchObject({ errors: [{ field: 'delimiter' }] });
    }
    const jobs = await deps.db.selectFrom('import_jobs').select('id').where('org_id', '=', admin.orgId).execute();
    expect(jobs).toEqual([]);
  });
});

describe('deeply nested JSON', () => {
  it('is refused as 400 before anything walks it, on a route and on no route alike', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const headers = { 'content-type': 'application/json', 'idempotency-key': 'deep-1' };
    for (const url of ['/api/v1/accounts', '/api/v1//accounts?q=%E0%A4%A']) {
      const res = await api.app.inject({
        method: 'POST',
        url,
        payload: deep,
        headers: { ...headers, authorization: `Bearer ${await api.tokenFor(admin)}` },
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(nestsDeeperThan(JSON.parse(`${'['.repeat(64)}${']'.repeat(64)}`), 64)).toBe(false);
    expect(nestsDeeperThan({ a: [{ b: [1] }] }, 4)).toBe(false);
    expect(nestsDeeperThan({ a: [{ b: [[1]] }] }, 4)).toBe(true);
  });
});

describe('framework errors', () => {
  it('answers an overlong or undecodable path parameter with problem+json on every {id} route', async () => {
    const doc = (await api.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      path.includes('{id}') ? Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path })) : [],
    );
    expect(routes.length).toBeGreaterThan(40);
    for (const { method, path } of routes) {
      const long = await api.as(admin, {
        method: method as 'GET',
        url: path.replace('{id}', 'a'.repeat(3000)),
      });
      expect(expectProblem(long, 414), `${method} ${path}`).toMatchObject({ code: 'uri_too_long' });
      const bad = await api.as(admin, { method: method as 'GET', url: path.replace('{id}', '%ff%fe') });
      expect(expectProblem(bad, 400), `${method} ${path}`).toMatchObject({ code: 'malformed_url' });
    }
  });
});

describe('what the HTTP parser refuses', () => {
  it('is answered with problem+json, and the connection closed', async () => {
    const { port } = api.app.server.address() as AddressInfo;
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () =>
        socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'),
      );
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (c: string) => (text += c));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
      socket.setTimeout(5000, () => socket.destroy(new Error('no answer within 5 s')));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toMatch(/content-type: application\/problem\+json/i);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({
      status: 400,
      code: 'bad_request',
    });
  });
});

describe('a keep-alive connection', () => {
  it('is closed, not left hanging, after an answer sent before an upload was read to its end', async () => {
    const { port } = api.app.server.address() as AddressInfo;
    const token = await api.tokenFor(admin);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const request = (method: string, path: string, body?: Buffer) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port,
            method,
            path,
            agent,
            headers: {
              authorization: `Bearer ${token}`,
              ...(body ? { 'content-type': 'text/csv', 'content-length': body.length } : {}),
            },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (text += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          },
        );
        req.setTimeout(5000, () => req.destroy(new Error(`${method} ${path}: no answer within 5 s`)));
        req.on('error', reject);
        req.end(body);
      });
    try {
      // One record longer than the parser accepts: refused at once, with most of the body unread.
      const upload = Buffer.from(`Name\r\n"${'x'.repeat(1_100_000)}"\r\n`);
      const refused = await request('POST', '/api/v1/imports/preview?entity=accounts', upload);
      expect(refused.status).toBe(422);
      expect((await request('GET', '/healthz')).status).toBe(200);
    } finally {
      agent.destroy();
    }
  });
});
