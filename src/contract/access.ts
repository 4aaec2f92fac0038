import { z } from 'zod';

export const roles = ['admin', 'manager', 'rep', 'inside_sales', 'marketing', 'partner', 'auditor', 'agent'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Who is acting: resolved once per request from the session or token. */
export interface Actor {
  orgId: string;
  userId: string;
  role: Role;
  teamId: string | null;
  partnerAccountId: string | null;
  /**
   * For agents: the agent parties the user acts for: its own party, that party's firm, and (for a
   * firm) its people; its own party first. Absent or empty for other roles.
   */
  agentPartyIds?: readonly string[];
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
  | {
      kind: 'partner';
      partnerAccountId: string;
      /**
       * Two-tier distribution, reading only: also the records that name this partner account as
       * their distributor (its resellers' registrations and the deals they were approved into).
       */
      asDistributor?: true;
    }
  /**
   * Agents: deals where one of their parties has a role; of those deals' notes and activities,
   * only the ones of the side their parties work on (`on` says which kind of record is scoped).
   */
  | { kind: 'agent'; agentPartyIds: readonly string[]; on: 'deal' | 'activity' };

export type Action = 'read' | 'write';

/**
 * The record scope of a role for an entity and action. Reps and inside sales see their own
 * records, managers everything below them, marketing reads accounts and contacts and owns leads, partners
 * see only deals registered to their partner account (and, as a distributor, read the deals its resellers
 * registered through it), auditors read everything and write nothing.
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
      if (entity !== 'deal' || !actor.partnerAccountId) return { kind: 'none' };
      // Two-tier: a distributor also reads (never changes) the deals its resellers registered through it.
      return action === 'read'
        ? { kind: 'partner', partnerAccountId: actor.partnerAccountId, asDistributor: true }
        : { kind: 'partner', partnerAccountId: actor.partnerAccountId };
    case 'agent':
      // Agents read the deals they have a role on and their side's notes; they change nothing.
      if (action === 'write' || !actor.agentPartyIds?.length) return { kind: 'none' };
      if (entity === 'deal') return { kind: 'agent', agentPartyIds: actor.agentPartyIds, on: 'deal' };
      if (entity === 'activity') return { kind: 'agent', agentPartyIds: actor.agentPartyIds, on: 'activity' };
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
  // An agent learns of the deal's customer from the deal itself, not the customer's records.
  if (actor.role === 'agent') return null;
  const deals = scopeFor(actor, 'deal', 'read');
  return deals.kind === 'none' ? null : deals;
}

/**
 * Whether a loaded record is inside a scope. `distributorAccountIds` are the distributors a
 * partner record is registered through (two-tier: for a deal, those its registrations name).
 */
export function inScope(
  scope: Scope,
  record: {
    ownerId: string | null;
    partnerAccountId?: string | null;
    distributorAccountIds?: readonly string[] | null;
  },
): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'owners':
      return record.ownerId !== null && scope.ownerIds.includes(record.ownerId);
    case 'partner':
      return (
        record.partnerAccountId === scope.partnerAccountId ||
        (scope.asDistributor === true && (record.distributorAccountIds ?? []).includes(scope.partnerAccountId))
      );
    case 'agent':
      // Whether an agent's party is on a deal is not on the record: the services ask the database.
      return false;
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

/**
 * Reference data: every internal role reads it; partners read pipelines and products, and users
 * within their directory scope (`userDirectoryScope`) so the owners of their deals show by name.
 */
export function canReadReference(actor: Actor, entity: ReferenceEntity): boolean {
  if (actor.role !== 'partner' && actor.role !== 'agent') return true;
  return entity === 'pipeline' || entity === 'product' || entity === 'user';
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

/** Roles whose users take booked meetings in their calendar (outside / field sales). */
export const bookableRoles: readonly Role[] = ['rep'];

/** Booking meetings in an outside rep's calendar: inside sales, and managers and admins on their behalf. */
export function canBookMeetings(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'inside_sales' || actor.role === 'manager' || actor.role === 'admin';
}

/**
 * Whose work a role looks after, as a scope of people: admins and auditors everyone's, managers
 * their team's, reps and inside sales their own, marketing and partners nobody's.
 */
function peopleWorkScope(actor: Actor): Scope {
  switch (actor.role) {
    case 'admin':
    case 'auditor':
      return { kind: 'all' };
    case 'manager':
      return { kind: 'owners', ownerIds: actor.teamUserIds };
    case 'rep':
    case 'inside_sales':
      return { kind: 'owners', ownerIds: [actor.userId] };
    case 'marketing':
    case 'partner':
    case 'agent':
      return { kind: 'none' };
  }
}

/**
 * The users whose bookings the actor sees, as the rep the meeting is for or the one who booked it:
 * reps and inside sales their own, managers their team's, admins and auditors all, others none.
 */
export function bookingScope(actor: Actor): Scope {
  return peopleWorkScope(actor);
}

/** The two parties of a booking: the outside rep it is for and the user who booked it. */
export interface BookingParties {
  ownerId: string;
  bookedBy: string;
}

export function canSeeBooking(actor: Actor, b: BookingParties): boolean {
  const scope = bookingScope(actor);
  return inScope(scope, { ownerId: b.ownerId }) || inScope(scope, { ownerId: b.bookedBy });
}

/** Rescheduling and cancelling: either party (or their manager, or an admin); auditors only read. */
export function canChangeBooking(actor: Actor, b: BookingParties): boolean {
  return actor.role !== 'auditor' && canSeeBooking(actor, b);
}

/** The outcome (held, no-show) is the outside rep's to record (or their manager's, or an admin's). */
export function canRecordBookingOutcome(actor: Actor, b: BookingParties): boolean {
  return actor.role !== 'auditor' && inScope(bookingScope(actor), { ownerId: b.ownerId });
}

/** A private calendar feed: the rep's own to issue and revoke (an admin may revoke anyone's). */
export function canManageCalendarFeed(
  actor: Pick<Actor, 'role' | 'userId'>,
  userId: string,
  action: 'issue' | 'revoke',
): boolean {
  if (actor.userId === userId) return actor.role !== 'partner' && actor.role !== 'auditor' && actor.role !== 'agent';
  return action === 'revoke' && actor.role === 'admin';
}

/** Whether the actor has a calendar of meetings to look at (someone's bookings are in their scope). */
export function hasCalendarScreen(actor: Actor): boolean {
  return bookingScope(actor).kind !== 'none';
}

/** Whether the actor edits anyone's working hours (their own as a rep, a team's, everyone's). */
export function editsSomeonesAvailability(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin' || actor.role === 'manager' || actor.role === 'rep';
}

/** Working hours and time off: the rep's own, a manager's team's, an admin's anyone's. */
export function canEditAvailability(actor: Actor, userId: string): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role === 'manager') return actor.teamUserIds.includes(userId);
  return actor.role === 'rep' && actor.userId === userId;
}

/**
 * Read scope through a booking: the records a meeting is about (its lead, contact or deal, and for a
 * deal its account and contacts) are readable by the outside rep it is booked for while it is not
 * cancelled, and by whoever booked it always, so inside sales keeps sight of what it handed over.
 * The answer is the users whose bookings count, or null when bookings give the actor nothing more.
 */
export function bookingReaders(actor: Actor): readonly string[] | null {
  switch (actor.role) {
    case 'rep':
    case 'inside_sales':
      return [actor.userId];
    case 'manager':
      return actor.teamUserIds;
    case 'admin':
    case 'auditor':
    case 'marketing':
    case 'partner':
    case 'agent':
      return null;
  }
}

/** Approval rules and period locks are the organization's policy: admins set them. */
export function canManageOversightPolicy(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin';
}

/**
 * Which approvals and findings a role sees, by the people they are about (an approval's requester
 * and its deal's owner; a finding's person): admins and auditors all, managers their team's (their
 * `teamUserIds`), reps and inside sales their own. Marketing and partners see none.
 */
export function oversightScope(actor: Actor): Scope {
  return peopleWorkScope(actor);
}

/** Whether an approval or finding about these people is inside the actor's oversight scope. */
export function seesOversight(actor: Actor, people: readonly (string | null)[]): boolean {
  const scope = oversightScope(actor);
  if (scope.kind === 'all') return true;
  if (scope.kind !== 'owners') return false;
  return people.some((p) => p !== null && scope.ownerIds.includes(p));
}

/**
 * Whether the actor decides an approval's current step: the named approver of a manager-chain
 * step, or anyone with the step's role; admins may decide any step. Nobody approves their own
 * request, and auditors (read-only) decide nothing.
 */
export function canDecideApproval(
  actor: Pick<Actor, 'role' | 'userId'>,
  approval: { requestedBy: string; status: string; step: number; approvers: readonly ApproverRef[] },
): boolean {
  if (approval.status !== 'pending' || actor.role === 'auditor') return false;
  if (approval.requestedBy === actor.userId) return false;
  if (actor.role === 'admin') return true;
  const current = approval.approvers[approval.step];
  if (!current) return false;
  return current.kind === 'user' ? current.userId === actor.userId : current.role === actor.role;
}

/** An approver of an approval step, as `canDecideApproval` reads it. */
export type ApproverRef = { kind: 'user'; userId: string } | { kind: 'role'; role: Role };

/**
 * Whether the actor works findings (assigns, confirms, dismisses): admins and auditors any finding,
 * managers those of their team (in scope, and not about themselves). Reps only read their own.
 */
export function canWorkFinding(actor: Actor, finding: { personId: string | null }): boolean {
  if (actor.role === 'admin' || actor.role === 'auditor') return true;
  if (actor.role !== 'manager') return false;
  return finding.personId !== actor.userId && seesOversight(actor, [finding.personId]);
}

/** Whether the role sees the oversight queue and may start a detection run. */
export function canRunDetectors(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin' || actor.role === 'auditor' || actor.role === 'manager';
}

/**
 * Whose forecast submissions, quotas and attainment a role reads: admins and auditors everyone's,
 * managers their team's, reps and inside sales their own; marketing and partners none.
 */
export function forecastScope(actor: Actor): Scope {
  return peopleWorkScope(actor);
}

/** Whether a forecast or quota of this person is inside the actor's forecast scope. */
export function seesForecastOf(actor: Actor, userId: string): boolean {
  const scope = forecastScope(actor);
  return scope.kind === 'all' || (scope.kind === 'owners' && scope.ownerIds.includes(userId));
}

/** Whether the role has the forecast screen: someone's forecasts, quotas or attainment to read. */
export function hasForecastScreen(actor: Actor): boolean {
  const scope = forecastScope(actor);
  return scope.kind === 'all' || scope.kind === 'owners';
}

/** Who submits a forecast of their own deals: reps and managers (auditors read only). */
export function canSubmitForecast(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'rep' || actor.role === 'manager';
}

/** Who rolls up a team's forecasts with overrides: managers. */
export function canRollUpForecast(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'manager';
}

/** Whether the role sets any quotas at all (which ones: `canSetQuota`). */
export function setsQuotas(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin' || actor.role === 'manager';
}

/**
 * Who sets a quota: admins any rep's or team's; managers those of the people below them (not
 * their own: a quota is set from above).
 */
export function canSetQuota(actor: Actor, target: { userId: string } | { teamId: string }): boolean {
  if (actor.role === 'admin') return true;
  if (!setsQuotas(actor) || !('userId' in target)) return false;
  return target.userId !== actor.userId && actor.teamUserIds.includes(target.userId);
}

/** The partner's own account's records: what a partner sees and writes of the channel's records. */
function ownPartnerScope(actor: Actor, action: Action): Scope {
  switch (actor.role) {
    case 'admin':
    case 'manager':
      return { kind: 'all' };
    case 'auditor':
      return action === 'read' ? { kind: 'all' } : { kind: 'none' };
    case 'partner':
      return actor.partnerAccountId ? { kind: 'partner', partnerAccountId: actor.partnerAccountId } : { kind: 'none' };
    case 'rep':
    case 'inside_sales':
    case 'marketing':
    case 'agent':
      return { kind: 'none' };
  }
}

/**
 * The scope of deal registrations: partners see and write their own partner account's, admins and
 * managers (the channel managers) all of them, auditors read all; other roles none. Two-tier
 * distribution: a distributor's users also read (never write) the registrations of its resellers
 * that name it as their distributor, and so never another distributor's. A reseller sees only its
 * own: not its distributor's other resellers'.
 */
export function registrationScope(actor: Actor, action: Action): Scope {
  const own = ownPartnerScope(actor, action);
  return own.kind === 'partner' && action === 'read' ? { ...own, asDistributor: true } : own;
}

/**
 * The deals of a distributor's resellers a partner reads as their distributor: those approved from
 * a registration that names its account as distributor (reading only). Null for everyone else,
 * who read deals by `scopeFor`.
 */
export function distributorDealScope(actor: Actor): { distributorAccountId: string } | null {
  return actor.role === 'partner' && actor.partnerAccountId ? { distributorAccountId: actor.partnerAccountId } : null;
}

/** Which resellers a distributor serves is set by the channel managers. */
export function canLinkResellers(actor: Pick<Actor, 'role'>): boolean {
  return canManageChannel(actor);
}

/**
 * Who reads a distributor–reseller link: channel managers and auditors all of them; a partner the
 * links it is on (as the distributor or as the reseller, to name its distributor when registering).
 */
export function canReadResellerLink(
  actor: Pick<Actor, 'role' | 'partnerAccountId'>,
  link: { distributorAccountId: string; resellerAccountId: string },
): boolean {
  if (actor.role === 'partner')
    return (
      actor.partnerAccountId !== null &&
      (actor.partnerAccountId === link.distributorAccountId || actor.partnerAccountId === link.resellerAccountId)
    );
  return canReadConflicts(actor);
}

/**
 * Leads offered to partners: a partner sees and answers only the offers made to its own partner
 * account; the channel managers (admins, managers) offer leads and see every offer; auditors read
 * them; other roles none.
 */
export function leadOfferScope(actor: Actor, action: Action): Scope {
  return ownPartnerScope(actor, action);
}

/** Offering a lead to a partner is the channel managers' work. */
export function canOfferLeads(actor: Pick<Actor, 'role'>): boolean {
  return canManageChannel(actor);
}

/** Only a user of the partner account an offer is made to accepts or declines it. */
export function canAnswerLeadOffer(actor: Actor, offer: { partnerAccountId: string }): boolean {
  return actor.role === 'partner' && actor.partnerAccountId === offer.partnerAccountId;
}

/**
 * Development funds: a partner sees and works only its own partner account's budgets and
 * requests; channel managers all of them; auditors read them (the scope of registrations).
 */
export function fundScope(actor: Actor, action: Action): Scope {
  return ownPartnerScope(actor, action);
}

/**
 * Who acts on a partner's development funds. Setting budgets and deciding requests: the channel
 * managers. Requesting and claiming: the partner's own users, or a channel manager on its behalf.
 * Recording a payment: admins.
 */
export function canActOnFunds(
  actor: Pick<Actor, 'role' | 'partnerAccountId'>,
  action: 'budget' | 'decide' | 'request' | 'claim' | 'pay',
  partnerAccountId?: string,
): boolean {
  switch (action) {
    case 'budget':
    case 'decide':
      return canManageChannel(actor);
    case 'request':
    case 'claim':
      return actor.role === 'partner'
        ? actor.partnerAccountId !== null && actor.partnerAccountId === partnerAccountId
        : canManageChannel(actor);
    case 'pay':
      return actor.role === 'admin';
  }
}

/** Whether the role may register deals (a partner for itself, a channel manager on a partner's behalf). */
export function canRegisterDeals(actor: Pick<Actor, 'role' | 'partnerAccountId'>): boolean {
  if (actor.role === 'partner') return actor.partnerAccountId !== null;
  return actor.role === 'admin' || actor.role === 'manager';
}

/** Approving, rejecting, extending registrations and resolving channel conflicts: the channel managers. */
export function canManageChannel(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin' || actor.role === 'manager';
}

/** Channel conflicts are read by those who resolve them and by auditors. */
export function canReadConflicts(actor: Pick<Actor, 'role'>): boolean {
  return canManageChannel(actor) || actor.role === 'auditor';
}

/** The partner programme (tiers, partner types and tiers, the conflict policy) is configured by admins. */
export function canConfigureChannel(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin';
}

/**
 * Which users' names a role may read. Internal roles read the whole directory; a partner reads
 * itself, the users of its partner account and the owners of the deals registered to it (so the
 * owners of its deals show by name), nobody else.
 */
export type UserDirectoryScope = { kind: 'all' } | { kind: 'partner'; partnerAccountId: string; userId: string };

/**
 * A user's history (the timeline of their account: role, team, working hours, feeds): internal
 * roles read anyone's; a partner reads only its own, since it sees other users for their names only.
 */
export function canReadUserHistory(actor: Pick<Actor, 'role' | 'userId'>, userId: string): boolean {
  return actor.role !== 'partner' || actor.userId === userId;
}

export function userDirectoryScope(actor: Actor): UserDirectoryScope {
  if (actor.role === 'partner' && actor.partnerAccountId)
    return { kind: 'partner', partnerAccountId: actor.partnerAccountId, userId: actor.userId };
  return { kind: 'all' };
}

/** Whether the role has a channel screen: a partner its portal, channel managers and auditors the queue. */
export function canOpenChannel(actor: Pick<Actor, 'role' | 'partnerAccountId'>): boolean {
  return canRegisterDeals(actor) || canReadConflicts(actor);
}

/**
 * Whether the role has any record of an entity to list: its own read scope, or (accounts and
 * contacts) through the deals it sees. The web app shows a menu only where this holds.
 */
export function hasRecordsOf(actor: Actor, entity: ScopedEntity): boolean {
  return scopeFor(actor, entity, 'read').kind !== 'none' || relatedDealScope(actor, entity) !== null;
}

/** Roles that call leads and so have a call queue: inside sales and reps, their managers, admins. */
export function hasCallQueue(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'inside_sales' || actor.role === 'rep' || actor.role === 'manager' || actor.role === 'admin';
}

/**
 * Whose call queue the actor may open: their own, or (managers, admins) that of a user whose leads
 * they may work.
 */
export function canOpenCallQueueOf(actor: Actor, ownerId: string): boolean {
  if (!hasCallQueue(actor)) return false;
  return ownerId === actor.userId || inScope(scopeFor(actor, 'lead', 'write'), { ownerId });
}

/** What decides whether a user may claim a lead from the call queue. */
export interface ClaimableLead {
  ownerId: string | null;
  status: string;
  /** The members of the territory holding the lead and of that territory's pool; null when no territory holds it. */
  territoryMemberIds: readonly string[] | null;
}

/**
 * Whether the actor may claim an unassigned lead (take it as its owner) from the call queue: a role
 * with a queue, and an open lead (new or working) without an owner. Admins and managers may claim
 * any; inside sales and reps the leads of a territory they work (as a member of it or of its pool)
 * and every lead no territory holds.
 */
export function canClaimLead(actor: Pick<Actor, 'role' | 'userId'>, lead: ClaimableLead): boolean {
  if (!hasCallQueue(actor) || lead.ownerId !== null) return false;
  if (lead.status !== 'new' && lead.status !== 'working') return false;
  if (actor.role === 'admin' || actor.role === 'manager') return true;
  return lead.territoryMemberIds === null || lead.territoryMemberIds.includes(actor.userId);
}

/** Cadence definitions (steps, delays, disposition rules) are set by admins and managers. */
export function canManageCadences(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin' || actor.role === 'manager';
}

/** Cadences are read by the roles that call leads (to enrol them) and by those who set them. */
export function canReadCadences(actor: Pick<Actor, 'role'>): boolean {
  return hasCallQueue(actor);
}

/**
 * Who may enrol a lead in a cadence, move its enrolment by hand or end it: a role that calls leads
 * and may work that lead (inside sales and reps their own, managers their team's, admins any).
 */
export function canEnrolLead(actor: Actor, lead: { ownerId: string | null }): boolean {
  return hasCallQueue(actor) && inScope(scopeFor(actor, 'lead', 'write'), lead);
}

/** Cadence figures (enrolled, reached, converted per step) are for the people who set cadences. */
export function canReadCadenceFigures(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin' || actor.role === 'manager' || actor.role === 'auditor';
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

/**
 * What the joint process map of marketing and sales shows of a journey beyond its lead (whose lead
 * is read as any lead): its deal's stages, and the sales activities and bookings of the lead and
 * deal. Marketing sees the flow of the whole organization in aggregate, as it sees attribution's
 * credit; everyone else the deals, activities and bookings they read.
 */
export function journeySalesScope(actor: Actor): { deal: Scope; activity: Scope } {
  if (actor.role === 'marketing') return { deal: { kind: 'all' }, activity: { kind: 'all' } };
  return { deal: scopeFor(actor, 'deal', 'read'), activity: scopeFor(actor, 'activity', 'read') };
}

/**
 * Inbound capture forms (their fields, consent text, routing, public key and submissions) are
 * marketing's to define and read, and an admin's. The leads they create are read as any lead.
 */
export function canManageForms(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin' || actor.role === 'marketing';
}

/**
 * Lead scoring settings (fit rules, touch points, grades, the MQL threshold) and the conversion
 * model's report: marketing configures them, and admins; others see a lead's scores on the leads
 * they read.
 */
export function canConfigureScoring(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin' || actor.role === 'marketing';
}

/** The SLA policy of the hand-off from marketing to sales (business hours, response times): admins only. */
export function canConfigureSla(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin';
}

/**
 * The hand-offs of MQLs to sales, as a scope of their owners. Reading: admins, auditors and
 * marketing (who sees what sales did with its leads) all, managers their team's, reps and inside
 * sales their own, partners none. Acting (accept, reject): admins all, managers their team's,
 * reps and inside sales their own; marketing, auditors and partners none.
 */
export function handoffScope(actor: Actor, action: 'read' | 'act'): Scope {
  if (action === 'read' && actor.role === 'marketing') return { kind: 'all' };
  if (action === 'act' && actor.role === 'auditor') return { kind: 'none' };
  return peopleWorkScope(actor);
}

/** Whether the actor may accept or reject a hand-off owned by `ownerId`. */
export function canActOnHandoff(actor: Actor, handoff: { ownerId: string | null }): boolean {
  return inScope(handoffScope(actor, 'act'), handoff);
}

/**
 * Whom a commission statement is for: a user, a partner account (its partner users read it), or an
 * agent party (the agent user bound to it reads it).
 */
export interface CommissionPayee {
  kind: 'user' | 'partner' | 'agent';
  id: string;
}

/** Commission plans and their assignment are the organization's pay policy: admins set them. */
export function canManageCommissionPlans(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin';
}

/**
 * Whose statements a role reads: everyone their own (a partner user its partner account's lines
 * only, an agent user its own agent party's, not its firm's or colleagues'), managers their team's
 * (`teamUserIds`), admins and auditors every statement.
 */
export function canReadStatement(actor: Actor, payee: CommissionPayee): boolean {
  if (actor.role === 'admin' || actor.role === 'auditor') return true;
  if (payee.kind === 'partner') return actor.role === 'partner' && actor.partnerAccountId === payee.id;
  if (payee.kind === 'agent') return actor.role === 'agent' && ownAgentParty(actor) === payee.id;
  if (actor.role === 'partner' || actor.role === 'agent') return false;
  if (payee.id === actor.userId) return true;
  return actor.role === 'manager' && actor.teamUserIds.includes(payee.id);
}

/** An agent user's own agent party (the first of its parties), or null. */
export function ownAgentParty(actor: Pick<Actor, 'role' | 'agentPartyIds'>): string | null {
  return actor.role === 'agent' ? (actor.agentPartyIds?.[0] ?? null) : null;
}

/**
 * Only the payee disputes a line of their statement (a partner user for its partner account); an
 * agent's lines come from its agreements and are not disputed here.
 */
export function canRaiseCommissionDispute(actor: Actor, payee: CommissionPayee): boolean {
  if (actor.role === 'auditor' || actor.role === 'agent' || payee.kind === 'agent') return false;
  if (payee.kind === 'partner') return actor.role === 'partner' && actor.partnerAccountId === payee.id;
  return actor.role !== 'partner' && payee.id === actor.userId;
}

/**
 * Answering disputes and granting bonuses: admins (finance) for anyone; managers for the people of
 * their team other than themselves, and for partners (as the channel managers). Auditors only read.
 */
export function canAdjustCommissions(actor: Actor, payee: CommissionPayee): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role !== 'manager' || payee.kind === 'agent') return false;
  if (payee.kind === 'partner') return true;
  return payee.id !== actor.userId && actor.teamUserIds.includes(payee.id);
}

