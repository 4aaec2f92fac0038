import { canConfigureScoring, scopeFor, type Actor } from '../../contract/access.ts';
import { forbidden, invalid } from '../../contract/errors.ts';
import type { TouchKind } from '../../contract/marketing.ts';
import {
  defaultScoringSettings,
  scoringSettingsSchema,
  type Grade,
  type LeadInboxItem,
  type LeadInboxQuery,
  type LeadScoreDto,
  type ScoreFactor,
  type ScoringSettings,
  type ScoringSettingsDto,
} from '../../contract/scoring.ts';
import { applyModel, leadFeatures } from '../../analytics/lead-model.ts';
import { fitAttributes, scoreLead, type RuleScore, type ScoredTouch } from '../../analytics/scoring.ts';
import type { DbExecutor } from '../../db/database.ts';
import { assertCanRead } from '../access.ts';
import { write, type Deps } from '../context.ts';
import type { EventActor, EventInput } from '../events/events.service.ts';
import { checkVersion, iso, toPage, type ExpectedVersion } from '../shared.ts';
import { encodeCursor } from '../../db/list.ts';
import * as repo from './scoring.repository.ts';
import { syncHandoff } from '../handoffs/handoffs.service.ts';

/** The organization's settings (the defaults until someone saves them: version 0). */
export async function loadSettings(
  db: DbExecutor,
  orgId: string,
  lock = false,
): Promise<{ settings: ScoringSettings; version: number; updatedAt: Date | null }> {
  const row = await repo.getSettings(db, orgId, lock);
  if (!row) return { settings: defaultScoringSettings, version: 0, updatedAt: null };
  // Settings saved by an older release are read through the current schema's defaults.
  const parsed = scoringSettingsSchema.safeParse({ ...defaultScoringSettings, ...row.settings });
  return {
    settings: parsed.success ? parsed.data : defaultScoringSettings,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

const toSettingsDto = (s: Awaited<ReturnType<typeof loadSettings>>): ScoringSettingsDto => ({
  ...s.settings,
  version: s.version,
  updatedAt: s.updatedAt ? s.updatedAt.toISOString() : null,
});

function assertCanConfigure(actor: Actor): void {
  if (!canConfigureScoring(actor)) throw forbidden('Scoring is configured by marketing and admins');
}

export async function getScoringSettings(deps: Deps, actor: Actor): Promise<ScoringSettingsDto> {
  assertCanConfigure(actor);
  return toSettingsDto(await loadSettings(deps.db, actor.orgId));
}

/**
 * Replaces the settings (If-Match: their version; 0 before the first save). Grade thresholds must
 * not rise from C to A. Every open lead is then rescored by a refit run on the job queue.
 */
export async function updateScoringSettings(
  deps: Deps,
  actor: Actor,
  expected: ExpectedVersion | undefined,
  input: ScoringSettings,
  requestRescore: (trx: DbExecutor) => Promise<unknown>,
): Promise<ScoringSettingsDto> {
  assertCanConfigure(actor);
  const t = input.gradeThresholds;
  if (!(t.a >= t.b && t.b >= t.c)) {
    throw invalid([{ field: 'gradeThresholds', message: 'must not rise from C to A (a ≥ b ≥ c)' }]);
  }
  const saved = await write(deps, actor.orgId, async (trx) => {
    const current = await loadSettings(trx, actor.orgId, true);
    const version = checkVersion('scoring settings', actor.orgId, current.version, expected);
    const now = deps.clock.now();
    const row = await repo.saveSettings(trx, {
      org_id: actor.orgId,
      settings: input,
      updated_by: actor.userId,
      updated_at: now,
      version: version + 1,
    });
    const changedFields = (Object.keys(input) as (keyof ScoringSettings)[]).filter(
      (k) => JSON.stringify(input[k]) !== JSON.stringify(current.settings[k]),
    );
    await deps.eventLog.append(trx, actor, [
      {
        entityType: 'organization',
        entityId: actor.orgId,
        type: 'scoring.settings_changed',
        data: { changedFields },
      },
    ]);
    await requestRescore(trx);
    return { settings: input, version: row.version, updatedAt: row.updated_at };
  });
  return toSettingsDto(saved);
}

/** What scoring needs besides the lead: the settings and the model in use (null: rules alone). */
export interface ScoringContext {
  settings: ScoringSettings;
  coefficients: { feature: string; weight: number }[] | null;
}

export async function loadContext(db: DbExecutor, orgId: string): Promise<ScoringContext> {
  const { settings } = await loadSettings(db, orgId);
  const model = await repo.getModel(db, orgId);
  return { settings, coefficients: model?.status === 'fitted' ? model.coefficients : null };
}

const gradeOfRow = (g: string | undefined): Grade => (g === 'A' || g === 'B' || g === 'C' ? g : 'D');

const toTouches = (rows: readonly repo.TouchOfLead[]): ScoredTouch[] =>
  rows.map((t) => ({ kind: t.kind as TouchKind, touchedAt: t.touched_at }));

/** The lifecycle stage and version of a lead the scores moved to MQL. */
export interface Promotion {
  lifecycleStage: string;
  version: number;
}

/** The stored scores of a lead: the rule scores, the model's probability and the top reasons of both. */
export function leadScoreRow(
  orgId: string,
  leadId: string,
  rule: RuleScore,
  model: { probability: number; factors: ScoreFactor[] } | null,
  now: Date,
): repo.NewLeadScore {
  return {
    org_id: orgId,
    lead_id: leadId,
    fit_score: rule.fit,
    engagement_score: rule.engagement,
    grade: rule.grade,
    qualifies: rule.qualifies,
    probability: model?.probability ?? null,
    factors: [...rule.factors.slice(0, 5), ...(model?.factors ?? [])],
    computed_at: now,
  };
}

/**
 * Scores one open lead at the clock's time and stores the scores. When the grade changes or the
 * lead crosses the MQL threshold (either way) it records `lead.score_changed`; a lead that crosses
 * it upwards while a subscriber or lead moves to MQL (`lead.lifecycle_changed` with the reason).
 * A lead sent back from MQL by hand is not promoted again until it drops below and crosses again.
 */
export async function scoreOpenLead(
  deps: Deps,
  trx: DbExecutor,
  actor: EventActor,
  ctx: ScoringContext,
  lead: repo.ScoringLead,
  touchRows: readonly repo.TouchOfLead[],
): Promise<Promotion | null> {
  const now = deps.clock.now();
  const attrs = fitAttributes({ ...lead, companyDomain: lead.company_domain });
  const touches = toTouches(touchRows);
  const rule = scoreLead(ctx.settings, attrs, touches, now);
  const model = ctx.coefficients
    ? applyModel(ctx.coefficients, leadFeatures(ctx.settings.fitRules, attrs, touches))
    : null;
  const before = await repo.getLeadScore(trx, actor.orgId, lead.id);
  await repo.saveLeadScore(trx, leadScoreRow(actor.orgId, lead.id, rule, model, now));
  const previousGrade = gradeOfRow(before?.grade);
  const previouslyQualified = before?.qualifies ?? false;
  const events: EventInput[] = [];
  if (previousGrade !== rule.grade || previouslyQualified !== rule.qualifies)
    events.push({
      entityType: 'lead',
      entityId: lead.id,
      type: 'lead.score_changed',
      data: {
        fitScore: rule.fit,
        engagementScore: rule.engagement,
        grade: rule.grade,
        qualifies: rule.qualifies,
        previousGrade,
        previouslyQualified,
      },
    });
  let promotion: Promotion | null = null;
  if (rule.qualifies && !previouslyQualified) {
    const moved = await repo.promoteToMql(trx, actor.orgId, lead.id, now);
    if (moved) {
      promotion = { lifecycleStage: moved.lifecycle_stage, version: moved.version };
      events.push({
        entityType: 'lead',
        entityId: lead.id,
        type: 'lead.lifecycle_changed',
        data: {
          from: moved.from,
          to: 'mql',
          reason: `score reached the MQL threshold: engagement ${rule.engagement} ≥ ${ctx.settings.mqlEngagement}, grade ${rule.grade} (fit ${rule.fit}) ≥ ${ctx.settings.mqlMinGrade}`,
        },
      });
    }
  }
  if (events.length > 0) await deps.eventLog.append(trx, actor, events);
  // An MQL with a sales owner is handed to sales at once.
  if (promotion) await syncHandoff(deps, trx, actor, lead.id);
  return promotion;
}

/**
 * Rescores a lead after a change to it or a new touch, in the caller's transaction. Closed leads
 * (converted, disqualified) keep the scores they had.
 */
export async function rescoreLead(
  deps: Deps,
  trx: DbExecutor,
  actor: EventActor & { orgId: string },
  leadId: string,
): Promise<Promotion | null> {
  const lead = await repo.getScoringLead(trx, actor.orgId, leadId);
  if (!lead || lead.status === 'converted' || lead.status === 'disqualified') return null;
  const ctx = await loadContext(trx, actor.orgId);
  return scoreOpenLead(deps, trx, actor, ctx, lead, await repo.touchesOf(trx, actor.orgId, [leadId]));
}

/** The stored scores of a lead the actor may read (a lead never scored reads as grade D, zero). */
export async function getLeadScore(deps: Deps, actor: Actor, leadId: string): Promise<LeadScoreDto> {
  const lead = assertCanRead(actor, 'lead', await repo.getScoringLead(deps.db, actor.orgId, leadId), leadId);
  const row = await repo.getLeadScore(deps.db, actor.orgId, lead.id);
  return {
    leadId,
    fitScore: row?.fit_score ?? 0,
    engagementScore: row?.engagement_score ?? 0,
    grade: gradeOfRow(row?.grade),
    qualifies: row?.qualifies ?? false,
    conversionProbability: row?.probability ?? null,
    factors: row?.factors ?? [],
    computedAt: (row?.computed_at ?? lead.updated_at).toISOString(),
  };
}

/** The lead inbox of the actor: the open leads it may read at a stage, with their scores. */
export async function leadInbox(
  deps: Deps,
  actor: Actor,
  q: LeadInboxQuery,
): Promise<{ items: LeadInboxItem[]; nextCursor: string | null }> {
  const rows = await repo.inbox(deps.db, actor.orgId, scopeFor(actor, 'lead', 'read'), q);
  return toPage(
    rows,
    q.limit,
    (r): LeadInboxItem => ({
      leadId: r.id,
      name: [r.first_name, r.last_name].filter(Boolean).join(' '),
      company: r.company,
      ownerId: r.owner_id,
      lifecycleStage: r.lifecycle_stage,
      fitScore: r.fit_score ?? 0,
      engagementScore: r.engagement_score ?? 0,
      grade: gradeOfRow(r.grade ?? undefined),
      conversionProbability: r.probability,
      mqlAt: iso(r.mql_at),
      createdAt: r.created_at.toISOString(),
    }),
    (r) => encodeCursor(r.engagement_score ?? 0, r.id),
  );
}
