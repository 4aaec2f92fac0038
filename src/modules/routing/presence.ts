import type { DbExecutor } from '../../db/database.ts';
import type { RepPresence } from '../../domain/routing.ts';
import { holidaysOfReps } from '../holidays/effective-holidays.ts';
import * as repo from './routing.repository.ts';

/**
 * What lead routing weighs of each rep between two times: their zone, their time off and the
 * holidays they keep, read for all the reps at once (a fixed number of queries, whatever their count).
 */
export async function presenceOfReps(
  db: DbExecutor,
  orgId: string,
  userIds: readonly string[],
  from: Date,
  to: Date,
): Promise<Map<string, RepPresence>> {
  const ids = [...new Set(userIds)];
  const [zones, off, holidays] = await Promise.all([
    repo.timeZonesOf(db, orgId, ids),
    repo.timeOffBetween(db, orgId, ids, from, to),
    holidaysOfReps(db, orgId, ids),
  ]);
  return new Map(
    ids.map((id) => [
      id,
      {
        timeZone: zones.get(id) ?? 'UTC',
        timeOff: off.filter((o) => o.user_id === id).map((o) => ({ start: o.starts_at, end: o.ends_at })),
        holidays: holidays.get(id)?.holidays ?? [],
      },
    ]),
  );
}