/** Splitting a deal's credit between reps: admins, and managers for deals they may change. */
export function canSplitCommissions(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin' || actor.role === 'manager';
}

/** Whether the role sees the team statements screen (the statements of others). */
export function canReadTeamStatements(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin' || actor.role === 'auditor' || actor.role === 'manager';
}

/**
 * Whether the role has the commissions screen: a statement of its own (a partner user's is its
 * partner account's, an agent user's its agent party's) or others' to read.
 */
export function hasCommissionsScreen(actor: Actor): boolean {
  if (actor.role === 'agent') {
    const party = ownAgentParty(actor);
    return party !== null && canReadStatement(actor, { kind: 'agent', id: party });
  }
  if (actor.role === 'partner')
    return actor.partnerAccountId !== null && canReadStatement(actor, { kind: 'partner', id: actor.partnerAccountId });
  return canReadStatement(actor, { kind: 'user', id: actor.userId });
}

/**
 * Agent parties and agency agreements: admins and managers record and change them; every
 * internal role except marketing reads them (to see who represents whom on a deal); partners none.
 */
export function canManageAgents(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin' || actor.role === 'manager';
}

export function canReadAgents(actor: Pick<Actor, 'role'>): boolean {
  return actor.role !== 'partner' && actor.role !== 'marketing' && actor.role !== 'agent';
}

