/**
 * The same-storage baseline of the import benchmark: what `pipewright import deals` stores for a
 * deals file (the deal rows, their events with the hash chain, their stage visits, and through the
 * visits' triggers the deal traces), written as three files in PostgreSQL's COPY text format with
 * every id resolved and every hash computed beforehand, so that `psql \copy` of them into the real
 * tables (all indexes, foreign keys and triggers on) measures the database's share of an import
 * alone. The rows mirror the importer's: a deal created in its stage (an open deal, path unknown)
 * or created in the first stage and moved to Won/Lost when it closed (stage change and won/lost
 * events, two visits).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import pg from 'pg';
import { composeFromDatabase, shutdown } from '../src/compose.ts';
import { importOptionsSchema } from '../src/contract/imports.ts';
import { openDatabase } from '../src/db/database.ts';
import { actorForUser } from '../src/modules/auth/auth.service.ts';
import { runImport } from '../src/modules/imports/run-import.ts';
import { setUpOrganization } from '../src/modules/organizations/set-up-organization.ts';
import { createUser } from '../src/modules/users/users.service.ts';
import { scratchDatabase, scratchDir } from './lib.ts';
import { canonicalJson, EMPTY_CHAIN, sealNext, type ChainHead } from '../src/domain/event-hash.ts';
import { eventCatalog } from '../src/contract/events/catalog.ts';
import { SEALED_EVENT_COLUMNS, STAGE_VISIT_COLUMNS } from '../src/modules/events/events.repository.ts';

/** One row of the generated deals file (the bench's CSV and this baseline use the same rows). */
export interface DealSpec {
  externalId: string;
  name: string;
  account: number;
  owner: number;
  /** 'Won', 'Lost' or the name of an open stage. */
  stage: string;
  amount: string;
  created: Date;
  closed: Date | null;
}

const DAY = 86_400_000;
/** Accounts and owners the deals refer to. */
export const ACCOUNTS = 2000;
export const OWNERS = 25;

const OPEN_STAGES = ['Qualify', 'Discovery', 'Proposal', 'Negotiation'];

/** The i-th deal of the file: half open, 30 % won, 20 % lost, dates over two years. */
export function dealSpec(i: number, accounts = ACCOUNTS, owners = OWNERS): DealSpec {
  const r = (i * 2654435761) % 1000;
  const created = new Date(Date.UTC(2024, 0, 1) + ((i * 7919) % 600) * DAY);
  const stage = r < 300 ? 'Won' : r < 500 ? 'Lost' : (OPEN_STAGES[r % 4] ?? 'Qualify');
  return {
    externalId: `ext-${i}`,
    name: `Deal ${i}, ${stage}`,
    account: i % accounts,
    owner: i % owners,
    stage,
    amount: (1000 + ((i * 37) % 90000)).toFixed(2),
    created,
    closed: r < 500 ? new Date(created.getTime() + (5 + (r % 90)) * DAY) : null,
  };
}

interface Stage {
  id: string;
  name: string;
  kind: string;
  position: number;
  pipeline_id: string;
}

/** Organization, owners and accounts the deals refer to, created through the services. */
export async function prepare(databaseUrl: string | undefined, dataDir: string): Promise<void> {
  const database = await openDatabase({ databaseUrl, dataDir });
  const deps = await composeFromDatabase(database, {
    sessionSecret: 'bench-secret-bench-secret-bench-secret-0',
    sessionTtlHours: 1,
  });
  const { organization, admin } = await setUpOrganization(deps, {
    organization: { name: 'Import bench' },
    admin: { email: 'admin@bench.example', name: 'Admin', password: 'benchmark-password' },
  });
  const actor = await actorForUser(deps, organization.id, admin.id);
  for (let i = 0; i < OWNERS; i++)
    await createUser(deps, actor, { email: `owner${i}@bench.example`, name: `Owner ${i}`, role: 'rep' });
  const accounts = ['External ID,Name', ...Array.from({ length: ACCOUNTS }, (_, i) => `acc-${i},Account ${i}`)].join(
    '\n',
  );
  await runImport(
    deps,
    actor,
    Readable.from([accounts]),
    importOptionsSchema.parse({ entity: 'accounts', onDuplicate: 'new' }),
  );
  await shutdown(deps);
}

