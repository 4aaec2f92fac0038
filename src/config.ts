import path from 'node:path';
import { z } from 'zod';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PIPEWRIGHT_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  PIPEWRIGHT_QUEUE_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  PIPEWRIGHT_SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  PIPEWRIGHT_SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .positive()
    .default(24 * 14),
  PIPEWRIGHT_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  PIPEWRIGHT_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  PIPEWRIGHT_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PIPEWRIGHT_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  PIPEWRIGHT_DB_BACKGROUND_POOL_SIZE: z.coerce.number().int().min(1).max(50).default(5),
  // Off behind a connection pooler in transaction mode that cannot carry named prepared statements.
  PIPEWRIGHT_DB_PREPARED_STATEMENTS: z.enum(['true', 'false']).default('true'),
  PIPEWRIGHT_WEBHOOK_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
  PIPEWRIGHT_WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(60).default(15),
  PIPEWRIGHT_BUSY_FEED_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
  PIPEWRIGHT_JOB_STALL_SECONDS: z.coerce.number().int().min(2).max(3600).default(15),
  PIPEWRIGHT_JOB_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
});

/** Values never echoed in error messages (they may hold passwords). */
const SECRET_KEYS = new Set([
  'DATABASE_URL',
  'DATABASE_READ_URL',
  'PIPEWRIGHT_QUEUE_DATABASE_URL',
  'PIPEWRIGHT_SESSION_SECRET',
]);

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** A streaming replica of databaseUrl's database for analytics, exports and reports. */
  databaseReadUrl: string | undefined;
  /** The same database reached directly (not through a pooler in transaction mode): the job queue LISTENs on it. */
  queueDatabaseUrl: string | undefined;
  sessionSecret: string | undefined;
  sessionTtlHours: number;
  secureCookies: boolean;
  /** Take the client address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy: boolean;
  logLevel: z.infer<typeof schema>['PIPEWRIGHT_LOG_LEVEL'];
  dbPoolSize: number;
  /** Connections of the pool background work uses on PostgreSQL (sealing, jobs, webhook delivery). */
  dbBackgroundPoolSize: number;
  /** Run the hottest statements as named prepared statements on PostgreSQL. */
  dbPreparedStatements: boolean;
  webhooks: {
    /** Deliver to loopback, private and link-local addresses too. */
    allowPrivate: boolean;
    timeoutMs: number;
  };
  busyFeeds: {
    /** Read reps' busy-time feeds from loopback, private and link-local hosts too. */
    allowPrivate: boolean;
  };
  /** A running job not heard of for this long is taken over by another server. */
  jobStallSeconds: number;
  /** Jobs one process runs at once. */
  jobConcurrency: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses and validates the configuration once; nothing else reads the environment. */
// eslint-disable-next-line no-restricted-properties -- the one place that reads the environment
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((i) => {
        const key = String(i.path[0]);
        return `${i.path.join('.')}: ${i.message}${SECRET_KEYS.has(key) ? '' : ` (got ${JSON.stringify(cleaned[key])})`}`;
      }),
    );
  }
  const c = result.data;
  if (c.DATABASE_READ_URL && !c.DATABASE_URL)
    throw new ConfigError(['DATABASE_READ_URL: a replica needs DATABASE_URL (the primary) to be set too']);
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: path.resolve(c.PIPEWRIGHT_DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    databaseReadUrl: c.DATABASE_READ_URL,
    queueDatabaseUrl: c.PIPEWRIGHT_QUEUE_DATABASE_URL,
    sessionSecret: c.PIPEWRIGHT_SESSION_SECRET,
    sessionTtlHours: c.PIPEWRIGHT_SESSION_TTL_HOURS,
    secureCookies: c.PIPEWRIGHT_SECURE_COOKIES === 'true',
    trustProxy: c.PIPEWRIGHT_TRUST_PROXY === 'true',
    logLevel: c.PIPEWRIGHT_LOG_LEVEL,
    dbPoolSize: c.PIPEWRIGHT_DB_POOL_SIZE,
    dbBackgroundPoolSize: c.PIPEWRIGHT_DB_BACKGROUND_POOL_SIZE,
    dbPreparedStatements: c.PIPEWRIGHT_DB_PREPARED_STATEMENTS === 'true',
    webhooks: {
      allowPrivate: c.PIPEWRIGHT_WEBHOOK_ALLOW_PRIVATE === 'true',
      timeoutMs: c.PIPEWRIGHT_WEBHOOK_TIMEOUT_SECONDS * 1000,
    },
    busyFeeds: { allowPrivate: c.PIPEWRIGHT_BUSY_FEED_ALLOW_PRIVATE === 'true' },
    jobStallSeconds: c.PIPEWRIGHT_JOB_STALL_SECONDS,
    jobConcurrency: c.PIPEWRIGHT_JOB_CONCURRENCY,
  };
}
