/*
 * The manager chain as the commission ledger reads it: each person's manager, team, role and
 * whether they are active, and each team's manager, folded from the log's `user.created`,
 * `user.updated`, `team.created` and `team.updated` events in log order. The ledger folds them
 * among the deal events, so an override goes to the managers above the seller when the deal was
 * won, whoever is above them today.
 */

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function change(data: Record<string, unknown>, field: string): { from: unknown; to: unknown } | undefined {
  const changes = data.changes as Record<string, { from: unknown; to: unknown }> | undefined;
  return changes?.[field];
}

/** The event types the manager chain is read from. */
export const managerChainEventTypes = ['user.created', 'user.updated', 'team.created', 'team.updated'] as const;

/** A person as the manager chain reads them. */
export interface ChainPerson {
  managerId: string | null;
  teamId: string | null;
  role: string | null;
  active: boolean;
}

/**
 * The people (in the order the log created them: the first is the longest-standing) and each
 * team's manager.
 */
export interface ManagerChain {
  people: ReadonlyMap<string, ChainPerson>;
  teamManagers: ReadonlyMap<string, string | null>;
}

/** A person from the snapshot of their `user.created` event (a missing `active` is true, as for the first admin). */
export function personFromCreated(after: Record<string, unknown>): ChainPerson {
  return {
    managerId: str(after.managerId),
    teamId: str(after.teamId),
    role: str(after.role),
    active: after.active !== false,
  };
}

/** A person after a `user.updated` event: each changed field takes its new value. */
export function amendPerson(person: ChainPerson, data: Record<string, unknown>): ChainPerson {
  const next = { ...person };
  const manager = change(data, 'managerId');
  if (manager) next.managerId = str(manager.to);
  const team = change(data, 'teamId');
  if (team) next.teamId = str(team.to);
  const role = change(data, 'role');
  if (role) next.role = str(role.to);
  const active = change(data, 'active');
  if (active) next.active = active.to !== false;
  return next;
}

/** A team's manager after its `team.created` snapshot or a `team.updated` event (unchanged: `current`). */
export function teamManagerAfter(
  current: string | null,
  type: 'team.created' | 'team.updated',
  data: Record<string, unknown>,
): string | null {
  if (type === 'team.created') return str(((data.after ?? {}) as Record<string, unknown>).managerId);
  const manager = change(data, 'managerId');
  return manager ? str(manager.to) : current;
}

/**
 * The next one up from a person, as the approval chain reads it: their own manager, else their
 * team's manager (unless that is themselves), else the longest-standing active manager on their
 * team; null for someone the chain does not know or with no one above.
 */
export function managerIn(chain: ManagerChain, userId: string): string | null {
  const person = chain.people.get(userId);
  if (!person) return null;
  if (person.managerId !== null) return person.managerId;
  if (person.teamId === null) return null;
  const teamManager = chain.teamManagers.get(person.teamId) ?? null;
  if (teamManager !== null && teamManager !== userId) return teamManager;
  for (const [id, p] of chain.people)
    if (id !== userId && p.teamId === person.teamId && p.role === 'manager' && p.active) return id;
  return null;
}
