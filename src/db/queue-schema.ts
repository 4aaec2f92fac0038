import { Logger, runMigrations } from 'graphile-worker';

const quiet = new Logger(() => () => undefined);

/**
 * Creates or upgrades graphile-worker's schema (`graphile_worker`) on a PostgreSQL server, so
 * jobs can be enqueued in any transaction from the first start on. graphile-worker detects a
 * concurrent migration by another server itself.
 */
export async function installQueueSchema(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: quiet });
}