/** The ids the rows refer to, read from a database the bench prepared (organization, owners, accounts). */
async function references(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const org = (await c.query<{ id: string }>('select id from organizations')).rows[0]?.id ?? '';
    const admin = (await c.query<{ id: string }>(`select id from users where email = 'admin@bench.example'`)).rows[0]
      ?.id;
    const owners = new Map(
      (await c.query<{ id: string; email: string }>('select id, email from users')).rows.map((u) => [u.email, u.id]),
    );
    const accounts = new Map(
      (await c.query<{ id: string; name: string }>('select id, name from accounts')).rows.map((a) => [a.name, a.id]),
    );
    const stages = (
      await c.query<Stage>(
        'select s.id, s.name, s.kind, s.position, s.pipeline_id from stages s join pipelines p on p.id = s.pipeline_id and p.is_default order by s.position',
      )
    ).rows;
    const head = (
      await c.query<{ last_seq: string; last_hash: string }>(
        'select last_seq::text, last_hash from event_chain_heads where org_id = $1',
        [org],
      )
    ).rows[0];
    const maxId = Number(
      (await c.query<{ id: string }>('select coalesce(max(id), 0)::text as id from events')).rows[0]?.id,
    );
    const chain: ChainHead = head ? { lastSeq: Number(head.last_seq), lastHash: head.last_hash } : EMPTY_CHAIN;
    return { org, admin: admin ?? null, owners, accounts, stages, chain, maxId };
  } finally {
    await c.end();
  }
}

const tsv = (values: readonly (string | number | boolean | null)[]): string =>
  `${values.map((v) => (v === null ? '\\N' : typeof v === 'boolean' ? (v ? 't' : 'f') : String(v).replace(/\\/g, '\\\\'))).join('\t')}\n`;

const DEAL_COLUMNS = [
  'org_id',
  'id',
  'external_id',
  'name',
  'account_id',
  'pipeline_id',
  'stage_id',
  'status',
  'amount',
  'currency',
  'closed_at',
  'owner_id',
  'stage_entered_at',
  'created_by',
  'created_at',
  'updated_at',
  'path_unknown',
];

/**
 * Writes the baseline's three files for `rows` deals into `dir` and returns the psql arguments
 * that load them in one transaction (the chain head moved at the end, as an import does).
 */
