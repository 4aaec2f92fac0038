import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { PipelineModel } from '../../analytics/model.ts';
import type { DbExecutor } from '../../db/database.ts';
import { scopeCondition } from '../../db/scope.ts';
import { scopeFor, type Actor, type Scope } from '../../contract/access.ts';
import type { AnalyticsFilters } from '../../contract/analytics.ts';
import { invalid } from '../../contract/errors.ts';
import type { ForecastCategory, StageKind } from '../../contract/pipelines.ts';

interface PipelineStageJson {
  id: string;
  name: string;
  position: number;
  kind: StageKind;
  probability: number;
  forecast_category: ForecastCategory;
}

/**
 * The pipeline an analysis runs on: the one asked for, or the organization's default pipeline,
 * with its stages in position order and the organization's time zone and base currency. An
 * unknown pipeline is a 422 naming `pipelineId` (it is a filter value, not a resource in the URL).
 */
export async function resolvePipeline(db: DbExecutor, orgId: string, pipelineId?: string): Promise<PipelineModel> {
  let q = db
    .selectFrom('pipelines as p')
    .innerJoin('organizations as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.name', 'o.timezone', 'o.base_currency'])
    .select(
      sql<
        PipelineStageJson[]
      >`(select coalesce(json_agg(json_build_object('id', s.id, 'name', s.name, 'position', s.position, 'kind', s.kind,
        'probability', s.probability, 'forecast_category', s.forecast_category) order by s.position), '[]')
        from stages s where s.org_id = p.org_id and s.pipeline_id = p.id)`.as('stages'),
    )
    .where('p.org_id', '=', orgId);
  q =
    pipelineId === undefined
      ? q.where('p.is_default', '=', true).orderBy('p.created_at')
      : q.where('p.id', '=', pipelineId);
  const row = await q.limit(1).executeTakeFirst();
  if (!row) {
    throw invalid(
      [
        {
          field: 'pipelineId',
          message:
            pipelineId === undefined
              ? 'is required: the organization has no default pipeline'
              : 'is not a pipeline of this organization',
        },
      ],
      'The analysis cannot run on that pipeline',
    );
  }
  return {
    id: row.id,
    name: row.name,
    timezone: row.timezone,
    baseCurrency: row.base_currency,
    stages: row.stages.map((s) => ({
      id: s.id,
      name: s.name,
      position: s.position,
      kind: s.kind,
      probability: s.probability,
      forecastCategory: s.forecast_category,
    })),
  };
}

