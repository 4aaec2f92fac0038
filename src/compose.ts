import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { systemClock, uuidGenerator, type Clock, type IdGenerator } from './domain/deps.ts';
import { ensureTokenSecret } from './modules/auth/auth.service.ts';
import type { Deps } from './modules/context.ts';
import { ChainSealer } from './modules/events/chain.ts';
import {
  createHttpTransport,
  defaultWebhookSettings,
  type WebhookSettings,
} from './modules/webhooks/webhook-transport.ts';

export interface ComposeOptions {
  clock?: Clock;
  ids?: IdGenerator;
  /** Run pending migrations on open (default true). */
  migrate?: boolean;
  /** Hears of a failed background seal (default: a line on stderr). */
  onSealError?: (err: unknown, orgId: string) => void;
  /** Webhook delivery settings (default: from the configuration, else private receivers refused, 15 s, 4 at once). */
  webhooks?: Partial<WebhookSettings>;
}

const reportSealError = (err: unknown, orgId: string): void => {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(
    `${JSON.stringify({ level: 'error', msg: 'sealing the event chain failed; will retry', orgId, err: message })}\n`,
  );
};

/** The composition root: opens the database and builds the dependencies every service receives. */
export async function composeFromDatabase(
  database: Database,
  config: Pick<Config, 'sessionSecret' | 'sessionTtlHours'> & Partial<Pick<Config, 'webhooks'>>,
  opts: ComposeOptions = {},
): Promise<Deps> {
  const clock = opts.clock ?? systemClock;
  if (opts.migrate !== false) await migrate(database, () => clock.now());
  const sealer = new ChainSealer(database, clock, opts.onSealError ?? reportSealError);
  const tokenSecret = await ensureTokenSecret(database.db, config.sessionSecret);
  const webhooks: WebhookSettings = { ...defaultWebhookSettings, ...config.webhooks, ...opts.webhooks };
  return {
    database,
    db: database.db,
    clock,
    ids: opts.ids ?? uuidGenerator,
    sealer,
    tokenSecret,
    sessionTtlMs: config.sessionTtlHours * 3600 * 1000,
    webhooks,
    webhookTransport: createHttpTransport(webhooks),
  };
}

export async function compose(config: Config, opts: ComposeOptions = {}): Promise<Deps> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.dbPoolSize,
    preparedStatements: config.dbPreparedStatements,
  });
  try {
    return await composeFromDatabase(database, config, opts);
  } catch (err) {
    await database.close();
    throw err;
  }
}

export async function shutdown(deps: Deps): Promise<void> {
  await deps.sealer.flush();
  deps.webhookTransport.close();
  await deps.database.close();
}