export async function writeSameStorageFiles(
  url: string,
  dir: string,
  rows: number,
): Promise<{ psqlArgs: string[]; events: number; visits: number }> {
  const ref = await references(url);
  const stageByName = new Map(ref.stages.map((s) => [s.name, s]));
  const first = ref.stages[0];
  if (!first) throw new Error('same-storage baseline: the default pipeline has no stages');
  const files = {
    deals: path.join(dir, 'same-deals.tsv'),
    events: path.join(dir, 'same-events.tsv'),
    visits: path.join(dir, 'same-visits.tsv'),
  };
  const fds = {
    deals: fs.openSync(files.deals, 'w'),
    events: fs.openSync(files.events, 'w'),
    visits: fs.openSync(files.visits, 'w'),
  };
  const bufs = { deals: '', events: '', visits: '' };
  const put = (k: keyof typeof bufs, line: string) => {
    bufs[k] += line;
    if (bufs[k].length > 1 << 20) {
      fs.writeSync(fds[k], bufs[k]);
      bufs[k] = '';
    }
  };
  const now = new Date();
  let head = ref.chain;
  let nextId = ref.maxId + 1;
  let events = 0;
  let visits = 0;
  const stageRef = (s: Stage) => ({
    kind: s.kind,
    name: s.name,
    pipelineId: s.pipeline_id,
    position: s.position,
    stageId: s.id,
  });
  const event = (dealId: string, type: string, data: Record<string, unknown>, at: Date): number => {
    const id = nextId++;
    const json = canonicalJson(data);
    // The version new events of the type are written with, as the importer writes them.
    const version = eventCatalog.get(type)?.version ?? 1;
    const e = {
      orgId: ref.org,
      occurredAt: now,
      businessTime: at,
      imported: true,
      actorId: ref.admin,
      entityType: 'deal',
      entityId: dealId,
      type,
      version,
    };
    const next = sealNext(head, e, json);
    head = next.head;
    put(
      'events',
      tsv([
        ref.org,
        id,
        next.seal.seq,
        now.toISOString(),
        at.toISOString(),
        true,
        ref.admin,
        'deal',
        dealId,
        type,
        json,
        version,
        next.seal.prevHash,
        next.seal.hash,
      ]),
    );
    events++;
    return id;
  };
  const visit = (
    dealId: string,
    no: number,
    s: Stage,
    at: Date,
    left: Date | null,
    eventId: number,
    unknown: boolean,
  ) => {
    put(
      'visits',
      tsv([ref.org, dealId, no, s.pipeline_id, s.id, at.toISOString(), left?.toISOString() ?? null, eventId, unknown]),
    );
    visits++;
  };
  for (let i = 0; i < rows; i++) {
    const d = dealSpec(i);
    const id = randomUUID();
    const final = stageByName.get(d.stage) ?? first;
    const status = final.kind;
    const start = d.closed ? first : final;
    const accountId = ref.accounts.get(`Account ${d.account}`) ?? null;
    const ownerId = ref.owners.get(`owner${d.owner}@bench.example`) ?? null;
    put(
      'deals',
      tsv([
        ref.org,
        id,
        d.externalId,
        d.name,
        accountId,
        final.pipeline_id,
        final.id,
        status,
        d.amount,
        'USD',
        d.closed?.toISOString() ?? null,
        ownerId,
        (d.closed ?? d.created).toISOString(),
        ref.admin,
        d.created.toISOString(),
        now.toISOString(),
        !d.closed,
      ]),
    );
    const after = {
      accountId,
      amount: d.amount,
      contactRoles: [],
      currency: 'USD',
      externalId: d.externalId,
      lineItems: [],
      name: d.name,
      ownerId,
      pipelineId: start.pipeline_id,
      stageId: start.id,
      status: 'open',
    };
    const created = event(id, 'deal.created', d.closed ? { after } : { after, pathUnknown: true }, d.created);
    if (!d.closed) {
      visit(id, 1, start, d.created, null, created, true);
      continue;
    }
    const moved = event(
      id,
      'deal.stage_changed',
      {
        daysInPreviousStage: Math.round(((d.closed.getTime() - d.created.getTime()) / DAY) * 100) / 100,
        from: stageRef(start),
        pathUnknown: true,
        status: { from: 'open', to: status },
        to: stageRef(final),
      },
      d.closed,
    );
    event(
      id,
      status === 'won' ? 'deal.won' : 'deal.lost',
      status === 'won'
        ? { amount: d.amount, closedAt: d.closed.toISOString(), currency: 'USD', lineItemsCount: 0, stageId: final.id }
        : { amount: d.amount, closedAt: d.closed.toISOString(), currency: 'USD', lostReason: null, stageId: final.id },
      d.closed,
    );
    visit(id, 1, start, d.created, d.closed, created, false);
    visit(id, 2, final, d.closed, null, moved, true);
  }
  for (const k of ['deals', 'events', 'visits'] as const) {
    fs.writeSync(fds[k], bufs[k]);
    fs.closeSync(fds[k]);
  }
  const copy = (table: string, columns: string[], file: string) =>
    `\\copy ${table} (${columns.join(', ')}) FROM '${file}'`;
  return {
    psqlArgs: [
      url,
      '-1',
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      copy('deals', DEAL_COLUMNS, files.deals),
      '-c',
      copy('events', [...SEALED_EVENT_COLUMNS], files.events),
      '-c',
      copy('deal_stage_visits', [...STAGE_VISIT_COLUMNS], files.visits),
      '-c',
      `update event_chain_heads set last_seq = ${head.lastSeq}, last_hash = '${head.lastHash}', sealed_at = now() where org_id = '${ref.org}'`,
      '-c',
      `select setval('events_id_seq', ${nextId})`,
    ],
    events,
    visits,
  };
}

/**
 * The same-storage baseline on its own (for benches that do not sample the server themselves): a
 * fresh database prepared as the import's, the files written, then `psql \copy` of `rows` deals
 * timed. Returns the seconds and deals per second.
 */
export async function measureSameStorageBaseline(rows: number): Promise<{ seconds: number; rowsPerSecond: number }> {
  const db = await scratchDatabase('same_storage');
  const dir = scratchDir('pipewright-same-storage');
  try {
    await prepare(db.url, '');
    const files = await writeSameStorageFiles(db.url, dir, rows);
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const child = spawn('psql', files.psqlArgs, { stdio: ['ignore', 'ignore', 'inherit'] });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`psql exited with ${code}`))));
    });
    const seconds = (performance.now() - started) / 1000;
    return { seconds: Math.round(seconds * 1000) / 1000, rowsPerSecond: Math.round(rows / seconds) };
  } finally {
    await db.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
