import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { webhookEventPayloadSchema, type WebhookWithSecretDto } from '../src/contract/webhooks.ts';
import { startReceiver, type Receiver } from './helpers/webhook-receiver.ts';

/**
 * A real server process (`pipewright serve`) delivering webhooks is killed with SIGKILL in the
 * middle of a delivery, then started again on the same data: every event arrives, in log order,
 * and only the last few deliveries before the kill come again.
 */
const BIN = fileURLToPath(new URL('../bin/pipewright.mjs', import.meta.url));
const adminUrl = inject('pgAdminUrl');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pipewright-webhook-crash-'));
let target: Record<string, string>;
let dropDatabase: (() => Promise<void>) | null = null;
let receiver: Receiver;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  receiver = await startReceiver();
  if (adminUrl) {
    const db = `pw_crash_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${db}`);
    await admin.end();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      await c.end();
    };
    const u = new URL(adminUrl);
    u.pathname = `/${db}`;
    target = { DATABASE_URL: u.toString() };
  } else {
    const dir = path.join(work, 'data');
    fs.cpSync(inject('pgliteTemplate'), dir, { recursive: true });
    target = { PIPEWRIGHT_DATA_DIR: dir };
  }
});

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  await receiver.close();
  await dropDatabase?.();
  fs.rmSync(work, { recursive: true, force: true });
});

/** Starts `pipewright serve` and resolves with its address and what it printed once it listens. */
async function serve(): Promise<{ child: ChildProcess; url: string; stdout: string }> {
  const env: NodeJS.ProcessEnv = {
    // eslint-disable-next-line no-restricted-properties -- the child inherits PATH and the like, with our settings on top
    ...process.env,
    ...target,
    PORT: '0',
    PIPEWRIGHT_LOG_LEVEL: 'warn',
    PIPEWRIGHT_WEBHOOK_ALLOW_PRIVATE: 'true',
    // A short timeout keeps the lease of the killed server short (timeout + 5 s).
    PIPEWRIGHT_WEBHOOK_TIMEOUT_SECONDS: '2',
  };
  if (!target.DATABASE_URL) delete env.DATABASE_URL;
  const child = spawn(process.execPath, [BIN, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${stdout}\n${stderr}`)), 90_000);
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
  if (!url) throw new Error(`no address in:\n${stdout}`);
  return { child, url, stdout };
}

describe('webhook delivery across a crash', () => {
  it('resumes from the cursor after kill -9 during delivery: nothing lost, in order, only the last few sent twice', async () => {
    const first = await serve();
    const password = /password: (\S+)/.exec(first.stdout)?.[1];
    const signIn = await fetch(`${first.url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.com', password }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const post = (url: string, body: unknown) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify(body),
      });

    const created = await post(`${first.url}/api/v1/webhooks`, { url: receiver.url, eventTypes: ['account.*'] });
    expect(created.status).toBe(201);
    const endpoint = (await created.json()) as WebhookWithSecretDto;
    // Each delivery takes a while, so the kill lands while one is in flight.
    receiver.answer = () => ({ status: 204, delayMs: 100 });
    const n = 30;
    for (let i = 0; i < n; i++)
      expect((await post(`${first.url}/api/v1/accounts`, { name: `A${i}` })).status).toBe(201);

    await receiver.waitFor(5, 60_000);
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    // The request in flight at the kill is still answered (to nobody) after the receiver's delay.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const beforeRestart = receiver.received.length;
    expect(beforeRestart).toBeLessThan(n);

    const second = await serve();
    receiver.answer = () => ({ status: 204 });
    const distinct = () => new Set(receiver.received.map((r) => r.headers['webhook-id'])).size;
    for (let waited = 0; distinct() < n && waited < 90_000; waited += 200) await new Promise((r) => setTimeout(r, 200));
    second.child.kill('SIGTERM');

    const seqs = receiver.received.map((r) => webhookEventPayloadSchema.parse(JSON.parse(r.body)).data.seq);
    const firstSeen = [...new Set(seqs)];
    expect(firstSeen).toHaveLength(n);
    expect(firstSeen).toEqual([...firstSeen].sort((a, b) => a - b));
    // Before the kill and after the restart, each in log order; the restart goes on from the
    // cursor, so what comes twice is the end of the first run: the delivery in flight and the
    // successes whose record was being written (a few at 100 ms per delivery).
    const before = seqs.slice(0, beforeRestart);
    const after = seqs.slice(beforeRestart);
    expect(before).toEqual([...before].sort((a, b) => a - b));
    expect(after).toEqual([...after].sort((a, b) => a - b));
    const again = after.filter((seq) => before.includes(seq));
    expect(again).toEqual(before.slice(before.length - again.length));
    expect(again.length).toBeLessThanOrEqual(5);
    expect(endpoint.eventTypes).toEqual(['account.*']);
  }, 240_000);
});
