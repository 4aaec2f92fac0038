import { z } from 'zod';
import { idSchema, queryList } from './common.ts';

export const searchTypes = ['account', 'contact', 'lead', 'deal'] as const;
export const searchTypeSchema = z.enum(searchTypes);
export type SearchType = z.infer<typeof searchTypeSchema>;

export const searchQuery = z.object({
  q: z.string().trim().min(1, 'must not be empty').max(200),
  /** Which record types to search (comma list or repeated); all of them when absent. */
  types: queryList(searchTypeSchema, searchTypes.length).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.infer<typeof searchQuery>;

export const searchResultSchema = z.object({
  type: searchTypeSchema,
  id: idSchema,
  title: z.string(),
  subtitle: z.string().nullable(),
  /** Relevance between 0 (barely) and 1 (exact match): trigram similarity, raised for prefix and exact matches. */
  score: z.number(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const searchResponseSchema = z.object({ items: z.array(searchResultSchema) });
