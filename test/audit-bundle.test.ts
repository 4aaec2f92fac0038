import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAuditExport, verifyAuditBundle } from '../src/cli/actions/audit-bundle.ts';
import type { Io } from '../src/cli/io.ts';
import { verifyBundle } from '../src/domain/audit-bundle.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { GENESIS_HASH } from '../src/domain/event-hash.ts';
import { createApi, type Api } from './helpers/api.ts';
import { appFailure, captureIo } from './helpers/cli-io.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg, createTestUser } from './helpers/factories.ts';

const clock = new ManualClock('2026-01-10T09:00:00.000Z');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipewright-bundle-'));
let deps: TestDeps;
let api: Api;

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  api = await createApi(deps);
});
afterAll(async () => {
  await api.close();
  await deps.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Line {
  kind: string;
  seq?: number;
  id?: number;
  type?: string;
  hash?: string;
  anchor?: { seq: number; hash: string };
  count?: number;
  lastSeq?: number;
  lastHash?: string;
}
const linesOf = (text: string): Line[] =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);

function outIo(): Io & { outs: string[]; code: number } {
  const io = { ...captureIo(), outs: [] as string[], code: 0 };
  io.out = (l: string) => void io.outs.push(l);
  io.setExitCode = (c: number) => void (io.code = c);
  return io;
}

describe('audit bundle', () => {
  it("exports a period's events anchored at the last event before it, verifies offline, and names a tampered event", async () => {
    const org = await createTestOrg(deps);
    const auditor = await createTestUser(deps, org.admin, 'auditor');
    const rep = await createTestUser(deps, org.admin, 'rep');
    for (const u of [org.admin, auditor, rep]) await api.tokenFor(u);
    const account = async (name: string, at: string) => {
      clock.set(at);
      const res = await api.as(org.admin, { method: 'POST', url: '/api/v1/accounts', payload: { name } });
      expect(res.statusCode).toBe(201);
    };
    await account('Before', '2026-01-31T23:00:00.000Z');
    await account('Inside one', '2026-02-03T10:00:00.000Z');
    await account('Inside two', '2026-02-20T10:00:00.000Z');
    await account('After', '2026-03-01T00:00:00.000Z');

    const out = path.join(dir, 'feb.jsonl');
    const io = captureIo();
    await runAuditExport(io, deps, { from: '2026-02-01', to: '2026-03-01', out, org: org.orgId });
    expect(io.errs.at(-1)).toContain('Exported 2 events');
    const text = fs.readFileSync(out, 'utf8');
    const lines = linesOf(text);
    const events = lines.filter((l) => l.kind === 'event');
    expect(events.map((e) => e.type)).toEqual(['account.created', 'account.created']);
    // The anchor is the event before the period (the "Before" account), the period's first links to it.
    const all = await deps.db
      .selectFrom('events')
      .select(['seq', 'hash', 'data'])
      .where('org_id', '=', org.orgId)
      .orderBy('seq')
      .execute();
    const before = all.find((e) => (e.data as { after?: { name?: string } }).after?.name === 'Before');
    expect(lines[0]?.anchor).toEqual({ seq: before?.seq, hash: before?.hash });
    expect(events[0]?.seq).toBe((before?.seq ?? 0) + 1);
    expect(lines.at(-1)).toMatchObject({ kind: 'end', count: 2, lastSeq: events[1]?.seq, lastHash: events[1]?.hash });

    const good = outIo();
    await verifyAuditBundle(good, { bundle: out });
    expect(good.code).toBe(0);
    expect(good.outs[0]).toContain('OK, 2 event(s) verified');

    // One byte changed in the second event's payload: the verifier names that event.
    const second = events[1];
    const tampered = text.replace('"name":"Inside two"', '"name":"Inside twp"');
    expect(tampered).not.toBe(text);
    const badFile = path.join(dir, 'tampered.jsonl');
    fs.writeFileSync(badFile, tampered);
    const bad = outIo();
    await verifyAuditBundle(bad, { bundle: badFile });
    expect(bad.code).toBe(1);
    expect(bad.outs[0]).toContain(`event ${second?.seq} (id ${second?.id})`);
    expect(bad.outs[0]).toContain('was altered');

    // A removed event and a cut end are breaks too.
    const rows = text.trim().split('\n');
    const gap = await verifyBundle([rows[0] ?? '', rows[2] ?? '', rows[3] ?? '']);
    expect(gap.firstBreak?.reason).toBe(`event ${events[0]?.seq} is missing (the next present is ${events[1]?.seq})`);
    const cut = await verifyBundle(rows.slice(0, 3));
    expect(cut.firstBreak?.reason).toContain('cut short');

    // A period before any event is anchored at the genesis hash and holds nothing.
    const empty = path.join(dir, 'empty.jsonl');
    await runAuditExport(captureIo(), deps, { from: '2025-01-01', to: '2025-02-01', out: empty, org: org.orgId });
    const emptyLines = linesOf(fs.readFileSync(empty, 'utf8'));
    expect(emptyLines[0]?.anchor).toEqual({ seq: 0, hash: GENESIS_HASH });
    expect(emptyLines[1]).toMatchObject({ kind: 'end', count: 0, lastSeq: 0 });
    expect((await verifyBundle(fs.readFileSync(empty, 'utf8').split('\n'))).ok).toBe(true);

    // Bad options are named by their flags.
    const problem = await appFailure(
      runAuditExport(captureIo(), deps, { from: '2026-02-30', to: 'soon', out: path.join(dir, 'x'), org: org.orgId }),
    );
    expect(problem.fields?.map((f) => f.field)).toEqual(['--from', '--to']);

    // The API download: auditors and admins, not reps; the file verifies the same.
    const download = await api.as(auditor, {
      method: 'GET',
      url: '/api/v1/audit/bundle?from=2026-02-01&to=2026-03-01T00:00:00Z',
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toContain('application/x-ndjson');
    expect(download.headers['content-disposition']).toContain('pipewright-audit-2026-02-01-2026-03-01.jsonl');
    const report = await verifyBundle(download.body.split('\n'));
    expect(report).toMatchObject({ ok: true, checked: 2 });
    expect(
      (await api.as(rep, { method: 'GET', url: '/api/v1/audit/bundle?from=2026-02-01&to=2026-03-01' })).statusCode,
    ).toBe(403);
    const invalid = await api.as(auditor, { method: 'GET', url: '/api/v1/audit/bundle?from=2026-03-01&to=2026-02-01' });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['to']);
  });
});
