import fs from 'node:fs';
import { AppError } from '../../contract/errors.ts';
import { backtestRequestSchema } from '../../contract/routing.ts';
import { runBacktest } from '../../modules/routing/backtest.service.ts';
import { withDeps } from '../context.ts';
import { parseInput } from '../input.ts';
import type { Io } from '../io.ts';
import { operatorActor } from '../operator.ts';
import { resolveOrganization } from '../organization.ts';
import { formatTable } from '../table.ts';

export interface BacktestOptions {
  days: string;
  candidate?: string;
  org?: string;
  json?: boolean;
}

function readCandidate(file: string | undefined): unknown {
  if (file === undefined) return undefined;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  } catch (err) {
    throw new AppError('validation_failed', `--candidate ${file}: ${(err as Error).message}`);
  }
}

export async function backtestCommand(io: Io, opts: BacktestOptions): Promise<void> {
  const candidate = readCandidate(opts.candidate);
  const request = parseInput(
    backtestRequestSchema,
    { days: Number(opts.days), ...(candidate === undefined ? {} : { candidate }) },
    { days: '--days' },
  );
  await withDeps(async (deps) => {
    const org = await resolveOrganization(deps, opts.org);
    const r = await runBacktest(deps, operatorActor(org.id), request);
    if (opts.json) {
      io.out(JSON.stringify(r, null, 2));
      return;
    }
    io.out(
      `Backtest of ${r.leads} leads from ${r.from} to ${r.to}: ${r.changed} would change hands, ${r.unrouted} unrouted`,
    );
    io.out(
      `By rule: account owner ${r.byRule.account_owner}, territory ${r.byRule.territory}, pool ${r.byRule.pool}, none ${r.byRule.none}`,
    );
    for (const line of formatTable(
      ['REP', 'ACTUAL', 'PREDICTED', 'ACTUAL VALUE', 'PREDICTED VALUE'],
      r.reps.map((x) => [
        x.name,
        String(x.actual),
        String(x.predicted),
        x.actualValue.toFixed(2),
        x.predictedValue.toFixed(2),
      ]),
    ))
      io.out(line);
    io.out(`Spread of counts: actual ${r.fairness.actualSpread}, predicted ${r.fairness.predictedSpread}`);
  });
}
