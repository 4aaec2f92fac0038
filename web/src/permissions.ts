import { useQuery } from '@tanstack/react-query';
import {
  canCreate as mayCreate,
  canRunDetectors,
  editsSomeonesAvailability,
  hasCalendarScreen,
  hasCommissionsScreen,
  hasForecastScreen,
  oversightScope,
  canReadReference,
  inScope,
  scopeFor,
  type Actor,
  type ReferenceEntity,
  type ScopedEntity,
} from '../../src/contract/access.ts';
import { sessionQuery } from './session.ts';
import type { Session } from './types.ts';

/*
 * What the signed-in user may do, from the same rules the API enforces (src/contract/access.ts):
 * screens offer only the actions these allow, so no role is shown a button the server would refuse
 * or made to call an endpoint it may not read.
 */

/** The session as the access rules' actor. */
export function actorOf(s: Session): Actor {
  return {
    orgId: s.organizationId,
    userId: s.user.id,
    role: s.user.role,
    teamId: s.user.teamId,
    partnerAccountId: s.user.partnerAccountId,
    teamUserIds: s.teamUserIds,
    // The server also counts the party's firm; the web app only asks whether there is a party.
    agentPartyIds: s.user.agentPartyId ? [s.user.agentPartyId] : [],
  };
}

/** The signed-in actor, or null while the session loads or when signed out. */
export function useActor(): Actor | null {
  const session = useQuery(sessionQuery);
  return session.data ? actorOf(session.data) : null;
}

/** Whether the actor may create records of the entity at all (e.g. the New deal button). */
export function canCreate(actor: Pick<Actor, 'role' | 'partnerAccountId'> | null, entity: ScopedEntity): boolean {
  return actor !== null && mayCreate(actor, entity);
}

/** Whether the actor may change this record (its edit controls). */
export function canEdit(
  actor: Actor | null,
  entity: ScopedEntity,
  record: { ownerId: string | null; partnerAccountId?: string | null },
): boolean {
  return (
    actor !== null &&
    inScope(scopeFor(actor, entity, 'write'), {
      ownerId: record.ownerId,
      partnerAccountId: record.partnerAccountId ?? null,
    })
  );
}

/** Whether the actor may read reference data such as the user and team lists. */
export function canRead(actor: Actor | null, entity: ReferenceEntity): boolean {
  return actor !== null && canReadReference(actor, entity);
}

/** Whether the actor sees approvals at all (their own requests, their team's, or all). */
export function seesApprovals(actor: Actor | null): boolean {
  return actor !== null && oversightScope(actor).kind !== 'none';
}

/** Whether the actor has the oversight queue (managers, auditors, admins). */
export function seesOversightQueue(actor: Pick<Actor, 'role'> | null): boolean {
  return actor !== null && canRunDetectors(actor);
}

/** Whether the actor has the forecast screen (and its menu entry). */
export function seesForecasts(actor: Actor | null): boolean {
  return actor !== null && hasForecastScreen(actor);
}

/** Whether the actor has the commissions screen (and its menu entry). */
export function seesCommissions(actor: Actor | null): boolean {
  return actor !== null && hasCommissionsScreen(actor);
}

/** Whether the actor has the week calendar (and its menu entry). */
export function seesCalendar(actor: Actor | null): boolean {
  return actor !== null && hasCalendarScreen(actor);
}

/** Whether the actor has the working-hours page (and its menu entry). */
export function seesWorkingHours(actor: Actor | null): boolean {
  return actor !== null && editsSomeonesAvailability(actor);
}
