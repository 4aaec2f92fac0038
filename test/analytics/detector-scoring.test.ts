import { describe, expect, it } from 'vitest';
import { scoreFindings, type AnomalyTruth } from '../../src/modules/synthetic/synthetic-anomalies.ts';

describe('scoring findings against synthetic truth', () => {
  it('matches by subject as multisets, and reports a detector without truth as not injected', () => {
    const truth: AnomalyTruth = {
      bulk_change: {
        rate: 2,
        per: 'burst per 30 days',
        subjects: [
          { subjectType: 'user', subjectId: 'u1', origin: 'injected' },
          { subjectType: 'user', subjectId: 'u1', origin: 'injected' },
          { subjectType: 'user', subjectId: 'u2', origin: 'injected' },
        ],
      },
      stage_skip: {
        rate: 0,
        per: 'deal',
        subjects: [{ subjectType: 'deal', subjectId: 'd1', origin: 'normal' }],
      },
    };
    const findings = [
      // u1 twice in the truth, found once: one true positive, one false negative.
      { detector: 'bulk_change', subjectType: 'user', subjectId: 'u1' },
      // u2 found twice: one true positive, one false positive.
      { detector: 'bulk_change', subjectType: 'user', subjectId: 'u2' },
      { detector: 'bulk_change', subjectType: 'user', subjectId: 'u2' },
      // Same id, other subject type: no match.
      { detector: 'stage_skip', subjectType: 'activity', subjectId: 'd1' },
      { detector: 'backdating', subjectType: 'activity', subjectId: 'a1' },
    ];
    expect(scoreFindings(truth, findings, ['bulk_change', 'stage_skip', 'backdating'])).toEqual([
      {
        detector: 'bulk_change',
        injected: true,
        truth: 3,
        findings: 3,
        truePositives: 2,
        falsePositives: 1,
        falseNegatives: 1,
        precision: 0.6667,
        recall: 0.6667,
      },
      {
        detector: 'stage_skip',
        injected: true,
        truth: 1,
        findings: 1,
        truePositives: 0,
        falsePositives: 1,
        falseNegatives: 1,
        precision: 0,
        recall: 0,
      },
      {
        detector: 'backdating',
        injected: false,
        truth: 0,
        findings: 1,
        truePositives: 0,
        falsePositives: 1,
        falseNegatives: 0,
        precision: 0,
        recall: null,
      },
    ]);
  });
});
