import { z } from 'zod';
import { roleSchema } from './access.ts';
import { emailSchema, idSchema, listQueryBase, nameSchema } from './common.ts';

export const passwordSchema = z.string().min(10, 'must be at least 10 characters').max(200);

export const userSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  teamId: idSchema.nullable(),
  managerId: idSchema.nullable(),
  partnerAccountId: idSchema.nullable(),
  /** For the agent role: the agent party (a person or firm) the user acts for. */
  agentPartyId: idSchema.nullable(),
  externalId: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type UserDto = z.infer<typeof userSchema>;

/** A signed-in session (sign-in and GET /auth/session): the user, the organization, the CSRF token for writes. */
export const sessionSchema = z.object({
  user: userSchema,
  organizationId: z.string(),
  csrfToken: z.string().nullable(),
  /**
   * The users whose records the signed-in user's role scope covers (a manager: the team, the teams
   * managed and all reports; everyone else: themselves), so the web app applies the same access
   * rules (src/contract/access.ts) to show only the actions the user may take.
   */
  teamUserIds: z.array(idSchema),
});
export type SessionDto = z.infer<typeof sessionSchema>;

export const createUserSchema = z.strictObject({
  email: emailSchema,
  name: nameSchema,
  role: roleSchema,
  password: passwordSchema.optional(),
  teamId: idSchema.nullable().optional(),
  managerId: idSchema.nullable().optional(),
  partnerAccountId: idSchema.nullable().optional(),
  agentPartyId: idSchema.nullable().optional(),
  externalId: z.string().max(200).nullable().optional(),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.strictObject({
  email: emailSchema.optional(),
  name: nameSchema.optional(),
  role: roleSchema.optional(),
  password: passwordSchema.optional(),
  /** Required when you change your own password. */
  currentPassword: z.string().min(1).max(200).optional(),
  teamId: idSchema.nullable().optional(),
  managerId: idSchema.nullable().optional(),
  partnerAccountId: idSchema.nullable().optional(),
  agentPartyId: idSchema.nullable().optional(),
  externalId: z.string().max(200).nullable().optional(),
  active: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const listUsersQuery = listQueryBase.extend({
  sort: z.enum(['name', 'email', 'created_at']).default('name'),
  role: roleSchema.optional(),
  teamId: idSchema.optional(),
  active: z.enum(['true', 'false']).optional(),
});
export type ListUsersQuery = z.infer<typeof listUsersQuery>;

export const teamKinds = ['inside_sales', 'field_sales', 'marketing', 'channel', 'management', 'other'] as const;
export const teamSchema = z.object({
  id: idSchema,
  name: z.string(),
  kind: z.enum(teamKinds),
  managerId: idSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TeamDto = z.infer<typeof teamSchema>;
export const createTeamSchema = z.strictObject({
  name: nameSchema,
  kind: z.enum(teamKinds),
  managerId: idSchema.nullable().optional(),
});
export const updateTeamSchema = createTeamSchema.partial();

export const organizationSchema = z.object({
  id: idSchema,
  name: z.string(),
  baseCurrency: z.string(),
  timezone: z.string(),
  fiscalYearStartMonth: z.number().int(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type OrganizationDto = z.infer<typeof organizationSchema>;

export const setupSchema = z.strictObject({
  organization: z.strictObject({
    name: nameSchema,
    baseCurrency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code')
      .default('USD'),
    timezone: z.string().min(1).max(64).default('UTC'),
    fiscalYearStartMonth: z.number().int().min(1).max(12).default(1),
  }),
  admin: z.strictObject({ email: emailSchema, name: nameSchema, password: passwordSchema }),
});
export type SetupInput = z.input<typeof setupSchema>;
