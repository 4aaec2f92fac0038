import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { EventTypeFilter } from '../../contract/webhooks.ts';
import { bulkCopy, type CopyValue } from '../../db/bulk-copy.ts';
import type { DbExecutor } from '../../db/database.ts';
import { prefixPattern } from '../../db/list.ts';
import { preparedQuery } from '../../db/prepared.ts';
import type { ReferenceKind } from '../../contract/audit.ts';
import type { ChainHead } from '../../domain/event-hash.ts';

export interface NewEvent {
  orgId: string;
  occurredAt: Date;
  businessTime?: Date | null;
  imported?: boolean;
  actorId: string | null;
  entityType: string;
  entityId: string;
  type: string;
  data: Record<string, unknown>;
  /** The catalog version of the payload. */
  version: number;
}

export interface EventRow {
  id: number;
  seq: number | null;
  occurredAt: Date;
  businessTime: Date | null;
  imported: boolean;
  actorId: string | null;
  actorName: string | null;
  entityType: string;
  entityId: string;
  type: string;
  data: Record<string, unknown>;
  version: number;
  prevHash: string | null;
  hash: string | null;
}

const insertOne = preparedQuery(
  (
    db,
    e: {
      orgId: string;
      occurredAt: Date;
      businessTime: Date | null;
      imported: boolean;
      actorId: string | null;
      entityType: string;
      entityId: string;
      type: string;
      data: string;
      version: number;
    },
  ) =>
    db
      .insertInto('events')
      .values({
        org_id: e.orgId,
        occurred_at: e.occurredAt,
        business_time: e.businessTime,
        imported: e.imported,
        actor_id: e.actorId,
        entity_type: e.entityType,
        entity_id: e.entityId,
        type: e.type,
        data: e.data,
        version: e.version,
      })
      .returning('id'),
);

