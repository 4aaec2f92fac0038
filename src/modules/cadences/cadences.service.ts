import { cadenceFigures } from '../../analytics/cadences.ts';
import {
  canEnrolLead,
  canManageCadences,
  canReadCadenceFigures,
  canReadCadences,
  inScope,
  scopeFor,
  type Actor,
} from '../../contract/access.ts';
import type { CallDisposition } from '../../contract/activities.ts';
import {
  defaultCadenceRules,
  type CadenceDto,
  type CadenceFiguresDto,
  type CadenceRules,
  type CadenceStep,
  type CreateCadenceInput,
  type EndEnrolmentInput,
  type EnrolmentDto,
  type ListCadencesQuery,
  type UpdateCadenceInput,
} from '../../contract/cadences.ts';
import { AppError, forbidden, invalid, notFound } from '../../contract/errors.ts';
import type { DbExecutor } from '../../db/database.ts';
import { encodeCursor } from '../../db/list.ts';
import {
  applyOutcome,
  resumeIfDue,
  setCallBack,
  startEnrolment,
  type CadenceOutcome,
  type CadenceTransition,
  type EnrolmentState,
} from '../../domain/cadences.ts';
import type { Holiday } from '../../domain/holidays.ts';
import type { BusinessHours } from '../../domain/sla.ts';
import { assertCanRead as assertCanReadRecord, onVisibleBooking } from '../access.ts';
import { activitySnapshot } from '../activities/activities.service.ts';
import { write, type Deps } from '../context.ts';
import type { EventInput } from '../events/events.service.ts';
import { policyFor } from '../handoffs/sla-policy.service.ts';
import { defaultCalendarHolidays } from '../holidays/effective-holidays.ts';
import { enqueueJob } from '../jobs/enqueue.ts';
import { JobFailed, type JobContext } from '../jobs/queue.ts';
import { checkVersion, found, iso, toPage, type ExpectedVersion } from '../shared.ts';
import * as repo from './cadences.repository.ts';

/** The job that looks at one enrolment when its step comes due or its pause ends (keyed on the enrolment). */
export const CADENCE_STEP_JOB = 'cadence.step';

/** Whoever acts for the system (the job): no user. */
type Acting = Pick<Actor, 'orgId'> & { userId: string | null };