/** An agent user's own work: the deals its parties are on, with the compensation its agreements give. */
export function readsOwnAgencyWork(actor: Actor): boolean {
  return actor.role === 'agent' && (actor.agentPartyIds?.length ?? 0) > 0;
}

/** Who sees the agents of a deal they may read: the roles that read agents, and agents themselves. */
export function canReadDealAgents(actor: Pick<Actor, 'role'>): boolean {
  return canReadAgents(actor) || actor.role === 'agent';
}

/** The organisation's agency settings (jurisdictions forbidding dual agency, disclosure gates): admins. */
export function canConfigureAgency(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin';
}

/** Territories, routing pools and routing rules shape every rep's work: admins change them. */
export function canManageRouting(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin';
}

/**
 * The names of territories and routing pools, as the routing decisions on records name them: every
 * internal role that sees the record reads who it was routed through (not the rules or members).
 */
export function canReadRoutingNames(actor: Pick<Actor, 'role'>): boolean {
  return actor.role !== 'partner' && actor.role !== 'agent';
}

/** Admins and managers read territories, pools, overlaps and the fairness ledger, and run backtests. */
export function canReadRouting(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin' || actor.role === 'manager';
}

/** Holiday calendars (their holidays and whom they apply to) are the organization's policy: admins set them. */
export function canManageHolidayCalendars(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin';
}

/** Admins and managers read the organization's holiday calendars (everyone reads the holidays they keep). */
export function canReadHolidayCalendars(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin' || actor.role === 'manager';
}
