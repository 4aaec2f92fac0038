import type { Command } from 'commander';
import type { CreateTokenOptions } from '../actions/token.ts';
import { wholeNumber } from '../input.ts';
import type { Io } from '../io.ts';

export function registerToken(program: Command, io: Io): void {
  const token = program.command('token').description('Manage API tokens');
  token
    .command('create')
    .description('Create an API token for a user; the token is printed once, on stdout')
    .option('--org <name or id>', 'organization (may be left out when there is only one)')
    .requiredOption('--email <email>', 'the user the token acts as')
    .requiredOption('--name <name>', 'what the token is for, e.g. "CRM sync"')
    .option('--expires-days <days>', 'days until the token expires (1-3650; default: never)', wholeNumber)
    .action(async (opts: CreateTokenOptions) => (await import('../actions/token.ts')).createToken(io, opts));
}
