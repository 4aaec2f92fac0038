import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scriptExperiment, type ExperimentCall } from '../../src/analytics/script-experiment.ts';

const arm = (name: string, calls: number, conversions: number): ExperimentCall[] =>
  Array.from({ length: calls }, (_, i) => ({ arm: name, converted: i < conversions }));

describe('script experiment (hand-computed)', () => {
  it('10 of 100 against 20 of 100: the control is the first of the tied arms; z 1.98, p 0.048, so the second wins', () => {
    const r = scriptExperiment([...arm('s@1', 100, 10), ...arm('s@2', 100, 20)], 0.05);
    expect(r.control).toBe('s@1');
    // (1.96·√(2·0.125·0.875) + 0.8416·√(0.09 + 0.1275))² / 0.05² = 685.6 → 686
    expect(r.requiredPerArm).toBe(686);
    const [control, other] = r.arms;
    expect(control).toMatchObject({ arm: 's@1', control: true, calls: 100, conversions: 10, rate: 0.1 });
    expect(control?.difference).toBeNull();
    expect(control?.z).toBeNull();
    expect(control?.stillNeeded).toBe(586);
    expect(other).toMatchObject({ arm: 's@2', control: false, calls: 100, conversions: 20, rate: 0.2 });
    expect(other?.difference).toBeCloseTo(0.1, 12);
    expect(other?.z).toBeCloseTo(1.9803, 3);
    expect(other?.pValue).toBeCloseTo(0.0477, 3);
    expect(other?.significant).toBe(true);
    expect(r.winner).toBe('s@2');
  });

  it('the arm with the most calls is the control unless one is named; 3 of 30 against 4 of 40 is no difference', () => {
    const calls = [...arm('a@1', 30, 3), ...arm('a@2', 40, 4)];
    const r = scriptExperiment(calls, 0.1);
    expect(r.control).toBe('a@2');
    expect(r.arms.find((a) => a.arm === 'a@1')?.z).toBeCloseTo(0, 12);
    expect(r.winner).toBeNull();
    expect(scriptExperiment(calls, 0.1, 'a@1').control).toBe('a@1');
  });

  it('no calls: no control, no required size', () => {
    expect(scriptExperiment([], 0.05)).toMatchObject({ control: null, requiredPerArm: null, arms: [], winner: null });
  });
});

describe('script experiment (properties)', () => {
  it('each arm counts its own calls and its interval contains its rate', () => {
    const calls = fc.array(fc.record({ arm: fc.constantFrom('x@1', 'x@2', 'y@1'), converted: fc.boolean() }), {
      maxLength: 200,
    });
    fc.assert(
      fc.property(calls, (cs) => {
        const r = scriptExperiment(cs, 0.05);
        expect(r.arms.reduce((s, a) => s + a.calls, 0)).toBe(cs.length);
        for (const a of r.arms) {
          expect(a.conversions).toBeLessThanOrEqual(a.calls);
          if (a.rate === null || a.interval === null) continue;
          expect(a.interval.low).toBeLessThanOrEqual(a.rate + 1e-12);
          expect(a.interval.high).toBeGreaterThanOrEqual(a.rate - 1e-12);
        }
        expect(r.arms.filter((a) => a.control).length).toBe(cs.length ? 1 : 0);
      }),
    );
  });
});
