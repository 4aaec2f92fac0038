import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { buildApp } from '../../src/server/app.ts';
import type { App } from '../../src/server/types.ts';
import { createTestDeps, type TestDeps } from '../helpers/db.ts';
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
  const deps = await createTestDeps(opts);
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

/** A request to the running server with a bearer token, as a script (or another user) would make it. */
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
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
