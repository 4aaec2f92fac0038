import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  conversionProbability,
  fitMarkovChain,
  markovCredit,
  markovPaths,
  removalEffects,
  roi,
  ruleCredit,
  ruleCredits,
  ruleModels,
  shapleyCredit,
  touchWeights,
  type Journey,
  type MarkovPath,
  type RuleModel,
} from '../../src/analytics/attribution.ts';
import { mulberry32, quantileSorted } from '../../src/analytics/random.ts';

const DAY = 86_400_000;
const at = (day: number) => Date.UTC(2026, 0, 1) + day * DAY;
const t = (campaignId: string, day: number) => ({ campaignId, at: at(day) });

/**
 * The journeys worked on paper:
 * J1: A d0, B d2, E d3, C d5, D d9; lead created d2 (lead touch B), deal created d5 (opportunity
 *     touch C), won d10, 1000.
 * J2: B d1 only; no lead or deal times known; won d3, 500.
 * J3: A d0, C d4, D d20 (after the conversion: no credit); lead d0 (A), deal d6 (C), won d6, 300.
 * J4: A d0, B d1, never converted (only the Markov model reads it).
 */
const j1: Journey = {
  touches: [t('C', 5), t('A', 0), t('E', 3), t('B', 2), t('D', 9)],
  leadAt: at(2),
  opportunityAt: at(5),
  convertedAt: at(10),
  value: 1000,
};
const j2: Journey = { touches: [t('B', 1)], leadAt: null, opportunityAt: null, convertedAt: at(3), value: 500 };
const j3: Journey = {
  touches: [t('A', 0), t('C', 4), t('D', 20)],
  leadAt: at(0),
  opportunityAt: at(6),
  convertedAt: at(6),
  value: 300,
};
const j4: Journey = { touches: [t('A', 0), t('B', 1)], leadAt: null, opportunityAt: null, convertedAt: null, value: 0 };
const journeys = [j1, j2, j3, j4];

const asObject = (m: Map<string, number>) =>
  Object.fromEntries([...m].filter(([, v]) => v !== 0).sort(([a], [b]) => a.localeCompare(b)));
const close = (got: Record<string, number>, want: Record<string, number>) => {
  expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
  for (const k of Object.keys(want)) expect(got[k], k).toBeCloseTo(want[k] ?? NaN, 6);
};

