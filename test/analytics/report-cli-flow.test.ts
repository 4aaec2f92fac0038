import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReport } from '../../src/cli/actions/report.ts';
import type { Io } from '../../src/cli/io.ts';
import { ManualClock } from '../../src/domain/deps.ts';
import { AppError } from '../../src/contract/errors.ts';
import { bottlenecksAnalysis } from '../../src/modules/analytics/analyses/bottlenecks.ts';
import { conformanceAnalysis } from '../../src/modules/analytics/analyses/conformance.ts';
import { processMapAnalysis } from '../../src/modules/analytics/analyses/process-map.ts';
import { waterfallAnalysis } from '../../src/modules/analytics/analyses/waterfall.ts';
import { createApi, type Api } from '../helpers/api.ts';
import { createTestDeps, type TestDeps } from '../helpers/db.ts';
import { buildFlowHistory } from '../helpers/deal-history.ts';

const clock = new ManualClock();
let deps: TestDeps;
let api: Api;
let h: Awaited<ReturnType<typeof buildFlowHistory>>;

beforeAll(async () => {
  deps = await createTestDeps({ clock });
  api = await createApi(deps);
  h = await buildFlowHistory(deps, api, clock);
});
afterAll(async () => {
  await api.close();
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

describe('pipewright report (waterfall, process map, conformance, bottlenecks)', () => {
  it('prints the process map, conformance and bottleneck tables', async () => {
    const org = h.admin.orgId;
    const map = capture();
    await runReport(map, deps, processMapAnalysis, { org, pipeline: h.pipeline.id, param: ['variantLimit=2'] });
    const mapOut = map.lines.join('\n');
    expect(mapOut).toContain(`Process map: pipeline "${h.pipeline.name}"`);
    expect(mapOut).toMatch(/^Q +D +4 +3 +1\.0 +1\.0$/m);
    expect(mapOut).toMatch(/^\(2 other variants\) +2 +50\.0%/m);

    const conf = capture();
    await runReport(conf, deps, conformanceAnalysis, { org, pipeline: h.pipeline.id });
    const confOut = conf.lines.join('\n');
    expect(confOut).toContain(
      '4 deals, 3 deviating: 2 skipped stages, 2 backward moves, 2 repeats; mean fitness 0.845',
    );
    expect(confOut).toMatch(/^Charlie +0 +1 +2 +2 +0\.667$/m);

    const flow = capture();
    await runReport(flow, deps, bottlenecksAnalysis, {
      org,
      pipeline: h.pipeline.id,
      from: '2026-03-02',
      to: '2026-03-08',
    });
    const flowOut = flow.lines.join('\n');
    expect(flowOut).toContain('bottleneck: D');
    expect(flowOut).toMatch(/^D +4\.0 +2\.0 +1\.09 +1\.14 +-0\.05 +1 +2\.0 +1$/m);
  });

  it('prints the waterfall bars', async () => {
    // No amounts here, so only counts move. In at 03-03 00:00 (day 0.625): Alpha, Bravo (both in Q).
    // In at 03-08 00:00 (day 5.625): Alpha (N), Charlie (D); Bravo lost; Delta, created in the range, is won then.
    const out = capture();
    await runReport(out, deps, waterfallAnalysis, {
      org: h.admin.orgId,
      pipeline: h.pipeline.id,
      from: '2026-03-03',
      to: '2026-03-07',
    });
    const text = out.lines.join('\n');
    expect(text).toMatch(/^Start +0\.00 +2$/m);
    expect(text).toMatch(/^Created +0\.00 +1$/m);
    expect(text).toMatch(/^Lost +0\.00 +1$/m);
    expect(text).toMatch(/^End +0\.00 +2$/m);
  });

  it('names the missing date options of a waterfall', async () => {
    const err = await runReport(capture(), deps, waterfallAnalysis, {
      org: h.admin.orgId,
      pipeline: h.pipeline.id,
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).fields?.map((f) => f.field)).toEqual(['--from', '--to']);
  });
});
