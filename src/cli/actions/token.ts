import { z } from 'zod';
import { AppError } from '../../contract/errors.ts';
import { listUsersQuery } from '../../contract/users.ts';
import { emailSchema } from '../../contract/common.ts';
import { createApiToken } from '../../modules/auth/auth.service.ts';
import { listUsers } from '../../modules/users/users.service.ts';
import { withDeps } from '../context.ts';
import { parseInput, type OptionNames } from '../input.ts';
import type { Io } from '../io.ts';
import { operatorActor } from '../operator.ts';
import { resolveOrganization } from '../organization.ts';

/** The same bounds as POST /api/v1/tokens. */
const tokenInput = z.strictObject({
  email: emailSchema,
  name: z.string().trim().min(1, 'must not be empty').max(100),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
const optionNames: OptionNames = { email: '--email', name: '--name', expiresInDays: '--expires-days' };

export interface CreateTokenOptions {
  org?: string;
  email: string;
  name: string;
  expiresDays?: number;
}

export async function createToken(io: Io, opts: CreateTokenOptions): Promise<void> {
  const input = parseInput(
    tokenInput,
    { email: opts.email, name: opts.name, expiresInDays: opts.expiresDays },
    optionNames,
  );
  await withDeps(async (deps) => {
    const org = await resolveOrganization(deps, opts.org);
    const actor = operatorActor(org.id);
    const found = await listUsers(deps, actor, listUsersQuery.parse({ q: input.email, limit: 200 }));
    const user = found.items.find((u) => u.email.toLowerCase() === input.email.toLowerCase());
    if (!user) throw new AppError('not_found', `No user ${input.email} in "${org.name}"`);
    if (!user.active)
      throw new AppError('conflict', `The user ${input.email} is deactivated; a token for them would not work`);
    const { token, apiToken } = await createApiToken(deps, actor, {
      name: input.name,
      userId: user.id,
      expiresInDays: input.expiresInDays,
    });
    const expiry = apiToken.expiresAt ? `expires ${apiToken.expiresAt}` : 'does not expire';
    io.err(`Created API token "${apiToken.name}" for ${user.email} in "${org.name}" (${expiry}).`);
    io.err('It is shown only this once; use it as "Authorization: Bearer <token>":');
    io.out(token);
  });
}
