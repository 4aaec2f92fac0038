import { CompiledQuery, type Compilable } from 'kysely';
import type { DbExecutor } from './database.ts';

/** Ends the SQL text of the statements that the PostgreSQL pool runs as named prepared statements. */
export const PREPARED_MARK = '/* prepared */';

/** Stands for an argument while the query is compiled. */
class Placeholder {
  constructor(readonly key: string) {}
}

type Scalar = string | number | boolean | Date | null;

/**
 * A hot query compiled once and run as a named prepared statement on PostgreSQL: Kysely builds
 * and compiles it on the first call only, and the server parses and plans it once per connection
 * instead of on every call (most of its work for a lookup by key).
 *
 * `build` is called once, with placeholders for the arguments: it must not branch on them, and
 * they must be scalars (an IN list would change the SQL text with its length). Only for statements
 * whose best plan does not depend on the values, since the server may settle on a generic plan
 * after five runs. Select or return listed columns rather than `*`, so that a migration adding a
 * column cannot change the result type of a statement prepared by a running server.
 */
export function preparedQuery<A extends Record<string, Scalar>, O>(
  build: (db: DbExecutor, args: A) => Compilable<O>,
): (db: DbExecutor, args: A) => Promise<O[]> {
  let compiled: { sql: string; parameters: readonly unknown[] } | undefined;
  return async (db, args) => {
    if (!compiled) {
      const placeholders = new Proxy({}, { get: (_target, key) => new Placeholder(String(key)) }) as A;
      const c = build(db, placeholders).compile();
      compiled = { sql: `${c.sql} ${PREPARED_MARK}`, parameters: c.parameters };
    }
    const parameters = compiled.parameters.map((p) => (p instanceof Placeholder ? args[p.key] : p));
    const result = await db.executeQuery<O>(CompiledQuery.raw(compiled.sql, parameters));
    return result.rows;
  };
}
