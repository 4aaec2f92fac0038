import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEventExport } from '../src/cli/actions/events.ts';
import { ManualClock } from '../src/domain/deps.ts';
import { createTestDeps, type TestDeps } from './helpers/db.ts';
import { createTestOrg } from './helpers/factories.ts';
import { analyticsPipeline, dealPath } from './analytics/history.ts';
import { parseXml } from './helpers/xml.ts';
import { appFailure, captureIo } from './helpers/cli-io.ts';

const clock = new ManualClock('2026-03-02T09:00:00.000Z');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipewright-export-'));
let deps: TestDeps;

beforeAll(async () => {
  deps = await createTestDeps({ clock });
});
afterAll(async () => {
  await deps.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('pipewright events export', () => {
  it('writes the XES of the named pipeline to a file as the operator, and names bad options', async () => {
    const { orgId, admin } = await createTestOrg(deps);
    const p = await analyticsPipeline(deps, admin);
    const other = await analyticsPipeline(deps, admin);
    const deal = await dealPath(deps, clock, admin, p, {
      steps: [
        { after: 1, stage: 'Discovery' },
        { after: 1, stage: 'Lost' },
      ],
    });
    await dealPath(deps, clock, admin, other, {});
    const out = path.join(dir, 'log.xes');
    const io = captureIo();
    await runEventExport(io, deps, { format: 'xes', out, org: orgId, pipeline: p.name });
    expect(io.errs.at(-1)).toContain(`Exported 4 events`);
    const traces = parseXml(fs.readFileSync(out, 'utf8')).children.filter((c) => c.name === 'trace');
    expect(traces.map((t) => t.children.find((c) => c.attrs.key === 'concept:name')?.attrs.value)).toEqual([deal.id]);
    expect(fs.existsSync(`${out}.partial`)).toBe(false);

    // An existing file is kept unless --force; bad values are named by their options.
    expect((await appFailure(runEventExport(captureIo(), deps, { format: 'xes', out, org: orgId }))).message).toContain(
      '--force',
    );
    const bad = await appFailure(
      runEventExport(captureIo(), deps, { format: 'csv', from: '2026-02-30', out: path.join(dir, 'x'), org: orgId }),
    );
    expect(bad.fields?.map((f) => f.field)).toEqual(['--format', '--from']);
    const unknown = await appFailure(
      runEventExport(captureIo(), deps, { format: 'ocel', out: path.join(dir, 'y'), org: orgId, pipeline: 'nope' }),
    );
    expect(unknown.fields?.map((f) => f.field)).toEqual(['--pipeline']);
    await runEventExport(captureIo(), deps, { format: 'ocel', out, force: true, org: orgId });
    const doc = JSON.parse(fs.readFileSync(out, 'utf8')) as { events: unknown[] };
    expect(doc.events).toHaveLength(5);
  });
});