function toCadenceDto(r: repo.CadenceRow, v: repo.CadenceVersionRow): CadenceDto {
  return {
    id: r.id,
    name: r.name,
    cadenceVersion: r.cadence_version,
    steps: v.steps,
    rules: v.rules,
    active: r.active,
    openEnrolments: r.open_enrolments,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

export type EnrolmentView = repo.EnrolmentView;

/** The open enrolments of the given leads (at most one each), for the call queue. */
export function openEnrolmentsOfLeads(
  db: DbExecutor,
  orgId: string,
  leadIds: readonly string[],
): Promise<EnrolmentView[]> {
  return repo.openEnrolmentsOfLeads(db, orgId, leadIds);
}

export function toEnrolmentDto(e: repo.EnrolmentView): EnrolmentDto {
  const steps = e.steps;
  const step = steps[Math.min(e.step_index, steps.length - 1)] as CadenceStep;
  return {
    id: e.id,
    cadenceId: e.cadence_id,
    cadenceName: e.cadence_name,
    cadenceVersion: e.cadence_version,
    leadId: e.lead_id,
    status: e.status,
    stepIndex: e.step_index,
    stepCount: steps.length,
    step,
    dueAt: iso(e.step_due_at),
    stepTaskId: e.step_task_id,
    pausedUntil: iso(e.paused_until),
    pauseReason: e.pause_reason,
    endedReason: e.ended_reason,
    endedAt: iso(e.ended_at),
    enrolledBy: e.enrolled_by,
    enrolledAt: e.enrolled_at.toISOString(),
    updatedAt: e.updated_at.toISOString(),
    version: e.version,
  };
}

function assertCanManage(actor: Actor): void {
  if (!canManageCadences(actor)) throw forbidden('Only admins and managers can define cadences');
}

function assertCanRead(actor: Actor): void {
  if (!canReadCadences(actor)) throw forbidden('Your role does not work cadences');
}

const fullRules = (given: Partial<CadenceRules> | undefined, base: CadenceRules): CadenceRules => ({
  ...base,
  ...Object.fromEntries(Object.entries(given ?? {}).filter(([, r]) => r !== undefined)),
});

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const snapshot = (r: { name: string; cadence_version: number; active: boolean }, steps: readonly unknown[]) => ({
  name: r.name,
  cadenceVersion: r.cadence_version,
  active: r.active,
  stepCount: steps.length,
});

async function assertNameFree(db: DbExecutor, orgId: string, name: string, exceptId?: string): Promise<void> {
  if (await repo.nameTaken(db, orgId, name, exceptId))
    throw invalid([{ field: 'name', message: 'is the name of another cadence' }]);
}

async function loadCadence(db: DbExecutor, orgId: string, id: string): Promise<CadenceDto> {
  const row = found(await repo.getCadence(db, orgId, id), 'cadence', id);
  const v = found(await repo.getCadenceVersion(db, orgId, id, row.cadence_version), 'cadence', id);
  return toCadenceDto(row, v);
}

export async function createCadence(deps: Deps, actor: Actor, input: CreateCadenceInput): Promise<CadenceDto> {
  assertCanManage(actor);
  const now = deps.clock.now();
  const id = deps.ids.id();
  await write(deps, actor.orgId, async (trx) => {
    await assertNameFree(trx, actor.orgId, input.name);
    const row = await repo.insertCadence(trx, {
      org_id: actor.orgId,
      id,
      name: input.name,
      cadence_version: 1,
      active: input.active ?? true,
      created_at: now,
      updated_at: now,
    });
    await repo.insertCadenceVersion(trx, {
      org_id: actor.orgId,
      cadence_id: id,
      cadence_version: 1,
      steps: JSON.stringify(input.steps),
      rules: JSON.stringify(fullRules(input.rules, defaultCadenceRules)),
      created_by: actor.userId,
      created_at: now,
    });
    await deps.eventLog.append(trx, actor, [
      { entityType: 'cadence', entityId: id, type: 'cadence.created', data: { after: snapshot(row, input.steps) } },
    ]);
  });
  return loadCadence(deps.db, actor.orgId, id);
}

export async function getCadence(deps: Deps, actor: Actor, id: string): Promise<CadenceDto> {
  assertCanRead(actor);
  return loadCadence(deps.db, actor.orgId, id);
}

export async function listCadences(
  deps: Deps,
  actor: Actor,
  q: ListCadencesQuery,
): Promise<{ items: CadenceDto[]; nextCursor: string | null }> {
  assertCanRead(actor);
  const rows = await repo.listCadences(deps.db, actor.orgId, q);
  const page = toPage(
    rows,
    q.limit,
    (r) => r,
    (r) => encodeCursor(r[q.sort], r.id),
  );
  const items: CadenceDto[] = [];
  for (const r of page.items) {
    const v = found(await repo.getCadenceVersion(deps.db, actor.orgId, r.id, r.cadence_version), 'cadence', r.id);
    items.push(toCadenceDto(r, v));
  }
  return { items, nextCursor: page.nextCursor };
}

/**
 * Renames, switches on or off, or redefines a cadence (If-Match: version). New steps or rules make
 * a new cadence version that new enrolments follow; enrolments already open keep the version they
 * started on to their end, so nobody's next step changes under them.
 */
export async function updateCadence(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: UpdateCadenceInput,
): Promise<CadenceDto> {
  assertCanManage(actor);
  await write(deps, actor.orgId, async (trx) => {
    const before = found(await repo.lockCadence(trx, actor.orgId, id), 'cadence', id);
    const version = checkVersion('cadence', id, before.version, expected);
    const current = found(await repo.getCadenceVersion(trx, actor.orgId, id, before.cadence_version), 'cadence', id);
    if (input.name !== undefined) await assertNameFree(trx, actor.orgId, input.name, id);
    const steps = input.steps ?? current.steps;
    const rules = fullRules(input.rules, current.rules);
    const redefined = !sameJson(steps, current.steps) || !sameJson(rules, current.rules);
    const now = deps.clock.now();
    const after = await repo.updateCadence(trx, actor.orgId, id, version, {
      name: input.name ?? before.name,
      active: input.active ?? before.active,
      cadence_version: redefined ? before.cadence_version + 1 : before.cadence_version,
      updated_at: now,
    });
    if (redefined)
      await repo.insertCadenceVersion(trx, {
        org_id: actor.orgId,
        cadence_id: id,
        cadence_version: after.cadence_version,
        steps: JSON.stringify(steps),
        rules: JSON.stringify(rules),
        created_by: actor.userId,
        created_at: now,
      });
    const from = snapshot(before, current.steps);
    const to = snapshot(after, steps);
    const changes = Object.fromEntries(
      (Object.keys(from) as (keyof typeof from)[])
        .filter((k) => from[k] !== to[k])
        .map((k) => [k, { from: from[k], to: to[k] }]),
    );
    if (Object.keys(changes).length)
      await deps.eventLog.append(trx, actor, [
        { entityType: 'cadence', entityId: id, type: 'cadence.updated', data: { changes } },
      ]);
  });
  return loadCadence(deps.db, actor.orgId, id);
}

/**
 * The organization's business hours (those of its hand-off SLA policy) and the holidays of its
 * default holiday calendar, which business delays count in: the same clock as the hand-off SLA's.
 */
async function businessClockOf(db: DbExecutor, orgId: string): Promise<{ hours: BusinessHours; holidays: Holiday[] }> {
  const [{ policy }, holidays] = await Promise.all([policyFor(db, orgId, null), defaultCalendarHolidays(db, orgId)]);
  return { hours: policy, holidays };
}

const stateOf = (e: repo.EnrolmentView): EnrolmentState => ({
  status: e.status,
  stepIndex: e.step_index,
  dueAt: e.step_due_at,
  pausedUntil: e.paused_until,
  pauseReason: e.pause_reason,
  reachedStep: e.reached_step,
  convertedStep: e.converted_step,
  endedReason: e.ended_reason,
});

async function scheduleCheck(deps: Deps, trx: DbExecutor, orgId: string, id: string, at: Date | null): Promise<void> {
  if (!at) return;
  await enqueueJob(deps, trx, {
    orgId,
    kind: CADENCE_STEP_JOB,
    payload: { enrolmentId: id },
    key: `${CADENCE_STEP_JOB}:${id}`,
    runAt: at,
  });
}

/** Opens the task of an email or task step for the lead's owner, due when the step is. */
async function openStepTask(
  deps: Deps,
  trx: DbExecutor,
  acting: Acting,
  e: { id: string; cadence_name: string; lead_id: string },
  ownerId: string | null,
  step: CadenceStep,
  stepIndex: number,
  stepCount: number,
  dueAt: Date | null,
): Promise<string> {
  const id = deps.ids.id();
  const now = deps.clock.now();
  const what = step.kind === 'email' ? 'Email' : 'Task';
  const row = await repo.insertTask(trx, {
    org_id: acting.orgId,
    id,
    type: 'task',
    subject: `${what} (${e.cadence_name}, step ${stepIndex + 1} of ${stepCount})`.slice(0, 300),
    body: step.instruction || null,
    deal_id: null,
    contact_id: null,
    account_id: null,
    lead_id: e.lead_id,
    owner_id: ownerId,
    external_id: null,
    occurred_at: null,
    due_at: dueAt,
    completed_at: null,
    call_direction: null,
    call_disposition: null,
    duration_seconds: null,
    meeting_start: null,
    meeting_end: null,
    location: null,
    attendees: '[]',
    meeting_outcome: null,
    email_direction: null,
    cadence_enrolment_id: e.id,
    created_by: acting.userId,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  });
  await deps.eventLog.append(trx, acting, [
    { entityType: 'activity', entityId: id, type: 'activity.created', data: { after: activitySnapshot(row) } },
  ]);
  return id;
}

/** Removes the open task of a step the enrolment left without it being done (its record stays, deleted). */
async function dropStepTask(deps: Deps, trx: DbExecutor, acting: Acting, taskId: string): Promise<void> {
  const task = await repo.lockTask(trx, acting.orgId, taskId);
  if (!task || task.deleted_at || task.completed_at) return;
  const now = deps.clock.now();
  await repo.updateTask(trx, acting.orgId, taskId, task.version, { deleted_at: now, updated_at: now });
  await deps.eventLog.append(trx, acting, [
    { entityType: 'activity', entityId: taskId, type: 'activity.deleted', data: { before: activitySnapshot(task) } },
  ]);
}

/**
 * Writes the new state of an enrolment with its events: the step task of a left email or task
 * step is removed, one is opened for a newly reached email or task step, and the check job is
 * set for the new due time.
 */
async function persist(
  deps: Deps,
  trx: DbExecutor,
  acting: Acting,
  e: repo.EnrolmentView,
  state: EnrolmentState,
  transitions: readonly CadenceTransition[],
  activityId: string | null,
  extra: { stepDueNoted?: boolean } = {},
): Promise<void> {
  const now = deps.clock.now();
  const steps = e.steps;
  const moved = state.stepIndex !== e.step_index || state.status === 'ended';
  let taskId = e.step_task_id;
  if (moved && taskId) {
    await dropStepTask(deps, trx, acting, taskId);
    taskId = null;
  }
  const step = steps[state.stepIndex] as CadenceStep;
  if (state.status !== 'ended' && step.kind !== 'call' && (moved || !taskId)) {
    const lead = await repo.getLead(trx, acting.orgId, e.lead_id);
    taskId = await openStepTask(
      deps,
      trx,
      acting,
      e,
      lead?.owner_id ?? null,
      step,
      state.stepIndex,
      steps.length,
      state.dueAt,
    );
  }
  await repo.updateEnrolment(trx, acting.orgId, e.id, e.version, {
    status: state.status,
    step_index: state.stepIndex,
    step_due_at: state.dueAt,
    step_due_noted: extra.stepDueNoted ?? (moved || state.status !== e.status ? false : e.step_due_noted),
    step_task_id: taskId,
    paused_until: state.pausedUntil,
    pause_reason: state.pauseReason,
    reached_step: state.reachedStep,
    converted_step: state.convertedStep,
    ended_reason: state.endedReason,
    ended_at: state.status === 'ended' ? (e.ended_at ?? now) : null,
    updated_at: now,
  });
  const position = {
    leadId: e.lead_id,
    cadenceId: e.cadence_id,
    cadenceVersion: e.cadence_version,
    stepIndex: state.stepIndex,
  };
  const events: EventInput[] = transitions.map((t): EventInput => {
    const base = { entityType: 'cadence_enrolment' as const, entityId: e.id };
    switch (t) {
      case 'advanced':
        return {
          ...base,
          type: 'cadence_enrolment.advanced',
          data: { ...position, kind: step.kind, dueAt: iso(state.dueAt), activityId },
        };
      case 'paused':
        return {
          ...base,
          type: 'cadence_enrolment.paused',
          data: { ...position, reason: state.pauseReason ?? 'paused', pausedUntil: iso(state.pausedUntil), activityId },
        };
      case 'resumed':
        return {
          ...base,
          type: 'cadence_enrolment.resumed',
          data: { ...position, stepIndex: e.step_index, dueAt: (state.dueAt ?? now).toISOString() },
        };
      case 'ended':
        return {
          ...base,
          type: 'cadence_enrolment.ended',
          data: { ...position, reason: state.endedReason ?? 'ended', activityId },
        };
    }
  });
  if (events.length) await deps.eventLog.append(trx, acting, events);
  if (state.status !== 'ended') await scheduleCheck(deps, trx, acting.orgId, e.id, state.dueAt);
}

async function applyTo(
  deps: Deps,
  trx: DbExecutor,
  acting: Acting,
  e: repo.EnrolmentView,
  outcome: CadenceOutcome,
  activityId: string | null,
): Promise<void> {
  const { hours, holidays } = await businessClockOf(trx, acting.orgId);
  const { state, transitions } = applyOutcome(stateOf(e), outcome, e, deps.clock.now(), hours, holidays);
  if (!transitions.length) return;
  await persist(deps, trx, acting, e, state, transitions, activityId);
}

/**
 * Enrols a lead in a cadence, at its newest version: the first step is due after its delay from
 * now. The lead must be open (new or working), the caller must be allowed to work it, and it may
 * have one open enrolment at a time (409 otherwise).
 */
export async function enrolLead(deps: Deps, actor: Actor, leadId: string, cadenceId: string): Promise<EnrolmentDto> {
  const id = deps.ids.id();
  await write(deps, actor.orgId, async (trx) => {
    const lead = await repo.getLead(trx, actor.orgId, leadId, true);
    if (!lead || lead.deleted_at || !inScope(scopeFor(actor, 'lead', 'read'), { ownerId: lead.owner_id }))
      throw notFound('lead', leadId);
    if (!canEnrolLead(actor, { ownerId: lead.owner_id }))
      throw forbidden('You may enrol only leads you work (managers: their team’s)');
    if (lead.status !== 'new' && lead.status !== 'working')
      throw new AppError('invalid_transition', `A ${lead.status} lead is not enrolled in cadences`, {
        details: { status: lead.status },
      });
    const cadence = await repo.getCadence(trx, actor.orgId, cadenceId);
    if (!cadence || !cadence.active)
      throw invalid([{ field: 'cadenceId', message: 'is not an active cadence of this organization' }]);
    const open = await repo.openEnrolmentOfLead(trx, actor.orgId, leadId);
    if (open)
      throw new AppError('conflict', `The lead is already on the cadence “${open.cadence_name}”; end that first`, {
        details: { enrolmentId: open.id },
      });
    const v = found(
      await repo.getCadenceVersion(trx, actor.orgId, cadenceId, cadence.cadence_version),
      'cadence',
      cadenceId,
    );
    const now = deps.clock.now();
    const { hours, holidays } = await businessClockOf(trx, actor.orgId);
    const state = startEnrolment(v.steps, now, hours, holidays);
    const row = await repo.insertEnrolment(trx, {
      org_id: actor.orgId,
      id,
      cadence_id: cadenceId,
      cadence_version: v.cadence_version,
      lead_id: leadId,
      status: 'active',
      step_index: 0,
      step_due_at: state.dueAt,
      step_due_noted: false,
      step_task_id: null,
      paused_until: null,
      pause_reason: null,
      reached_step: null,
      converted_step: null,
      ended_reason: null,
      ended_at: null,
      enrolled_by: actor.userId,
      enrolled_at: now,
      updated_at: now,
    });
    const first = v.steps[0] as CadenceStep;
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'cadence_enrolment',
        entityId: id,
        type: 'cadence_enrolment.enrolled',
        data: {
          leadId,
          cadenceId,
          cadenceVersion: v.cadence_version,
          stepIndex: 0,
          kind: first.kind,
          dueAt: iso(state.dueAt),
        },
      },
    ]);
    if (first.kind !== 'call') {
      const taskId = await openStepTask(
        deps,
        trx,
        actor,
        { id, cadence_name: cadence.name, lead_id: leadId },
        lead.owner_id,
        first,
        0,
        v.steps.length,
        state.dueAt,
      );
      await repo.updateEnrolment(trx, actor.orgId, id, row.version, { step_task_id: taskId });
    }
    await scheduleCheck(deps, trx, actor.orgId, id, state.dueAt);
  });
  return toEnrolmentDto(found(await repo.getEnrolment(deps.db, actor.orgId, id), 'cadence enrolment', id));
}

