import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { systemClock, uuidGenerator, type Clock, type IdGenerator } from './domain/deps.ts';
import { ensureTokenSecret } from './modules/auth/auth.service.ts';
import { inBackground, type Deps } from './modules/context.ts';
import { ChainSealer } from './modules/events/chain.ts';
import { createEventLog } from './modules/events/event-log.ts';
import {
  createHttpTransport,
  defaultWebhookSettings,
  type WebhookSettings,
} from './modules/webhooks/webhook-transport.ts';
import { importGaveUp, runImportJob } from './modules/imports/import-jobs.service.ts';
import type { RunnerOptions } from './modules/jobs/job-runs.ts';
import { GraphileJobQueue } from './modules/jobs/graphile-queue.ts';
import { LocalJobQueue } from './modules/jobs/local-queue.ts';
import { runWebhookJob, WEBHOOK_JOB } from './modules/webhooks/webhook-jobs.ts';
import { DETECT_JOB, runDetectionJob } from './modules/oversight/findings.service.ts';
import { REFIT_JOB, runRefitJob } from './modules/scoring/model.service.ts';
import { REGISTRATION_EXPIRY_JOB, runRegistrationExpiryJob } from './modules/channel/registration-expiry.ts';
import { LEAD_OFFER_EXPIRY_JOB, runLeadOfferExpiryJob } from './modules/channel/lead-offer-expiry.ts';
import {
  REGISTRATION_ESCALATION_JOB,
  runRegistrationEscalationJob,
} from './modules/channel/registration-escalation.ts';
import { HANDOFF_SLA_JOB } from './modules/handoffs/handoffs.service.ts';
import { runHandoffSlaJob } from './modules/handoffs/handoff-jobs.ts';
import { CADENCE_STEP_JOB, runCadenceStepJob } from './modules/cadences/cadences.service.ts';
import { APPROVAL_ESCALATION_JOB, runApprovalEscalationJob } from './modules/oversight/approval-escalation.ts';
import type { JobHandlers, JobQueue } from './modules/jobs/queue.ts';
import { defaultBusyFeedSettings, type BusyFeedSettings } from './modules/booking/busy-feed-fetch.ts';
import { BUSY_FEED_SYNC_JOB, runBusyFeedSyncJob } from './modules/booking/busy-feed.service.ts';

export interface ComposeOptions {
  clock?: Clock;
  ids?: IdGenerator;
  /** Run pending migrations on open (default true). */
  migrate?: boolean;
  /** Hears of a failed background seal (default: a line on stderr). */
  onSealError?: (err: unknown, orgId: string) => void;
  /** Webhook delivery settings (default: from the configuration, else private receivers refused, 15 s, 4 at once). */
  webhooks?: Partial<WebhookSettings>;
  /** Busy-time feed fetching (default: from the configuration, else https only, private hosts refused, 10 s, 2 MB). */
  busyFeeds?: Partial<BusyFeedSettings>;
  /** Hears of a failure in the job queue outside a job (default: a line on stderr). */
  onJobError?: (err: unknown, what: string) => void;
  /** The job queue engine: graphile-worker on a server, in process on the embedded engine (default). */
  jobEngine?: 'graphile-worker' | 'in-process';
  /** A replica to read analytics, exports and reports from (default: the database itself). */
  readDatabase?: Database;
  /** The pool background work uses (default: the database itself). */
  backgroundDatabase?: Database;
}

const logLine = (fields: Record<string, unknown>): void => {
  process.stderr.write(`${JSON.stringify({ level: 'error', ...fields })}\n`);
};

const reportSealError = (err: unknown, orgId: string): void =>
  logLine({
    msg: 'sealing the event chain failed; will retry',
    orgId,
    err: err instanceof Error ? err.message : String(err),
  });

const reportJobError = (err: unknown, what: string): void =>
  logLine({ msg: `job queue: ${what} failed`, err: err instanceof Error ? err.message : String(err) });

/** Settings of the background work with their defaults (the same as the configuration's). */
export type JobSettings = Pick<Config, 'jobStallSeconds' | 'jobConcurrency' | 'dbPreparedStatements'> & {
  queueDatabaseUrl?: string | undefined;
};
const defaultJobSettings: JobSettings = { jobStallSeconds: 15, jobConcurrency: 4, dbPreparedStatements: true };

function buildQueue(
  database: Database,
  settings: JobSettings,
  base: {
    clock: Clock;
    ids: IdGenerator;
    onError: (err: unknown, what: string) => void;
    onMaintain: () => Promise<void>;
    onFailed: NonNullable<RunnerOptions['onFailed']>;
  },
  engine: ComposeOptions['jobEngine'],
): JobQueue {
  const runner = {
    ...base,
    db: database.db,
    stallMs: settings.jobStallSeconds * 1000,
    concurrency: settings.jobConcurrency,
  };
  if (database.connectionString && engine !== 'in-process')
    return new GraphileJobQueue({
      ...runner,
      connectionString: settings.queueDatabaseUrl ?? database.connectionString,
      pollMs: 2000,
      preparedStatements: settings.dbPreparedStatements,
    });
  return new LocalJobQueue({ ...runner, pollMs: 500, exclusive: database.engine === 'pglite' });
}

