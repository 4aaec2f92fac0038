import pg from 'pg';
import { composeFromDatabase } from '../src/compose.ts';
import { openDatabase } from '../src/db/database.ts';
import { actorForUser, createApiToken } from '../src/modules/auth/auth.service.ts';
import { createOrganization } from '../src/modules/users/users.service.ts';

/** Deals the GET and the stage move cycle through; a deal comes back only after this many requests. */
const SAMPLE = 5000;

export interface Fixture {
  orgId: string;
  token: string;
  dealIds: string[];
  stageIds: string[];
}

/** Where each sampled deal stands, as the last successful response said. */
export type DealState = Map<string, { stageId: string; version: number }>;

/** An organization with an admin, an API token, a pipeline of four open stages and `deals` deals. */
export async function seedDeals(url: string, deals: number): Promise<{ fixture: Fixture; state: DealState }> {
  const database = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: 2 });
  const deps = await composeFromDatabase(database, { sessionSecret: undefined, sessionTtlHours: 1 });
  const { organization, admin } = await createOrganization(deps, {
    organization: { name: 'Bench Org', baseCurrency: 'USD', timezone: 'UTC', fiscalYearStartMonth: 1 },
    admin: { email: 'bench@example.test', name: 'Bench Admin', password: 'benchmark-password' },
  });
  const orgId = organization.id;
  const actor = await actorForUser(deps, orgId, admin.id);
  const { token } = await createApiToken(deps, actor, { name: 'bench' });
  await deps.sealer.flush();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const pipelineId = deps.ids.id();
  const stages = ['Qualify', 'Discover', 'Propose', 'Negotiate'].map((name, i) => ({
    id: deps.ids.id(),
    name,
    position: i,
    probability: 10 + i * 20,
    kind: 'open',
  }));
  stages.push(
    { id: deps.ids.id(), name: 'Won', position: 4, probability: 100, kind: 'won' },
    { id: deps.ids.id(), name: 'Lost', position: 5, probability: 0, kind: 'lost' },
  );
  await client.query(
    `insert into pipelines (org_id, id, name, is_default, created_at, updated_at) values ($1, $2, 'Bench', true, now(), now())`,
    [orgId, pipelineId],
  );
  for (const s of stages) {
    await client.query(
      `insert into stages (org_id, id, pipeline_id, name, position, probability, forecast_category, kind) values ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [
        orgId,
        s.id,
        pipelineId,
        s.name,
        s.position,
        s.probability,
        s.kind === 'open' ? 'pipeline' : s.kind === 'won' ? 'closed' : 'omitted',
        s.kind,
      ],
    );
  }
  const openStages = stages.filter((s) => s.kind === 'open').map((s) => s.id);
  const t0 = Date.now();
  await client.query(
    `insert into deals (org_id, id, name, pipeline_id, stage_id, status, amount, currency, expected_close_date, owner_id, source, channel, stage_entered_at, created_at, updated_at)
     select $1, gen_random_uuid(), 'Deal ' || i, $2, ($3::uuid[])[1 + (i % 4)], 'open', (1000 + (i * 37) % 90000)::numeric(20,2), 'USD',
            date '2026-01-01' + (i % 365), $4, (array['web','referral','outbound','event'])[1 + (i % 4)], 'direct', now(), now() - make_interval(mins => i), now()
     from generate_series(1, $5::int) as i`,
    [orgId, pipelineId, openStages, admin.id, deals],
  );
  await client.query('vacuum analyze deals');
  console.log(`seeded ${deals} deals in ${Date.now() - t0} ms`);
  const sample = await client.query<{ id: string }>(
    `select id from deals where org_id = $1 order by random() limit ${SAMPLE}`,
    [orgId],
  );
  await client.end();
  await database.close();
  const fixture = { orgId, token, dealIds: sample.rows.map((r) => r.id), stageIds: openStages };
  return { fixture, state: await dealState(url, fixture) };
}

/**
 * Where the sampled deals stand in the database. Read again before each stage-move run: requests
 * still in flight when a run stops commit without their response being seen.
 */
export async function dealState(url: string, fixture: Fixture): Promise<DealState> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ id: string; stage_id: string; version: number }>(
      `select id, stage_id, version from deals where org_id = $1 and id = any($2::uuid[])`,
      [fixture.orgId, fixture.dealIds],
    );
    return new Map(r.rows.map((row) => [row.id, { stageId: row.stage_id, version: row.version }]));
  } finally {
    await client.end();
  }
}
