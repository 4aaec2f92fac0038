import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../src/db/database.ts';

/** The real CLI in child processes, against a temporary data directory (or a fresh PostgreSQL database). */
const BIN = fileURLToPath(new URL('../bin/pipewright.mjs', import.meta.url));
const adminUrl = inject('pgAdminUrl');
const children = new Set<ChildProcess>();
const cleanups: (() => Promise<void>)[] = [];
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pipewright-cli-test-'));

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A place for data: a copy of the migrated test template, or a new empty database on the server. */
async function freshTarget(name: string): Promise<Record<string, string>> {
  if (adminUrl) {
    const db = `pw_cli_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${db}`);
    await admin.end();
    cleanups.push(async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      await c.end();
    });
    const u = new URL(adminUrl);
    u.pathname = `/${db}`;
    return { DATABASE_URL: u.toString() };
  }
  const dir = path.join(work, name);
  // Copying the template skips initialising a cluster, which takes seconds.
  fs.cpSync(inject('pgliteTemplate'), dir, { recursive: true });
  return { PIPEWRIGHT_DATA_DIR: dir };
}

/**
 * Each command is a new Node process that loads the TypeScript sources: a few seconds on an idle
 * machine, many times that on a busy one. These tests check behaviour, not speed, so they wait long.
 */
const SPAWNS_TIMEOUT = 300_000;

function childEnv(target: Record<string, string>, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // eslint-disable-next-line no-restricted-properties -- the child inherits PATH and the like, with our settings on top
  const env: NodeJS.ProcessEnv = { ...process.env, PIPEWRIGHT_LOG_LEVEL: 'warn', ...target, ...extra };
  if (!target.DATABASE_URL) delete env.DATABASE_URL;
  return env;
}

function start(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

function run(target: Record<string, string>, ...args: string[]): Promise<Result> {
  const child = start(args, childEnv(target));
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** Row counts per table from the progress lines of backup or restore. */
function tableCounts(stderr: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of stderr.matchAll(/^ {2}(\w+) +(\d+) rows$/gm)) counts[m[1] ?? ''] = Number(m[2]);
  return counts;
}

let main: Record<string, string>;

beforeAll(async () => {
  main = await freshTarget('main');
});

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  for (const c of cleanups) await c();
  fs.rmSync(work, { recursive: true, force: true });
});