/** A lead the caller may read by the lead's own rule: its scope, or a meeting booked on it that they see. */
async function readableLead(db: DbExecutor, actor: Actor, leadId: string): Promise<repo.EnrolledLead> {
  const lead = await repo.getLead(db, actor.orgId, leadId);
  if (!lead || lead.deleted_at) throw notFound('lead', leadId);
  return assertCanReadRecord(actor, 'lead', lead, leadId, await onVisibleBooking(db, actor, 'lead', lead));
}

/** The enrolments of a lead the caller can read, newest first (the open one, if any, first). */
export async function leadEnrolments(deps: Deps, actor: Actor, leadId: string): Promise<{ items: EnrolmentDto[] }> {
  await readableLead(deps.db, actor, leadId);
  const rows = await repo.enrolmentsOfLead(deps.db, actor.orgId, leadId);
  return { items: rows.map(toEnrolmentDto) };
}

export async function getEnrolment(deps: Deps, actor: Actor, id: string): Promise<EnrolmentDto> {
  const e = found(await repo.getEnrolment(deps.db, actor.orgId, id), 'cadence enrolment', id);
  await readableLead(deps.db, actor, e.lead_id).catch(() => {
    throw notFound('cadence enrolment', id);
  });
  return toEnrolmentDto(e);
}

