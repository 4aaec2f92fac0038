import type { Command } from 'commander';
import { roles } from '../../contract/access.ts';
import type { CreateUserOptions } from '../actions/user.ts';
import type { Io } from '../io.ts';

export function registerUser(program: Command, io: Io): void {
  const user = program.command('user').description('Manage the users of an organization');
  user
    .command('create')
    .description('Create a user')
    .option('--org <name or id>', 'organization (may be left out when there is only one)')
    .requiredOption('--email <email>', 'email address, used to sign in')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--role <role>', `one of ${roles.join(', ')}`)
    .option('--password <password>', 'password (at least 10 characters; generated and printed when left out)')
    .option('--team <name or id>', 'team the user belongs to')
    .option('--partner-account <id>', 'account of the partner (required for the partner role)')
    .action(async (opts: CreateUserOptions) => (await import('../actions/user.ts')).createUserCommand(io, opts));
}
