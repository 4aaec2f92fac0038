import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { AppError } from '../contract/errors.ts';

/** Cursor: base64url JSON of the last row's sort value and id. Opaque to clients. */
export function encodeCursor(sortValue: unknown, id: string): string {
  const v = sortValue instanceof Date ? sortValue.toISOString() : sortValue;
  return Buffer.from(JSON.stringify([v, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [string | number | boolean | null, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'string') {
      const v: unknown = parsed[0];
      if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return [v, parsed[1]];
    }
  } catch {
    // fall through
  }
  throw new AppError('validation_failed', 'The cursor is not valid; start again from the first page', {
    fields: [{ field: 'cursor', message: 'is not a cursor returned by this list' }],
  });
}

/**
 * Keyset condition "after the cursor" for ORDER BY sortColumn, id (both in `order`).
 * sortColumn must be NOT NULL (or coalesced) for the keyset to be exact.
 */
export function afterCursor(
  sortColumn: string,
  idColumn: string,
  order: 'asc' | 'desc',
  cursor: string,
): RawBuilder<SqlBool> {
  const [value, id] = decodeCursor(cursor);
  const op = sql.raw(order === 'asc' ? '>' : '<');
  return sql<SqlBool>`(${sql.ref(sortColumn)}, ${sql.ref(idColumn)}) ${op} (${value}, ${id})`;
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Escapes LIKE wildcards in user text and matches it anywhere. */
export function likePattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** Escapes LIKE wildcards in user text and matches it at the start. */
export function prefixPattern(text: string): string {
  return `${escapeLike(text)}%`;
}