/** Ends an open enrolment by hand with a reason (If-Match: its version). */
export async function endEnrolment(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: EndEnrolmentInput,
): Promise<EnrolmentDto> {
  await write(deps, actor.orgId, async (trx) => {
    const e = found(await repo.lockEnrolment(trx, actor.orgId, id), 'cadence enrolment', id);
    const lead = await readableLead(trx, actor, e.lead_id).catch(() => {
      throw notFound('cadence enrolment', id);
    });
    if (!canEnrolLead(actor, { ownerId: lead.owner_id }))
      throw forbidden('You may end only enrolments of leads you work');
    checkVersion('cadence enrolment', id, e.version, expected);
    if (e.status === 'ended')
      throw new AppError('invalid_transition', 'The enrolment has already ended', { details: { status: e.status } });
    const state: EnrolmentState = {
      ...stateOf(e),
      status: 'ended',
      dueAt: null,
      pausedUntil: null,
      pauseReason: null,
      endedReason: input.reason,
    };
    await persist(deps, trx, actor, e, state, ['ended'], null);
  });
  return toEnrolmentDto(found(await repo.getEnrolment(deps.db, actor.orgId, id), 'cadence enrolment', id));
}

/**
 * An activity just logged on a lead, in its transaction: a call applies its disposition's rule to
 * the lead's open enrolment; an outbound email done while the current step is an email step
 * completes that step (and its task); a dated task (a call back) sets the end of a pause that
 * waits for one.
 */
