import type { OrganizationDto } from '../contract/users.ts';
import { AppError } from '../contract/errors.ts';
import type { Deps } from '../modules/context.ts';
import { listOrganizations } from '../modules/users/users.service.ts';

const SHOWN = 20;

function listing(orgs: readonly OrganizationDto[]): string {
  const shown = orgs.slice(0, SHOWN).map((o) => `"${o.name}" (${o.id})`);
  const more = orgs.length > SHOWN ? `, and ${orgs.length - SHOWN} more (see \`pipewright org list\`)` : '';
  return `${shown.join(', ')}${more}`;
}

/**
 * The organization a data command works on: `--org` by name (any case) or id, or the only one
 * when there is just one.
 */
export async function resolveOrganization(deps: Deps, ref: string | undefined): Promise<OrganizationDto> {
  const orgs = await listOrganizations(deps);
  if (orgs.length === 0) {
    throw new AppError(
      'not_found',
      'There is no organization yet: create one with `pipewright org create` (or start the server once)',
    );
  }
  if (ref === undefined) {
    const [only] = orgs;
    if (only && orgs.length === 1) return only;
    throw new AppError(
      'organization_ambiguous',
      `There are ${orgs.length} organizations; name one with --org <name or id>: ${listing(orgs)}`,
    );
  }
  const wanted = ref.trim().toLowerCase();
  const match = orgs.find((o) => o.id === wanted || o.name.toLowerCase() === wanted);
  if (!match) throw new AppError('not_found', `No organization "${ref}". The organizations are: ${listing(orgs)}`);
  return match;
}
