import type { Actor } from '../../src/contract/access.ts';
import type { Deps } from '../../src/modules/context.ts';
import { createTestTeam, createTestUser } from './factories.ts';

export interface SalesTeam {
  manager: Actor;
  /** Two reps on the manager's team. */
  rep: Actor;
  teammate: Actor;
  /** A rep on no team: outside the manager's scope. */
  outsider: Actor;
  marketing: Actor;
}

/**
 * A manager with two reps, a rep outside the team and a marketer, in the admin's organization.
 * Requests made through the API resolve the actor afresh, so the manager's team includes reps
 * created after them.
 */
export async function createSalesTeam(deps: Deps, admin: Actor): Promise<SalesTeam> {
  const team = await createTestTeam(deps, admin);
  const manager = await createTestUser(deps, admin, 'manager', { teamId: team.id, name: 'Mona Manager' });
  const rep = await createTestUser(deps, admin, 'rep', { teamId: team.id, name: 'Rita Rep' });
  const teammate = await createTestUser(deps, admin, 'rep', { teamId: team.id, name: 'Tom Teammate' });
  const outsider = await createTestUser(deps, admin, 'rep', { name: 'Otto Outsider' });
  const marketing = await createTestUser(deps, admin, 'marketing', { name: 'Mia Marketing' });
  return { manager, rep, teammate, outsider, marketing };
}
