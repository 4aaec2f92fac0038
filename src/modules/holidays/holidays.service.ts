import { canManageHolidayCalendars, canReadHolidayCalendars, type Actor } from '../../contract/access.ts';
import { forbidden, invalid, notFound, type FieldProblem } from '../../contract/errors.ts';
import type {
  AddHolidaysInput,
  CreateHolidayCalendarInput,
  HolidayCalendarDto,
  HolidayInput,
  ImportHolidaysInput,
  ImportHolidaysResultDto,
  UpdateHolidayCalendarInput,
} from '../../contract/holidays.ts';
import type { DbExecutor } from '../../db/database.ts';
import { holidaysFromIcs, IcsHolidayError, type IcsHoliday } from '../../domain/ics-holidays.ts';
import { write, type Deps } from '../context.ts';
import { changed } from '../routing/pools.service.ts';
import { checkVersion, found, type ExpectedVersion } from '../shared.ts';
import * as repo from './holidays.repository.ts';

/** At most this many holidays in one calendar. */
const MAX_HOLIDAYS = 2000;

function assertRead(actor: Actor): void {
  if (!canReadHolidayCalendars(actor)) throw forbidden('Only admins and managers see holiday calendars');
}
function assertManage(actor: Actor): void {
  if (!canManageHolidayCalendars(actor)) throw forbidden('Only admins change holiday calendars');
}

interface Links {
  territories: repo.TerritoryLink[];
  users: repo.UserLink[];
}

function toDto(c: repo.CalendarRow, holidays: repo.HolidayRow[], links: Links): HolidayCalendarDto {
  return {
    id: c.id,
    name: c.name,
    isDefault: c.is_default,
    holidays: holidays
      .filter((h) => h.calendar_id === c.id)
      .map((h) => ({ id: h.id, name: h.name, start: h.starts_on, end: h.ends_on, recurring: h.recurring })),
    territoryIds: links.territories.filter((t) => t.calendar_id === c.id).map((t) => t.territory_id),
    userIds: links.users.filter((u) => u.calendar_id === c.id).map((u) => u.user_id),
    createdAt: c.created_at.toISOString(),
    updatedAt: c.updated_at.toISOString(),
    version: c.version,
  };
}

async function links(db: DbExecutor, orgId: string): Promise<Links> {
  const [territories, users] = await Promise.all([repo.territoryLinks(db, orgId), repo.userLinks(db, orgId)]);
  return { territories, users };
}

async function dtoOf(db: DbExecutor, orgId: string, c: repo.CalendarRow): Promise<HolidayCalendarDto> {
  const [holidays, l] = await Promise.all([repo.listHolidays(db, orgId, [c.id]), links(db, orgId)]);
  return toDto(c, holidays, l);
}

/** The calendar as events record it. */
const snapshotOf = (d: HolidayCalendarDto) => ({
  name: d.name,
  isDefault: d.isDefault,
  territoryIds: d.territoryIds,
  userIds: d.userIds,
});

export async function listHolidayCalendars(deps: Deps, actor: Actor): Promise<HolidayCalendarDto[]> {
  assertRead(actor);
  const rows = await repo.listCalendars(deps.db, actor.orgId);
  const [holidays, l] = await Promise.all([
    repo.listHolidays(
      deps.db,
      actor.orgId,
      rows.map((r) => r.id),
    ),
    links(deps.db, actor.orgId),
  ]);
  return rows.map((r) => toDto(r, holidays, l));
}

export async function getHolidayCalendar(deps: Deps, actor: Actor, id: string): Promise<HolidayCalendarDto> {
  assertRead(actor);
  return dtoOf(deps.db, actor.orgId, found(await repo.getCalendar(deps.db, actor.orgId, id), 'holiday calendar', id));
}

/** Every bad name, territory and user of a create or an update, as field problems. */
async function problemsOf(
  db: DbExecutor,
  orgId: string,
  id: string,
  input: { name?: string; territoryIds?: readonly string[]; userIds?: readonly string[] },
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (input.name !== undefined && (await repo.calendarNameTaken(db, orgId, input.name, id)))
    problems.push({ field: 'name', message: 'is the name of another holiday calendar' });
  const territories = await repo.territoriesExist(db, orgId, input.territoryIds ?? []);
  (input.territoryIds ?? []).forEach((t, i) => {
    if (!territories.has(t)) problems.push({ field: `territoryIds.${i}`, message: 'is not a territory' });
  });
  const users = await repo.usersExist(db, orgId, input.userIds ?? []);
  (input.userIds ?? []).forEach((u, i) => {
    if (!users.has(u)) problems.push({ field: `userIds.${i}`, message: 'is not a user of this organization' });
  });
  return problems;
}

