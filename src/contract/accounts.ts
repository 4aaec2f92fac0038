import { z } from 'zod';
import { currencySchema, idSchema, listQueryBase, nameSchema, nonNegativeMoneySchema, optionalText } from './common.ts';

export const accountTypes = [
  'prospect',
  'customer',
  'distributor',
  'reseller',
  'value_added_reseller',
  'agency',
  'competitor',
  'other',
] as const;
export const accountTypeSchema = z.enum(accountTypes);
/** Account types that can be a channel partner on a deal. */
export const partnerAccountTypes: readonly string[] = ['distributor', 'reseller', 'value_added_reseller', 'agency'];

/** A lower-cased domain name (also used for a lead's company domain). */
export const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?!-)[a-z0-9-]{1,63}(?<!-)(\.[a-z0-9-]{1,63})+$/, 'must be a domain name such as example.com')
  .max(253);

export const accountSchema = z.object({
  id: idSchema,
  externalId: z.string().nullable(),
  name: z.string(),
  domain: z.string().nullable(),
  industry: z.string().nullable(),
  employees: z.number().int().nullable(),
  annualRevenue: z.string().nullable(),
  revenueCurrency: z.string().nullable(),
  address: z.object({
    street: z.string().nullable(),
    city: z.string().nullable(),
    region: z.string().nullable(),
    postalCode: z.string().nullable(),
    country: z.string().nullable(),
  }),
  type: accountTypeSchema,
  ownerId: idSchema.nullable(),
  parentAccountId: idSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type AccountDto = z.infer<typeof accountSchema>;

const addressInput = z.strictObject({
  street: optionalText(300),
  city: optionalText(200),
  region: optionalText(200),
  postalCode: optionalText(40),
  country: optionalText(100),
});

export const createAccountSchema = z.strictObject({
  name: nameSchema,
  externalId: z.string().max(200).nullable().optional(),
  domain: domainSchema.nullable().optional(),
  industry: optionalText(200),
  employees: z.number().int().min(0).max(10_000_000).nullable().optional(),
  annualRevenue: nonNegativeMoneySchema.nullable().optional(),
  revenueCurrency: currencySchema.nullable().optional(),
  address: addressInput.optional(),
  type: accountTypeSchema.optional(),
  ownerId: idSchema.nullable().optional(),
  parentAccountId: idSchema.nullable().optional(),
});
export type CreateAccountInput = z.infer<typeof createAccountSchema>;

export const updateAccountSchema = createAccountSchema.partial();
export type UpdateAccountInput = z.infer<typeof updateAccountSchema>;

export const listAccountsQuery = listQueryBase.extend({
  sort: z.enum(['name', 'created_at', 'updated_at']).default('name'),
  type: accountTypeSchema.optional(),
  ownerId: idSchema.optional(),
  industry: z.string().max(200).optional(),
  domain: z.string().max(253).optional(),
  parentAccountId: idSchema.optional(),
  createdFrom: z.iso.datetime({ offset: true }).optional(),
  createdTo: z.iso.datetime({ offset: true }).optional(),
  employeesMin: z.coerce.number().int().min(0).optional(),
  employeesMax: z.coerce.number().int().min(0).optional(),
});
export type ListAccountsQuery = z.infer<typeof listAccountsQuery>;
