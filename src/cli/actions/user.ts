import type { Actor } from '../../contract/access.ts';
import { invalid } from '../../contract/errors.ts';
import { createUserSchema } from '../../contract/users.ts';
import type { Deps } from '../../modules/context.ts';
import { createUser, listTeams } from '../../modules/users/users.service.ts';
import { withDeps } from '../context.ts';
import { parseInput, withOptionNames, type OptionNames } from '../input.ts';
import type { Io } from '../io.ts';
import { operatorActor } from '../operator.ts';
import { resolveOrganization } from '../organization.ts';
import { generatePassword } from '../password.ts';

const optionNames: OptionNames = {
  email: '--email',
  name: '--name',
  role: '--role',
  password: '--password',
  teamId: '--team',
  partnerAccountId: '--partner-account',
};

export interface CreateUserOptions {
  org?: string;
  email: string;
  name: string;
  role: string;
  password?: string;
  team?: string;
  partnerAccount?: string;
}

async function resolveTeam(deps: Deps, actor: Actor, ref: string): Promise<string> {
  const teams = await listTeams(deps, actor);
  const wanted = ref.trim().toLowerCase();
  const team = teams.find((t) => t.id === wanted || t.name.toLowerCase() === wanted);
  if (team) return team.id;
  const known =
    teams.length > 0
      ? `the teams are: ${teams.map((t) => `"${t.name}"`).join(', ')}`
      : 'the organization has no teams yet';
  throw invalid([{ field: '--team', message: `no team "${ref}"; ${known}` }], 'invalid input');
}

export async function createUserCommand(io: Io, opts: CreateUserOptions): Promise<void> {
  const password = opts.password ?? generatePassword();
  // Checked before opening the database, so a typo costs nothing.
  parseInput(
    createUserSchema,
    { email: opts.email, name: opts.name, role: opts.role, password, partnerAccountId: opts.partnerAccount },
    optionNames,
  );
  await withDeps(async (deps) => {
    const org = await resolveOrganization(deps, opts.org);
    const actor = operatorActor(org.id);
    const teamId = opts.team === undefined ? undefined : await resolveTeam(deps, actor, opts.team);
    const input = parseInput(
      createUserSchema,
      { email: opts.email, name: opts.name, role: opts.role, password, teamId, partnerAccountId: opts.partnerAccount },
      optionNames,
    );
    const user = await withOptionNames(optionNames, () => createUser(deps, actor, input));
    io.out(`Created user ${user.email} (${user.role}) in "${org.name}" (${user.id})`);
    if (!opts.password) io.out(`  password: ${password}   (generated; shown only this once)`);
  });
}
