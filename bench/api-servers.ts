/**
 * The servers under test of api.bench.ts, run in a child process so that the load generator
 * (autocannon) does not share their event loop: Pipewright as `serve` builds it, and the baseline,
 * a bare Fastify + pg server issuing the SQL a minimal correct handler needs and nothing else
 * (no auth, no access checks, no rules, no response schema).
 *
 * argv: <database url> <org id> <pool size>. Sends { api, baseline } ports over IPC once both
 * listen; answers 'cpu' with this process's CPU time so far (µs); closes everything on 'stop'.
 */
import Fastify from 'fastify';
import pg from 'pg';
import { composeFromDatabase } from '../src/compose.ts';
import { openDatabase } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';

const [url = '', orgId = '', poolArg = '10'] = process.argv.slice(2);
const poolSize = Number(poolArg);

/** Deal columns plus its line items and contact roles (what the API returns), in one statement. */
const DEAL_WITH_CHILDREN = `
  d.*,
  (select coalesce(json_agg(json_build_object('id', l.id, 'product_id', l.product_id, 'position', l.position, 'quantity', l.quantity::text,
                                               'unit_price', l.unit_price::text, 'discount_percent', l.discount_percent::text) order by l.position), '[]')
     from deal_line_items l where l.org_id = d.org_id and l.deal_id = d.id) as line_items,
  (select coalesce(json_agg(json_build_object('contact_id', c.contact_id, 'role', c.role) order by c.contact_id, c.role), '[]')
     from deal_contacts c where c.org_id = d.org_id and c.deal_id = d.id) as contact_roles`;

async function baselineServer() {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const app = Fastify();
  app.get<{ Params: { id: string } }>('/deals/:id', async (req, reply) => {
    const r = await pool.query(
      `select ${DEAL_WITH_CHILDREN} from deals d where d.org_id = $1 and d.id = $2 and d.deleted_at is null`,
      [orgId, req.params.id],
    );
    return r.rows[0] ?? reply.status(404).send({ code: 'not_found' });
  });
  app.get<{ Querystring: { stageId: string; status: string; limit: string } }>('/deals', async (req) => {
    const limit = Number(req.query.limit);
    const r = await pool.query(
      `select ${DEAL_WITH_CHILDREN} from deals d where d.org_id = $1 and d.deleted_at is null and d.stage_id = $2 and d.status = $3 order by d.created_at, d.id limit $4`,
      [orgId, req.query.stageId, req.query.status, limit + 1],
    );
    return { items: r.rows.slice(0, limit), more: r.rows.length > limit };
  });
  // Lock the row (and check the version the client sent), update it, append the event: one transaction.
  app.post<{ Params: { id: string }; Body: { stageId: string } }>('/deals/:id/stage', async (req, reply) => {
    const c = await pool.connect();
    try {
      await c.query('begin');
      const before = await c.query<{ stage_id: string; version: number }>(
        'select stage_id, version from deals where org_id = $1 and id = $2 and deleted_at is null for update',
        [orgId, req.params.id],
      );
      const row = before.rows[0];
      if (!row || String(row.version) !== req.headers['if-match']) {
        await c.query('rollback');
        return await reply.status(row ? 409 : 404).send({ code: row ? 'version_conflict' : 'not_found' });
      }
      const r = await c.query(
        'update deals set stage_id = $3, stage_entered_at = now(), version = version + 1, updated_at = now() where org_id = $1 and id = $2 returning *',
        [orgId, req.params.id, req.body.stageId],
      );
      await c.query(
        `insert into events (org_id, occurred_at, entity_type, entity_id, type, data) values ($1, now(), 'deal', $2, 'deal.stage_changed', $3)`,
        [orgId, req.params.id, JSON.stringify({ from: row.stage_id, to: req.body.stageId })],
      );
      await c.query('commit');
      return r.rows[0];
    } catch (e) {
      await c.query('rollback');
      throw e;
    } finally {
      c.release();
    }
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    close: async () => {
      await app.close();
      await pool.end();
    },
  };
}

async function apiServer() {
  const database = await openDatabase({ databaseUrl: url, dataDir: '', poolSize });
  const deps = await composeFromDatabase(
    database,
    { sessionSecret: undefined, sessionTtlHours: 1 },
    { migrate: false },
  );
  const app = await buildApp(deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    close: async () => {
      await app.close();
      await deps.sealer.flush();
      await database.close();
    },
  };
}

function portOf(app: { server: { address(): unknown } }): number {
  const a = app.server.address();
  return typeof a === 'object' && a !== null && 'port' in a ? Number(a.port) : 0;
}

const api = await apiServer();
const baseline = await baselineServer();
process.on('message', (m) => {
  if (m === 'cpu') {
    const u = process.cpuUsage();
    process.send?.({ cpuMicros: u.user + u.system });
    return;
  }
  if (m !== 'stop') return;
  void Promise.all([api.close(), baseline.close()]).then(() => process.exit(0));
});
process.send?.({ api: portOf(api.app), baseline: portOf(baseline.app) });