/** Appends the events and returns their ids, in the order given. */
export async function insertEvents(db: DbExecutor, events: readonly NewEvent[]): Promise<number[]> {
  const [only] = events;
  if (!only) return [];
  // Most writes append one event: that statement is prepared; a batch is one multi-row insert.
  if (events.length === 1) {
    const { orgId, occurredAt, actorId, entityType, entityId, type } = only;
    const rows = await insertOne(db, {
      orgId,
      occurredAt,
      businessTime: only.businessTime ?? null,
      imported: only.imported ?? false,
      actorId,
      entityType,
      entityId,
      type,
      data: JSON.stringify(only.data),
      version: only.version,
    });
    return rows.map((r) => r.id);
  }
  // Ids come from the sequence row by row, so ascending order is the order given.
  const rows = await db
    .insertInto('events')
    .values(
      events.map((e) => ({
        org_id: e.orgId,
        occurred_at: e.occurredAt,
        business_time: e.businessTime ?? null,
        imported: e.imported ?? false,
        actor_id: e.actorId,
        entity_type: e.entityType,
        entity_id: e.entityId,
        type: e.type,
        data: JSON.stringify(e.data),
        version: e.version,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/**
 * Appends many events with COPY (imports, generators) and returns their ids in the order given.
 * The ids are drawn from the events sequence first, so later events of the same transaction (and
 * the stage visits pointing to them) get the same order as with `insertEvents`.
 */
export async function copyEvents(db: DbExecutor, events: readonly NewEvent[]): Promise<number[]> {
  if (events.length === 0) return [];
  const ids = await nextEventIds(db, events.length);
  await bulkCopy(
    db,
    {
      table: 'events',
      columns: [
        'org_id',
        'id',
        'occurred_at',
        'business_time',
        'imported',
        'actor_id',
        'entity_type',
        'entity_id',
        'type',
        'data',
        'version',
      ],
    },
    events.map((e, i) => [
      e.orgId,
      ids[i],
      e.occurredAt,
      e.businessTime ?? null,
      e.imported ?? false,
      e.actorId,
      e.entityType,
      e.entityId,
      e.type,
      JSON.stringify(e.data),
      e.version,
    ]),
  );
  return ids;
}

/** Draws `n` ids from the events sequence, as the column default would, in ascending order. */
export async function nextEventIds(db: DbExecutor, n: number): Promise<number[]> {
  if (n <= 0) return [];
  const drawn = await sql<{
    id: string;
  }>`select nextval('events_id_seq')::text as id from generate_series(1, ${n})`.execute(db);
  return drawn.rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

export const SEALED_EVENT_COLUMNS = [
  'org_id',
  'id',
  'seq',
  'occurred_at',
  'business_time',
  'imported',
  'actor_id',
  'entity_type',
  'entity_id',
  'type',
  'data',
  'version',
  'prev_hash',
  'hash',
] as const;

/** Appends events that carry their seq and hash already (rows in the order of SEALED_EVENT_COLUMNS), with COPY. */
export async function copySealedEvents(db: DbExecutor, rows: Iterable<readonly CopyValue[]>): Promise<number> {
  return bulkCopy(db, { table: 'events', columns: SEALED_EVENT_COLUMNS }, rows);
}

export const STAGE_VISIT_COLUMNS = [
  'org_id',
  'deal_id',
  'visit_no',
  'pipeline_id',
  'stage_id',
  'entered_at',
  'left_at',
  'event_id',
  'entry_unknown',
] as const;

/**
 * Appends stage visits (rows in the order of STAGE_VISIT_COLUMNS) with one COPY statement per
 * chunk; the statement triggers of deal_stage_visits rebuild the traces of the deals it wrote,
 * once per statement.
 */
export async function copyStageVisits(db: DbExecutor, rows: Iterable<readonly CopyValue[]>): Promise<number> {
  return bulkCopy(db, { table: 'deal_stage_visits', columns: STAGE_VISIT_COLUMNS }, rows);
}

/** Events with their actor's name, of one organization (the timeline's and the audit view's query). */
function eventsWithActor(db: DbExecutor, orgId: string) {
  return db
    .selectFrom('events as e')
    .leftJoin('users as u', (j) => j.onRef('u.org_id', '=', 'e.org_id').onRef('u.id', '=', 'e.actor_id'))
    .select([
      'e.id',
      'e.seq',
      'e.occurred_at',
      'e.business_time',
      'e.imported',
      'e.actor_id',
      'u.name as actor_name',
      'e.entity_type',
      'e.entity_id',
      'e.type',
      'e.data',
      'e.version',
      'e.prev_hash',
      'e.hash',
    ])
    .where('e.org_id', '=', orgId);
}

type EventWithActorRow = Awaited<ReturnType<ReturnType<typeof eventsWithActor>['execute']>>[number];

function toEventRow(r: EventWithActorRow): EventRow {
  return {
    id: r.id,
    seq: r.seq,
    occurredAt: r.occurred_at,
    businessTime: r.business_time,
    imported: r.imported,
    actorId: r.actor_id,
    actorName: r.actor_name,
    entityType: r.entity_type,
    entityId: r.entity_id,
    type: r.type,
    data: r.data,
    version: r.version,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/**
 * The activities whose events show on a record's timeline: the calls, meetings, emails, tasks and
 * notes logged on the record, on the lead it was converted from, and for an account on its
 * contacts and deals too. Null for a record kind that has no activities.
 */
function relatedActivityIds(db: DbExecutor, orgId: string, entityType: string, ids: string[]) {
  const activities = db.selectFrom('activities as a').select('a.id').where('a.org_id', '=', orgId);
  const convertedFrom = (column: 'converted_deal_id' | 'converted_contact_id' | 'converted_account_id') =>
    db.selectFrom('leads as l').select('l.id').where('l.org_id', '=', orgId).where(`l.${column}`, 'in', ids);
  switch (entityType) {
    case 'deal':
      return activities.where((eb) =>
        eb.or([eb('a.deal_id', 'in', ids), eb('a.lead_id', 'in', convertedFrom('converted_deal_id'))]),
      );
    case 'contact':
      return activities.where((eb) =>
        eb.or([eb('a.contact_id', 'in', ids), eb('a.lead_id', 'in', convertedFrom('converted_contact_id'))]),
      );
    case 'lead':
      return activities.where('a.lead_id', 'in', ids);
    case 'account':
      return activities.where((eb) =>
        eb.or([
          eb('a.account_id', 'in', ids),
          eb('a.lead_id', 'in', convertedFrom('converted_account_id')),
          eb(
            'a.deal_id',
            'in',
            db.selectFrom('deals as d').select('d.id').where('d.org_id', '=', orgId).where('d.account_id', 'in', ids),
          ),
          eb(
            'a.contact_id',
            'in',
            db
              .selectFrom('contacts as c')
              .select('c.id')
              .where('c.org_id', '=', orgId)
              .where('c.account_id', 'in', ids),
          ),
        ]),
      );
    default:
      return null;
  }
}

/**
 * A record's timeline, newest first: its own events (and those of records merged into it) and the
 * events of the activities logged on it and its related records (`relatedActivityIds`).
 */
export async function listTimelineEvents(
  db: DbExecutor,
  orgId: string,
  entityType: string,
  entityIds: readonly string[],
  opts: { limit: number; beforeId?: number | undefined },
): Promise<EventRow[]> {
  const ids = [...entityIds];
  const activityIds = relatedActivityIds(db, orgId, entityType, ids);
  let q = eventsWithActor(db, orgId).where((eb) => {
    const own = eb.and([eb('e.entity_type', '=', entityType), eb('e.entity_id', 'in', ids)]);
    if (!activityIds) return own;
    return eb.or([own, eb.and([eb('e.entity_type', '=', 'activity'), eb('e.entity_id', 'in', activityIds)])]);
  });
  if (opts.beforeId !== undefined) q = q.where('e.id', '<', opts.beforeId);
  const rows = await q.orderBy('e.id', 'desc').limit(opts.limit).execute();
  return rows.map(toEventRow);
}

/** A record an event refers to by id, with what its visibility depends on. */
export interface ReferencedRecord {
  id: string;
  kind: ReferenceKind;
  name: string;
  ownerId: string | null;
  partnerAccountId: string | null;
}

/**
 * The names of the records these ids belong to, whatever their kind, in one query (a page of
 * events resolves its references once, not per event). Ids of no record are left out.
 */
export async function referencedRecords(
  db: DbExecutor,
  orgId: string,
  ids: readonly string[],
): Promise<ReferencedRecord[]> {
  if (ids.length === 0) return [];
  const list = sql`${[...ids]}::uuid[]`;
  const r = await sql<{
    id: string;
    kind: ReferencedRecord['kind'];
    name: string;
    owner_id: string | null;
    partner_account_id: string | null;
  }>`
    select id, 'account' as kind, name, owner_id, null::uuid as partner_account_id from accounts where org_id = ${orgId} and id = any(${list})
    union all select id, 'contact', trim(coalesce(first_name, '') || ' ' || last_name), owner_id, null from contacts where org_id = ${orgId} and id = any(${list})
    union all select id, 'lead', trim(coalesce(first_name, '') || ' ' || last_name) || coalesce(' (' || company || ')', ''), owner_id, null from leads where org_id = ${orgId} and id = any(${list})
    union all select id, 'deal', name, owner_id, partner_account_id from deals where org_id = ${orgId} and id = any(${list})
    union all select id, 'activity', initcap(type) || coalesce(': ' || subject, ''), owner_id, null from activities where org_id = ${orgId} and id = any(${list})
    union all select id, 'user', name, null, null from users where org_id = ${orgId} and id = any(${list})
    union all select id, 'team', name, null, null from teams where org_id = ${orgId} and id = any(${list})
    union all select id, 'pipeline', name, null, null from pipelines where org_id = ${orgId} and id = any(${list})
    union all select id, 'stage', name, null, null from stages where org_id = ${orgId} and id = any(${list})
    union all select id, 'product', name, null, null from products where org_id = ${orgId} and id = any(${list})
    union all select id, 'campaign', name, null, null from campaigns where org_id = ${orgId} and id = any(${list})
    union all select t.id, 'touch', initcap(t.kind) || ': ' || c.name, null, null from campaign_touches t
      join campaigns c on c.org_id = t.org_id and c.id = t.campaign_id where t.org_id = ${orgId} and t.id = any(${list})
    union all select id, 'agent_party', name, null, null from agent_parties where org_id = ${orgId} and id = any(${list})
    union all select g.id, 'agency_agreement', p.name || ' for the ' || g.side || ' from ' || g.effective_from::text, null, null
      from agency_agreements g join agent_parties p on p.org_id = g.org_id and p.id = g.agent_party_id
      where g.org_id = ${orgId} and g.id = any(${list})
    union all select id, 'territory', name, null, null from territories where org_id = ${orgId} and id = any(${list})
    union all select id, 'routing_pool', name, null, null from routing_pools where org_id = ${orgId} and id = any(${list})`.execute(
    db,
  );
  return r.rows.map((x) => ({
    id: x.id,
    kind: x.kind,
    name: x.name,
    ownerId: x.owner_id,
    partnerAccountId: x.partner_account_id,
  }));
}

/** The records merged into this one, directly or through other merges (their histories show on its timeline). */
export async function mergedInto(db: DbExecutor, orgId: string, entityType: string, id: string): Promise<string[]> {
  const r = await sql<{ merged_id: string }>`
    with recursive m(merged_id) as (
      select merged_id from merged_records where org_id = ${orgId} and entity_type = ${entityType} and into_id = ${id}
      union
      select r.merged_id from merged_records r join m on r.into_id = m.merged_id where r.org_id = ${orgId} and r.entity_type = ${entityType}
    ) select merged_id from m`.execute(db);
  return r.rows.map((x) => x.merged_id);
}

export type { ChainHead } from '../../domain/event-hash.ts';

export async function lockChain(db: DbExecutor, orgId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${orgId}::text))`.execute(db);
}

export async function getChainHead(db: DbExecutor, orgId: string): Promise<ChainHead | null> {
  const r = await db
    .selectFrom('event_chain_heads')
    .select(['last_seq', 'last_hash'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return r ? { lastSeq: r.last_seq, lastHash: r.last_hash } : null;
}

export async function setChainHead(db: DbExecutor, orgId: string, head: ChainHead, at: Date): Promise<void> {
  await db
    .insertInto('event_chain_heads')
    .values({ org_id: orgId, last_seq: head.lastSeq, last_hash: head.lastHash, sealed_at: at })
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet({ last_seq: head.lastSeq, last_hash: head.lastHash, sealed_at: at }),
    )
    .execute();
}

export async function unsealedEvents(db: DbExecutor, orgId: string, limit: number): Promise<EventRow[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('seq', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toRow);
}

export async function sealedEventsPage(
  db: DbExecutor,
  orgId: string,
  afterSeq: number,
  limit: number,
): Promise<EventRow[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map(toRow);
}

export async function countUnsealed(db: DbExecutor, orgId: string): Promise<number> {
  const r = await db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('seq', 'is', null)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function orgsWithUnsealed(db: DbExecutor): Promise<string[]> {
  const rows = await db.selectFrom('events').select('org_id').distinct().where('seq', 'is', null).execute();
  return rows.map((r) => r.org_id);
}

export async function applySeals(
  db: DbExecutor,
  orgId: string,
  seals: readonly { id: number; seq: number; prevHash: string; hash: string }[],
): Promise<void> {
  if (seals.length === 0) return;
  await sql`
    update events as e set seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
    from jsonb_to_recordset(${JSON.stringify(seals.map((s) => ({ id: s.id, seq: s.seq, prev_hash: s.prevHash, hash: s.hash })))}::jsonb)
      as v(id bigint, seq bigint, prev_hash text, hash text)
    where e.org_id = ${orgId} and e.id = v.id`.execute(db);
}

type RawEvent = {
  id: number;
  seq: number | null;
  occurred_at: Date;
  business_time: Date | null;
  imported: boolean;
  actor_id: string | null;
  entity_type: string;
  entity_id: string;
  type: string;
  data: Record<string, unknown>;
  version: number;
  prev_hash: string | null;
  hash: string | null;
};

function toRow(r: RawEvent): EventRow {
  return {
    id: r.id,
    seq: r.seq,
    occurredAt: r.occurred_at,
    businessTime: r.business_time,
    imported: r.imported,
    actorId: r.actor_id,
    actorName: null,
    entityType: r.entity_type,
    entityId: r.entity_id,
    type: r.type,
    data: r.data,
    version: r.version,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** A sealed event with the id of the previous event of its entity among the same selection. */
export interface SelectedEventRow {
  id: number;
  seq: number;
  occurredAt: Date;
  businessTime: Date | null;
  imported: boolean;
  actorId: string | null;
  entityType: string;
  entityId: string;
  type: string;
  data: Record<string, unknown>;
  version: number;
  previousId: number | null;
}

/** The type filter as SQL over an events alias (`*` selects everything). */
function typeCondition(alias: string, filter: EventTypeFilter): RawBuilder<SqlBool> {
  if (filter.all) return sql<SqlBool>`true`;
  const type = sql.ref(`${alias}.type`);
  return sql<SqlBool>`(${type} = any(${filter.exact}::text[]) or ${type} like any(${filter.prefixes.map(prefixPattern)}::text[]))`;
}

/**
 * The organization's last sealed sequence number (`head`) and, in the same statement, the sealed
 * events after `afterSeq` up to it whose type the filter selects, in sequence order, each with the
 * previous event of its entity that the filter selects.
 */
export async function selectedEventsAfter(
  db: DbExecutor,
  orgId: string,
  opts: { afterSeq: number; filter: EventTypeFilter; limit: number },
): Promise<{ head: number; events: SelectedEventRow[] }> {
  const r = await sql<{ head: number } & { [K in keyof SelectedEventRow]: SelectedEventRow[K] | null }>`
    with h as (select coalesce((select last_seq from event_chain_heads where org_id = ${orgId}), 0) as head)
    select h.head, e.* from h left join lateral (
      select e.id, e.seq, e.occurred_at as "occurredAt", e.business_time as "businessTime", e.imported,
             e.actor_id as "actorId", e.entity_type as "entityType", e.entity_id as "entityId", e.type, e.data, e.version,
             (select p.id from events p
               where p.org_id = e.org_id and p.entity_type = e.entity_type and p.entity_id = e.entity_id
                 and p.seq < e.seq and ${typeCondition('p', opts.filter)}
               order by p.seq desc limit 1) as "previousId"
      from events e
      where e.org_id = ${orgId} and e.seq > ${opts.afterSeq} and e.seq <= h.head
        and ${typeCondition('e', opts.filter)}
      order by e.seq limit ${opts.limit}
    ) e on true
    order by e.seq`.execute(db);
  const events: SelectedEventRow[] = [];
  for (const row of r.rows) {
    const { head: _head, ...e } = row;
    if (e.id !== null) events.push(e as SelectedEventRow);
  }
  return { head: r.rows[0]?.head ?? 0, events };
}

/** The sequence number of the first sealed event at or after `from` (system time), or null. */
export async function firstSeqFrom(db: DbExecutor, orgId: string, from: Date): Promise<number | null> {
  const r = await sql<{ seq: number | null }>`
    select min(seq) as seq from events where org_id = ${orgId} and seq is not null and occurred_at >= ${from}`.execute(
    db,
  );
  return r.rows[0]?.seq ?? null;
}

/** The organization's events newest first, narrowed by the audit view's filters; `beforeId` pages. */
export async function listAuditEvents(
  db: DbExecutor,
  orgId: string,
  f: {
    entityType?: string;
    entityId?: string;
    actorId?: string;
    type?: string;
    from?: Date;
    to?: Date;
    beforeId?: number;
    limit: number;
  },
): Promise<EventRow[]> {
  let q = eventsWithActor(db, orgId);
  if (f.entityType) q = q.where('e.entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('e.entity_id', '=', f.entityId);
  if (f.actorId) q = q.where('e.actor_id', '=', f.actorId);
  if (f.type?.endsWith('.*')) q = q.where('e.type', 'like', `${f.type.slice(0, -1)}%`);
  else if (f.type) q = q.where('e.type', '=', f.type);
  if (f.from) q = q.where('e.occurred_at', '>=', f.from);
  if (f.to) q = q.where('e.occurred_at', '<', f.to);
  if (f.beforeId !== undefined) q = q.where('e.id', '<', f.beforeId);
  const rows = await q.orderBy('e.id', 'desc').limit(f.limit).execute();
  return rows.map(toEventRow);
}

/**
 * The sealed events written in a period of system time (`from` inclusive, `to` exclusive) as a
 * range of sequence numbers: the first and last of them (null when none), and the last event
 * written before the period (0 when none).
 */
export async function seqRangeOfPeriod(
  db: DbExecutor,
  orgId: string,
  from: Date,
  to: Date,
): Promise<{ first: number | null; last: number | null; before: number }> {
  const r = await sql<{ first: number | null; last: number | null; before: number | null }>`
    select
      (select min(seq) from events where org_id = ${orgId} and seq is not null and occurred_at >= ${from} and occurred_at < ${to}) as first,
      (select max(seq) from events where org_id = ${orgId} and seq is not null and occurred_at >= ${from} and occurred_at < ${to}) as last,
      (select max(seq) from events where org_id = ${orgId} and seq is not null and occurred_at < ${from}) as before`.execute(
    db,
  );
  const row = r.rows[0];
  return { first: row?.first ?? null, last: row?.last ?? null, before: row?.before ?? 0 };
}

/** The hash of the sealed event with this sequence number, or null. */
export async function hashAtSeq(db: DbExecutor, orgId: string, seq: number): Promise<string | null> {
  const r = await db
    .selectFrom('events')
    .select('hash')
    .where('org_id', '=', orgId)
    .where('seq', '=', seq)
    .executeTakeFirst();
  return r?.hash ?? null;
}

/** Sealed events after `afterSeq` up to `throughSeq`, in sequence order, at most `limit`. */
export async function sealedEventsThrough(
  db: DbExecutor,
  orgId: string,
  afterSeq: number,
  throughSeq: number,
  limit: number,
): Promise<EventRow[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('seq', '>', afterSeq)
    .where('seq', '<=', throughSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map(toRow);
}