export async function noteCadenceActivity(
  deps: Deps,
  trx: DbExecutor,
  actor: Actor,
  a: {
    id: string;
    type: string;
    leadId: string | null;
    disposition: string | null;
    emailDirection: string | null;
    dueAt: Date | null;
    completed: boolean;
  },
): Promise<void> {
  if (!a.leadId) return;
  const e = await repo.openEnrolmentOfLead(trx, actor.orgId, a.leadId, true);
  if (!e) return;
  if (a.type === 'call' && a.disposition) {
    const callBackAt = a.disposition === 'call_back_later' ? await repo.nextCallBack(trx, actor.orgId, a.leadId) : null;
    await applyTo(
      deps,
      trx,
      actor,
      e,
      { kind: 'call', disposition: a.disposition as CallDisposition, callBackAt },
      a.id,
    );
    return;
  }
  if (a.type === 'email' && a.emailDirection === 'outbound' && e.steps[e.step_index]?.kind === 'email') {
    if (e.step_task_id) await completeStepTask(deps, trx, actor, e.step_task_id);
    await applyTo(deps, trx, actor, { ...e, step_task_id: null }, { kind: 'done' }, a.id);
    return;
  }
  if (a.type === 'task' && a.dueAt && !a.completed) {
    const before = stateOf(e);
    const state = setCallBack(before, a.dueAt);
    if (state === before) return;
    await repo.updateEnrolment(trx, actor.orgId, e.id, e.version, {
      step_due_at: state.dueAt,
      paused_until: state.pausedUntil,
      updated_at: deps.clock.now(),
    });
    await scheduleCheck(deps, trx, actor.orgId, e.id, state.dueAt);
  }
}

