import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** `pipewright serve` processes on one database: what multi-server, takeover and fault tests drive. */
const BIN = fileURLToPath(new URL('../../bin/pipewright.mjs', import.meta.url));

export interface Target {
  /** DATABASE_URL or PIPEWRIGHT_DATA_DIR for the servers. */
  env: Record<string, string>;
  engine: 'pglite' | 'postgres';
  cleanup(): Promise<void>;
}

/**
 * A fresh database for server processes: a new database on the PostgreSQL server at `adminUrl`
 * (made from `template` when given), or a copy of the migrated embedded template directory.
 */
export async function freshTarget(
  opts: { adminUrl: string; template?: string } | { pgliteTemplate: string },
): Promise<Target> {
  if ('adminUrl' in opts) {
    const name = `pw_srv_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: opts.adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}${opts.template ? ` TEMPLATE ${opts.template}` : ''}`);
    await admin.end();
    const u = new URL(opts.adminUrl);
    u.pathname = `/${name}`;
    return {
      env: { DATABASE_URL: u.toString() },
      engine: 'postgres',
      async cleanup() {
        const c = new pg.Client({ connectionString: opts.adminUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipewright-servers-'));
  fs.cpSync(opts.pgliteTemplate, dir, { recursive: true });
  return {
    env: { PIPEWRIGHT_DATA_DIR: dir },
    engine: 'pglite',
    cleanup() {
      fs.rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

export interface Server {
  base: string;
  pid: number;
  /** What it printed on standard output so far. */
  output(): string;
  /** kill -9: no shutdown, no hand-back, connections dropped. */
  kill(): Promise<void>;
  /** SIGTERM and wait for it to exit (graceful shutdown). */
  stop(): Promise<number | null>;
}

const children = new Set<ChildProcess>();

/** Starts `pipewright serve` on the target (a free port) and resolves once it listens. */
export async function startServer(
  target: Target,
  extra: Record<string, string> = {},
  timeoutMs = 120_000,
): Promise<Server> {
  const env: NodeJS.ProcessEnv = {
    // eslint-disable-next-line no-restricted-properties -- the child inherits PATH and the like, with our settings on top
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    PIPEWRIGHT_LOG_LEVEL: 'warn',
    ...target.env,
    ...extra,
  };
  if (!target.env.DATABASE_URL) delete env.DATABASE_URL;
  const child = spawn(process.execPath, [BIN, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      children.delete(child);
      resolve(code);
    }),
  );
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in time:\n${out}\n${err}`)), timeoutMs);
    const look = () => {
      // The last line of the start-up message, after the address and any first-start credentials.
      const m = out.includes('Stop with Ctrl+C.') ? /Pipewright is running at (http:\/\/\S+)/.exec(out) : null;
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1].replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout.on('data', look);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${String(code)}) before listening:\n${out}\n${err}`));
    });
  });
  return {
    base,
    pid: child.pid ?? 0,
    output: () => out,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Kills whatever server a test left running. */
export async function killAllServers(): Promise<void> {
  await Promise.all(
    [...children].map(
      (c) =>
        new Promise<void>((resolve) => {
          c.once('exit', () => resolve());
          c.kill('SIGKILL');
        }),
    ),
  );
}

/** Credentials printed by the first start of a server on an empty database. */
export function firstStartCredentials(output: string): { email: string; password: string } {
  const email = /email:\s+(\S+)/.exec(output)?.[1];
  const password = /password:\s+(\S+)/.exec(output)?.[1];
  if (!email || !password) throw new Error(`no first-start credentials in:\n${output}`);
  return { email, password };
}

/** Signs in at `base` and creates an API token for scripts. */
export async function apiToken(base: string, email: string, password: string): Promise<string> {
  const signIn = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (signIn.status !== 200) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const created = await fetch(`${base}/api/v1/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'servers test' }),
  });
  if (created.status !== 201) throw new Error(`token creation failed: ${created.status} ${await created.text()}`);
  return ((await created.json()) as { token: string }).token;
}

/** A deals file of `rows` rows with external ids `<prefix>-<n>`: open, won and lost deals. */
export function dealsCsv(rows: number, prefix: string): string {
  const lines = ['External ID,Deal Name,Amount,Stage,Created,Closed'];
  for (let i = 0; i < rows; i++) {
    const r = (i * 7919) % 10;
    const stage = r < 3 ? 'Won' : r < 5 ? 'Lost' : 'Qualify';
    const closed = r < 5 ? '2025-03-01' : '';
    lines.push(`${prefix}-${i},Deal ${prefix} ${i},${1000 + (i % 500)}.00,${stage},2025-01-15,${closed}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Polls `fn` until `ok`, failing after `ms`. */
export async function eventually<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms: number, what: string): Promise<T> {
  const end = Date.now() + ms;
  let last: T | undefined;
  for (;;) {
    try {
      last = await fn();
      if (ok(last)) return last;
    } catch {
      // a server may be down for a moment; try again
    }
    if (Date.now() > end) throw new Error(`${what}: not reached in ${ms} ms (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
