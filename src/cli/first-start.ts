import { AppError } from '../contract/errors.ts';
import type { Deps } from '../modules/context.ts';
import { setUpOrganization } from '../modules/organizations/set-up-organization.ts';
import { setupNeeded } from '../modules/users/users.service.ts';
import { generatePassword } from './password.ts';

export const FIRST_ORGANIZATION = 'My Organization';
export const FIRST_ADMIN_EMAIL = 'admin@example.com';

export interface FirstStart {
  organization: string;
  email: string;
  password: string;
}

/**
 * On the first start of an empty database, creates an organization and its admin with a random
 * password so that someone can sign in at all. Returns null when there is already an organization,
 * including when another instance starting at the same moment created it first.
 */
export async function ensureFirstOrganization(deps: Deps): Promise<FirstStart | null> {
  // cheap check first: most starts find an organization and need no password hashed
  if (!(await setupNeeded(deps))) return null;
  const password = generatePassword();
  try {
    await setUpOrganization(
      deps,
      {
        organization: { name: FIRST_ORGANIZATION },
        admin: { email: FIRST_ADMIN_EMAIL, name: 'Administrator', password },
      },
      { onlyIfFirst: true },
    );
  } catch (err) {
    // another instance starting at the same moment set up first
    if (err instanceof AppError && err.code === 'conflict') return null;
    throw err;
  }
  return { organization: FIRST_ORGANIZATION, email: FIRST_ADMIN_EMAIL, password };
}
