/**
 * Markov what-if and Monte Carlo forecast at the size the issue names: a pipeline of 8 open
 * stages, 10,000 open deals, 10,000 runs. Both are pure computations on what the SQL already
 * aggregated (transition counts, duration percentiles, the open deals), so this times the part a
 * slider move or a forecast request spends in Node. The baseline in the same run is the bare cost
 * of one random draw per deal per run (the floor of any Monte Carlo that decides every open deal in
 * every run); the ratio shows the simulation's cost above it.
 */
import { markovWhatIf, type OpenStageLoad } from '../src/analytics/markov-what-if.ts';
import { estimateMarkov, type MarkovStage, type StageTransitionCount } from '../src/analytics/markov.ts';
import { monteCarloForecast, type OpenDealState, type StageTimeTable } from '../src/analytics/monte-carlo.ts';
import { mulberry32 } from '../src/analytics/random.ts';
import { writeResult } from './lib.ts';

const OPEN_STAGES = 8;
/** `npm run bench:markov -- --deals N --runs N` to change the size. */
function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}
const DEALS = arg('deals', 10_000);
const RUNS = arg('runs', 10_000);
const WHAT_IF_REPEATS = 2000;

const rng = mulberry32(42);
const stages: MarkovStage[] = [
  ...Array.from({ length: OPEN_STAGES }, (_, i) => ({ id: `s${i}`, name: `Stage ${i + 1}`, kind: 'open' as const })),
  { id: 'won', name: 'Won', kind: 'won' },
  { id: 'lost', name: 'Lost', kind: 'lost' },
];
// Mostly forward, some skips and backward moves, losses everywhere, wins from the last stages.
const transitions: StageTransitionCount[] = [];
for (let i = 0; i < OPEN_STAGES; i++) {
  const add = (to: string, count: number): void =>
    void transitions.push({ fromStageId: `s${i}`, toStageId: to, count, totalDays: count * (3 + 2 * i) });
  if (i + 1 < OPEN_STAGES) add(`s${i + 1}`, 600);
  if (i + 2 < OPEN_STAGES) add(`s${i + 2}`, 60);
  if (i > 0) add(`s${i - 1}`, 40);
  add('lost', 250);
  if (i >= OPEN_STAGES - 2) add('won', 500);
}
const model = estimateMarkov({ stages, transitions });
const stageTimes: StageTimeTable[] = model.stages.map((s, i) => ({
  stageId: s.id,
  // Percentiles of an exponential stay with mean 3 + 2i days.
  quantiles: Array.from({ length: 101 }, (_, k) => -(3 + 2 * i) * Math.log(1 - Math.min(k / 100, 0.995))),
}));
const deals: OpenDealState[] = Array.from({ length: DEALS }, () => ({
  stageId: `s${Math.floor(rng() * OPEN_STAGES)}`,
  ageDays: rng() * 20,
  amountCents: Math.round(1000 + rng() * 99_000) * 100,
}));
const load: OpenStageLoad[] = model.stages.map((s) => {
  const here = deals.filter((d) => d.stageId === s.id);
  return { stageId: s.id, deals: here.length, amountCents: here.reduce((a, d) => a + d.amountCents, 0) };
});

function time<T>(f: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = f();
  return { ms: performance.now() - t0, value };
}

const whatIf = time(() => {
  let last = markovWhatIf(model, load, { stageId: 's3', conversionPoints: 5, shortenDays: 2 });
  for (let k = 1; k < WHAT_IF_REPEATS; k++)
    last = markovWhatIf(model, load, { stageId: `s${k % OPEN_STAGES}`, conversionPoints: k % 20, shortenDays: k % 5 });
  return last;
});
const whatIfMs = whatIf.ms / WHAT_IF_REPEATS;
console.log(
  `what-if (${OPEN_STAGES} open stages, ${DEALS} open deals aggregated per stage): ${(whatIfMs * 1000).toFixed(1)} µs per slider move`,
);

const mc = time(() =>
  monteCarloForecast({
    model,
    stageTimes,
    deals,
    periodStartDays: 0,
    periodEndDays: 90,
    runs: RUNS,
    seed: 7,
    targetCents: 170_000_000_00,
  }),
);
// The floor: one random draw per deal per run, the least any run over every open deal must do.
const totalDraws = DEALS * RUNS;
const floor = time(() => {
  const r = mulberry32(1);
  let acc = 0;
  for (let k = 0; k < totalDraws; k++) acc += r();
  return acc;
});
console.log(`Monte Carlo (${RUNS} runs × ${DEALS} open deals, 90-day period): ${(mc.ms / 1000).toFixed(2)} s`);
console.log(
  `  P10 / P50 / P90 = ${(mc.value.p10Cents / 100).toFixed(0)} / ${(mc.value.p50Cents / 100).toFixed(0)} / ${(mc.value.p90Cents / 100).toFixed(0)}, P(target) = ${mc.value.probabilityOfTarget}`,
);
console.log(
  `  baseline: ${totalDraws.toExponential(2)} bare random draws (one per deal-run) take ${(floor.ms / 1000).toFixed(2)} s → ratio ${(mc.ms / floor.ms).toFixed(2)}×`,
);

writeResult('markov', {
  openStages: OPEN_STAGES,
  openDeals: DEALS,
  runs: RUNS,
  whatIfMicroseconds: Math.round(whatIfMs * 1000 * 10) / 10,
  monteCarloSeconds: Math.round(mc.ms) / 1000,
  randomDrawFloorSeconds: Math.round(floor.ms) / 1000,
  ratioToRandomFloor: Math.round((mc.ms / floor.ms) * 100) / 100,
});
