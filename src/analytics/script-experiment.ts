import { sampleSizePerGroup, twoProportionZTest, wilsonInterval, type Interval } from './proportions.ts';

/** A connected call made with a recorded pitch-script version. */
export interface ExperimentCall {
  /** `scriptId@version`. */
  arm: string;
  /** The next step was reached on the call: a meeting booked. */
  converted: boolean;
}

export interface ExperimentArm {
  arm: string;
  control: boolean;
  calls: number;
  conversions: number;
  rate: number | null;
  /** 95 % Wilson score interval of the rate. */
  interval: Interval | null;
  /** rate − the control's rate; null for the control or without data. */
  difference: number | null;
  /** Pooled two-proportion z statistic against the control (positive: better); null when not testable. */
  z: number | null;
  /** Two-sided p-value of that test. */
  pValue: number | null;
  /** pValue < alpha. */
  significant: boolean;
  /** Connected calls this arm still needs to reach `requiredPerArm`. */
  stillNeeded: number | null;
}

export interface ScriptExperiment {
  control: string | null;
  minimumDetectableEffect: number;
  alpha: number;
  power: number;
  /** Connected calls each arm needs to detect the effect at the control's rate; null without a control rate. */
  requiredPerArm: number | null;
  arms: ExperimentArm[];
  /** The arm with a significantly higher rate than the control and the highest rate; null when none. */
  winner: string | null;
}

const ALPHA = 0.05;
const POWER = 0.8;

/**
 * Pitch-script versions compared as an experiment: per arm (script version) the conversion of
 * connected calls to a booked meeting with its 95 % Wilson interval; each arm against the control
 * (the given arm, else the one with the most calls, ties by name) by the pooled two-proportion
 * z-test (two-sided, alpha 5 %); and the calls per arm needed to detect an absolute lift of
 * `minimumDetectableEffect` over the control's rate at 80 % power, with what each arm still lacks.
 * Several arms are each tested against the control without a multiplicity correction.
 */
export function scriptExperiment(
  calls: readonly ExperimentCall[],
  minimumDetectableEffect: number,
  control?: string,
): ScriptExperiment {
  const counts = new Map<string, { calls: number; conversions: number }>();
  for (const c of calls) {
    const a = counts.get(c.arm) ?? { calls: 0, conversions: 0 };
    a.calls += 1;
    if (c.converted) a.conversions += 1;
    counts.set(c.arm, a);
  }
  const names = [...counts.keys()].sort();
  const chosen =
    control !== undefined && counts.has(control)
      ? control
      : ([...names].sort(
          (a, b) => (counts.get(b)?.calls ?? 0) - (counts.get(a)?.calls ?? 0) || a.localeCompare(b),
        )[0] ?? null);
  const base = chosen === null ? undefined : counts.get(chosen);
  const baseRate = base && base.calls > 0 ? base.conversions / base.calls : null;
  const required = baseRate === null ? null : sampleSizePerGroup(baseRate, minimumDetectableEffect);
  const arms = names.map((arm): ExperimentArm => {
    const a = counts.get(arm) ?? { calls: 0, conversions: 0 };
    const r = a.calls > 0 ? a.conversions / a.calls : null;
    const isControl = arm === chosen;
    const test = !isControl && base ? twoProportionZTest(base.conversions, base.calls, a.conversions, a.calls) : null;
    return {
      arm,
      control: isControl,
      calls: a.calls,
      conversions: a.conversions,
      rate: r,
      interval: wilsonInterval(a.conversions, a.calls),
      difference: isControl || r === null || baseRate === null ? null : r - baseRate,
      z: test?.z ?? null,
      pValue: test?.pValue ?? null,
      significant: test !== null && test.pValue < ALPHA,
      stillNeeded: required === null ? null : Math.max(0, required - a.calls),
    };
  });
  const better = arms
    .filter((a) => a.significant && (a.z ?? 0) > 0)
    .sort((a, b) => (b.rate ?? 0) - (a.rate ?? 0) || a.arm.localeCompare(b.arm));
  return {
    control: chosen,
    minimumDetectableEffect,
    alpha: ALPHA,
    power: POWER,
    requiredPerArm: required,
    arms,
    winner: better[0]?.arm ?? null,
  };
}
