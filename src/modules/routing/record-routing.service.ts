import type { Actor } from '../../contract/access.ts';
import type { RoutingDecisionDto, TerritoryOfDto } from '../../contract/routing.ts';
import { getAccount } from '../accounts/accounts.service.ts';
import type { Deps } from '../context.ts';
import { getLead } from '../leads/leads.service.ts';
import { listDecisions } from './route.service.ts';
import { territoryOf } from './territories.service.ts';

/** A lead's territory and how routing decided its owner, for whoever may see the lead. */
export async function leadRouting(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<{ territory: TerritoryOfDto; decisions: RoutingDecisionDto[] }> {
  await getLead(deps, actor, id);
  const [territory, decisions] = await Promise.all([
    territoryOf(deps.db, actor.orgId, 'lead', id),
    listDecisions(deps.db, actor.orgId, 'lead', id),
  ]);
  return { territory, decisions };
}

/** An account's territory, for whoever may see the account. */
export async function accountTerritory(deps: Deps, actor: Actor, id: string): Promise<TerritoryOfDto> {
  await getAccount(deps, actor, id);
  return territoryOf(deps.db, actor.orgId, 'account', id);
}
