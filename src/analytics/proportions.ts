/** Proportions and their uncertainty: Wilson intervals, the two-proportion z-test, sample sizes. */

/** The standard normal quantile for a two-sided 95 % interval (and a 5 % two-sided test). */
export const Z_95 = 1.959963984540054;
/** The standard normal quantile for 80 % power (one-sided 20 % beta). */
export const Z_POWER_80 = 0.8416212335729143;

export interface Interval {
  low: number;
  high: number;
}

/**
 * The Wilson score interval of a proportion (successes of n trials) at the given normal quantile
 * (95 % by default): (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n). Unlike the normal
 * approximation it stays within [0, 1] and is sensible for small n and for p near 0 or 1. Null
 * when n is 0.
 */
export function wilsonInterval(successes: number, n: number, z = Z_95): Interval | null {
  if (n <= 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denominator = 1 + z2 / n;
  return {
    low: Math.max(0, (centre - spread) / denominator),
    high: Math.min(1, (centre + spread) / denominator),
  };
}

/**
 * The standard normal distribution function, by the complementary error function (Numerical
 * Recipes' erfc Chebyshev fit, relative error below 1.2e-7).
 */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

export interface ZTest {
  /** (p₂ − p₁) / SE, SE from the pooled proportion. */
  z: number;
  /** Two-sided p-value. */
  pValue: number;
}

/**
 * The pooled two-proportion z-test of x₁/n₁ against x₂/n₂: z = (p₂ − p₁) / √(p̂(1−p̂)(1/n₁ + 1/n₂)),
 * p̂ = (x₁ + x₂)/(n₁ + n₂), two-sided p = min(1, 2(1 − Φ(|z|))). Null when a group is empty or the pooled
 * proportion is 0 or 1 (no variation to test).
 */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): ZTest | null {
  if (n1 <= 0 || n2 <= 0) return null;
  const pooled = (x1 + x2) / (n1 + n2);
  if (pooled <= 0 || pooled >= 1) return null;
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const z = (x2 / n2 - x1 / n1) / se;
  // The fit's error of about 1e-7 would put the p-value of z = 0 a hair above 1: clamp it.
  return { z, pValue: Math.min(1, 2 * (1 - normalCdf(Math.abs(z)))) };
}

/**
 * Trials needed per group to detect an absolute difference `mde` from the baseline proportion p₁
 * with a two-sided two-proportion z-test at 5 % alpha and 80 % power:
 * n = (z_{α/2}·√(2p̄(1−p̄)) + z_β·√(p₁(1−p₁) + p₂(1−p₂)))² / (p₂ − p₁)², p₂ = p₁ + mde, p̄ the mean of
 * the two, rounded up. Null when p₂ leaves (0, 1) or mde is not positive.
 */
export function sampleSizePerGroup(p1: number, mde: number, zAlpha = Z_95, zBeta = Z_POWER_80): number | null {
  const p2 = p1 + mde;
  if (mde <= 0 || p1 < 0 || p2 >= 1) return null;
  const mean = (p1 + p2) / 2;
  const a = zAlpha * Math.sqrt(2 * mean * (1 - mean));
  const b = zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return Math.ceil(((a + b) * (a + b)) / (mde * mde));
}
