import { z } from 'zod';
import {
  dateTimeSchema,
  emailSchema,
  idSchema,
  listQueryBase,
  nameSchema,
  optionalText,
  phoneSchema,
} from './common.ts';

export const MAX_CONTACT_EMAILS = 10;
export const MAX_CONTACT_PHONES = 10;

/** A contact: a person at an account (B2B) or on their own with no account (B2C consumer). */
export const contactSchema = z.object({
  id: idSchema,
  externalId: z.string().nullable(),
  accountId: idSchema.nullable(),
  firstName: z.string().nullable(),
  lastName: z.string(),
  title: z.string().nullable(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  ownerId: idSchema.nullable(),
  doNotContact: z.boolean(),
  emailOptOut: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ContactDto = z.infer<typeof contactSchema>;

/** Lists without repeats (compared case-insensitively), so the same address is not stored twice. */
function distinct<T extends z.ZodType<string>>(item: T, max: number, what: string) {
  return z
    .array(item)
    .max(max, `must have at most ${max} ${what}`)
    .refine(
      (xs) => new Set(xs.map((x) => x.toLowerCase())).size === xs.length,
      `must not list the same ${what.replace(/s$/, '')} twice`,
    );
}

export const createContactSchema = z.strictObject({
  accountId: idSchema.nullable().optional(),
  firstName: z.string().trim().max(200).nullable().optional(),
  lastName: nameSchema,
  title: optionalText(300),
  emails: distinct(emailSchema, MAX_CONTACT_EMAILS, 'emails').optional(),
  phones: distinct(phoneSchema, MAX_CONTACT_PHONES, 'phones').optional(),
  ownerId: idSchema.nullable().optional(),
  doNotContact: z.boolean().optional(),
  emailOptOut: z.boolean().optional(),
  externalId: z.string().max(200).nullable().optional(),
});
export type CreateContactInput = z.infer<typeof createContactSchema>;

export const updateContactSchema = createContactSchema.partial();
export type UpdateContactInput = z.infer<typeof updateContactSchema>;

const queryBool = z.enum(['true', 'false']);

export const listContactsQuery = listQueryBase.extend({
  /** `name` sorts by last name (never null, so the cursor stays exact). */
  sort: z.enum(['name', 'created_at', 'updated_at']).default('name'),
  accountId: idSchema.optional(),
  ownerId: idSchema.optional(),
  /** true: B2B contacts (at an account); false: B2C consumers (no account). */
  hasAccount: queryBool.optional(),
  doNotContact: queryBool.optional(),
  createdFrom: dateTimeSchema.optional(),
  createdTo: dateTimeSchema.optional(),
});
export type ListContactsQuery = z.infer<typeof listContactsQuery>;
