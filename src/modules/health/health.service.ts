import { ping } from '../../db/database.ts';
import { pendingMigrations } from '../../db/migrate.ts';
import type { Deps } from '../context.ts';

export interface Readiness {
  ok: boolean;
  /** What is not ready, in words (empty when ready). */
  problems: string[];
}

/**
 * Whether this server should receive traffic: it is not shutting down, its database answers and
 * its schema is fully migrated (a server of a newer version may be migrating it).
 */
export async function readiness(deps: Deps, shuttingDown: boolean): Promise<Readiness> {
  const problems: string[] = [];
  if (shuttingDown) problems.push('shutting down');
  try {
    await ping(deps.db);
    const pending = await pendingMigrations(deps.database);
    if (pending.length > 0) problems.push(`migrations pending: ${pending.join(', ')}`);
  } catch (err) {
    problems.push(`database unavailable: ${err instanceof Error ? err.message : String(err)}`);
  }
  return { ok: problems.length === 0, problems };
}