/** Takes the default flag off the organization's current default calendar (another becomes it), with its event. */
async function unsetDefault(trx: DbExecutor, deps: Deps, actor: Actor, exceptId: string): Promise<void> {
  const current = await repo.defaultCalendar(trx, actor.orgId, true);
  if (!current || current.id === exceptId) return;
  await repo.updateCalendar(
    trx,
    { orgId: actor.orgId, id: current.id, version: current.version },
    { is_default: false, updated_at: deps.clock.now() },
  );
  await deps.eventLog.append(trx, actor, [
    {
      entityType: 'holiday_calendar',
      entityId: current.id,
      type: 'holiday_calendar.updated',
      data: { changes: { isDefault: { from: true, to: false } } },
    },
  ]);
}

const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/** Inserts holidays (those already in the calendar with the same name and dates are skipped) with their event. */
async function addTo(
  trx: DbExecutor,
  deps: Deps,
  actor: Actor,
  calendarId: string,
  holidays: readonly (HolidayInput | IcsHoliday)[],
  source: 'manual' | 'ics',
): Promise<number> {
  const existing = await repo.listHolidays(trx, actor.orgId, [calendarId]);
  const key = (h: { name: string; start: string; end: string; recurring: boolean }) =>
    `${h.name.toLowerCase()}\u0000${h.start}\u0000${h.end}\u0000${String(h.recurring)}`;
  const have = new Set(existing.map((h) => key({ ...h, start: h.starts_on, end: h.ends_on })));
  const now = deps.clock.now();
  const rows = [];
  for (const h of holidays) {
    const start = h.start;
    const end = h.end ?? h.start;
    const k = key({ name: h.name, start, end, recurring: h.recurring });
    if (have.has(k)) continue;
    have.add(k);
    rows.push({
      org_id: actor.orgId,
      id: deps.ids.id(),
      calendar_id: calendarId,
      name: h.name,
      starts_on: start,
      ends_on: end,
      recurring: h.recurring,
      created_at: now,
    });
  }
  if (existing.length + rows.length > MAX_HOLIDAYS)
    throw invalid([
      { field: source === 'ics' ? 'ics' : 'holidays', message: `a calendar holds at most ${MAX_HOLIDAYS} holidays` },
    ]);
  if (rows.length === 0) return 0;
  await repo.insertHolidays(trx, rows);
  await deps.eventLog.append(trx, actor, [
    {
      entityType: 'holiday_calendar',
      entityId: calendarId,
      type: 'holiday_calendar.holidays_added',
      data: {
        source,
        holidays: rows.map((r) => ({
          holidayId: r.id,
          name: r.name,
          start: r.starts_on,
          end: r.ends_on,
          recurring: r.recurring,
        })),
      },
    },
  ]);
  return rows.length;
}

/** Sets up a holiday calendar with its holidays and whom it applies to; making it the default takes that off another. */
export async function createHolidayCalendar(
  deps: Deps,
  actor: Actor,
  input: CreateHolidayCalendarInput,
): Promise<HolidayCalendarDto> {
  assertManage(actor);
  const id = deps.ids.id();
  const territoryIds = unique(input.territoryIds);
  const userIds = unique(input.userIds);
  return write(deps, actor.orgId, async (trx) => {
    const problems = await problemsOf(trx, actor.orgId, id, input);
    if (problems.length) throw invalid(problems);
    if (input.isDefault) await unsetDefault(trx, deps, actor, id);
    const now = deps.clock.now();
    const row = await repo.insertCalendar(trx, {
      org_id: actor.orgId,
      id,
      name: input.name,
      is_default: input.isDefault,
      created_at: now,
      updated_at: now,
    });
    await repo.replaceTerritoryLinks(trx, actor.orgId, id, territoryIds);
    await repo.replaceUserLinks(trx, actor.orgId, id, userIds);
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'holiday_calendar',
        entityId: id,
        type: 'holiday_calendar.created',
        data: { after: { name: row.name, isDefault: row.is_default, territoryIds, userIds } },
      },
    ]);
    await addTo(trx, deps, actor, id, input.holidays, 'manual');
    return dtoOf(trx, actor.orgId, row);
  });
}

