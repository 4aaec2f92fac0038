/**
 * Event-chain contention: does sealing after commit keep writers of one organization from
 * queueing behind one lock? Both variants run the same business SQL (lock the row, update it,
 * append an event); they differ only in chain handling:
 *  - sealed-after-commit (Pipewright): the transaction appends an unsealed event; the sealer
 *    chains committed events in short batches afterwards.
 *  - hash-in-transaction (baseline a naive design would use): the transaction locks the chain
 *    head, computes the hash and holds that lock until commit.
 * Reported as transactions per second at several concurrency levels, and the ratio.
 */
import { sql } from 'kysely';
import { composeFromDatabase } from '../src/compose.ts';
import { openDatabase } from '../src/db/database.ts';
import { GENESIS_HASH, hashEvent } from '../src/domain/event-hash.ts';
import { verifyChain } from '../src/modules/events/chain.ts';
import type { Deps } from '../src/modules/context.ts';
import { createOrganization } from '../src/modules/users/users.service.ts';
import { scratchDatabase, writeResult } from './lib.ts';

const DURATION_MS = 5000;
const CONCURRENCY = [1, 8, 32];
/** Work inside the transaction after the event is appended (reads a real write would do). */
const EXTRA_QUERIES = 3;

async function setup(deps: Deps, n: number): Promise<{ orgId: string; ids: string[] }> {
  const { organization, admin } = await createOrganization(deps, {
    organization: { name: `Bench ${Date.now()}`, baseCurrency: 'USD', timezone: 'UTC', fiscalYearStartMonth: 1 },
    admin: { email: 'bench@example.test', name: 'Bench', password: 'benchmark-password' },
  });
  const ids = Array.from({ length: n }, () => deps.ids.id());
  const now = new Date();
  await deps.db
    .insertInto('accounts')
    .values(
      ids.map((id, i) => ({
        org_id: organization.id,
        id,
        name: `Account ${i}`,
        type: 'prospect',
        owner_id: admin.id,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  return { orgId: organization.id, ids };
}

async function businessWrite(trx: Deps['db'], orgId: string, id: string): Promise<void> {
  await sql`select id from accounts where org_id = ${orgId} and id = ${id} for update`.execute(trx);
  await sql`update accounts set employees = coalesce(employees, 0) + 1, version = version + 1 where org_id = ${orgId} and id = ${id}`.execute(
    trx,
  );
}

async function extraReads(trx: Deps['db'], orgId: string): Promise<void> {
  for (let i = 0; i < EXTRA_QUERIES; i++) await sql`select count(*) from users where org_id = ${orgId}`.execute(trx);
}

async function sealedAfterCommit(deps: Deps, orgId: string, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await businessWrite(trx, orgId, id);
    await trx
      .insertInto('events')
      .values({
        org_id: orgId,
        occurred_at: new Date(),
        actor_id: null,
        entity_type: 'account',
        entity_id: id,
        type: 'account.updated',
        data: JSON.stringify({ changes: { employees: { from: 0, to: 1 } } }),
      })
      .execute();
    await extraReads(trx, orgId);
  });
  deps.sealer.schedule(orgId);
}

async function hashInTransaction(deps: Deps, orgId: string, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await businessWrite(trx, orgId, id);
    const head = await trx
      .selectFrom('event_chain_heads')
      .select(['last_seq', 'last_hash'])
      .where('org_id', '=', orgId)
      .forUpdate()
      .executeTakeFirst();
    const seq = (head?.last_seq ?? 0) + 1;
    const prevHash = head?.last_hash ?? GENESIS_HASH;
    const occurredAt = new Date();
    const data = { changes: { employees: { from: 0, to: 1 } } };
    const hash = hashEvent({
      orgId,
      seq,
      occurredAt,
      businessTime: null,
      imported: false,
      actorId: null,
      entityType: 'account',
      entityId: id,
      type: 'account.updated',
      data,
      prevHash,
    });
    await trx
      .insertInto('events')
      .values({
        org_id: orgId,
        seq,
        occurred_at: occurredAt,
        actor_id: null,
        entity_type: 'account',
        entity_id: id,
        type: 'account.updated',
        data: JSON.stringify(data),
        prev_hash: prevHash,
        hash,
      })
      .execute();
    await trx
      .insertInto('event_chain_heads')
      .values({ org_id: orgId, last_seq: seq, last_hash: hash, sealed_at: occurredAt })
      .onConflict((oc) => oc.column('org_id').doUpdateSet({ last_seq: seq, last_hash: hash, sealed_at: occurredAt }))
      .execute();
    await extraReads(trx, orgId);
  });
}

async function run(concurrency: number, ids: string[], op: (id: string) => Promise<void>): Promise<number> {
  let done = 0;
  const until = Date.now() + DURATION_MS;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      let i = w;
      while (Date.now() < until) {
        await op(ids[i % ids.length] ?? '');
        i += concurrency;
        done++;
      }
    }),
  );
  return (done * 1000) / DURATION_MS;
}

async function main(): Promise<void> {
  const scratch = await scratchDatabase('pw_bench_chain');
  const database = await openDatabase({ databaseUrl: scratch.url, dataDir: '', poolSize: 40 });
  const results: Record<string, unknown>[] = [];
  try {
    const deps = await composeFromDatabase(database, { sessionSecret: undefined, sessionTtlHours: 1 });
    // Separate organizations so each variant owns its chain.
    const a = await setup(deps, 1000);
    const b = await setup(deps, 1000);
    await deps.sealer.flush();
    for (const c of CONCURRENCY) {
      const sealed = await run(c, a.ids, (id) => sealedAfterCommit(deps, a.orgId, id));
      await deps.sealer.flush();
      const naive = await run(c, b.ids, (id) => hashInTransaction(deps, b.orgId, id));
      const row = {
        concurrency: c,
        sealedAfterCommitTps: Math.round(sealed),
        hashInTransactionTps: Math.round(naive),
        ratio: Number((sealed / naive).toFixed(2)),
      };
      results.push(row);
      console.log(
        `concurrency ${String(c).padStart(3)}: sealed-after-commit ${row.sealedAfterCommitTps} tx/s, hash-in-transaction ${row.hashInTransactionTps} tx/s, ratio ${row.ratio}`,
      );
    }
    const va = await verifyChain(deps.db, a.orgId);
    const vb = await verifyChain(deps.db, b.orgId);
    console.log(
      `chains verify: sealed-after-commit ${va.ok} (${va.checked} events), hash-in-transaction ${vb.ok} (${vb.checked} events)`,
    );
    writeResult('chain', {
      engine: 'postgres',
      durationMsPerRun: DURATION_MS,
      extraQueriesPerTransaction: EXTRA_QUERIES,
      results,
      verified: va.ok && vb.ok,
    });
  } finally {
    await database.close();
    await scratch.drop();
  }
}

await main();