// Independent of each other (own data or read-only), so they run side by side: most of the time is
// process start-up.
describe.concurrent('pipewright CLI', () => {
  it(
    'prints help for the program and every command',
    async () => {
      const top = await run(main, '--help');
      expect(top.code).toBe(0);
      for (const c of ['serve', 'migrate', 'org', 'user', 'token', 'audit', 'backup', 'restore', 'seed', 'export'])
        expect(top.stdout).toContain(c);
      const sub = await run(main, 'org', 'create', '--help');
      expect(sub.code).toBe(0);
      expect(sub.stdout).toMatch(/--fiscal-year-start <month>/);
      const exp = await run(main, 'export', '--help');
      expect(exp.stdout).toMatch(/--pipeline <value> +the list filter pipelineId \(deals\)/);
    },
    SPAWNS_TIMEOUT,
  );

  it('generates a synthetic organization whose audit chain verifies, and writes its parameters', async () => {
    const target = await freshTarget('synthetic');
    const paramsOut = path.join(work, 'synthetic-truth.json');
    const seeded = await run(
      target,
      'seed',
      'synthetic',
      '--deals',
      '120',
      '--months',
      '3',
      '--seed',
      '9',
      '--name',
      'Synth CLI',
      '--end',
      '2026-05-01',
      '--params-out',
      paramsOut,
    );
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(seeded.stderr).toMatch(/^Done in \d+ s: 120 deals/m);
    expect(seeded.stderr).toMatch(/^Channel: 15 partners, \d+ registrations \(/m);
    expect(seeded.stdout).toMatch(/admin@synth-cli\.example +admin/);
    const truth = JSON.parse(fs.readFileSync(paramsOut, 'utf8')) as {
      seed: number;
      params: { calls: { success: number } };
      counts: { deals: number };
      end: string;
      anomalies: Record<string, { rate: number; subjects: unknown[] }>;
    };
    expect(truth).toMatchObject({
      seed: 9,
      params: { calls: { success: 0.12 } },
      counts: { deals: 120 },
      end: '2026-05-01T00:00:00.000Z',
    });
    expect(Object.keys(truth.anomalies)).toEqual(
      expect.arrayContaining(['registration_hoarding', 'duplicate_registration', 'dual_agency_unconsented']),
    );
    const verified = await run(target, 'audit', 'verify', '--org', 'Synth CLI');
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/Audit chain of "Synth CLI": OK, \d+ event\(s\) verified/);
    const bad = await run(target, 'seed', 'synthetic', '--deals', '0', '--months', '99', '--end', 'soon');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^ {2}--deals: must be between 1 and 100000000$/m);
    expect(bad.stderr).toMatch(/^ {2}--months: must be between 1 and 60$/m);
    expect(bad.stderr).toMatch(/^ {2}--end: must be a date \(YYYY-MM-DD\)$/m);
  }, 240_000);

  it(
    'rejects bad input with a non-zero exit and one line per problem',
    async () => {
      const missing = await run(main, 'org', 'create', '--name', 'X');
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/^error: required option '--email <email>' not specified/m);
      const unknown = await run(main, 'frobnicate');
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toMatch(/error: unknown command 'frobnicate'/);
      const invalid = await run(
        main,
        'org',
        'create',
        '--name',
        'X',
        '--email',
        'not-an-email',
        '--admin-name',
        'A',
        '--currency',
        'euro',
      );
      expect(invalid.code).toBe(1);
      expect(invalid.stderr).toMatch(/^error: invalid input$/m);
      expect(invalid.stderr).toMatch(/^ {2}--email: must be an email address$/m);
      expect(invalid.stderr).toMatch(/^ {2}--currency: must be a three-letter ISO 4217 code/m);
      const seed = await run(main, 'seed', 'demo', '--months', '99', '--password', 'short');
      expect(seed.code).toBe(1);
      expect(seed.stderr).toMatch(/^ {2}--months: must be between 1 and 36$/m);
      expect(seed.stderr).toMatch(/^ {2}--password: must be at least 10 characters$/m);
      const config = await run({ ...main, PORT: 'eighty' }, 'org', 'list');
      expect(config.code).toBe(1);
      expect(config.stderr).toMatch(/^error: invalid configuration/m);
    },
    SPAWNS_TIMEOUT,
  );

  it(
    'creates organizations, users and tokens, verifies the audit trail, backs up and restores',
    async () => {
      const acme = await run(
        main,
        'org',
        'create',
        '--name',
        'Acme',
        '--email',
        'ada@acme.test',
        '--admin-name',
        'Ada Admin',
        '--password',
        'correct horse battery',
        '--currency',
        'EUR',
        '--timezone',
        'Europe/Berlin',
      );
      expect(acme.stderr).toBe('');
      expect(acme.code).toBe(0);
      expect(acme.stdout).toMatch(/Created organization "Acme"/);
      expect(
        (await run(main, 'org', 'create', '--name', 'Beta', '--email', 'bo@beta.test', '--admin-name', 'Bo')).stdout,
      ).toMatch(/password: +\S{16}/);

      const ambiguous = await run(
        main,
        'user',
        'create',
        '--email',
        'rep@acme.test',
        '--name',
        'Rae Rep',
        '--role',
        'rep',
      );
      expect(ambiguous.code).toBe(1);
      expect(ambiguous.stderr).toMatch(/There are 2 organizations; name one with --org .*"Acme".*"Beta"/);
      const user = await run(
        main,
        'user',
        'create',
        '--org',
        'acme',
        '--email',
        'rep@acme.test',
        '--name',
        'Rae Rep',
        '--role',
        'rep',
      );
      expect(user.code).toBe(0);
      expect(user.stdout).toMatch(/Created user rep@acme.test \(rep\) in "Acme"/);
      expect(user.stdout).toMatch(/password: \S{16}/);
      const badRole = await run(
        main,
        'user',
        'create',
        '--org',
        'Acme',
        '--email',
        'x@acme.test',
        '--name',
        'X',
        '--role',
        'boss',
      );
      expect(badRole.code).toBe(1);
      expect(badRole.stderr).toMatch(/^ {2}--role: /m);

      const token = await run(
        main,
        'token',
        'create',
        '--org',
        'Acme',
        '--email',
        'rep@acme.test',
        '--name',
        'CI',
        '--expires-days',
        '30',
      );
      expect(token.code).toBe(0);
      expect(token.stdout.trim()).toMatch(/^pw_[0-9a-f]{32}_\S+$/);
      expect(token.stderr).toMatch(/shown only this once/);

      const verified = await run(main, 'audit', 'verify', '--org', 'Acme');
      expect(verified.code).toBe(0);
      // organization.created, user.created (admin), pipeline.created (starter), user.created (rep), api_token.created
      expect(verified.stdout).toMatch(/Audit chain of "Acme": OK, 5 event\(s\) verified/);

      const file = path.join(work, 'acme.pwbackup.gz');
      const backup = await run(main, 'backup', file);
      expect(backup.code).toBe(0);
      const backedUp = tableCounts(backup.stderr);
      expect(backedUp).toMatchObject({
        organizations: 2,
        users: 3,
        api_tokens: 1,
        events: 8,
        pipelines: 2,
        stages: 12,
      });

      const copy = await freshTarget('restored');
      const restore = await run(copy, 'restore', file);
      expect(restore.code).toBe(0);
      expect(tableCounts(restore.stderr)).toEqual(backedUp);
      expect(restore.stdout).toMatch(/Audit chain of "Acme": OK, 5 event/);
      expect(restore.stdout).toMatch(/Audit chain of "Beta": OK, 3 event/);

      // Edit an event behind Pipewright's back: verification must fail, naming the event.
      const database = await openDatabase({ databaseUrl: copy.DATABASE_URL, dataDir: copy.PIPEWRIGHT_DATA_DIR ?? '' });
      await database.query(
        `update events set data = '{"tampered":true}' where seq = 3 and org_id = (select id from organizations where name = 'Acme')`,
      );
      await database.close();
      const broken = await run(copy, 'audit', 'verify', '--org', 'Acme');
      expect(broken.code).toBe(1);
      expect(broken.stdout).toMatch(/Audit chain of "Acme": BROKEN at event 3 .*altered/);
    },
    SPAWNS_TIMEOUT,
  );

  it(
    'serve: first start creates an admin, prints how to sign in, answers /healthz and stops on SIGTERM',
    async () => {
      const target = await freshTarget('serve');
      const child = start(['serve'], childEnv(target, { PORT: '0' }));
      let stdout = '';
      let stderr = '';
      child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`serve did not start:\n${stdout}\n${stderr}`)), 120_000);
        child.stdout?.on('data', (d: Buffer) => {
          stdout += d.toString();
          if (stdout.includes('Stop with Ctrl+C')) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.on('exit', () => reject(new Error(`serve exited:\n${stdout}\n${stderr}`)));
      });
      const url = /running at (http:\/\/\S+)/.exec(stdout)?.[1];
      const password = /password: (\S+)/.exec(stdout)?.[1];
      expect(stdout).toMatch(/created the organization "My Organization"/);
      expect(stdout).toMatch(/email: +admin@example\.com/);
      expect(stdout).toMatch(
        adminUrl ? /database: PostgreSQL server at/ : /database: embedded PostgreSQL \(PGlite\) in/,
      );
      expect(url).toBeDefined();
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
      const signIn = await fetch(`${url}/api/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@example.com', password }),
      });
      expect(signIn.status).toBe(200);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    },
    SPAWNS_TIMEOUT,
  );
});
