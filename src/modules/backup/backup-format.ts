import { z } from 'zod';

/**
 * The backup file: gzip-compressed JSON lines, independent of the engine it was taken from.
 *
 *   {"format":"pipewright-backup","formatVersion":1,"schemaVersion":2,"createdAt":"…","engine":"pglite"}
 *   {"table":"organizations","columns":["id","name",…]}
 *   ["0b7e…","My Organization",…]                     one JSON array per row, in `columns` order
 *   {"table":"teams","columns":[…]}
 *   …
 *   {"end":true,"rows":{"organizations":1,"teams":3,…}}
 *
 * Tables come in an order that satisfies foreign keys. Values: timestamps as ISO 8601 strings in UTC
 * with microseconds, numerics and 64-bit integers as strings (exact), json/jsonb as JSON. SQL NULL
 * is `null`; a json value that is itself `null` (or an object whose only key is "$json") is written
 * as {"$json": value}, so the two cannot be confused.
 */
export const BACKUP_FORMAT = 'pipewright-backup';
export const BACKUP_FORMAT_VERSION = 1;

export const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  schemaVersion: z.number().int().min(1),
  createdAt: z.string(),
  engine: z.enum(['pglite', 'postgres']),
});
export type BackupHeader = z.infer<typeof headerSchema>;

export const tableLineSchema = z.object({ table: z.string().min(1), columns: z.array(z.string().min(1)).min(1) });
export type TableLine = z.infer<typeof tableLineSchema>;

export const endLineSchema = z.object({ end: z.literal(true), rows: z.record(z.string(), z.number().int().min(0)) });
export type EndLine = z.infer<typeof endLineSchema>;

export type BackupLine =
  { kind: 'table'; line: TableLine } | { kind: 'row'; values: unknown[] } | { kind: 'end'; line: EndLine };

const JSON_WRAPPER = '$json';

function needsWrapping(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === JSON_WRAPPER;
}

/** A json column's text (null for SQL NULL) as the value to write to the backup. */
export function encodeJson(text: string | null): unknown {
  if (text === null) return null;
  const value: unknown = JSON.parse(text);
  return needsWrapping(value) ? { [JSON_WRAPPER]: value } : value;
}

/** The reverse of encodeJson: the json text to store (null for SQL NULL). */
export function decodeJson(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === JSON_WRAPPER)
      return JSON.stringify((value as Record<string, unknown>)[JSON_WRAPPER]);
  }
  return JSON.stringify(value);
}

/** Classifies one line after the header. */
export function parseLine(text: string, lineNo: number): BackupLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`line ${lineNo} is not valid JSON`);
  }
  if (Array.isArray(value)) return { kind: 'row', values: value as unknown[] };
  const end = endLineSchema.safeParse(value);
  if (end.success) return { kind: 'end', line: end.data };
  const table = tableLineSchema.safeParse(value);
  if (table.success) return { kind: 'table', line: table.data };
  throw new Error(`line ${lineNo} is neither a table, a row nor the end marker`);
}