describe('rule-based attribution, worked by hand', () => {
  it('J1 (five touches, lead touch B, opportunity touch C) under each position model', () => {
    // touches in time order: A, B, E, C, D
    expect(touchWeights('first_touch', j1)).toEqual([1, 0, 0, 0, 0]);
    expect(touchWeights('last_touch', j1)).toEqual([0, 0, 0, 0, 1]);
    expect(touchWeights('linear', j1)).toEqual([0.2, 0.2, 0.2, 0.2, 0.2]);
    // U: 40 first (A), 40 lead (B), 20 over E, C, D
    const u = touchWeights('u_shaped', j1);
    [0.4, 0.4, 0.2 / 3, 0.2 / 3, 0.2 / 3].forEach((w, i) => expect(u[i]).toBeCloseTo(w, 12));
    // W: 30 first (A), 30 lead (B), 30 opportunity (C), 10 over E and D
    const w = touchWeights('w_shaped', j1);
    [0.3, 0.3, 0.05, 0.3, 0.05].forEach((x, i) => expect(w[i]).toBeCloseTo(x, 12));
    // full path: 22.5 each to A, B, C and the last touch D; 10 to E
    const f = touchWeights('full_path', j1);
    [0.225, 0.225, 0.1, 0.225, 0.225].forEach((x, i) => expect(f[i]).toBeCloseTo(x, 12));
  });

  it('milestones on the same touch add up, and without other touches the shares are rescaled', () => {
    // J2, one touch: everything to it under every model
    for (const m of ruleModels) expect(touchWeights(m, j2)).toEqual([1]);
    // J3 (A is first and lead touch, C opportunity and last; D after the win has no credit):
    // U: A .4 + .4, C .2; W: A .6, C .3, rescaled by .9 → 2/3, 1/3; full: A .45, C .45 → 1/2, 1/2
    const u = touchWeights('u_shaped', j3);
    expect(u[0]).toBeCloseTo(0.8, 12);
    expect(u[1]).toBeCloseTo(0.2, 12);
    const w = touchWeights('w_shaped', j3);
    expect(w[0]).toBeCloseTo(2 / 3, 12);
    expect(w[1]).toBeCloseTo(1 / 3, 12);
    expect(touchWeights('full_path', j3)).toEqual([0.5, 0.5]);
    expect(touchWeights('last_touch', j3)).toEqual([0, 1]);
  });

  it('time decay halves the weight every half-life before the conversion', () => {
    // ages 14, 7 and 0 days at a 7-day half-life: weights 1/4, 1/2, 1 → 1/7, 2/7, 4/7 of 700
    const j: Journey = {
      touches: [t('X', 0), t('Y', 7), t('Z', 14)],
      leadAt: null,
      opportunityAt: null,
      convertedAt: at(14),
      value: 700,
    };
    close(asObject(ruleCredit('time_decay', [j])), { X: 100, Y: 200, Z: 400 });
    // a 14-day half-life: 2^-1, 2^-0.5, 1
    const h = [0.5, Math.SQRT1_2, 1];
    const sum = h.reduce((a, b) => a + b, 0);
    close(asObject(ruleCredit('time_decay', [j], 14)), {
      X: (700 * 0.5) / sum,
      Y: (700 * Math.SQRT1_2) / sum,
      Z: 700 / sum,
    });
  });

  it('credits the converting journeys J1 to J3 per campaign (1800 in all); J4 never converted', () => {
    const want: Record<RuleModel | 'shapley', Record<string, number>> = {
      first_touch: { A: 1300, B: 500 },
      last_touch: { B: 500, C: 300, D: 1000 },
      linear: { A: 350, B: 700, C: 350, D: 200, E: 200 },
      u_shaped: { A: 640, B: 900, C: 60 + 200 / 3, D: 200 / 3, E: 200 / 3 },
      w_shaped: { A: 500, B: 800, C: 400, D: 50, E: 50 },
      full_path: { A: 375, B: 725, C: 375, D: 225, E: 100 },
      time_decay: {},
      shapley: { A: 350, B: 700, C: 350, D: 200, E: 200 },
    };
    for (const m of ruleModels) {
      if (m === 'time_decay') continue;
      close(asObject(ruleCredit(m, journeys)), want[m]);
    }
    close(asObject(shapleyCredit(journeys)), want.shapley);
  });

  it('every model hands out exactly the converting value (property)', () => {
    const journeyArb = fc.record({
      touches: fc.array(
        fc.record({ campaignId: fc.constantFrom('A', 'B', 'C', 'D'), at: fc.integer({ min: 0, max: 30 }) }),
        {
          minLength: 1,
          maxLength: 8,
        },
      ),
      lead: fc.option(fc.integer({ min: 0, max: 30 })),
      opp: fc.option(fc.integer({ min: 0, max: 30 })),
      value: fc.integer({ min: 1, max: 100_000 }),
    });
    fc.assert(
      fc.property(fc.array(journeyArb, { minLength: 1, maxLength: 6 }), (raw) => {
        const js: Journey[] = raw.map((r) => ({
          touches: r.touches.map((x) => ({ campaignId: x.campaignId, at: at(x.at) })),
          leadAt: r.lead === null ? null : at(r.lead),
          opportunityAt: r.opp === null ? null : at(r.opp),
          convertedAt: at(30),
          value: r.value,
        }));
        const total = js.reduce((a, j) => a + j.value, 0);
        for (const m of ruleModels) {
          const sum = [...ruleCredit(m, js).values()].reduce((a, b) => a + b, 0);
          expect(sum).toBeCloseTo(total, 6);
        }
        const shapley = [...shapleyCredit(js).values()].reduce((a, b) => a + b, 0);
        expect(shapley).toBeCloseTo(total, 6);
      }),
    );
  });
});

describe('every rule-based model at once', () => {
  it('gives exactly what each model alone gives, to the last bit (property)', () => {
    const journeyArb = fc.record({
      touches: fc.array(
        fc.record({ campaignId: fc.constantFrom('A', 'B', 'C', 'D'), at: fc.integer({ min: 0, max: 30 }) }),
        { maxLength: 8 },
      ),
      lead: fc.option(fc.integer({ min: 0, max: 30 })),
      opp: fc.option(fc.integer({ min: 0, max: 30 })),
      // Touches after the conversion get nothing; a journey that did not convert gives nothing.
      converted: fc.option(fc.integer({ min: 0, max: 30 })),
      value: fc.integer({ min: 0, max: 100_000 }),
    });
    fc.assert(
      fc.property(
        fc.array(journeyArb, { maxLength: 8 }),
        fc.double({ min: 0.1, max: 365, noNaN: true }),
        (raw, halfLife) => {
          const js: Journey[] = raw.map((r) => ({
            touches: r.touches.map((x) => ({ campaignId: x.campaignId, at: at(x.at) })),
            leadAt: r.lead === null ? null : at(r.lead),
            opportunityAt: r.opp === null ? null : at(r.opp),
            convertedAt: r.converted === null ? null : at(r.converted),
            value: r.value,
          }));
          const all = ruleCredits(js, halfLife);
          expect([...all.keys()]).toEqual([...ruleModels]);
          for (const m of ruleModels) expect([...(all.get(m) ?? [])]).toEqual([...ruleCredit(m, js, halfLife)]);
        },
      ),
    );
  });
});

