import { canEditAvailability, type Actor } from '../../contract/access.ts';
import type {
  AvailabilityDto,
  CreateTimeOffInput,
  TimeOffDto,
  UpdateAvailabilityInput,
} from '../../contract/booking.ts';
import { forbidden, notFound } from '../../contract/errors.ts';
import { write, type Deps } from '../context.ts';
import { getUser } from '../users/users.service.ts';
import { checkVersion, type ExpectedVersion } from '../shared.ts';
import * as repo from './booking.repository.ts';

/** What a rep who never saved settings is shown: weekdays 09:00–17:00 UTC, not yet bookable. */
const defaults = {
  timezone: 'UTC',
  workingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minNoticeMinutes: 0,
  maxPerDay: 8,
  bookable: false,
  routingWeight: 1,
};

export function toAvailabilityDto(userId: string, r: repo.AvailabilityRow | undefined): AvailabilityDto {
  if (!r) return { userId, ...defaults, updatedAt: null, version: 0 };
  return {
    userId,
    timezone: r.timezone,
    workingHours: r.working_hours,
    bufferBeforeMinutes: r.buffer_before_minutes,
    bufferAfterMinutes: r.buffer_after_minutes,
    minNoticeMinutes: r.min_notice_minutes,
    maxPerDay: r.max_per_day,
    bookable: r.bookable,
    routingWeight: r.routing_weight,
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

const settingsOf = (d: AvailabilityDto) => ({
  timezone: d.timezone,
  workingHours: d.workingHours,
  bufferBeforeMinutes: d.bufferBeforeMinutes,
  bufferAfterMinutes: d.bufferAfterMinutes,
  minNoticeMinutes: d.minNoticeMinutes,
  maxPerDay: d.maxPerDay,
  bookable: d.bookable,
  routingWeight: d.routingWeight,
});

/** Anyone inside the organization who may see the user sees their booking settings (inside sales plans with them). */
export async function getAvailability(deps: Deps, actor: Actor, userId: string): Promise<AvailabilityDto> {
  await getUser(deps, actor, userId);
  return toAvailabilityDto(userId, await repo.getAvailability(deps.db, actor.orgId, userId));
}

/** Saves a rep's settings (If-Match: the version shown; 0 before the first save). */
export async function updateAvailability(
  deps: Deps,
  actor: Actor,
  userId: string,
  expected: ExpectedVersion | undefined,
  input: UpdateAvailabilityInput,
): Promise<AvailabilityDto> {
  await getUser(deps, actor, userId);
  if (!canEditAvailability(actor, userId)) throw forbidden('You may not change this user’s working hours');
  return write(deps, actor.orgId, async (trx) => {
    const before = await repo.getAvailability(trx, actor.orgId, userId, true);
    checkVersion('availability', userId, before?.version ?? 0, expected);
    const row = await repo.saveAvailability(trx, {
      org_id: actor.orgId,
      user_id: userId,
      timezone: input.timezone,
      working_hours: JSON.stringify(input.workingHours),
      buffer_before_minutes: input.bufferBeforeMinutes,
      buffer_after_minutes: input.bufferAfterMinutes,
      min_notice_minutes: input.minNoticeMinutes,
      max_per_day: input.maxPerDay,
      bookable: input.bookable,
      routing_weight: input.routingWeight,
      updated_at: deps.clock.now(),
    });
    const after = toAvailabilityDto(userId, row);
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'user',
        entityId: userId,
        type: 'user.availability_changed',
        data: { before: before ? settingsOf(toAvailabilityDto(userId, before)) : null, after: settingsOf(after) },
      },
    ]);
    return after;
  });
}

const toTimeOffDto = (r: repo.TimeOffRow): TimeOffDto => ({
  id: r.id,
  userId: r.user_id,
  start: r.starts_at.toISOString(),
  end: r.ends_at.toISOString(),
  reason: r.reason,
});

/** A user's out-of-office ranges ending after `from` (default: now), soonest first. */
export async function listTimeOff(deps: Deps, actor: Actor, userId: string): Promise<TimeOffDto[]> {
  await getUser(deps, actor, userId);
  const rows = await repo.listTimeOff(deps.db, actor.orgId, [userId], deps.clock.now(), new Date('9999-12-31'));
  return rows.map(toTimeOffDto);
}

export async function addTimeOff(
  deps: Deps,
  actor: Actor,
  userId: string,
  input: CreateTimeOffInput,
): Promise<TimeOffDto> {
  await getUser(deps, actor, userId);
  if (!canEditAvailability(actor, userId)) throw forbidden('You may not change this user’s calendar');
  return write(deps, actor.orgId, async (trx) => {
    const row = await repo.insertTimeOff(trx, {
      org_id: actor.orgId,
      id: deps.ids.id(),
      user_id: userId,
      starts_at: new Date(input.start),
      ends_at: new Date(input.end),
      reason: input.reason ?? null,
      created_at: deps.clock.now(),
    });
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'user',
        entityId: userId,
        type: 'user.time_off_added',
        data: { timeOffId: row.id, start: row.starts_at, end: row.ends_at, reason: row.reason },
      },
    ]);
    return toTimeOffDto(row);
  });
}

export async function removeTimeOff(deps: Deps, actor: Actor, userId: string, id: string): Promise<void> {
  await getUser(deps, actor, userId);
  if (!canEditAvailability(actor, userId)) throw forbidden('You may not change this user’s calendar');
  await write(deps, actor.orgId, async (trx) => {
    const existing = await repo.getTimeOff(trx, actor.orgId, id);
    if (!existing || existing.user_id !== userId) throw notFound('time off', id);
    await repo.deleteTimeOff(trx, actor.orgId, id);
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'user',
        entityId: userId,
        type: 'user.time_off_removed',
        data: { timeOffId: id, start: existing.starts_at, end: existing.ends_at },
      },
    ]);
  });
}
