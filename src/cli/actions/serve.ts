import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { jobHandlers, shutdown } from '../../compose.ts';
import { loadConfig } from '../../config.ts';
import { buildApp } from '../../server/app.ts';
import type { App } from '../../server/types.ts';
import { WebhookDispatcher } from '../../modules/webhooks/webhook-dispatcher.ts';
import { inBackground } from '../../modules/context.ts';
import { describeDatabase, openDeps } from '../context.ts';
import { ensureFirstOrganization, type FirstStart } from '../first-start.ts';
import type { Io } from '../io.ts';

/** The built web app (npm run build), next to the sources. */
const WEB_ROOT = fileURLToPath(new URL('../../../dist/web', import.meta.url));

/** The address to show: a wildcard bind is reachable as localhost. */
function publicUrl(listening: string): string {
  return listening.replace('://0.0.0.0:', '://localhost:').replace('://[::]:', '://localhost:');
}

function printFirstStart(io: Io, url: string, first: FirstStart, hasSeed: boolean): void {
  io.out('');
  io.out(`First start: created the organization "${first.organization}" and its administrator.`);
  io.out(`Sign in at ${url} with`);
  io.out(`  email:    ${first.email}`);
  io.out(`  password: ${first.password}`);
  io.out('The password is shown only this once; change it after signing in.');
  if (hasSeed) io.out('Load demo data with: npm run pipewright -- seed demo');
  else io.out('Add users with: npm run pipewright -- user create --help');
  io.out('');
}

/** Resolves on the first SIGINT or SIGTERM; a second one while shutting down exits at once. */
function untilSignal(io: Io): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      io.err(`${signal} received: shutting down (again to force)`);
      const force = () => process.exit(1);
      process.once('SIGINT', force);
      process.once('SIGTERM', force);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

/** Runs the server until SIGINT or SIGTERM. `program` tells which commands exist, for the hints. */
export async function serve(io: Io, program: Command): Promise<void> {
  const config = loadConfig();
  const deps = await openDeps(config);
  let app: App | null = null;
  const dispatcher = new WebhookDispatcher(inBackground(deps), {
    onError: (err) => app?.log.error({ err }, 'looking for due webhook deliveries failed; it will be tried again'),
  });
  const lifecycle = { shuttingDown: false };
  try {
    // Events committed by a process that stopped before sealing them.
    await deps.sealer.sealAll();
    app = await buildApp(deps, {
      logger: { level: config.logLevel },
      secureCookies: config.secureCookies,
      trustProxy: config.trustProxy,
      webRoot: WEB_ROOT,
      lifecycle,
    });
    const url = publicUrl(await app.listen({ host: config.host, port: config.port }));
    // Delivery resumes from every endpoint's cursor: nothing a stopped or killed server was sending is lost.
    dispatcher.start();
    // Only once listening: a start that fails earlier (port taken) must not create an admin whose
    // password nobody saw.
    const first = await ensureFirstOrganization(deps);
    // Background jobs of every server of this database, this one included.
    await deps.jobs.start(jobHandlers(deps));
    io.out(`Pipewright is running at ${url}`);
    io.out(`  database: ${describeDatabase(deps.database)}`);
    if (deps.readDatabase !== deps.database)
      io.out(`  analytics, exports and reports read from: ${describeDatabase(deps.readDatabase)}`);
    io.out(`  background jobs: ${deps.jobs.engine}, ${config.jobConcurrency} at a time`);
    io.out(`  API reference: ${url}/api/docs`);
    if (first)
      printFirstStart(
        io,
        url,
        first,
        program.commands.some((c) => c.name() === 'seed'),
      );
    io.out('Stop with Ctrl+C.');
  } catch (err) {
    await app?.close();
    await dispatcher.stop();
    await shutdown(deps);
    throw err;
  }
  await untilSignal(io);
  // Not ready any more (a load balancer stops sending), no new connections, requests in flight
  // finish; then running jobs stop at a safe point and go back to the queue for another server.
  lifecycle.shuttingDown = true;
  await app.close();
  await dispatcher.stop();
  await shutdown(deps);
  io.err('stopped');
}
