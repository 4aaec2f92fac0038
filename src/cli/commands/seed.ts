import type { Command } from 'commander';
import type { SeedDemoOptions } from '../actions/seed.ts';
import { wholeNumber } from '../input.ts';
import type { Io } from '../io.ts';

export function registerSeed(program: Command, io: Io): void {
  const seed = program.command('seed').description('Load data');
  seed
    .command('demo')
    .description('Create a demo organization with a year of sales work (≈50 accounts, 200 contacts incl. B2C consumers, 300 deals in 3 pipelines, calls, meetings, objections), built through the services so its event log and audit chain are real')
    .option('--name <name>', 'organization name', 'Northwind Demo')
    .option('--seed <number>', 'random seed: the same seed gives the same data', wholeNumber, 2026)
    .option('--months <months>', 'months of history (1-36)', wholeNumber, 12)
    .option('--password <password>', 'password of every demo user (at least 10 characters)', 'demo-password')
    .action(async (opts: SeedDemoOptions) => (await import('../actions/seed.ts')).seedDemoCommand(io, opts));
}
