import { canRunDetectors, canWorkFinding, oversightScope, seesOversight, type Actor } from '../../contract/access.ts';
import { AppError, forbidden, invalid, notFound } from '../../contract/errors.ts';
import type { ExceptionRateDto, FindingDto, ListFindingsQuery, WorkFindingInput } from '../../contract/oversight.ts';
import { encodeCursor } from '../../db/list.ts';
import { isActiveUser } from '../access.repository.ts';
import { write, type Deps } from '../context.ts';
import { enqueueJob } from '../jobs/enqueue.ts';
import { JobFailed, type JobContext } from '../jobs/queue.ts';
import { checkVersion, toPage, type ExpectedVersion } from '../shared.ts';
import { detectAll, detectorEventTypes } from './detection.ts';
import { toFindingDto } from './dto.ts';
import * as repo from './oversight.repository.ts';

export const DETECT_JOB = 'oversight.detect';
const DAY_MS = 86_400_000;
/** How far back a run reads the log, and how often the scheduled run comes back. */
export const DETECT_LOOKBACK_DAYS = 90;
export const DETECT_EVERY_HOURS = 24;

function assertSees(actor: Actor, row: repo.FindingRow | undefined, id: string): repo.FindingRow {
  if (!row || !seesOversight(actor, [row.person_id])) throw notFound('finding', id);
  return row;
}

export async function listFindings(
  deps: Deps,
  actor: Actor,
  q: ListFindingsQuery,
): Promise<{ items: FindingDto[]; nextCursor: string | null }> {
  const rows = await repo.listFindings(deps.db, actor.orgId, oversightScope(actor), q, q.limit);
  return toPage(
    rows,
    q.limit,
    (r) => toFindingDto(r, actor),
    (r) => encodeCursor(r.detected_at, r.id),
  );
}

export async function getFinding(deps: Deps, actor: Actor, id: string): Promise<FindingDto> {
  return toFindingDto(assertSees(actor, await repo.getFinding(deps.db, actor.orgId, id), id), actor);
}

/** Assigns, confirms or dismisses (with a reason) a finding; each step is an event. */
export async function workFinding(
  deps: Deps,
  actor: Actor,
  id: string,
  expected: ExpectedVersion | undefined,
  input: WorkFindingInput,
): Promise<FindingDto> {
  if (input.assigneeId && !(await isActiveUser(deps.db, actor.orgId, input.assigneeId)))
    throw invalid([{ field: 'assigneeId', message: 'is not an active user of this organization' }]);
  const row = await write(deps, actor.orgId, async (trx) => {
    const before = assertSees(actor, await repo.lockFinding(trx, actor.orgId, id), id);
    if (!canWorkFinding(actor, { personId: before.person_id })) throw forbidden('You may read this finding only');
    const version = checkVersion('finding', id, before.version, expected);
    if (input.status && before.status !== 'open' && input.status !== before.status)
      throw new AppError('conflict', `Finding ${id} is already ${before.status}`, {
        details: { status: before.status },
      });
    const events = [];
    const patch: Parameters<typeof repo.updateFinding>[4] = { updated_at: deps.clock.now() };
    if (input.assigneeId !== undefined && input.assigneeId !== before.assignee_id) {
      patch.assignee_id = input.assigneeId;
      events.push({
        type: 'finding.assigned',
        data: { assigneeId: { from: before.assignee_id, to: input.assigneeId } },
      });
    }
    if (input.status && input.status !== before.status) {
      patch.status = input.status;
      patch.reason = input.reason ?? null;
      events.push(
        input.status === 'confirmed'
          ? { type: 'finding.confirmed', data: { reason: input.reason ?? null } }
          : { type: 'finding.dismissed', data: { reason: input.reason ?? '' } },
      );
    }
    const after = await repo.updateFinding(trx, actor.orgId, id, version, patch);
    if (events.length)
      await deps.eventLog.append(
        trx,
        actor,
        events.map((e) => ({ entityType: 'finding', entityId: id, ...e })),
      );
    return after;
  });
  return toFindingDto(row, actor);
}