async function completeStepTask(deps: Deps, trx: DbExecutor, acting: Acting, taskId: string): Promise<void> {
  const task = await repo.lockTask(trx, acting.orgId, taskId);
  if (!task || task.deleted_at || task.completed_at) return;
  const now = deps.clock.now();
  await repo.updateTask(trx, acting.orgId, taskId, task.version, { completed_at: now, updated_at: now });
  await deps.eventLog.append(trx, acting, [
    { entityType: 'activity', entityId: taskId, type: 'activity.completed', data: { completedAt: now } },
  ]);
}

/** A task completed, in its transaction: when it is the task of an enrolment's current step, the step is done. */
export async function noteCadenceTaskDone(
  deps: Deps,
  trx: DbExecutor,
  actor: Actor,
  task: { id: string; cadenceEnrolmentId: string | null },
): Promise<void> {
  if (!task.cadenceEnrolmentId) return;
  const e = await repo.lockEnrolment(trx, actor.orgId, task.cadenceEnrolmentId);
  if (!e || e.status !== 'active' || e.step_task_id !== task.id) return;
  await applyTo(deps, trx, actor, { ...e, step_task_id: null }, { kind: 'done' }, task.id);
}

/**
 * A lead left the open statuses (converted or disqualified), in its transaction: its open
 * enrolment ends ("lead converted" or "lead disqualified"); a conversion with a deal counts as
 * converted at the current step.
 */
