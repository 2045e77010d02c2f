// Validation of the recall forecast against a seeded synthetic history: learners whose true memory is
// FSRS with their own (noisy) weights are scheduled by our defaults; every forecast made at a day start t
// for a card's next review at t+Δ is compared with that review's outcome. Pure and deterministic per seed.
import { createForecaster } from './forecast';
import { gradeCard, newCardState } from './scheduler';
import { DEFAULT_SRS_SETTINGS, type LearnerSrsSettings } from './settings';
import { DEFAULT_WEIGHTS, retrievability } from './fsrs-adapter';
import { seededRandom } from './test-helpers';
import { Rating, type SrsCardState } from './types';

const DAY_MS = 86_400_000;

export interface CalibrationOptions {
  seed: number;
  learners: number;
  cardsPerLearner: number;
  days: number;
  /** Spread of each learner's true weights around the defaults (0 = the forecast's own model). */
  weightNoise: number;
  /** Share of reviews done late, and the mean delay in days (spreads the recall probabilities). */
  lateShare: number;
  lateMeanDays: number;
}

export interface CalibrationBin {
  label: string;
  count: number;
  meanPredicted: number;
  observed: number;
}

export interface CalibrationResult {
  reviews: number;
  /** Per predicted-recall bin (one forecast per review: made at the last day start before it). */
  bins: CalibrationBin[];
  /** Per horizon Δ between the forecast (made at each day start since the previous review) and the review. */
  horizons: CalibrationBin[];
  /** Count-weighted mean |observed − predicted| over bins. */
  calibrationError: number;
  meanPredicted: number;
  observed: number;
}

const PREDICTION_EDGES = [0, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1.0001];
const HORIZON_EDGES = [1, 3, 7, 14, 30, 90, Number.POSITIVE_INFINITY];

class Tally {
  private readonly sums: { n: number; p: number; pass: number }[];
  constructor(private readonly edges: readonly number[], private readonly labels: readonly string[]) {
    this.sums = labels.map(() => ({ n: 0, p: 0, pass: 0 }));
  }
  add(x: number, p: number, pass: boolean) {
    const i = this.edges.findIndex((e, k) => x >= e && x < (this.edges[k + 1] ?? Number.POSITIVE_INFINITY));
    const s = this.sums[Math.min(Math.max(i, 0), this.sums.length - 1)]!;
    s.n++;
    s.p += p;
    if (pass) s.pass++;
  }
  bins(): CalibrationBin[] {
    return this.sums.map((s, i) => ({ label: this.labels[i]!, count: s.n, meanPredicted: s.n ? s.p / s.n : 0, observed: s.n ? s.pass / s.n : 0 }));
  }
}

function normal(rnd: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
}

export function runCalibration(options: CalibrationOptions): CalibrationResult {
  const rnd = seededRandom(options.seed);
  const schedule: LearnerSrsSettings = { ...DEFAULT_SRS_SETTINGS };
  const forecaster = createForecaster(schedule);
  const start = Date.UTC(2026, 0, 5, 0, 0);
  const end = start + options.days * DAY_MS;
  const predLabels = PREDICTION_EDGES.slice(0, -1).map((e, i) => `${Math.round(e * 100)}–${Math.min(100, Math.round(PREDICTION_EDGES[i + 1]! * 100))} %`);
  const horizonLabels = HORIZON_EDGES.slice(0, -1).map((e, i) => (Number.isFinite(HORIZON_EDGES[i + 1]!) ? `${e}–${HORIZON_EDGES[i + 1]} d` : `≥ ${e} d`));
  const bins = new Tally(PREDICTION_EDGES, predLabels);
  const horizons = new Tally(HORIZON_EDGES, horizonLabels);
  let reviews = 0;
  let sumP = 0;
  let passes = 0;

  for (let l = 0; l < options.learners; l++) {
    // The learner's true memory: FSRS with weights scattered around the defaults (decay kept in range).
    const w = DEFAULT_WEIGHTS.map((x, i) => (i === 20 ? Math.min(0.8, Math.max(0.1, x * Math.exp(options.weightNoise * normal(rnd)))) : x * Math.exp(options.weightNoise * normal(rnd))));
    const truth: LearnerSrsSettings = { ...DEFAULT_SRS_SETTINGS, enableFuzz: false, weights: w };
    for (let c = 0; c < options.cardsPerLearner; c++) {
      const id = `l${l}c${c}`;
      let at = start + Math.floor(c / 10) * DAY_MS + (9 + rnd() * 10) * 3_600_000;
      let sched: SrsCardState = newCardState(new Date(at));
      let real: SrsCardState = newCardState(new Date(at));
      while (at < end) {
        const when = new Date(at);
        let rating: Rating;
        if (sched.state === 'new') {
          const x = rnd();
          rating = x < 0.15 ? Rating.Again : x < 0.25 ? Rating.Hard : x < 0.95 ? Rating.Good : Rating.Easy;
        } else {
          const pTrue = retrievability(real, when, truth);
          const pass = rnd() < pTrue;
          const x = rnd();
          rating = !pass ? Rating.Again : x < 0.15 ? Rating.Hard : x < 0.9 ? Rating.Good : Rating.Easy;
          const last = sched.lastReview!.getTime();
          if (at - last >= DAY_MS) {
            // The forecast at the last day start before the review, and at every day start since the previous one.
            const p = forecaster.recallAt(sched, when);
            reviews++;
            sumP += p;
            if (pass) passes++;
            bins.add(p, p, pass);
            for (let t = Math.ceil(last / DAY_MS) * DAY_MS; t < at; t += DAY_MS) horizons.add((at - t) / DAY_MS, p, pass);
          }
        }
        sched = gradeCard(sched, rating, when, schedule, id).state;
        real = gradeCard(real, rating, when, truth, id).state;
        const late = sched.state === 'review' && rnd() < options.lateShare ? -Math.log(1 - rnd()) * options.lateMeanDays * DAY_MS : 0;
        at = Math.max(sched.due.getTime(), at + 60_000) + late;
      }
    }
  }
  const b = bins.bins();
  const calibrationError = b.reduce((n, x) => n + x.count * Math.abs(x.observed - x.meanPredicted), 0) / Math.max(1, reviews);
  return { reviews, bins: b, horizons: horizons.bins(), calibrationError, meanPredicted: reviews ? sumP / reviews : 0, observed: reviews ? passes / reviews : 0 };
}

/** Markdown table of bins. */
export function calibrationTable(bins: readonly CalibrationBin[], first = 'Predicted recall'): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  return [
    `| ${first} | Reviews | Mean predicted | Observed pass rate | Observed − predicted |`,
    '| --- | ---: | ---: | ---: | ---: |',
    ...bins.filter((x) => x.count > 0).map((x) => `| ${x.label} | ${x.count} | ${pct(x.meanPredicted)} | ${pct(x.observed)} | ${((x.observed - x.meanPredicted) * 100).toFixed(1)} pt |`),
  ].join('\n');
}