/** Renames a calendar, makes it the default (or not), or changes the territories and reps it applies to (If-Match). */
export async function updateHolidayCalendar(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: UpdateHolidayCalendarInput,
): Promise<HolidayCalendarDto> {
  assertManage(actor);
  return write(deps, actor.orgId, async (trx) => {
    const before = found(await repo.getCalendar(trx, actor.orgId, id, true), 'holiday calendar', id);
    const version = checkVersion('holiday calendar', id, before.version, expected);
    const problems = await problemsOf(trx, actor.orgId, id, input);
    if (problems.length) throw invalid(problems);
    const was = await dtoOf(trx, actor.orgId, before);
    if (input.isDefault === true) await unsetDefault(trx, deps, actor, id);
    const after = await repo.updateCalendar(
      trx,
      { orgId: actor.orgId, id, version },
      {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.isDefault !== undefined ? { is_default: input.isDefault } : {}),
        updated_at: deps.clock.now(),
      },
    );
    if (input.territoryIds) await repo.replaceTerritoryLinks(trx, actor.orgId, id, unique(input.territoryIds));
    if (input.userIds) await repo.replaceUserLinks(trx, actor.orgId, id, unique(input.userIds));
    const now = await dtoOf(trx, actor.orgId, after);
    const changes = changed(snapshotOf(was), snapshotOf(now));
    if (Object.keys(changes).length)
      await deps.eventLog.append(trx, actor, [
        { entityType: 'holiday_calendar', entityId: id, type: 'holiday_calendar.updated', data: { changes } },
      ]);
    return now;
  });
}

/** Removes a calendar with its holidays and assignments. */
export async function deleteHolidayCalendar(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
): Promise<void> {
  assertManage(actor);
  await write(deps, actor.orgId, async (trx) => {
    const before = found(await repo.getCalendar(trx, actor.orgId, id, true), 'holiday calendar', id);
    checkVersion('holiday calendar', id, before.version, expected);
    const was = await dtoOf(trx, actor.orgId, before);
    await repo.deleteCalendar(trx, actor.orgId, id);
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'holiday_calendar',
        entityId: id,
        type: 'holiday_calendar.deleted',
        data: { before: snapshotOf(was) },
      },
    ]);
  });
}

/** Locks a calendar for a change of its holidays, and raises its version (the holidays are part of it). */
async function touch(trx: DbExecutor, deps: Deps, actor: Actor, id: string): Promise<repo.CalendarRow> {
  const before = found(await repo.getCalendar(trx, actor.orgId, id, true), 'holiday calendar', id);
  return repo.updateCalendar(
    trx,
    { orgId: actor.orgId, id, version: before.version },
    { updated_at: deps.clock.now() },
  );
}

/** Adds holidays typed by an admin; one already in the calendar (same name and dates) is not added twice. */
export async function addHolidays(
  deps: Deps,
  actor: Actor,
  id: string,
  input: AddHolidaysInput,
): Promise<HolidayCalendarDto> {
  assertManage(actor);
  return write(deps, actor.orgId, async (trx) => {
    const row = await touch(trx, deps, actor, id);
    await addTo(trx, deps, actor, id, input.holidays, 'manual');
    return dtoOf(trx, actor.orgId, row);
  });
}

/** Removes one holiday of a calendar. */
export async function removeHoliday(deps: Deps, actor: Actor, id: string, holidayId: string): Promise<void> {
  assertManage(actor);
  await write(deps, actor.orgId, async (trx) => {
    await touch(trx, deps, actor, id);
    const h = await repo.getHoliday(trx, actor.orgId, holidayId);
    if (!h || h.calendar_id !== id) throw notFound('holiday', holidayId);
    await repo.deleteHoliday(trx, actor.orgId, holidayId);
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'holiday_calendar',
        entityId: id,
        type: 'holiday_calendar.holiday_removed',
        data: { holidayId, name: h.name, start: h.starts_on, end: h.ends_on, recurring: h.recurring },
      },
    ]);
  });
}

/** How far ahead a recurring event of an imported file (other than a fixed yearly date) is expanded. */
const IMPORT_YEARS_AHEAD = 3;

/**
 * Adds the holidays of an .ics export (all-day events by their dates; a yearly event on a fixed date
 * as one recurring holiday; other recurring events as their dates from the start of this year for
 * three years). Importing the same file again adds nothing.
 */
export async function importHolidays(
  deps: Deps,
  actor: Actor,
  id: string,
  input: ImportHolidaysInput,
): Promise<ImportHolidaysResultDto> {
  assertManage(actor);
  const year = deps.clock.now().getUTCFullYear();
  let holidays: IcsHoliday[];
  try {
    holidays = holidaysFromIcs(input.ics, {
      from: `${year}-01-01`,
      to: `${year + IMPORT_YEARS_AHEAD}-12-31`,
      max: MAX_HOLIDAYS,
    });
  } catch (err) {
    if (err instanceof IcsHolidayError) throw invalid([{ field: 'ics', message: err.message }]);
    throw err;
  }
  const outOfRange = holidays.find((h) => h.start < '1990-01-01' || h.end > '2099-12-31');
  if (outOfRange)
    throw invalid([{ field: 'ics', message: `holds ${outOfRange.name} on ${outOfRange.start}, outside 1990–2099` }]);
  return write(deps, actor.orgId, async (trx) => {
    const row = await touch(trx, deps, actor, id);
    const imported = await addTo(trx, deps, actor, id, holidays, 'ics');
    return { imported, skipped: holidays.length - imported, calendar: await dtoOf(trx, actor.orgId, row) };
  });
}
