import type { Command } from 'commander';
import type { SeedDemoOptions } from '../actions/seed.ts';
import type { SeedSyntheticOptions } from '../actions/seed-synthetic.ts';
import { wholeNumber } from '../input.ts';
import type { Io } from '../io.ts';

export function registerSeed(program: Command, io: Io): void {
  const seed = program.command('seed').description('Load data');
  seed
    .command('demo')
    .description(
      'Create a demo organization with a year of sales work (≈50 accounts, 200 contacts incl. B2C consumers, 300 deals in 3 pipelines, calls, meetings, objections), built through the services so its event log and audit chain are real',
    )
    .option('--name <name>', 'organization name', 'Northwind Demo')
    .option('--seed <number>', 'random seed: the same seed gives the same data', wholeNumber, 2026)
    .option('--months <months>', 'months of history (1-36)', wholeNumber, 12)
    .option('--password <password>', 'password of every demo user (at least 10 characters)', 'demo-password')
    .action(async (opts: SeedDemoOptions) => (await import('../actions/seed.ts')).seedDemoCommand(io, opts));
  seed
    .command('synthetic')
    .description(
      'Generate a large realistic organization (teams, users, B2B accounts, B2C consumers, leads, deals in 3 pipelines, calls, meetings, objections, partner deals) from a seed, written with COPY; its events, stage history and audit chain are those the services would write',
    )
    .requiredOption('--deals <n>', 'number of deals to generate', wholeNumber)
    .option('--seed <number>', 'random seed: the same seed (and --end) gives the same data', wholeNumber, 1)
    .option('--months <months>', 'months of history (1-60)', wholeNumber, 12)
    .option('--name <name>', 'organization name', 'Synthetic Sales Co')
    .option('--end <date>', 'last day of the history, YYYY-MM-DD (default: today)')
    .option(
      '--params <file.json>',
      'generating parameters (JSON; missing fields keep their defaults; a --params-out file works too)',
    )
    .option('--params-out <file.json>', 'write the generating parameters, the rates they imply and the counts here')
    .option(
      '--password <password>',
      'password of the admin and the managers (at least 10 characters)',
      'synthetic-password',
    )
    .action(async (opts: SeedSyntheticOptions) =>
      (await import('../actions/seed-synthetic.ts')).seedSyntheticCommand(io, opts),
    );
}
