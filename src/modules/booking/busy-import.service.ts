import { canEditAvailability, type Actor } from '../../contract/access.ts';
import type { BusyTimesImportDto, ImportBusyTimesInput, TimeOffDto } from '../../contract/booking.ts';
import { forbidden, invalid } from '../../contract/errors.ts';
import { busyTimesFromIcs, IcsBusyError, type BusyRange } from '../../domain/ics-busy.ts';
import { write, type Deps } from '../context.ts';
import { getUser } from '../users/users.service.ts';
import * as repo from './booking.repository.ts';

const DAY = 86_400_000;
/** Busy times are read this far ahead (recurring events expanded up to it). */
export const BUSY_HORIZON_DAYS = 180;
/** More busy ranges than this in the horizon is not a rep's calendar export. */
export const MAX_BUSY_RANGES = 1000;

export const reasonOf = (b: BusyRange) => (b.summary ? `Busy: ${b.summary}`.slice(0, 500) : 'Busy (imported)');

/**
 * Imports the busy times of an .ics file into a rep's calendar as out-of-office ranges, so the slot
 * finder keeps them free: events from now to 180 days ahead that are not free or cancelled,
 * recurring ones expanded, floating times in the rep's time zone. A range the rep already has is
 * skipped, so importing the same file again adds nothing. Each range added is an event like one
 * added by hand.
 */
export async function importBusyTimes(
  deps: Deps,
  actor: Actor,
  userId: string,
  input: ImportBusyTimesInput,
): Promise<BusyTimesImportDto> {
  await getUser(deps, actor, userId);
  if (!canEditAvailability(actor, userId)) throw forbidden('You may not change this user’s calendar');
  const now = deps.clock.now();
  const settings = await repo.getAvailability(deps.db, actor.orgId, userId);
  let busy: BusyRange[];
  try {
    busy = busyTimesFromIcs(input.ics, {
      from: now,
      to: new Date(now.getTime() + BUSY_HORIZON_DAYS * DAY),
      floatingZone: settings?.timezone ?? 'UTC',
      max: MAX_BUSY_RANGES,
    });
  } catch (err) {
    if (err instanceof IcsBusyError) throw invalid([{ field: 'ics', message: err.message }]);
    throw err;
  }
  return write(deps, actor.orgId, async (trx) => {
    const existing = await repo.listTimeOff(trx, actor.orgId, [userId], now, new Date('9999-12-31'));
    const have = new Set(existing.map((t) => `${t.starts_at.toISOString()} ${t.ends_at.toISOString()}`));
    const items: TimeOffDto[] = [];
    for (const b of busy) {
      if (have.has(`${b.start.toISOString()} ${b.end.toISOString()}`)) continue;
      const row = await repo.insertTimeOff(trx, {
        org_id: actor.orgId,
        id: deps.ids.id(),
        user_id: userId,
        starts_at: b.start,
        ends_at: b.end,
        reason: reasonOf(b),
        created_at: now,
      });
      items.push({
        id: row.id,
        userId,
        start: row.starts_at.toISOString(),
        end: row.ends_at.toISOString(),
        reason: row.reason,
      });
    }
    await deps.eventLog.append(
      trx,
      actor,
      items.map((t) => ({
        entityType: 'user',
        entityId: userId,
        type: 'user.time_off_added',
        data: { timeOffId: t.id, start: new Date(t.start), end: new Date(t.end), reason: t.reason },
      })),
    );
    return { imported: items.length, skipped: busy.length - items.length, items };
  });
}
