import type { DbExecutor } from '../db/database.ts';
import {
  bookingReaders,
  inScope,
  relatedDealScope,
  scopeFor,
  type Actor,
  type ScopedEntity,
} from '../contract/access.ts';
import { forbidden, invalid, notFound } from '../contract/errors.ts';
import { isActiveUser, isAgentOnDeal, isOnBookingOf, isOnDealInScope } from './access.repository.ts';

/** What a scoped record's row tells of its scope (a deal: its partner and, two-tier, its distributors). */
interface ScopedRow {
  owner_id: string | null;
  partner_account_id?: string | null;
  distributor_account_ids?: readonly string[] | null;
}

/**
 * Loads-then-checks helper: a record outside the actor's read scope is reported as not found.
 * `onVisibleDeal` is whether the record is on a deal the actor may read (see `relatedDealScope`).
 */
export function assertCanRead<T extends ScopedRow>(
  actor: Actor,
  entity: ScopedEntity,
  row: T | undefined,
  id: string,
  onVisibleDeal = false,
): T {
  if (
    !row ||
    (!onVisibleDeal &&
      !inScope(scopeFor(actor, entity, 'read'), {
        ownerId: row.owner_id,
        partnerAccountId: row.partner_account_id ?? null,
        distributorAccountIds: row.distributor_account_ids ?? null,
      }))
  ) {
    throw notFound(entity, id);
  }
  return row;
}

/**
 * Whether a loaded account or contact outside the actor's own read scope is on a deal the actor may
 * read, so it is readable through it (`relatedDealScope`); false without asking the database when
 * the record is missing, already in scope, or of an entity not read through deals.
 */
export async function onVisibleDeal(
  db: DbExecutor,
  actor: Actor,
  entity: ScopedEntity,
  row: { id: string; owner_id: string | null } | undefined,
): Promise<boolean> {
  if (!row || (entity !== 'account' && entity !== 'contact')) return false;
  if (inScope(scopeFor(actor, entity, 'read'), { ownerId: row.owner_id })) return false;
  const dealScope = relatedDealScope(actor, entity);
  if (dealScope !== null && (await isOnDealInScope(db, entity, actor.orgId, row.id, dealScope))) return true;
  return onVisibleBooking(db, actor, entity, row);
}

/**
 * Whether a loaded lead, deal, account or contact outside the actor's own read scope is on a
 * booking that lets the actor read it (`bookingReaders`); false without asking the database when
 * the record is missing, already in scope, or bookings give the actor nothing. For an agent, whether
 * the record is a deal one of its parties has a role on.
 */
export async function onVisibleBooking(
  db: DbExecutor,
  actor: Actor,
  entity: ScopedEntity,
  row: (ScopedRow & { id: string }) | undefined,
): Promise<boolean> {
  if (!row || entity === 'activity') return false;
  const scope = scopeFor(actor, entity, 'read');
  // An agent's deals are not told by the deal's row: whether its party has a role on it is.
  if (scope.kind === 'agent') return entity === 'deal' && isAgentOnDeal(db, actor.orgId, row.id, scope.agentPartyIds);
  if (
    inScope(scope, {
      ownerId: row.owner_id,
      partnerAccountId: row.partner_account_id ?? null,
      distributorAccountIds: row.distributor_account_ids ?? null,
    })
  )
    return false;
  const readers = bookingReaders(actor);
  return readers !== null && isOnBookingOf(db, entity, actor.orgId, row.id, readers);
}

/** A visible record the actor may not change is 403; an invisible one stays 404. */
export function assertCanWrite<T extends ScopedRow>(
  actor: Actor,
  entity: ScopedEntity,
  row: T | undefined,
  id: string,
  onVisibleDeal = false,
): T {
  const visible = assertCanRead(actor, entity, row, id, onVisibleDeal);
  if (
    !inScope(scopeFor(actor, entity, 'write'), {
      ownerId: visible.owner_id,
      partnerAccountId: visible.partner_account_id ?? null,
    })
  ) {
    throw forbidden(`You may read this ${entity} but not change it`);
  }
  return visible;
}

/** Whether the actor may create records of this entity at all. */
export function assertCanCreate(actor: Actor, entity: ScopedEntity): void {
  if (scopeFor(actor, entity, 'write').kind === 'none') throw forbidden(`Your role cannot create ${entity}s`);
}

/**
 * The owner of a new or reassigned record: defaults to the actor; it must be an active user of the
 * organization and keep the record inside the actor's write scope (a rep cannot hand records to
 * someone else; a manager can within the team; an admin to anyone).
 */
export async function resolveOwner(
  db: DbExecutor,
  actor: Actor,
  entity: ScopedEntity,
  requested: string | null | undefined,
  fallback: string | null,
): Promise<string | null> {
  const owner = requested === undefined ? fallback : requested;
  if (owner === null) {
    const scope = scopeFor(actor, entity, 'write');
    if (scope.kind === 'all') return null;
    throw invalid([{ field: 'ownerId', message: 'is required for your role' }]);
  }
  if (!(await isActiveUser(db, actor.orgId, owner)))
    throw invalid([{ field: 'ownerId', message: 'is not an active user of this organization' }]);
  const scope = scopeFor(actor, entity, 'write');
  if (scope.kind === 'owners' && !scope.ownerIds.includes(owner)) {
    throw forbidden(`You cannot assign a ${entity} to that user`);
  }
  return owner;
}

/**
 * Whether a loaded activity is readable by an agent: it is on a deal one of the agent's parties has
 * a role on, written for the side that party works on. False for every other role (their activity
 * scope is told by the row) and for internal activities (no side).
 */
export async function onAgentSide(
  db: DbExecutor,
  actor: Actor,
  row: { deal_id: string | null; agent_side: string | null } | undefined,
): Promise<boolean> {
  const scope = scopeFor(actor, 'activity', 'read');
  if (scope.kind !== 'agent' || !row?.deal_id || !row.agent_side) return false;
  return isAgentOnDeal(db, actor.orgId, row.deal_id, scope.agentPartyIds, row.agent_side);
}