/** Asks for a detection run now (the run schedules the next one itself). */
export async function requestDetection(deps: Deps, actor: Actor): Promise<{ jobId: string }> {
  if (!canRunDetectors(actor)) throw forbidden('Your role does not run the detectors');
  const job = await write(deps, actor.orgId, (trx) =>
    enqueueJob(deps, trx, {
      orgId: actor.orgId,
      kind: DETECT_JOB,
      payload: {},
      key: `${DETECT_JOB}:now`,
      createdBy: actor.userId,
    }),
  );
  return { jobId: job.id };
}

/**
 * Runs the detectors over the last 90 days of the organization's log and records each new finding
 * (`finding.opened`); findings already recorded are left as they are (their fingerprints). Then
 * schedules the next run a day later, once (a job key).
 */
export async function runDetection(deps: Deps, orgId: string, fence?: JobContext['fence']): Promise<number> {
  const now = deps.clock.now();
  const since = new Date(now.getTime() - DETECT_LOOKBACK_DAYS * DAY_MS);
  const events = await repo.eventsSince(deps.db, orgId, since, detectorEventTypes);
  const locks = await repo.listLocks(deps.db, orgId);
  const found = await detectAll(deps.db, orgId, events, locks, { now, since });
  return write(deps, orgId, async (trx) => {
    if (fence) await fence(trx);
    let opened = 0;
    for (const f of found) {
      const id = deps.ids.id();
      const inserted = await repo.insertFinding(trx, {
        org_id: orgId,
        id,
        detector: f.detector,
        fingerprint: f.fingerprint,
        severity: f.severity,
        summary: f.summary,
        subject_type: f.subjectType,
        subject_id: f.subjectId,
        person_id: f.personId,
        evidence: f.evidence,
        score: String(f.score),
        assignee_id: null,
        status: 'open',
        reason: null,
        detected_at: now,
        updated_at: now,
      });
      if (!inserted) continue;
      opened++;
      await deps.eventLog.append(trx, { orgId, userId: null }, [
        {
          entityType: 'finding',
          entityId: id,
          type: 'finding.opened',
          data: {
            detector: f.detector,
            severity: f.severity,
            summary: f.summary,
            subjectType: f.subjectType,
            subjectId: f.subjectId,
            personId: f.personId,
            evidence: f.evidence,
            score: String(f.score),
          },
        },
      ]);
    }
    await enqueueJob(deps, trx, {
      orgId,
      kind: DETECT_JOB,
      payload: {},
      key: `${DETECT_JOB}:scheduled`,
      runAt: new Date(now.getTime() + DETECT_EVERY_HOURS * 3600_000),
    });
    return opened;
  });
}

export async function runDetectionJob(deps: Deps, ctx: JobContext): Promise<void> {
  if (!ctx.job.org_id) throw new JobFailed('the job names no organization');
  await runDetection(deps, ctx.job.org_id, (trx) => ctx.fence(trx));
}

/** Per person: findings not dismissed and changes to deals in the last `days` days, highest rate first. */
export async function exceptionRates(deps: Deps, actor: Actor, days: number): Promise<{ items: ExceptionRateDto[] }> {
  if (!canRunDetectors(actor)) throw forbidden('Exception rates are shown to managers, auditors and admins');
  const since = new Date(deps.clock.now().getTime() - days * DAY_MS);
  const rows = await repo.exceptionCounts(deps.db, actor.orgId, since);
  const items = rows
    .filter((r) => seesOversight(actor, [r.person_id]))
    .map((r) => ({
      personId: r.person_id,
      name: r.name,
      findings: r.findings,
      changes: r.changes,
      rate: r.changes > 0 ? Math.round((r.findings / r.changes) * 10_000) / 10_000 : 0,
    }))
    .sort((a, b) => b.rate - a.rate || b.findings - a.findings);
  return { items };
}
