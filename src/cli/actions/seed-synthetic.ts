import fs from 'node:fs';
import { z } from 'zod';
import { unstorableText } from '../../contract/common.ts';
import { AppError } from '../../contract/errors.ts';
import { passwordSchema } from '../../contract/users.ts';
import { paramsReport, seedSynthetic } from '../../modules/synthetic/seed-synthetic.ts';
import {
  defaultSyntheticParams,
  syntheticParamsSchema,
  type SyntheticParams,
} from '../../modules/synthetic/synthetic-params.ts';
import { withDeps } from '../context.ts';
import { parseInput, type OptionNames } from '../input.ts';
import type { Io } from '../io.ts';
import { progressLine } from '../progress.ts';
import { keepHeapNearLiveSize } from '../bulk-memory.ts';

const syntheticInput = z.strictObject({
  deals: z.number().int().min(1, 'must be between 1 and 100000000').max(100_000_000, 'must be between 1 and 100000000'),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  months: z.number().int().min(1, 'must be between 1 and 60').max(60, 'must be between 1 and 60'),
  name: z.string().trim().min(1, 'must not be empty').max(200),
  password: passwordSchema,
  end: z.iso.date('must be a date (YYYY-MM-DD)').optional(),
  params: z.string().optional(),
  paramsOut: z.string().optional(),
});
const optionNames: OptionNames = {
  deals: '--deals',
  seed: '--seed',
  months: '--months',
  name: '--name',
  password: '--password',
  end: '--end',
  params: '--params',
  paramsOut: '--params-out',
};

export interface SeedSyntheticOptions {
  deals: number;
  seed: number;
  months: number;
  name: string;
  password: string;
  end?: string;
  params?: string;
  paramsOut?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Objects merge key by key; anything else (arrays included, such as a pipeline's stages) replaces. */
function deepMerge(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = deepMerge(base[k], v);
  return out;
}

/** Reads --params: a JSON file of parameters; the fields it leaves out keep their defaults. */
export function readParams(file: string | undefined): SyntheticParams {
  if (!file) return defaultSyntheticParams;
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new AppError('validation_failed', `--params ${file}: ${(err as Error).message}`);
  }
  // A file written by --params-out carries the parameters under "params".
  const given = raw && typeof raw === 'object' && 'params' in raw ? raw.params : raw;
  const merged = deepMerge(defaultSyntheticParams, given);
  const r = syntheticParamsSchema.safeParse(merged);
  const problems = [
    ...unstorableText(merged),
    ...(r.success ? [] : r.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }))),
  ];
  if (!r.success || problems.length > 0) {
    throw new AppError('validation_failed', `--params ${file} is not valid`, {
      fields: problems.map((p) => ({ ...p, field: `--params ${p.field}` })),
    });
  }
  return r.data;
}

const n = (x: number) => x.toLocaleString('en-US');

export async function seedSyntheticCommand(io: Io, opts: SeedSyntheticOptions): Promise<void> {
  keepHeapNearLiveSize();
  const input = parseInput(syntheticInput, opts, optionNames);
  const params = readParams(input.params);
  await withDeps(async (deps, config) => {
    io.err(`Generating "${input.name}": ${n(input.deals)} deals over ${input.months} months (seed ${input.seed})…`);
    const line = progressLine(io);
    const started = Date.now();
    const { end, ...rest } = input;
    const options = { ...rest, params, ...(end ? { end: new Date(`${end}T00:00:00Z`) } : {}) };
    const result = await seedSynthetic(deps, {
      ...options,
      onProgress: (p) => {
        const s = (Date.now() - started) / 1000;
        const rate = p.deals / Math.max(s, 0.001);
        const eta = rate > 0 ? Math.round((input.deals - p.deals) / rate) : 0;
        line.update(
          `  ${n(p.deals)}/${n(input.deals)} deals (${Math.round((p.deals / input.deals) * 100)} %), ${n(p.events)} events, ${n(Math.round(rate))} deals/s, about ${eta} s left`,
        );
      },
    });
    line.done();
    const c = result.counts;
    io.err(
      `Done in ${Math.round((Date.now() - started) / 1000)} s: ${n(c.deals)} deals (${n(c.won)} won, ${n(c.lost)} lost), ${n(c.accounts)} accounts, ${n(c.contacts)} contacts (${n(c.consumers)} consumers), ` +
        `${n(c.leads)} leads (${n(c.convertedLeads)} converted), ${n(c.prospectingCalls + c.dealCalls)} calls, ${n(c.meetings)} meetings, ${n(c.objections)} objections; ${n(c.events)} events.`,
    );
    const ch = result.channel;
    const a = result.agents;
    const injected = Object.entries(result.anomalies)
      .map(([k, v]) => `${n(v.subjects.length)} ${k}`)
      .join(', ');
    io.err(
      `Channel: ${n(ch.partners)} partners, ${n(ch.registrations)} registrations (${n(ch.byStatus.approved)} approved, ${n(ch.byStatus.expired)} expired, ${n(ch.byStatus.rejected)} rejected, ${n(ch.byStatus.pending)} pending), ${n(ch.conflicts)} conflicts, ${n(ch.leadOffers.offered)} leads offered to partners. ` +
        `Agents on ${n(a.bySide.buyer.deals)} deals' buyer side and ${n(a.bySide.seller.deals)} deals' seller side. Anomalies injected: ${injected || 'none'}.`,
    );
    if (input.paramsOut) {
      fs.writeFileSync(input.paramsOut, `${JSON.stringify(paramsReport(options, result), null, 2)}\n`);
      io.err(`Generating parameters written to ${input.paramsOut}.`);
    }
    io.out(
      `Organization "${result.organizationName}" (${result.start.slice(0, 10)} to ${result.end.slice(0, 10)}) is ready. Sign in at http://localhost:${config.port} as one of these users, password "${result.password}":`,
    );
    for (const u of result.users) io.out(`  ${u.email.padEnd(40)} ${u.role.padEnd(13)} ${u.name}`);
  });
}
