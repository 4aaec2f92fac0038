import { camelChanges, camelSnapshot } from '../../contract/events/casing.ts';
import type { Actor } from '../../contract/access.ts';
import { canReadReference, canWriteReference, userDirectoryScope } from '../../contract/access.ts';
import { AppError, forbidden, invalid, type FieldProblem } from '../../contract/errors.ts';
import { diffFields } from '../../domain/event-hash.ts';
import type {
  CreateUserInput,
  ListUsersQuery,
  OrganizationDto,
  SetupInput,
  TeamDto,
  UpdateUserInput,
  UserDto,
} from '../../contract/users.ts';
import { setupSchema, type createTeamSchema } from '../../contract/users.ts';
import type { z } from 'zod';
import type { DbExecutor } from '../../db/database.ts';
import { encodeCursor } from '../../db/list.ts';
import { write, type Deps } from '../context.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { endSessionsOf } from '../auth/auth.service.ts';
import { accountRow } from '../accounts/accounts.service.ts';
import { checkVersion, found, toPage, type ExpectedVersion } from '../shared.ts';
import { agentPartyExists } from '../agents/parties.service.ts';
import * as repo from './users.repository.ts';

export function toUserDto(r: repo.UserRow): UserDto {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role as UserDto['role'],
    teamId: r.team_id,
    managerId: r.manager_id,
    partnerAccountId: r.partner_account_id,
    agentPartyId: r.agent_party_id,
    externalId: r.external_id,
    active: r.active,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

export function toTeamDto(r: repo.TeamRow): TeamDto {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as TeamDto['kind'],
    managerId: r.manager_id,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

export function toOrganizationDto(r: {
  id: string;
  name: string;
  base_currency: string;
  timezone: string;
  fiscal_year_start_month: number;
  created_at: Date;
  version: number;
}): OrganizationDto {
  return {
    id: r.id,
    name: r.name,
    baseCurrency: r.base_currency.trim(),
    timezone: r.timezone,
    fiscalYearStartMonth: r.fiscal_year_start_month,
    createdAt: r.created_at.toISOString(),
    version: r.version,
  };
}

const userAuditFields = [
  'email',
  'name',
  'role',
  'team_id',
  'manager_id',
  'partner_account_id',
  'agent_party_id',
  'external_id',
  'active',
] as const;

function validTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export interface CreateOrganizationOptions {
  /**
   * First-run set-up: create only when no organization exists yet. Checked under a lock inside the
   * transaction, so two set-ups racing cannot both succeed.
   */
  onlyIfFirst?: boolean;
}

/** A validated new organization with its ids and the admin's password hash, ready to insert. */
export interface NewOrganization {
  input: z.output<typeof setupSchema>;
  orgId: string;
  adminId: string;
  passwordHash: string;
}

/** Validates a set-up request and prepares what the insert needs (the password hash is slow: outside any transaction). */
export async function prepareOrganization(deps: Deps, rawInput: SetupInput): Promise<NewOrganization> {
  const input = setupSchema.parse(rawInput);
  if (!validTimezone(input.organization.timezone)) {
    throw invalid([{ field: 'organization.timezone', message: 'is not an IANA time zone such as Europe/Berlin' }]);
  }
  return {
    input,
    orgId: deps.ids.id(),
    adminId: deps.ids.id(),
    passwordHash: await hashPassword(input.admin.password),
  };
}

/**
 * Inserts the organization and its admin in the caller's transaction (the step of
 * `createOrganization` and of `setUpOrganization`) and returns the admin as an actor.
 */
export async function insertOrganizationTx(
  trx: DbExecutor,
  deps: Deps,
  org: NewOrganization,
  opts: CreateOrganizationOptions = {},
): Promise<Actor> {
  const { input, orgId, adminId } = org;
  const now = deps.clock.now();
  await repo.lockOrganizationCreation(trx);
  if (opts.onlyIfFirst && (await repo.findOrganizations(trx)).length > 0) {
    throw new AppError('conflict', 'Set-up is already done: sign in instead');
  }
  if (await repo.findOrganizationByName(trx, input.organization.name))
    throw new AppError('duplicate', `An organization named "${input.organization.name}" already exists`, {
      fields: [{ field: 'organization.name', message: 'is taken' }],
    });
  await repo.insertOrganization(trx, {
    id: orgId,
    name: input.organization.name,
    base_currency: input.organization.baseCurrency,
    timezone: input.organization.timezone,
    fiscal_year_start_month: input.organization.fiscalYearStartMonth,
    created_at: now,
    updated_at: now,
  });
  await repo.insertUser(trx, {
    org_id: orgId,
    id: adminId,
    external_id: null,
    email: input.admin.email,
    name: input.admin.name,
    password_hash: org.passwordHash,
    role: 'admin',
    team_id: null,
    manager_id: null,
    partner_account_id: null,
    agent_party_id: null,
    active: true,
    created_at: now,
    updated_at: now,
  });
  await deps.eventLog.append(trx, { orgId, userId: null }, [
    {
      entityType: 'organization',
      entityId: orgId,
      type: 'organization.created',
      data: { after: input.organization },
    },
  ]);
  await deps.eventLog.append(trx, { orgId, userId: adminId }, [
    {
      entityType: 'user',
      entityId: adminId,
      type: 'user.created',
      data: { after: { email: input.admin.email, name: input.admin.name, role: 'admin' } },
    },
  ]);
  return { orgId, userId: adminId, role: 'admin', teamId: null, partnerAccountId: null, teamUserIds: [adminId] };
}

/** The organization and its admin as the API shows them, once committed. */
export async function organizationWithAdmin(
  deps: Deps,
  org: Pick<NewOrganization, 'orgId' | 'adminId'>,
): Promise<{ organization: OrganizationDto; admin: UserDto }> {
  const row = found(await repo.getOrganization(deps.db, org.orgId), 'organization', org.orgId);
  const admin = found(await repo.getUser(deps.db, org.orgId, org.adminId), 'user', org.adminId);
  return { organization: toOrganizationDto(row), admin: toUserDto(admin) };
}

/** Creates an organization with its first admin. Used by first-run set-up, the CLI and the demo seed. */
export async function createOrganization(
  deps: Deps,
  rawInput: SetupInput,
  opts: CreateOrganizationOptions = {},
): Promise<{ organization: OrganizationDto; admin: UserDto }> {
  const org = await prepareOrganization(deps, rawInput);
  await write(deps, org.orgId, (trx) => insertOrganizationTx(trx, deps, org, opts));
  return organizationWithAdmin(deps, org);
}

export async function getOrganization(deps: Deps, actor: Actor): Promise<OrganizationDto> {
  return toOrganizationDto(found(await repo.getOrganization(deps.db, actor.orgId), 'organization', actor.orgId));
}

async function checkUserRefs(
  db: DbExecutor,
  orgId: string,
  v: {
    role?: string;
    teamId?: string | null;
    managerId?: string | null;
    partnerAccountId?: string | null;
    agentPartyId?: string | null;
  },
  selfId?: string,
): Promise<void> {
  const problems: FieldProblem[] = [];
  if (v.teamId && !(await repo.getTeam(db, orgId, v.teamId)))
    problems.push({ field: 'teamId', message: 'is not a team of this organization' });
  if (v.managerId) {
    if (v.managerId === selfId) problems.push({ field: 'managerId', message: 'a user cannot manage themselves' });
    else if (!(await repo.getUser(db, orgId, v.managerId)))
      problems.push({ field: 'managerId', message: 'is not a user of this organization' });
  }
  if (v.partnerAccountId) {
    const acc = await accountRow(db, orgId, v.partnerAccountId);
    if (!acc || acc.deleted_at !== null)
      problems.push({ field: 'partnerAccountId', message: 'is not an account of this organization' });
  }
  if (v.role === 'partner' && !v.partnerAccountId)
    problems.push({ field: 'partnerAccountId', message: 'is required for the partner role' });
  if (v.agentPartyId && !(await agentPartyExists(db, orgId, v.agentPartyId)))
    problems.push({ field: 'agentPartyId', message: 'is not an agent party of this organization' });
  if (v.role === 'agent' && !v.agentPartyId)
    problems.push({ field: 'agentPartyId', message: 'is required for the agent role' });
  if (problems.length) throw invalid(problems);
}

export async function createUser(deps: Deps, actor: Actor, input: CreateUserInput): Promise<UserDto> {
  if (!canWriteReference(actor, 'user')) throw forbidden('Only admins can create users');
  const now = deps.clock.now();
  const id = deps.ids.id();
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const inserted = await write(deps, actor.orgId, async (trx) => {
    if (await repo.findUserByEmail(trx, actor.orgId, input.email)) {
      throw new AppError('duplicate', `A user with email ${input.email} already exists`, {
        fields: [{ field: 'email', message: 'is taken' }],
      });
    }
    await checkUserRefs(trx, actor.orgId, input);
    const row = {
      org_id: actor.orgId,
      id,
      external_id: input.externalId ?? null,
      email: input.email,
      name: input.name,
      password_hash: passwordHash,
      role: input.role,
      team_id: input.teamId ?? null,
      manager_id: input.managerId ?? null,
      partner_account_id: input.partnerAccountId ?? null,
      agent_party_id: input.agentPartyId ?? null,
      active: true,
      created_at: now,
      updated_at: now,
    };
    const user = await repo.insertUser(trx, row);
    const after = Object.fromEntries(userAuditFields.map((f) => [f, row[f]]));
    await deps.eventLog.append(trx, actor, [
      { entityType: 'user', entityId: id, type: 'user.created', data: { after: camelSnapshot(after) } },
    ]);
    return user;
  });
  return toUserDto(inserted);
}

export async function getUser(deps: Deps, actor: Actor, id: string): Promise<UserDto> {
  if (!canReadReference(actor, 'user') && id !== actor.userId) throw forbidden();
  return toUserDto(found(await repo.getUser(deps.db, actor.orgId, id, userDirectoryScope(actor)), 'user', id));
}

export async function listUsers(
  deps: Deps,
  actor: Actor,
  q: ListUsersQuery,
): Promise<{ items: UserDto[]; nextCursor: string | null }> {
  if (!canReadReference(actor, 'user')) throw forbidden();
  const rows = await repo.listUsers(deps.db, actor.orgId, q, userDirectoryScope(actor));
  const sortKey = q.sort;
  return toPage(rows, q.limit, toUserDto, (r) => encodeCursor(r[sortKey], r.id));
}

export async function updateUser(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: UpdateUserInput,
): Promise<UserDto> {
  const self = id === actor.userId;
  const adminOnly =
    input.role !== undefined ||
    input.teamId !== undefined ||
    input.managerId !== undefined ||
    input.partnerAccountId !== undefined ||
    input.agentPartyId !== undefined ||
    input.active !== undefined ||
    input.externalId !== undefined ||
    input.email !== undefined;
  if (!canWriteReference(actor, 'user') && (!self || adminOnly))
    throw forbidden('Only admins can change users; you can change your own name and password');
  if (self && input.active === false) throw invalid([{ field: 'active', message: 'you cannot deactivate yourself' }]);
  if (self && input.password) {
    // someone holding a stolen session must not be able to lock the owner out
    const current = await repo.getUser(deps.db, actor.orgId, id);
    const ok =
      input.currentPassword && current?.password_hash
        ? await verifyPassword(current.password_hash, input.currentPassword)
        : false;
    if (!ok) throw invalid([{ field: 'currentPassword', message: 'must be your current password to change it' }]);
  }
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const updated = await write(deps, actor.orgId, async (trx) => {
    const before = found(await repo.lockUser(trx, actor.orgId, id), 'user', id);
    const version = checkVersion('user', id, before.version, expected);
    const role = input.role ?? before.role;
    const partnerAccountId = input.partnerAccountId !== undefined ? input.partnerAccountId : before.partner_account_id;
    await checkUserRefs(
      trx,
      actor.orgId,
      {
        role,
        teamId: input.teamId,
        managerId: input.managerId,
        partnerAccountId,
        agentPartyId: input.agentPartyId !== undefined ? input.agentPartyId : before.agent_party_id,
      },
      id,
    );
    if (
      input.email &&
      input.email.toLowerCase() !== before.email.toLowerCase() &&
      (await repo.findUserByEmail(trx, actor.orgId, input.email))
    ) {
      throw new AppError('duplicate', `A user with email ${input.email} already exists`, {
        fields: [{ field: 'email', message: 'is taken' }],
      });
    }
    const patch: Partial<repo.UserRow> = { updated_at: deps.clock.now() };
    if (input.email !== undefined) patch.email = input.email;
    if (input.name !== undefined) patch.name = input.name;
    if (input.role !== undefined) patch.role = input.role;
    if (input.teamId !== undefined) patch.team_id = input.teamId;
    if (input.managerId !== undefined) patch.manager_id = input.managerId;
    if (input.partnerAccountId !== undefined) patch.partner_account_id = input.partnerAccountId;
    if (input.agentPartyId !== undefined) patch.agent_party_id = input.agentPartyId;
    if (input.externalId !== undefined) patch.external_id = input.externalId;
    if (input.active !== undefined) patch.active = input.active;
    if (passwordHash) patch.password_hash = passwordHash;
    const after = await repo.updateUser(trx, actor.orgId, id, version, patch);
    const changes = camelChanges(diffFields(before, after, userAuditFields));
    if (passwordHash) changes.password = { from: '(hidden)', to: '(changed)' };
    await deps.eventLog.append(trx, actor, [
      { entityType: 'user', entityId: id, type: 'user.updated', data: { changes } },
    ]);
    if (after.active === false || passwordHash) await endSessionsOf(trx, actor.orgId, id);
    return after;
  });
  return toUserDto(updated);
}

export async function listTeams(deps: Deps, actor: Actor): Promise<TeamDto[]> {
  if (!canReadReference(actor, 'team')) throw forbidden();
  return (await repo.listTeams(deps.db, actor.orgId)).map(toTeamDto);
}

export async function getTeam(deps: Deps, actor: Actor, id: string): Promise<TeamDto> {
  if (!canReadReference(actor, 'team')) throw forbidden();
  return toTeamDto(found(await repo.getTeam(deps.db, actor.orgId, id), 'team', id));
}

export async function createTeam(deps: Deps, actor: Actor, input: z.infer<typeof createTeamSchema>): Promise<TeamDto> {
  if (!canWriteReference(actor, 'team')) throw forbidden('Only admins can manage teams');
  const id = deps.ids.id();
  const now = deps.clock.now();
  const inserted = await write(deps, actor.orgId, async (trx) => {
    if (input.managerId && !(await repo.getUser(trx, actor.orgId, input.managerId)))
      throw invalid([{ field: 'managerId', message: 'is not a user of this organization' }]);
    const team = await repo.insertTeam(trx, {
      org_id: actor.orgId,
      id,
      external_id: null,
      name: input.name,
      kind: input.kind,
      manager_id: input.managerId ?? null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'team',
        entityId: id,
        type: 'team.created',
        data: { after: { name: input.name, kind: input.kind, managerId: input.managerId ?? null } },
      },
    ]);
    return team;
  });
  return toTeamDto(inserted);
}

export async function updateTeam(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: Partial<z.infer<typeof createTeamSchema>>,
): Promise<TeamDto> {
  if (!canWriteReference(actor, 'team')) throw forbidden('Only admins can manage teams');
  const after = await write(deps, actor.orgId, async (trx) => {
    const before = found(await repo.lockTeam(trx, actor.orgId, id), 'team', id);
    const version = checkVersion('team', id, before.version, expected);
    if (input.managerId && !(await repo.getUser(trx, actor.orgId, input.managerId)))
      throw invalid([{ field: 'managerId', message: 'is not a user of this organization' }]);
    const patch: Partial<repo.TeamRow> = { updated_at: deps.clock.now() };
    if (input.name !== undefined) patch.name = input.name;
    if (input.kind !== undefined) patch.kind = input.kind;
    if (input.managerId !== undefined) patch.manager_id = input.managerId;
    const row = await repo.updateTeam(trx, actor.orgId, id, version, patch);
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'team',
        entityId: id,
        type: 'team.updated',
        data: { changes: camelChanges(diffFields(before, row, ['name', 'kind', 'manager_id'])) },
      },
    ]);
    return row;
  });
  return toTeamDto(after);
}

