import fs from 'node:fs';
import path from 'node:path';
import createClient, { type Client } from 'openapi-fetch';
import type { Browser } from 'playwright-core';
import type { ApiPaths } from '../../src/contract/api-paths.ts';
import { buildApp } from '../../src/server/app.ts';
import type { App } from '../../src/server/types.ts';
import { createTestDeps, type TestDeps } from '../helpers/db.ts';
import { openApiChecker } from '../helpers/openapi-check.ts';
import { launchChromium } from './browser.ts';

const WEB_ROOT = path.resolve('dist/web');

export interface E2eServer {
  deps: TestDeps;
  app: App;
  /** The server's address, on `localhost` (the browser's cookies are set for that name). */
  base: string;
  browser: Browser;
}

/** The built web app served by a real server on a fresh database, and a headless Chromium. */
export async function startE2eServer(opts: Parameters<typeof createTestDeps>[0] = {}): Promise<E2eServer> {
  if (!fs.existsSync(path.join(WEB_ROOT, 'index.html'))) throw new Error('dist/web is missing: npm run build');
  // Imports run as background jobs, as in a served process.
  const deps = await createTestDeps({ runJobs: true, ...opts });
  const app = await buildApp(deps, { webRoot: WEB_ROOT });
  const base = (await app.listen({ host: '127.0.0.1', port: 0 })).replace('://127.0.0.1', '://localhost');
  const browser = await launchChromium();
  return { deps, app, base, browser };
}

/** Closes what `startE2eServer` opened, whatever of it was opened before a failure. */
export async function stopE2eServer(s: Partial<E2eServer>): Promise<void> {
  await s.browser?.close();
  await s.app?.close();
  await s.deps?.cleanup();
}

const checkers = new Map<string, Promise<ReturnType<typeof openApiChecker>>>();

/** The answer check of the server at `base`, from the OpenAPI document it serves (fetched once). */
function checkerFor(base: string): Promise<ReturnType<typeof openApiChecker>> {
  let checker = checkers.get(base);
  if (!checker) {
    checker = fetch(`${base}/api/openapi.json`).then(async (res) => openApiChecker(await res.json()));
    checkers.set(base, checker);
  }
  return checker;
}

/**
 * A request to the running server with a bearer token, as a script (or another user) would make it.
 * The answer must be what the server's OpenAPI document describes (test/helpers/openapi-check.ts).
 */
export async function apiCall<T>(
  base: string,
  token: string,
  method: string,
  url: string,
  body?: unknown,
  ifMatch?: string,
): Promise<T> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(ifMatch ? { 'if-match': ifMatch } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  (await checkerFor(base))(method, url, {
    status: res.status,
    contentType: res.headers.get('content-type') ?? undefined,
    body: text,
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

/**
 * A client of the running server typed by the OpenAPI document (paths below /api/v1), with a
 * bearer token; its answers are checked like apiCall's.
 */
export function apiClient(base: string, token: string): Client<ApiPaths> {
  const client = createClient<ApiPaths>({ baseUrl: `${base}/api/v1`, headers: { authorization: `Bearer ${token}` } });
  client.use({
    async onResponse({ request, response }) {
      const url = new URL(request.url);
      (await checkerFor(base))(request.method, url.pathname + url.search, {
        status: response.status,
        contentType: response.headers.get('content-type') ?? undefined,
        body: await response.clone().text(),
      });
    },
  });
  return client;
}
