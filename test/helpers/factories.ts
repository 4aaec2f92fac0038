import { randomBytes } from 'node:crypto';
import type { Actor, Role } from '../../src/contract/access.ts';
import type { Deps } from '../../src/modules/context.ts';
import { actorForUser } from '../../src/modules/auth/auth.service.ts';
import { createOrganization, createTeam, createUser } from '../../src/modules/users/users.service.ts';

export const TEST_PASSWORD = 'correct horse battery staple';

const uniq = () => randomBytes(4).toString('hex');

export interface TestOrg {
  orgId: string;
  admin: Actor;
  adminEmail: string;
}

/** A new organization with its admin; every test builds its own. */
export async function createTestOrg(deps: Deps, name = `Org ${uniq()}`): Promise<TestOrg> {
  const adminEmail = `admin-${uniq()}@example.test`;
  const { organization, admin } = await createOrganization(deps, {
    organization: { name, baseCurrency: 'USD', timezone: 'UTC', fiscalYearStartMonth: 1 },
    admin: { email: adminEmail, name: 'Ada Admin', password: TEST_PASSWORD },
  });
  return { orgId: organization.id, admin: await actorForUser(deps, organization.id, admin.id), adminEmail };
}

export async function createTestTeam(
  deps: Deps,
  admin: Actor,
  kind: 'inside_sales' | 'field_sales' | 'marketing' | 'channel' | 'management' | 'other' = 'field_sales',
) {
  return createTeam(deps, admin, { name: `Team ${uniq()}`, kind });
}

/** A user with a role, returned as the actor a signed-in request of theirs would have. */
export async function createTestUser(
  deps: Deps,
  admin: Actor,
  role: Role,
  opts: {
    teamId?: string;
    managerId?: string;
    partnerAccountId?: string;
    agentPartyId?: string;
    password?: string;
    name?: string;
  } = {},
): Promise<Actor & { email: string }> {
  const email = `${role}-${uniq()}@example.test`;
  const u = await createUser(deps, admin, {
    email,
    name: opts.name ?? `${role} ${uniq()}`,
    role,
    ...(opts.password ? { password: opts.password } : {}),
    teamId: opts.teamId ?? null,
    managerId: opts.managerId ?? null,
    partnerAccountId: opts.partnerAccountId ?? null,
    agentPartyId: opts.agentPartyId ?? null,
  });
  return { ...(await actorForUser(deps, admin.orgId, u.id)), email };
}
