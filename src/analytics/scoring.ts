import type { TouchKind } from '../contract/marketing.ts';
import { grades, type FitField, type Grade, type ScoreFactor, type ScoringSettings } from '../contract/scoring.ts';

/** The lead fields fit rules read (null where the lead has none). */
export type FitAttributes = Record<FitField, string | null>;

/** A touch as engagement reads it. */
export interface ScoredTouch {
  kind: TouchKind;
  touchedAt: Date;
}

export interface RuleScore {
  /** Sum of the points of the matching fit rules, clamped to 0–100. */
  fit: number;
  /** Decayed engagement points, rounded to 2 decimals. */
  engagement: number;
  grade: Grade;
  /** Whether the lead reaches the MQL threshold. */
  qualifies: boolean;
  /** Matched rules and engagement per touch kind, largest absolute weight first. */
  factors: ScoreFactor[];
}

const DAY_MS = 86_400_000;
const round2 = (x: number) => Math.round(x * 100) / 100;

/** The attributes of a lead as fit rules see them (`emailDomain` is derived from the email). */
export function fitAttributes(lead: {
  industry: string | null;
  title: string | null;
  source: string | null;
  company: string | null;
  companyDomain: string | null;
  email: string | null;
}): FitAttributes {
  const at = lead.email ? lead.email.lastIndexOf('@') : -1;
  return {
    industry: lead.industry,
    title: lead.title,
    source: lead.source,
    company: lead.company,
    companyDomain: lead.companyDomain,
    emailDomain: lead.email && at >= 0 ? lead.email.slice(at + 1) : null,
  };
}

/** Whether a fit rule matches the attributes (case-insensitive; a missing field matches nothing). */
export function ruleMatches(rule: ScoringSettings['fitRules'][number], attrs: FitAttributes): boolean {
  const value = attrs[rule.field]?.trim().toLowerCase();
  if (!value) return false;
  const wanted = rule.values.map((v) => v.toLowerCase());
  return rule.op === 'in' ? wanted.includes(value) : wanted.some((w) => value.includes(w));
}

/** The fit score: the points of every matching rule, summed and clamped to 0–100. */
export function fitScore(rules: ScoringSettings['fitRules'], attrs: FitAttributes): number {
  const sum = rules.reduce((acc, r) => acc + (ruleMatches(r, attrs) ? r.points : 0), 0);
  return Math.min(100, Math.max(0, sum));
}

/**
 * Engagement at `asOf`: each touch is worth its kind's points times 0.5^(age / half-life), age in
 * days (a touch in the future of `asOf` counts in full). Returns the total and the share per kind.
 */
export function engagementScore(
  settings: Pick<ScoringSettings, 'touchPoints' | 'halfLifeDays'>,
  touches: readonly ScoredTouch[],
  asOf: Date,
): { total: number; byKind: Partial<Record<TouchKind, number>> } {
  const byKind: Partial<Record<TouchKind, number>> = {};
  let total = 0;
  for (const t of touches) {
    const ageDays = Math.max(0, (asOf.getTime() - t.touchedAt.getTime()) / DAY_MS);
    const points = settings.touchPoints[t.kind] * 0.5 ** (ageDays / settings.halfLifeDays);
    byKind[t.kind] = (byKind[t.kind] ?? 0) + points;
    total += points;
  }
  return { total: round2(total), byKind };
}

/** The grade of a fit score: A at or above the A threshold, then B, C, else D. */
export function gradeOf(fit: number, t: ScoringSettings['gradeThresholds']): Grade {
  if (fit >= t.a) return 'A';
  if (fit >= t.b) return 'B';
  if (fit >= t.c) return 'C';
  return 'D';
}

/** Whether a grade is at least as good as another (A best). */
export function gradeAtLeast(grade: Grade, min: Grade): boolean {
  return grades.indexOf(grade) <= grades.indexOf(min);
}

/** Both rule scores, the grade, the MQL verdict and the reasons of one lead at `asOf`. */
export function scoreLead(
  settings: ScoringSettings,
  attrs: FitAttributes,
  touches: readonly ScoredTouch[],
  asOf: Date,
): RuleScore {
  const fit = fitScore(settings.fitRules, attrs);
  const engagement = engagementScore(settings, touches, asOf);
  const grade = gradeOf(fit, settings.gradeThresholds);
  const factors: ScoreFactor[] = [
    ...settings.fitRules
      .filter((r) => ruleMatches(r, attrs))
      .map((r) => ({ label: `${r.field} ${r.op} ${r.values.join(', ')}`, weight: r.points })),
    ...Object.entries(engagement.byKind).map(([kind, points]) => ({
      label: `engagement: ${kind.replace('_', ' ')}`,
      weight: round2(points),
    })),
  ].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || a.label.localeCompare(b.label));
  return {
    fit,
    engagement: engagement.total,
    grade,
    qualifies: engagement.total >= settings.mqlEngagement && gradeAtLeast(grade, settings.mqlMinGrade),
    factors,
  };
}
