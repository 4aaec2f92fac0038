import type { Command } from 'commander';
import type { CreateOrgOptions } from '../actions/org.ts';
import { wholeNumber } from '../input.ts';
import type { Io } from '../io.ts';

export function registerOrg(program: Command, io: Io): void {
  const org = program.command('org').description('Manage organizations (tenants)');
  org
    .command('create')
    .description('Create an organization with its first administrator')
    .requiredOption('--name <name>', 'name of the organization (unique)')
    .requiredOption('--email <email>', 'email of the administrator')
    .requiredOption('--admin-name <name>', 'full name of the administrator')
    .option(
      '--password <password>',
      'password of the administrator (at least 10 characters; generated and printed when left out)',
    )
    .option('--currency <code>', 'base currency, ISO 4217', 'USD')
    .option('--timezone <zone>', 'IANA time zone, e.g. Europe/Berlin', 'UTC')
    .option('--fiscal-year-start <month>', 'month the fiscal year starts, 1-12', wholeNumber, 1)
    .action(async (opts: CreateOrgOptions) => (await import('../actions/org.ts')).createOrg(io, opts));
  org
    .command('list')
    .description('List the organizations')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => (await import('../actions/org.ts')).listOrgs(io, opts));
}
