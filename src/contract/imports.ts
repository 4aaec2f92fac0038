import { z } from 'zod';
import { idSchema } from './common.ts';
import { foldHeader, importEntities } from './import-fields.ts';
import { importPresets } from './import-presets.ts';

export const importEntitySchema = z.enum(importEntities);
export const onDuplicateChoices = ['skip', 'update', 'new'] as const;
export const missingEmailChoices = ['reject', 'placeholder'] as const;

/**
 * "Header=field" pairs as typed on the command line or sent in a query string. A name given twice
 * with different values is refused rather than the last one silently winning: one column fills one
 * field (`fold` says which spellings name the same column or stage).
 */
const pairs = (what: string, fold: (name: string) => string) =>
  z
    .array(z.string().regex(/^[^=]+=.*$/, `must be "Name=${what}"`))
    .max(200)
    .superRefine((items, ctx) => {
      const seen = new Map<string, { name: string; value: string }>();
      for (const p of items) {
        const name = p.slice(0, p.indexOf('=')).trim();
        const value = p.slice(p.indexOf('=') + 1).trim();
        const first = seen.get(fold(name));
        if (first && first.value !== value)
          ctx.addIssue({
            code: 'custom',
            message: `names "${name}" twice ("${first.name}=${first.value}" and "${name}=${value}"): one ${what === 'field' ? 'column fills one field' : what === 'Stage' ? 'stage of the file becomes one stage' : 'person of the file becomes one user'}; give it once`,
          });
        if (!first) seen.set(fold(name), { name, value });
      }
    })
    .transform((items) =>
      Object.fromEntries(items.map((p) => [p.slice(0, p.indexOf('=')).trim(), p.slice(p.indexOf('=') + 1).trim()])),
    );

/** Options of an import, the same for the CLI and the API. */
export const importOptionsSchema = z.strictObject({
  entity: importEntitySchema,
  preset: z.enum(importPresets).optional(),
  /** Column → field ("Header=field"); "Header=" ignores the column. */
  map: pairs('field', foldHeader).optional(),
  /** Stage names of the file → stage names of the pipeline ("Closed Won=Won"). */
  stageMap: pairs('Stage', (n) => n.toLowerCase()).optional(),
  /**
   * People as the file names them (owner, manager) → users of the organization by email, name or
   * external id ("J. Smith=jane.smith@example.com"); names that are users already need none.
   */
  userMap: pairs('user', (n) => n.toLowerCase()).optional(),
  createMissing: z.boolean().default(false),
  /**
   * Users without an email address: `reject` them (the file must have an email column), or give
   * them a generated `placeholder` address (`first.last@users.invalid`) to replace when inviting them.
   */
  missingEmail: z.enum(missingEmailChoices).default('reject'),
  onDuplicate: z.enum(onDuplicateChoices).default('skip'),
  dryRun: z.boolean().default(false),
  /** How to read dates written with slashes: 03/04/2025 is 4 March (mdy) or 3 April (dmy). */
  dateOrder: z.enum(['mdy', 'dmy']).default('mdy'),
  // One UTF-16 unit, as the parser compares them (zod's own length counts an emoji as one character).
  delimiter: z
    .string()
    .refine((d) => d.length === 1, 'must be one character, such as , ; | or a tab')
    .refine((d) => d !== '"' && d !== '\n' && d !== '\r', 'cannot be a quote or a line break')
    .default(','),
  batchSize: z.number().int().min(1).max(50_000).default(5000),
});
export type ImportOptionsInput = z.input<typeof importOptionsSchema>;
export type ImportOptions = z.output<typeof importOptionsSchema>;

