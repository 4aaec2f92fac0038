import { z } from 'zod';

export const apiTokenSchema = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiTokenDto = z.infer<typeof apiTokenSchema>;

/** POST /tokens: `userId` (admins only) creates a token that acts as another user. */
export const createApiTokenSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(100),
  userId: z.uuid({ message: 'must be a UUID' }).optional(),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;
