import type { DbExecutor } from '../../db/database.ts';

/**
 * The calls an inside rep logged in [since, now] about a lead neither converted nor disqualified,
 * or about an open deal of theirs: what a demo meeting can be booked about, most recent first.
 */
export function recentBookableCalls(
  db: DbExecutor,
  orgId: string,
  userId: string,
  since: Date,
  now: Date,
  limit: number,
): Promise<{ id: string; lead_id: string | null; deal_id: string | null }[]> {
  return db
    .selectFrom('activities as a')
    .leftJoin('leads as l', (j) => j.onRef('l.org_id', '=', 'a.org_id').onRef('l.id', '=', 'a.lead_id'))
    .leftJoin('deals as d', (j) => j.onRef('d.org_id', '=', 'a.org_id').onRef('d.id', '=', 'a.deal_id'))
    .select(['a.id', 'a.lead_id', 'a.deal_id'])
    .where('a.org_id', '=', orgId)
    .where('a.type', '=', 'call')
    .where('a.created_by', '=', userId)
    .where('a.occurred_at', '<=', now)
    .where('a.occurred_at', '>', since)
    .where((eb) =>
      eb.or([
        eb.and([eb('a.lead_id', 'is not', null), eb('l.status', 'not in', ['converted', 'disqualified'])]),
        eb.and([eb('a.lead_id', 'is', null), eb('d.status', '=', 'open'), eb('d.owner_id', '=', userId)]),
      ]),
    )
    .orderBy('a.occurred_at', 'desc')
    .orderBy('a.id')
    .limit(limit)
    .execute();
}