export async function deleteTeam(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
): Promise<void> {
  if (!canWriteReference(actor, 'team')) throw forbidden('Only admins can manage teams');
  await write(deps, actor.orgId, async (trx) => {
    const before = found(await repo.lockTeam(trx, actor.orgId, id), 'team', id);
    const version = checkVersion('team', id, before.version, expected);
    const members = await repo.countTeamMembers(trx, actor.orgId, id);
    if (members > 0) throw new AppError('conflict', `The team still has ${members} active member(s); move them first`);
    await repo.updateTeam(trx, actor.orgId, id, version, { deleted_at: deps.clock.now() });
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'team',
        entityId: id,
        type: 'team.deleted',
        data: { before: { name: before.name, kind: before.kind } },
      },
    ]);
  });
}

/** Whether first-run set-up is still needed (no organization exists). */
export async function setupNeeded(deps: Deps): Promise<boolean> {
  return (await repo.findOrganizations(deps.db)).length === 0;
}

export async function listOrganizations(deps: Deps): Promise<OrganizationDto[]> {
  return (await repo.findOrganizations(deps.db)).map(toOrganizationDto);
}

/** Every organization on this database (at most 1,000), oldest first: for operator tasks such as restore's checks. */
export async function allOrganizations(db: DbExecutor) {
  return repo.findOrganizations(db);
}