/** Shapley values by brute force: the average marginal contribution over every order of the players. */
function shapleyByPermutations(js: readonly Journey[]): Map<string, number> {
  const sets = js
    .filter((j) => j.convertedAt !== null)
    .map((j) => ({
      set: new Set(j.touches.filter((x) => x.at <= (j.convertedAt ?? Infinity)).map((x) => x.campaignId)),
      value: j.value,
    }));
  const players = [...new Set(sets.flatMap((s) => [...s.set]))];
  const v = (coalition: ReadonlySet<string>) =>
    sets.reduce((a, s) => a + ([...s.set].every((c) => coalition.has(c)) ? s.value : 0), 0);
  const out = new Map<string, number>(players.map((p) => [p, 0]));
  const permute = (rest: string[], prefix: string[]) => {
    if (rest.length === 0) {
      const coalition = new Set<string>();
      for (const p of prefix) {
        const before = v(coalition);
        coalition.add(p);
        out.set(p, (out.get(p) ?? 0) + v(coalition) - before);
      }
      return;
    }
    rest.forEach((p, i) => permute([...rest.slice(0, i), ...rest.slice(i + 1)], [...prefix, p]));
  };
  permute(players, []);
  let orders = 1;
  for (let k = 2; k <= players.length; k++) orders *= k;
  for (const [p, x] of out) out.set(p, x / orders);
  return out;
}

describe('Shapley values', () => {
  it('match the average marginal contribution over every order of the campaigns', () => {
    close(asObject(shapleyCredit(journeys)), asObject(shapleyByPermutations(journeys)));
    const more: Journey[] = [
      ...journeys,
      { touches: [t('A', 1), t('E', 2), t('A', 3)], leadAt: null, opportunityAt: null, convertedAt: at(4), value: 90 },
      { touches: [t('D', 1), t('C', 2)], leadAt: null, opportunityAt: null, convertedAt: at(4), value: 40 },
    ];
    close(asObject(shapleyCredit(more)), asObject(shapleyByPermutations(more)));
  });
});

/**
 * Conversion probability by iterating the state distribution of the full chain (start, campaigns,
 * conversion, null) until it settles: an independent computation from the matrix inverse.
 */
function conversionByIteration(paths: readonly MarkovPath[], removed: string | null): number {
  const counts = new Map<string, Map<string, number>>();
  const add = (from: string, to: string) => {
    const row = counts.get(from) ?? new Map<string, number>();
    row.set(to, (row.get(to) ?? 0) + 1);
    counts.set(from, row);
  };
  for (const p of paths) {
    const seq = ['(start)', ...p.campaigns, p.converted ? '(conversion)' : '(null)'];
    for (let i = 0; i + 1 < seq.length; i++) add(seq[i] ?? '', seq[i + 1] ?? '');
  }
  let dist = new Map<string, number>([['(start)', 1]]);
  let converted = 0;
  for (let step = 0; step < 5000; step++) {
    const next = new Map<string, number>();
    for (const [state, mass] of dist) {
      const row = counts.get(state);
      if (!row) continue;
      const total = [...row.values()].reduce((a, b) => a + b, 0);
      for (const [to, c] of row) {
        const share = (mass * c) / total;
        if (to === '(conversion)') converted += share;
        else if (to !== '(null)' && to !== removed) next.set(to, (next.get(to) ?? 0) + share);
      }
    }
    dist = next;
  }
  return converted;
}