export const importSummarySchema = z.object({
  rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  duplicates: z.number().int(),
  /** Accounts and products created for unknown references (--create-missing). */
  createdReferences: z.number().int(),
  /** Values the import made up where the file had none: SKUs from product names, placeholder email addresses. */
  generated: z.number().int().optional(),
  /**
   * Deals: new deals whose stage path the file does not tell (closed ones, and open ones past the
   * pipeline's first stage). The funnel and the Markov chain leave their paths out and say so.
   */
  pathUnknown: z.number().int().optional(),
  /** Deals: new deals without a creation date, recorded as created at their close (or at the import). */
  noCreationDate: z.number().int().optional(),
  dryRun: z.boolean(),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

/**
 * What an import summary tells beyond its counts, for the CLI and the web app alike: values the
 * import made up, and deals whose history the file did not hold.
 */
export function importSummaryNotes(s: ImportSummary): string[] {
  const would = s.dryRun ? 'would be' : 'were';
  const notes: string[] = [];
  if (s.generated)
    notes.push(
      `${s.generated} new rows ${would} given a generated value (a SKU from the product name, a placeholder email).`,
    );
  if (s.pathUnknown)
    notes.push(
      `${s.pathUnknown} deals ${would} imported without their stage history (closed, or open past the first stage): the funnel counts them in its outcomes but not its stages, and the Markov chain leaves their jump to the close out.`,
    );
  if (s.noCreationDate)
    notes.push(
      `${s.noCreationDate} deals have no creation date: they ${would} recorded as created on their close date (closed deals) or at the time of the import (open deals), so their cycle times are not known. Map a creation-date column to keep them.`,
    );
  return notes;
}

export const importJobStatuses = ['queued', 'running', 'succeeded', 'failed'] as const;

export const importJobSchema = z.object({
  id: idSchema,
  entity: importEntitySchema,
  status: z.enum(importJobStatuses),
  fileName: z.string().nullable(),
  fileBytes: z.number().int(),
  bytesRead: z.number().int(),
  rowsRead: z.number().int(),
  /** 0–100, from the bytes read. */
  percent: z.number(),
  summary: importSummarySchema.nullable(),
  error: z.string().nullable(),
  options: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type ImportJobDto = z.infer<typeof importJobSchema>;

/** Query string of POST /imports and /imports/preview (the body is the CSV itself). */
export const importQuerySchema = z.strictObject({
  entity: importEntitySchema,
  preset: z.enum(importPresets).optional(),
  map: z.union([z.string(), z.array(z.string())]).optional(),
  stageMap: z.union([z.string(), z.array(z.string())]).optional(),
  userMap: z.union([z.string(), z.array(z.string())]).optional(),
  createMissing: z.enum(['true', 'false']).optional(),
  missingEmail: z.enum(missingEmailChoices).optional(),
  onDuplicate: z.enum(onDuplicateChoices).optional(),
  dryRun: z.enum(['true', 'false']).optional(),
  dateOrder: z.enum(['mdy', 'dmy']).optional(),
  delimiter: z.string().optional(),
  /** Rows per transaction, as `pipewright import --batch-size`. */
  batchSize: z.coerce.number().optional(),
  fileName: z.string().max(300).optional(),
});
export type ImportQuery = z.infer<typeof importQuerySchema>;

export const previewRowSchema = z.object({
  line: z.number().int(),
  values: z.record(z.string(), z.string()),
  action: z.enum(['insert', 'update', 'reject']),
  problems: z.array(z.string()),
});

export const importPreviewSchema = z.object({
  headers: z.array(z.string()),
  mapping: z.array(
    z.object({ column: z.string(), field: z.string().nullable(), via: z.enum(['map', 'preset', 'name']).nullable() }),
  ),
  problems: z.array(z.string()),
  fields: z.array(z.object({ name: z.string(), required: z.boolean(), help: z.string().nullable() })),
  rows: z.array(previewRowSchema),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

/** Body of POST /<entity>/:id/merge: the record merged into the one in the path. */
export const mergeSchema = z.strictObject({ mergeId: idSchema });
export type MergeInput = z.infer<typeof mergeSchema>;