/** The composition root: opens the database and builds the dependencies every service receives. */
export async function composeFromDatabase(
  database: Database,
  config: Pick<Config, 'sessionSecret' | 'sessionTtlHours'> &
    Partial<Pick<Config, 'webhooks' | 'busyFeeds'>> &
    Partial<JobSettings>,
  opts: ComposeOptions = {},
): Promise<Deps> {
  const clock = opts.clock ?? systemClock;
  const ids = opts.ids ?? uuidGenerator;
  if (opts.migrate !== false) await migrate(database, () => clock.now());
  const background = opts.backgroundDatabase ?? database;
  const sealer = new ChainSealer(background, clock, opts.onSealError ?? reportSealError);
  const tokenSecret = await ensureTokenSecret(database.db, config.sessionSecret);
  const webhooks: WebhookSettings = { ...defaultWebhookSettings, ...config.webhooks, ...opts.webhooks };
  const settings = { ...defaultJobSettings, ...withoutUndefined(config) };
  return {
    database,
    db: database.db,
    readDatabase: opts.readDatabase ?? database,
    backgroundDatabase: background,
    clock,
    ids,
    sealer,
    eventLog: createEventLog(clock),
    jobs: buildQueue(
      background,
      settings,
      {
        clock,
        ids,
        onError: opts.onJobError ?? reportJobError,
        // Events a server that died committed but never sealed are sealed by the others within seconds.
        onMaintain: () => sealer.sealAll(),
        onFailed: (trx, job) => importGaveUp(trx, job, clock.now()),
      },
      opts.jobEngine,
    ),
    tokenSecret,
    sessionTtlMs: config.sessionTtlHours * 3600 * 1000,
    webhooks,
    webhookTransport: createHttpTransport(webhooks),
    busyFeeds: { ...defaultBusyFeedSettings, ...config.busyFeeds, ...opts.busyFeeds },
  };
}

function withoutUndefined(config: Partial<JobSettings>): Partial<JobSettings> {
  return Object.fromEntries(
    (['jobStallSeconds', 'jobConcurrency', 'dbPreparedStatements', 'queueDatabaseUrl'] as const)
      .filter((k) => config[k] !== undefined)
      .map((k) => [k, config[k]]),
  );
}

/** What each kind of job does; the queue runs them in the processes that serve. */
export function jobHandlers(all: Deps): JobHandlers {
  const deps = inBackground(all);
  return {
    import: (ctx) => runImportJob(deps, ctx),
    [WEBHOOK_JOB]: (ctx) => runWebhookJob(deps, ctx),
    [DETECT_JOB]: (ctx) => runDetectionJob(deps, ctx),
    [REFIT_JOB]: (ctx) => runRefitJob(deps, ctx),
    [REGISTRATION_EXPIRY_JOB]: (ctx) => runRegistrationExpiryJob(deps, ctx),
    [LEAD_OFFER_EXPIRY_JOB]: (ctx) => runLeadOfferExpiryJob(deps, ctx),
    [REGISTRATION_ESCALATION_JOB]: (ctx) => runRegistrationEscalationJob(deps, ctx),
    [HANDOFF_SLA_JOB]: (ctx) => runHandoffSlaJob(deps, ctx),
    [CADENCE_STEP_JOB]: (ctx) => runCadenceStepJob(deps, ctx),
    [APPROVAL_ESCALATION_JOB]: (ctx) => runApprovalEscalationJob(deps, ctx),
    [BUSY_FEED_SYNC_JOB]: (ctx) => runBusyFeedSyncJob(deps, ctx),
  };
}

export async function compose(config: Config, opts: ComposeOptions = {}): Promise<Deps> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.dbPoolSize,
    preparedStatements: config.dbPreparedStatements,
  });
  let replica: Database | undefined;
  let background: Database | undefined;
  try {
    // Background work on a pool of its own: sealing and deliveries never wait behind requests.
    if (config.databaseUrl)
      background = await openDatabase({
        databaseUrl: config.databaseUrl,
        dataDir: config.dataDir,
        poolSize: config.dbBackgroundPoolSize,
        preparedStatements: config.dbPreparedStatements,
      });
    if (config.databaseReadUrl)
      replica = await openDatabase({
        databaseUrl: config.databaseReadUrl,
        dataDir: config.dataDir,
        poolSize: config.dbPoolSize,
        preparedStatements: config.dbPreparedStatements,
      });
    return await composeFromDatabase(database, config, {
      ...opts,
      ...(replica ? { readDatabase: replica } : {}),
      ...(background ? { backgroundDatabase: background } : {}),
    });
  } catch (err) {
    await replica?.close();
    await background?.close();
    await database.close();
    throw err;
  }
}

/** Stops the job runner (handing running jobs back), seals what was written, closes the databases. */
export async function shutdown(deps: Deps): Promise<void> {
  await deps.jobs.stop();
  await deps.sealer.flush();
  deps.webhookTransport.close();
  if (deps.readDatabase !== deps.database) await deps.readDatabase.close();
  if (deps.backgroundDatabase !== deps.database) await deps.backgroundDatabase.close();
  await deps.database.close();
}
