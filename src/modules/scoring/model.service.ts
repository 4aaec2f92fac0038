import { canConfigureScoring, type Actor } from '../../contract/access.ts';
import { forbidden } from '../../contract/errors.ts';
import type { TouchKind } from '../../contract/marketing.ts';
import type { ScoringModelDto } from '../../contract/scoring.ts';
import { fitConversionModel, leadFeatures, type HistoryLead } from '../../analytics/lead-model.ts';
import { fitAttributes } from '../../analytics/scoring.ts';
import type { DbExecutor } from '../../db/database.ts';
import { write, type Deps } from '../context.ts';
import { enqueueJob } from '../jobs/enqueue.ts';
import { JobFailed, type JobContext } from '../jobs/queue.ts';
import * as repo from './scoring.repository.ts';
import { loadContext, loadSettings, scoreOpenLead } from './scoring.service.ts';

export const REFIT_JOB = 'scoring.refit';
const REFIT_EVERY_HOURS = 24;
/** The most recent closed leads a fit learns from. */
const HISTORY_LIMIT = 20_000;
const RESCORE_PAGE = 500;

function byLead(touches: readonly repo.TouchOfLead[]): Map<string, repo.TouchOfLead[]> {
  const map = new Map<string, repo.TouchOfLead[]>();
  for (const t of touches) map.set(t.lead_id, [...(map.get(t.lead_id) ?? []), t]);
  return map;
}

function assertCanConfigure(actor: Actor): void {
  if (!canConfigureScoring(actor)) throw forbidden('The scoring model is shown to marketing and admins');
}

/** Enqueues a refit now in the caller's transaction (one waiting at a time). */
export function enqueueRefit(deps: Deps, trx: DbExecutor, orgId: string, createdBy: string | null) {
  return enqueueJob(deps, trx, { orgId, kind: REFIT_JOB, payload: {}, key: `${REFIT_JOB}:now`, createdBy });
}

/** Asks for a refit (and a rescore of every open lead) now; the run schedules the next one itself. */
export async function requestRefit(deps: Deps, actor: Actor): Promise<{ jobId: string }> {
  assertCanConfigure(actor);
  const job = await write(deps, actor.orgId, (trx) => enqueueRefit(deps, trx, actor.orgId, actor.userId));
  return { jobId: job.id };
}

export async function getModelReport(deps: Deps, actor: Actor): Promise<ScoringModelDto> {
  assertCanConfigure(actor);
  const row = await repo.getModel(deps.db, actor.orgId);
  if (!row)
    return {
      status: 'not_fitted',
      fittedAt: null,
      trainingLeads: 0,
      testLeads: 0,
      converted: 0,
      auc: null,
      calibration: [],
      coefficients: [],
      message: 'No model has been fitted yet; scores use the rules alone.',
    };
  return {
    status: row.status === 'fitted' ? 'fitted' : 'insufficient_history',
    fittedAt: row.fitted_at.toISOString(),
    trainingLeads: row.training_leads,
    testLeads: row.test_leads,
    converted: row.converted,
    auc: row.auc,
    calibration: row.calibration,
    coefficients: row.coefficients,
    message: row.message,
  };
}

/**
 * The history a fit learns from: each closed lead's features from the touches it had when it
 * closed (converted, or last changed when disqualified), and whether it converted.
 */
async function history(deps: Deps, orgId: string): Promise<HistoryLead[]> {
  const { settings } = await loadSettings(deps.db, orgId);
  const leads = await repo.closedLeads(deps.db, orgId, HISTORY_LIMIT);
  const touches = await repo.touchesOf(
    deps.db,
    orgId,
    leads.map((l) => l.id),
  );
  const touchesOfLead = byLead(touches);
  return leads.map((l) => {
    const closedAt = l.converted_at ?? l.updated_at;
    const before = (touchesOfLead.get(l.id) ?? []).filter((t) => t.touched_at <= closedAt);
    const attrs = fitAttributes({ ...l, companyDomain: l.company_domain });
    return {
      id: l.id,
      features: leadFeatures(
        settings.fitRules,
        attrs,
        before.map((t) => ({ kind: t.kind as TouchKind })),
      ),
      converted: l.status === 'converted',
    };
  });
}

/**
 * Refits the conversion model on the organization's closed leads (`scoring.model_fitted`), then
 * rescores every open lead with the current rules and model (so decay and new settings reach
 * leads nobody touched), a page per transaction, and schedules the next run a day later (once: a
 * job key). Safe to run again: the model and scores are replaced, events follow only real changes.
 */
export async function runRefit(deps: Deps, orgId: string, fence?: JobContext['fence']): Promise<void> {
  const model = fitConversionModel(await history(deps, orgId));
  const now = deps.clock.now();
  const system = { orgId, userId: null };
  await write(deps, orgId, async (trx) => {
    if (fence) await fence(trx);
    const fitted = model.status === 'fitted';
    await repo.saveModel(trx, {
      org_id: orgId,
      status: model.status,
      fitted_at: now,
      training_leads: model.trainingLeads,
      test_leads: model.testLeads,
      converted: model.converted,
      auc: fitted ? model.auc : null,
      calibration: fitted ? model.calibration : [],
      coefficients: fitted ? model.coefficients : [],
      message: fitted ? null : model.message,
    });
    await deps.eventLog.append(trx, system, [
      {
        entityType: 'organization',
        entityId: orgId,
        type: 'scoring.model_fitted',
        data: {
          status: model.status,
          trainingLeads: model.trainingLeads,
          testLeads: model.testLeads,
          auc: fitted ? model.auc : null,
        },
      },
    ]);
  });
  let after: string | null = null;
  for (;;) {
    const page = await repo.openLeadsPage(deps.db, orgId, after, RESCORE_PAGE);
    if (page.length === 0) break;
    await write(deps, orgId, async (trx) => {
      if (fence) await fence(trx);
      const ctx = await loadContext(trx, orgId);
      const touches = byLead(
        await repo.touchesOf(
          trx,
          orgId,
          page.map((l) => l.id),
        ),
      );
      for (const lead of page) await scoreOpenLead(deps, trx, system, ctx, lead, touches.get(lead.id) ?? []);
    });
    after = page[page.length - 1]?.id ?? null;
    if (page.length < RESCORE_PAGE) break;
  }
  await write(deps, orgId, async (trx) => {
    if (fence) await fence(trx);
    await enqueueJob(deps, trx, {
      orgId,
      kind: REFIT_JOB,
      payload: {},
      key: `${REFIT_JOB}:scheduled`,
      runAt: new Date(now.getTime() + REFIT_EVERY_HOURS * 3600_000),
    });
  });
}

export async function runRefitJob(deps: Deps, ctx: JobContext): Promise<void> {
  if (!ctx.job.org_id) throw new JobFailed('the job names no organization');
  await runRefit(deps, ctx.job.org_id, (trx) => ctx.fence(trx));
}
