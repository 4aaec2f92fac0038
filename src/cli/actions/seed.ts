import { z } from 'zod';
import { seedDemo } from '../../modules/demo/seed-demo.ts';
import { passwordSchema } from '../../contract/users.ts';
import { withDeps } from '../context.ts';
import { parseInput, type OptionNames } from '../input.ts';
import type { Io } from '../io.ts';
import { progressLine } from '../progress.ts';

const seedInput = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(200),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  months: z.number().int().min(1, 'must be between 1 and 36').max(36, 'must be between 1 and 36'),
  password: passwordSchema,
});
const optionNames: OptionNames = { name: '--name', seed: '--seed', months: '--months', password: '--password' };

export interface SeedDemoOptions {
  name: string;
  seed: number;
  months: number;
  password: string;
}

export async function seedDemoCommand(io: Io, opts: SeedDemoOptions): Promise<void> {
  const input = parseInput(seedInput, opts, optionNames);
  await withDeps(async (deps, config) => {
    io.err(`Loading the demo organization "${input.name}" (${input.months} months of history)…`);
    const line = progressLine(io);
    const started = Date.now();
    const result = await seedDemo(deps, {
      ...input,
      onProgress: (done, total) => {
        const elapsed = (Date.now() - started) / 1000;
        const eta = done > 0 ? Math.round((elapsed / done) * (total - done)) : 0;
        line.update(`  ${done}/${total} steps (${Math.round((done / total) * 100)} %), about ${eta} s left`);
      },
    });
    line.done();
    const c = result.counts;
    io.err(
      `Done in ${Math.round((Date.now() - started) / 1000)} s: ${c.deals} deals (${c.won} won, ${c.lost} lost), ${c.leads} leads (${c.converted} converted), ${c.calls} calls, ${c.meetings} meetings, ${c.objections} calls with objections.`,
    );
    io.out(
      `Demo organization "${result.organizationName}" is ready. Sign in at http://localhost:${config.port} with any of these users, password "${result.password}":`,
    );
    for (const u of result.users) io.out(`  ${u.email.padEnd(36)} ${u.role.padEnd(13)} ${u.name}`);
  });
}