export async function noteLeadClosed(
  deps: Deps,
  trx: DbExecutor,
  actor: Acting,
  leadId: string,
  status: string,
  withDeal: boolean,
): Promise<void> {
  if (status !== 'converted' && status !== 'disqualified') return;
  const e = await repo.openEnrolmentOfLead(trx, actor.orgId, leadId, true);
  if (!e) return;
  const outcome: CadenceOutcome = {
    kind: 'lead_closed',
    reason: status === 'converted' ? 'lead converted' : 'lead disqualified',
    converted: status === 'converted' && withDeal,
  };
  await applyTo(deps, trx, actor, e, outcome, null);
}

/**
 * The check of one enrolment at the clock's time (the job keyed on the enrolment runs it at the
 * due time): a pause that is over resumes (`cadence_enrolment.resumed`), and a current step whose
 * time has come is recorded once as `cadence_enrolment.step_due`. A check before the time (the
 * clock of another server) asks again then; an ended enrolment is left as it is.
 */
export async function checkEnrolment(
  deps: Deps,
  orgId: string,
  id: string,
  fence?: (trx: DbExecutor) => Promise<void>,
): Promise<void> {
  const system: Acting = { orgId, userId: null };
  await write(deps, orgId, async (trx) => {
    if (fence) await fence(trx);
    const e = await repo.lockEnrolment(trx, orgId, id);
    if (!e || e.status === 'ended') return;
    const now = deps.clock.now();
    const resumed = resumeIfDue(stateOf(e), now);
    const state = resumed.state;
    if (!state.dueAt) return;
    if (state.dueAt.getTime() > now.getTime()) {
      await scheduleCheck(deps, trx, orgId, id, state.dueAt);
      return;
    }
    if (state.status !== 'active' || (e.step_due_noted && !resumed.resumed)) return;
    await persist(deps, trx, system, e, state, resumed.resumed ? ['resumed'] : [], null, { stepDueNoted: true });
    const step = e.steps[state.stepIndex] as CadenceStep;
    await deps.eventLog.append(trx, system, [
      {
        entityType: 'cadence_enrolment',
        entityId: id,
        type: 'cadence_enrolment.step_due',
        data: {
          leadId: e.lead_id,
          cadenceId: e.cadence_id,
          cadenceVersion: e.cadence_version,
          stepIndex: state.stepIndex,
          kind: step.kind,
          dueAt: state.dueAt.toISOString(),
        },
      },
    ]);
  });
}

export async function runCadenceStepJob(deps: Deps, ctx: JobContext): Promise<void> {
  const orgId = ctx.job.org_id;
  const enrolmentId = (ctx.job.payload as { enrolmentId?: unknown }).enrolmentId;
  if (!orgId || typeof enrolmentId !== 'string') throw new JobFailed('the job names no organization or enrolment');
  await checkEnrolment(deps, orgId, enrolmentId, (trx) => ctx.fence(trx));
}

/** Per cadence and step: enrolled, reached, converted, ended (see `cadenceFigures`). */
export async function cadencePerformance(deps: Deps, actor: Actor): Promise<{ items: CadenceFiguresDto[] }> {
  if (!canReadCadenceFigures(actor)) throw forbidden('Cadence figures are for admins, managers and auditors');
  const facts = await repo.enrolmentFacts(deps.db, actor.orgId);
  const cadences = await repo.listCadences(deps.db, actor.orgId, {
    sort: 'name',
    order: 'asc',
    limit: 500,
    active: 'all',
  });
  const defs = [];
  for (const c of cadences) {
    const v = await repo.getCadenceVersion(deps.db, actor.orgId, c.id, c.cadence_version);
    defs.push({ id: c.id, name: c.name, steps: v?.steps ?? [] });
  }
  return {
    items: cadenceFigures(
      defs,
      facts.map((f) => ({
        cadenceId: f.cadence_id,
        status: f.status,
        stepIndex: f.step_index,
        reachedStep: f.reached_step,
        convertedStep: f.converted_step,
      })),
    ),
  };
}
