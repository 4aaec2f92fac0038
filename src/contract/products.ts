import { z } from 'zod';
import { currencySchema, idSchema, listQueryBase, nameSchema, nonNegativeMoneySchema, optionalText } from './common.ts';

export const productSchema = z.object({
  id: idSchema,
  externalId: z.string().nullable(),
  sku: z.string(),
  name: z.string(),
  family: z.string().nullable(),
  description: z.string().nullable(),
  listPrice: z.string(),
  /** What a unit costs the organization (commission plans paid on margin); null when unknown. */
  cost: z.string().nullable(),
  currency: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ProductDto = z.infer<typeof productSchema>;

const skuSchema = z.string().trim().min(1, 'must not be empty').max(100);

export const createProductSchema = z.strictObject({
  sku: skuSchema,
  name: nameSchema,
  family: optionalText(200),
  description: optionalText(5000),
  listPrice: nonNegativeMoneySchema,
  cost: nonNegativeMoneySchema.nullable().optional(),
  /** Defaults to the organization's base currency. */
  currency: currencySchema.optional(),
  active: z.boolean().optional(),
  externalId: z.string().max(200).nullable().optional(),
});
export type CreateProductInput = z.infer<typeof createProductSchema>;

export const updateProductSchema = createProductSchema.partial();
export type UpdateProductInput = z.infer<typeof updateProductSchema>;

export const listProductsQuery = listQueryBase.extend({
  sort: z.enum(['name', 'sku', 'created_at', 'updated_at']).default('name'),
  family: z.string().max(200).optional(),
  active: z.enum(['true', 'false']).optional(),
});
export type ListProductsQuery = z.infer<typeof listProductsQuery>;
