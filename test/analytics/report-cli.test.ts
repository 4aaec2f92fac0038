import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReport } from '../../src/cli/actions/report.ts';
import type { Io } from '../../src/cli/io.ts';
import { ManualClock } from '../../src/domain/deps.ts';
import { AppError } from '../../src/contract/errors.ts';
import { funnelAnalysis, type FunnelReport } from '../../src/modules/analytics/analyses/funnel.ts';
import { analyses, findAnalysis } from '../../src/modules/analytics/registry.ts';
import { createTestDeps, type TestDeps } from '../helpers/db.ts';
import { createTestOrg } from '../helpers/factories.ts';
import { analyticsPipeline, dealPath } from './history.ts';

const BIN = fileURLToPath(new URL('../../bin/pipewright.mjs', import.meta.url));
/** Building history through the services takes a while on a busy machine; this is a limit, not a timing. */
const SLOW_MS = 120_000;
const clock = new ManualClock('2026-03-02T09:00:00.000Z');
let deps: TestDeps;

beforeAll(async () => {
  deps = await createTestDeps({ clock });
});
afterAll(async () => {
  await deps.cleanup();
});

function capture(): Io & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    out: (l) => lines.push(l),
    err: () => undefined,
    status: () => undefined,
    interactive: false,
    setExitCode: () => undefined,
  };
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

describe('pipewright report', () => {
  it(
    'runs an analysis as the operator, with the pipeline named, as JSON or as tables',
    async () => {
      const { orgId, admin } = await createTestOrg(deps);
      const p = await analyticsPipeline(deps, admin);
      await dealPath(deps, clock, admin, p, {
        amount: '10.00',
        steps: [
          { after: 1, stage: 'Discovery' },
          { after: 1, stage: 'Won' },
        ],
      });
      await dealPath(deps, clock, admin, p, { amount: '30.00', steps: [{ after: 1, stage: 'Lost' }] });

      const json = capture();
      await runReport(json, deps, funnelAnalysis, { org: orgId, pipeline: p.name.toUpperCase(), json: true });
      const r = JSON.parse(json.lines.join('\n')) as FunnelReport;
      // One won (Q → D → Won), one lost (Q → Lost): win rate 1/2 by count, 10/40 by value.
      expect([r.pipeline.id, r.deals, r.won, r.lost, r.winRate, r.byCurrency[0]?.winRateByValue]).toEqual([
        p.id,
        2,
        1,
        1,
        0.5,
        0.25,
      ]);

      const text = capture();
      await runReport(text, deps, funnelAnalysis, { org: orgId, pipeline: p.id, from: '2026-03-01' });
      const out = text.lines.join('\n');
      expect(out).toContain(`Funnel: pipeline "${p.name}", 2026-03-01 to …`);
      expect(out).toMatch(/^Qualify +2 +1 +0 +50\.0%/m);
      expect(out).toContain('win rate 50.0% by count');

      // Every analysis of the registry renders its tables; parameters go through --param. The
      // waterfall and the Monte Carlo forecast need a period, so every analysis gets one. Each
      // names the pipeline it ran on, but the marketing and calling analyses, which span pipelines.
      const acrossPipelines: Record<string, RegExp> = {
        attribution: /^Attribution as of /,
        'campaign-funnel': /^Campaign funnel as of /,
        'quota-attainment': /^Quota attainment \d{4}-Q[1-4] /,
        'mql-handoff': /^MQL → SQL by lead owner/,
        // the calling analyses follow the callers, whatever pipeline their deals are in
        'calling-funnel': /^Calling funnel, 2026-01-01 to 2099-12-31; conversation ≥ 60 s/,
        objections: /^Objections raised: \d+/,
        'script-experiment': /^Pitch-script experiment: meetings booked per connected call/,
        'speed-to-lead': /^Speed to lead.*SLA target \d+ min/,
      };
      for (const a of analyses) {
        const io = capture();
        await runReport(io, deps, a, { org: orgId, pipeline: p.id, from: '2026-01-01', to: '2099-12-31' });
        expect(io.lines.join('\n'), a.name).toMatch(acrossPipelines[a.name] ?? /pipeline "/);
      }
      const forecast = findAnalysis('forecast');
      if (!forecast) throw new Error('no forecast analysis');
      const quarterly = capture();
      await runReport(quarterly, deps, forecast, { org: orgId, pipeline: p.id, json: true, param: ['period=quarter'] });
      expect((JSON.parse(quarterly.lines.join('\n')) as { period: string }).period).toBe('quarter');
    },
    SLOW_MS,
  );

  it('names the options at fault', async () => {
    const { orgId } = await createTestOrg(deps);
    const bad = await failure(
      runReport(capture(), deps, funnelAnalysis, {
        org: orgId,
        from: '2026-02-30',
        segment: 'retail',
        param: ['depth=3'],
      }),
    );
    expect(bad.fields).toEqual([{ field: '--param depth', message: 'is not a parameter of funnel (it takes none)' }]);
    const bad2 = await failure(
      runReport(capture(), deps, funnelAnalysis, { org: orgId, from: '2026-02-30', segment: 'retail' }),
    );
    expect(bad2.fields?.map((f) => f.field)).toEqual(['--from', '--segment']);
    const noPipeline = await failure(
      runReport(capture(), deps, funnelAnalysis, { org: orgId, pipeline: 'No such pipeline' }),
    );
    expect(noPipeline.fields).toEqual([
      { field: '--pipeline', message: 'no pipeline "No such pipeline" in this organization' },
    ]);
  });

  it('lists the analyses and refuses an unknown one, without opening a database', async () => {
    // eslint-disable-next-line no-restricted-properties -- the child needs PATH to find node's helpers
    const env = { PATH: process.env.PATH ?? '', PIPEWRIGHT_DATA_DIR: '/nonexistent/pipewright-data' };
    const run = (...args: string[]) =>
      promisify(execFile)(process.execPath, [BIN, ...args], { env, encoding: 'utf8' }).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
    const [list, unknown] = await Promise.all([run('report', '--list'), run('report', 'nope')]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^funnel +- +Funnel:/m);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('name: no analysis "nope"; the analyses are: funnel');
  }, 120_000);
});
