import { z } from 'zod';

export const roles = ['admin', 'manager', 'rep', 'inside_sales', 'marketing', 'partner', 'auditor'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Who is acting: resolved once per request from the session or token. */
export interface Actor {
  orgId: string;
  userId: string;
  role: Role;
  teamId: string | null;
  partnerAccountId: string | null;
  /** For managers: the users whose records they may see (themselves, their team, the teams they manage, and direct and indirect reports). */
  teamUserIds: readonly string[];
}

/** Business records that are owned by a user and scoped by role. */
export type ScopedEntity = 'account' | 'contact' | 'lead' | 'deal' | 'activity';
/** Reference data every internal user reads; writers are listed in `referenceWriters`. */
export type ReferenceEntity =
  'pipeline' | 'product' | 'objection' | 'script' | 'campaign' | 'team' | 'user' | 'organization';

/** What a role may see of a scoped entity. */
export type Scope =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'owners'; ownerIds: readonly string[] }
  | { kind: 'partner'; partnerAccountId: string };

export type Action = 'read' | 'write';

/**
 * The record scope of a role for an entity and action. Reps and inside sales see their own
 * records, managers everything below them, marketing reads accounts and contacts and owns leads, partners
 * see only deals registered to their partner account, auditors read everything and write nothing.
 */
export function scopeFor(actor: Actor, entity: ScopedEntity, action: Action): Scope {
  switch (actor.role) {
    case 'admin':
      return { kind: 'all' };
    case 'auditor':
      return action === 'read' ? { kind: 'all' } : { kind: 'none' };
    case 'manager':
      return { kind: 'owners', ownerIds: actor.teamUserIds };
    case 'rep':
    case 'inside_sales':
      return { kind: 'owners', ownerIds: [actor.userId] };
    case 'marketing':
      if (entity === 'lead') return { kind: 'all' };
      if (entity === 'account' || entity === 'contact') return action === 'read' ? { kind: 'all' } : { kind: 'none' };
      if (entity === 'activity') return { kind: 'owners', ownerIds: [actor.userId] };
      return { kind: 'none' };
    case 'partner':
      if (entity === 'deal' && actor.partnerAccountId)
        return { kind: 'partner', partnerAccountId: actor.partnerAccountId };
      return { kind: 'none' };
  }
}

/** Records that are read through a deal they are on: the deal's account and its contacts. */
export type DealRelatedEntity = 'account' | 'contact';

/**
 * Read scope through the related record: whoever may see a deal may see the account it is for and
 * the contacts on it (its primary contact and the contacts with a buying role), whoever owns them,
 * so a deal handed from inside sales to a field rep (or registered by a partner) shows its customer.
 * The answer is the deal scope such a record is readable through, or null when the entity is not
 * read through deals or the actor sees no deals. Reading only: changing the account or contact
 * still follows its own scope (`scopeFor(actor, entity, 'write')`).
 */
export function relatedDealScope(actor: Actor, entity: ScopedEntity): Scope | null {
  if (entity !== 'account' && entity !== 'contact') return null;
  const deals = scopeFor(actor, 'deal', 'read');
  return deals.kind === 'none' ? null : deals;
}

/** Whether a loaded record is inside a scope. */
export function inScope(scope: Scope, record: { ownerId: string | null; partnerAccountId?: string | null }): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'owners':
      return record.ownerId !== null && scope.ownerIds.includes(record.ownerId);
    case 'partner':
      return record.partnerAccountId === scope.partnerAccountId;
  }
}

const referenceWriters: Record<ReferenceEntity, readonly Role[]> = {
  pipeline: ['admin'],
  product: ['admin'],
  objection: ['admin', 'manager'],
  script: ['admin', 'manager'],
  campaign: ['admin', 'marketing'],
  team: ['admin'],
  user: ['admin'],
  organization: ['admin'],
};

/** Reference data: every internal role reads it; partners read pipelines and products only. */
export function canReadReference(actor: Actor, entity: ReferenceEntity): boolean {
  if (actor.role !== 'partner') return true;
  return entity === 'pipeline' || entity === 'product';
}

export function canWriteReference(actor: Actor, entity: ReferenceEntity): boolean {
  return referenceWriters[entity].includes(actor.role);
}

export function canReadAudit(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin' || actor.role === 'auditor';
}

/** Webhooks send the whole organization's log to another system: only admins register and manage them. */
export function canManageWebhooks(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin';
}

/** Jobs are the organization's background work (imports, deliveries): only admins see, retry and cancel them. */
export function canManageJobs(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin';
}

/**
 * Whether the role may create records of the entity at all (the scope it may write is not empty):
 * the server refuses the others, and the web app offers "New …" only where this holds.
 */
export function canCreate(actor: Pick<Actor, 'role' | 'partnerAccountId'>, entity: ScopedEntity): boolean {
  const probe: Actor = { orgId: '', userId: '', teamId: null, teamUserIds: [], ...actor };
  return scopeFor(probe, entity, 'write').kind !== 'none';
}

/**
 * Marketing figures (campaign budgets and costs, attributed pipeline and revenue, ROI): marketing
 * and the people who answer for the numbers (admins, managers, auditors). Reps and inside sales see
 * campaigns by name and the touches on their own records, not the money; partners see none of it.
 */
export function canReadMarketingFigures(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin' || actor.role === 'manager' || actor.role === 'marketing' || actor.role === 'auditor';
}

/** Recording touches and campaign membership is marketing's work (and an admin's). */
export function canRecordTouches(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin' || actor.role === 'marketing';
}

/**
 * Which touches and campaign memberships an actor sees: those of the leads and contacts it may read
 * (a rep its own records, a manager the team's, marketing all of them); partners none.
 */
export function touchScope(actor: Actor, person: 'lead' | 'contact'): Scope {
  if (actor.role === 'partner') return { kind: 'none' };
  return scopeFor(actor, person, 'read');
}

/**
 * The deals whose revenue attribution credits for the actor: marketing answers for the revenue of
 * the whole organization (it sees no deal itself, only the credit); everyone else the deals they read.
 */
export function attributionDealScope(actor: Actor): Scope {
  return actor.role === 'marketing' ? { kind: 'all' } : scopeFor(actor, 'deal', 'read');
}
