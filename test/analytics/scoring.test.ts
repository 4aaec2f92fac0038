import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { engagementScore, fitAttributes, gradeOf, scoreLead } from '../../src/analytics/scoring.ts';
import { defaultScoringSettings, type ScoringSettings } from '../../src/contract/scoring.ts';

/*
 * Worked by hand:
 *   rules: industry in {Software, SaaS} +40; title contains {vp, director} +30;
 *          emailDomain in {gmail.com} −20; source in {webinar} +10
 *   lead L: industry "software", title "VP Sales", email a@acme.com, no source → 40 + 30 = 70 → grade B
 *   touches of L, half-life 10 days, as of 2026-03-21T00:00Z:
 *     submitted_form (20 points) on 03-21, age 0   → 20
 *     attended       (15 points) on 03-11, age 10  → 15 × 0.5   = 7.5
 *     clicked         (3 points) on 03-01, age 20  →  3 × 0.25  = 0.75
 *   engagement 28.25 ≥ 25 and B ≥ B → qualifies
 */
const settings: ScoringSettings = {
  ...defaultScoringSettings,
  fitRules: [
    { field: 'industry', op: 'in', values: ['Software', 'SaaS'], points: 40 },
    { field: 'title', op: 'contains', values: ['vp', 'director'], points: 30 },
    { field: 'emailDomain', op: 'in', values: ['gmail.com'], points: -20 },
    { field: 'source', op: 'in', values: ['webinar'], points: 10 },
  ],
  halfLifeDays: 10,
  gradeThresholds: { a: 75, b: 50, c: 25 },
  mqlEngagement: 25,
  mqlMinGrade: 'B',
};
const lead = {
  industry: 'software',
  title: 'VP Sales',
  source: null,
  company: 'Acme',
  companyDomain: 'acme.com',
  email: 'a@acme.com',
};
const asOf = new Date('2026-03-21T00:00:00Z');
const touches = [
  { kind: 'submitted_form' as const, touchedAt: new Date('2026-03-21T00:00:00Z') },
  { kind: 'attended' as const, touchedAt: new Date('2026-03-11T00:00:00Z') },
  { kind: 'clicked' as const, touchedAt: new Date('2026-03-01T00:00:00Z') },
];

describe('rule-based lead scoring', () => {
  it('scores fit, decayed engagement, the grade and the MQL verdict as worked by hand', () => {
    const s = scoreLead(settings, fitAttributes(lead), touches, asOf);
    expect(s).toEqual({
      fit: 70,
      engagement: 28.25,
      grade: 'B',
      qualifies: true,
      factors: [
        { label: 'industry in Software, SaaS', weight: 40 },
        { label: 'title contains vp, director', weight: 30 },
        { label: 'engagement: submitted form', weight: 20 },
        { label: 'engagement: attended', weight: 7.5 },
        { label: 'engagement: clicked', weight: 0.75 },
      ],
    });
  });

  it('clamps fit to 0–100 and reads the email domain', () => {
    const gmail = fitAttributes({ ...lead, industry: null, title: null, email: 'x@Gmail.com' });
    expect(gmail.emailDomain).toBe('Gmail.com');
    expect(scoreLead(settings, gmail, [], asOf)).toMatchObject({ fit: 0, grade: 'D', engagement: 0, qualifies: false });
    const big = { ...settings, fitRules: settings.fitRules.map((r) => ({ ...r, points: 80 })) };
    expect(scoreLead(big, fitAttributes(lead), [], asOf).fit).toBe(100);
  });

  it('does not qualify a grade below the minimum however engaged', () => {
    const c = scoreLead({ ...settings, mqlMinGrade: 'A' }, fitAttributes(lead), touches, asOf);
    expect(c).toMatchObject({ grade: 'B', qualifies: false });
  });

  it('grades at the thresholds', () => {
    const t = { a: 75, b: 50, c: 25 };
    expect([75, 74, 50, 49, 25, 24, 0].map((f) => gradeOf(f, t))).toEqual(['A', 'B', 'B', 'C', 'C', 'D', 'D']);
  });

  it('engagement never grows as time passes and halves over one half-life', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 90 }),
        (ages, later) => {
          const ts = ages.map((a) => ({
            kind: 'responded' as const,
            touchedAt: new Date(asOf.getTime() - a * 86_400_000),
          }));
          const now = engagementScore(settings, ts, asOf).total;
          const then = engagementScore(settings, ts, new Date(asOf.getTime() + later * 86_400_000)).total;
          const half = engagementScore(settings, ts, new Date(asOf.getTime() + 10 * 86_400_000)).total;
          expect(then).toBeLessThanOrEqual(now);
          expect(Math.abs(half - now / 2)).toBeLessThanOrEqual(0.01);
        },
      ),
    );
  });
});