describe('Markov removal effect', () => {
  it('on the paper example: A→B→conversion, A→null, B→conversion', () => {
    // start: A 2/3, B 1/3; A → B 1/2, A → null 1/2; B → conversion 1.
    // P = 2/3·1/2 + 1/3 = 2/3; without A: 1/3 (RE 1/2); without B: 0 (RE 1).
    // Shares 1/3 and 2/3 of the converting 900.
    const paper: Journey[] = [
      { touches: [t('A', 0), t('B', 1)], leadAt: null, opportunityAt: null, convertedAt: at(2), value: 600 },
      { touches: [t('A', 0)], leadAt: null, opportunityAt: null, convertedAt: null, value: 0 },
      { touches: [t('B', 0)], leadAt: null, opportunityAt: null, convertedAt: at(1), value: 300 },
    ];
    const chain = fitMarkovChain(markovPaths(paper));
    expect(conversionProbability(chain)).toBeCloseTo(2 / 3, 12);
    expect(conversionProbability(chain, new Set([0]))).toBeCloseTo(1 / 3, 12);
    close(asObject(removalEffects(chain)), { A: 0.5, B: 1 });
    const credit = markovCredit(paper, { resamples: 50, seed: 7 });
    close(Object.fromEntries(credit.map((c) => [c.campaignId, c.credit])), { A: 300, B: 600 });
  });

  it('agrees with iterating the chain on the worked journeys and on random ones', () => {
    const check = (paths: MarkovPath[]) => {
      const chain = fitMarkovChain(paths);
      expect(conversionProbability(chain)).toBeCloseTo(conversionByIteration(paths, null), 9);
      chain.states.forEach((s, i) =>
        expect(conversionProbability(chain, new Set([i]))).toBeCloseTo(conversionByIteration(paths, s), 9),
      );
    };
    check(markovPaths(journeys));
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            campaigns: fc.array(fc.constantFrom('A', 'B', 'C', 'D', 'E'), { minLength: 1, maxLength: 6 }),
            converted: fc.boolean(),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        (paths) => check(paths),
      ),
      { numRuns: 60 },
    );
  });

  it('gives a bootstrap interval around the credit, the same for the same seed', () => {
    const a = markovCredit(journeys, { resamples: 300, seed: 42 });
    const b = markovCredit(journeys, { resamples: 300, seed: 42 });
    expect(a).toEqual(b);
    const total = a.reduce((s, c) => s + c.credit, 0);
    expect(total).toBeCloseTo(1800, 6);
    // a converting journey without a touch has no credit to hand out
    const untouched: Journey = { touches: [], leadAt: null, opportunityAt: null, convertedAt: at(5), value: 9999 };
    const withUntouched = markovCredit([...journeys, untouched], { resamples: 300, seed: 42 });
    expect(withUntouched.reduce((s, c) => s + c.credit, 0)).toBeCloseTo(1800, 6);
    for (const c of a) {
      expect(c.low).toBeLessThanOrEqual(c.high);
      expect(c.low).toBeGreaterThanOrEqual(0);
      expect(c.high).toBeLessThanOrEqual(1800 + 1e-9);
    }
  });
});

describe('ROI', () => {
  it('is attributed won revenue over cost, undefined without cost', () => {
    expect(roi(4500, 1500)).toBe(3);
    expect(roi(100, 0)).toBeNull();
  });
});

describe('the Markov bootstrap', () => {
  it('gives exactly what refitting the chain on every resample of the paths gives', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            campaigns: fc.array(fc.constantFrom('A', 'B', 'C', 'D'), { maxLength: 6 }),
            converted: fc.boolean(),
          }),
          { minLength: 1, maxLength: 60 },
        ),
        fc.integer({ min: 1, max: 1000 }),
        (specs, seed) => {
          const journeys: Journey[] = specs.map((x) => ({
            touches: x.campaigns.map((c, i) => ({ campaignId: c, at: at(i) })),
            leadAt: null,
            opportunityAt: null,
            convertedAt: x.converted ? at(10) : null,
            value: 100,
          }));
          const resamples = 25;
          // The reference: a list of paths drawn with replacement, the chain fitted on it.
          const paths = markovPaths(journeys);
          const value = journeys.reduce(
            (a, j) => a + (j.convertedAt !== null && j.touches.length > 0 ? j.value : 0),
            0,
          );
          const shares = (sample: readonly MarkovPath[]) => {
            const effects = removalEffects(fitMarkovChain(sample));
            const total = [...effects.values()].reduce((a, b) => a + b, 0);
            return new Map([...effects].map(([c, e]) => [c, total > 0 ? e / total : 0]));
          };
          const states = fitMarkovChain(paths).states;
          const draws = new Map<string, number[]>(states.map((c) => [c, []]));
          const rng = mulberry32(seed);
          for (let b = 0; b < resamples && paths.length > 0; b++) {
            const sample = paths.map(() => paths[Math.floor(rng() * paths.length)] as MarkovPath);
            const s = shares(sample);
            for (const [c, list] of draws) list.push((s.get(c) ?? 0) * value);
          }
          const whole = shares(paths);
          const expected = states.map((c) => {
            const sorted = (draws.get(c) ?? []).sort((a, b) => a - b);
            return {
              campaignId: c,
              credit: (whole.get(c) ?? 0) * value,
              low: sorted.length > 0 ? quantileSorted(sorted, 0.025) : (whole.get(c) ?? 0) * value,
              high: sorted.length > 0 ? quantileSorted(sorted, 0.975) : (whole.get(c) ?? 0) * value,
            };
          });
          const got = markovCredit(journeys, { resamples, seed }).map(({ removalEffect: _, ...rest }) => rest);
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 50 },
    );
  });
});