const ids = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}::uuid`));

/**
 * The deals an analysis may count, as a WHERE condition on the deals table aliased `alias`: the
 * actor's organization, not deleted, inside the actor's read scope for deals, and every filter
 * except the pipeline (each analysis joins the visits or deals of the resolved pipeline itself)
 * and the date range (whose meaning each analysis defines; see `dayRange`).
 */
export function dealConditions(
  actor: Actor,
  filters: AnalyticsFilters,
  alias = 'd',
  dealScope: Scope = scopeFor(actor, 'deal', 'read'),
): RawBuilder<SqlBool> {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  const parts: RawBuilder<SqlBool>[] = [
    sql<SqlBool>`${col('org_id')} = ${actor.orgId}::uuid`,
    sql<SqlBool>`${col('deleted_at')} is null`,
  ];
  const scope = scopeCondition(dealScope, `${alias}.owner_id`, `${alias}.partner_account_id`);
  if (scope) parts.push(scope);
  if (filters.ownerId) parts.push(sql<SqlBool>`${col('owner_id')} in (${ids(filters.ownerId)})`);
  if (filters.teamId) {
    parts.push(
      sql<SqlBool>`exists (select 1 from users tu where tu.org_id = ${col('org_id')} and tu.id = ${col('owner_id')} and tu.team_id in (${ids(filters.teamId)}))`,
    );
  }
  if (filters.channel) parts.push(sql<SqlBool>`${col('channel')} = ${filters.channel}`);
  if (filters.partnerId) parts.push(sql<SqlBool>`${col('partner_account_id')} = ${filters.partnerId}::uuid`);
  if (filters.productId) {
    parts.push(
      sql<SqlBool>`exists (select 1 from deal_line_items li where li.org_id = ${col('org_id')} and li.deal_id = ${col('id')} and li.product_id = ${filters.productId}::uuid)`,
    );
  }
  if (filters.segment)
    parts.push(
      filters.segment === 'b2b'
        ? sql<SqlBool>`${col('account_id')} is not null`
        : sql<SqlBool>`${col('account_id')} is null`,
    );
  if (filters.source) parts.push(sql<SqlBool>`${col('source')} = ${filters.source}`);
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

/**
 * The date filter as a condition on a timestamp expression: `from` 00:00 inclusive to the day
 * after `to` 00:00 exclusive, both in the organization's time zone; true when no bound is set.
 */
export function dayRange(
  column: RawBuilder<unknown>,
  filters: Pick<AnalyticsFilters, 'from' | 'to'>,
  timezone: string,
): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [];
  if (filters.from)
    parts.push(sql<SqlBool>`${column} >= (cast(${filters.from} as date)::timestamp at time zone ${timezone})`);
  if (filters.to)
    parts.push(sql<SqlBool>`${column} < ((cast(${filters.to} as date) + 1)::timestamp at time zone ${timezone})`);
  return parts.length === 0 ? sql<SqlBool>`true` : sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

/** The calendar month ('YYYY-MM') of a timestamp expression in the organization's time zone. */
export function monthOf(column: RawBuilder<unknown>, timezone: string): RawBuilder<string> {
  return sql<string>`to_char(${column} at time zone ${timezone}, 'YYYY-MM')`;
}

/** A pipeline by id or name (any case), for the CLI's `--pipeline`. */
export async function findPipelineRef(db: DbExecutor, orgId: string, ref: string): Promise<{ id: string } | undefined> {
  const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref);
  let q = db.selectFrom('pipelines').select('id').where('org_id', '=', orgId);
  q = isId ? q.where('id', '=', ref.toLowerCase()) : q.where(sql`lower(name)`, '=', ref.trim().toLowerCase());
  return q.executeTakeFirst();
}

/**
 * Runs an analysis' statements in one read-only snapshot (repeatable read), so the several
 * statements of one analysis see the same data, with JIT compilation off: at a million deals
 * compiling these statements' expressions took seconds and won nothing back (docs/performance.md).
 */
export async function inAnalyticsSnapshot<T>(db: DbExecutor, fn: (trx: DbExecutor) => Promise<T>): Promise<T> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      await sql`set local jit = off`.execute(trx);
      return fn(trx);
    });
}

/**
 * How far a streaming replica's data is behind its primary, in seconds: 0 when it has replayed all
 * it received, else the time since the last transaction it replayed; null on a primary (or when
 * the replica has not replayed anything yet).
 */
export async function replicaLag(db: DbExecutor): Promise<number | null> {
  const r = await sql<{ lag: number | null }>`select case
      when not pg_is_in_recovery() then null
      when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
      else extract(epoch from clock_timestamp() - pg_last_xact_replay_timestamp())::float8
    end as lag`.execute(db);
  return r.rows[0]?.lag ?? null;
}

/**
 * The last moment the pipeline's deals moved (created, changed stage or closed: the latest stage
 * visit entered), or null when it has no deals. Analyses whose default window ends today use it to
 * fall back to the organization's data range when nothing happened recently.
 */
export async function pipelineDataEnd(db: DbExecutor, orgId: string, pipelineId: string): Promise<Date | null> {
  const r = await sql<{ end: Date | null }>`
    select max(entered_at) as "end" from deal_stage_visits
    where org_id = ${orgId}::uuid and pipeline_id = ${pipelineId}::uuid`.execute(db);
  const end = r.rows[0]?.end ?? null;
  return end === null ? null : new Date(end);
}
