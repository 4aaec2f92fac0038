import { touchKinds, type TouchKind } from '../contract/marketing.ts';
import type { CalibrationRow, ScoreFactor, ScoringSettings } from '../contract/scoring.ts';
import { auc, calibrationTable, fitLogistic, predictProbability } from './logistic.ts';
import { ruleMatches, type FitAttributes } from './scoring.ts';

/**
 * The conversion model of an organization: logistic regression of "the lead converted" on the
 * lead's features (one indicator per fit rule, and log(1 + touches) per touch kind), fitted on its
 * closed leads with a quarter held out to report AUC and calibration.
 */

/** Fewest closed leads, and fewest of each outcome, the model is fitted on; below it, rules alone. */
export const MIN_HISTORY = { leads: 40, perClass: 10 } as const;

/** The features of one lead, by name. */
export function leadFeatures(
  rules: ScoringSettings['fitRules'],
  attrs: FitAttributes,
  touches: readonly { kind: TouchKind }[],
): Record<string, number> {
  const features: Record<string, number> = {};
  for (const r of rules) features[`${r.field} ${r.op} ${r.values.join(', ')}`] = ruleMatches(r, attrs) ? 1 : 0;
  for (const kind of touchKinds) {
    const n = touches.filter((t) => t.kind === kind).length;
    features[`touches: ${kind.replace('_', ' ')}`] = Math.log1p(n);
  }
  return features;
}

export interface HistoryLead {
  id: string;
  features: Record<string, number>;
  converted: boolean;
}

export type ConversionModel =
  | {
      status: 'fitted';
      trainingLeads: number;
      testLeads: number;
      converted: number;
      auc: number | null;
      calibration: CalibrationRow[];
      /** The intercept first (feature `(intercept)`), then one weight per feature. */
      coefficients: { feature: string; weight: number }[];
    }
  | {
      status: 'insufficient_history';
      trainingLeads: number;
      testLeads: number;
      converted: number;
      message: string;
    };

/**
 * Fits the model on closed leads. Leads are ordered by id and every fourth is held out, so the
 * split is the same on every run over the same history. Not fitted (`insufficient_history`) below
 * `MIN_HISTORY` or when IRLS finds no solution.
 */
export function fitConversionModel(history: readonly HistoryLead[]): ConversionModel {
  const converted = history.filter((h) => h.converted).length;
  const lost = history.length - converted;
  const sorted = [...history].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const test = sorted.filter((_, i) => i % 4 === 3);
  const train = sorted.filter((_, i) => i % 4 !== 3);
  const counts = { trainingLeads: train.length, testLeads: test.length, converted };
  if (history.length < MIN_HISTORY.leads || converted < MIN_HISTORY.perClass || lost < MIN_HISTORY.perClass)
    return {
      status: 'insufficient_history',
      ...counts,
      message: `The model needs at least ${MIN_HISTORY.leads} closed leads with ${MIN_HISTORY.perClass} converted and ${MIN_HISTORY.perClass} disqualified; there are ${history.length} (${converted} converted, ${lost} disqualified). Scores use the rules alone.`,
    };
  const names = Object.keys(sorted[0]?.features ?? {});
  const rows = (leads: readonly HistoryLead[]) => leads.map((l) => names.map((n) => l.features[n] ?? 0));
  const fit = fitLogistic(
    rows(train),
    train.map((l) => (l.converted ? 1 : 0)),
  );
  if (!fit) return { status: 'insufficient_history', ...counts, message: 'The history does not determine a model.' };
  const predicted = rows(test).map((x) => predictProbability(fit.weights, x));
  const labels = test.map((l) => (l.converted ? 1 : 0));
  return {
    status: 'fitted',
    ...counts,
    auc: auc(predicted, labels),
    calibration: calibrationTable(predicted, labels),
    coefficients: [
      { feature: '(intercept)', weight: fit.weights[0] ?? 0 },
      ...names.map((feature, j) => ({ feature, weight: fit.weights[j + 1] ?? 0 })),
    ],
  };
}

/**
 * The model's probability for one lead and its top factors: the features whose weight × value
 * moves the log-odds most (at most `top`, zero contributions left out).
 */
export function applyModel(
  coefficients: readonly { feature: string; weight: number }[],
  features: Record<string, number>,
  top = 3,
): { probability: number; factors: ScoreFactor[] } {
  const intercept = coefficients.find((c) => c.feature === '(intercept)')?.weight ?? 0;
  const terms = coefficients
    .filter((c) => c.feature !== '(intercept)')
    .map((c) => ({ label: `model: ${c.feature}`, weight: c.weight * (features[c.feature] ?? 0) }));
  const z = terms.reduce((acc, t) => acc + t.weight, intercept);
  const probability = predictProbability([z], []);
  const factors = terms
    .filter((t) => t.weight !== 0)
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || a.label.localeCompare(b.label))
    .slice(0, top)
    .map((t) => ({ label: t.label, weight: Math.round(t.weight * 1000) / 1000 }));
  return { probability, factors };
}
