// `npm run forecast:calibrate`: validates the recall forecast on a seeded synthetic history (see
// lib/srs/forecast-calibration.ts) and prints the calibration tables that docs/srs.md quotes.
import { calibrationTable, runCalibration, type CalibrationOptions } from '../lib/srs/forecast-calibration';

const learners = Number(process.argv[2] ?? 60);
const base: Omit<CalibrationOptions, 'weightNoise'> = { seed: 14, learners, cardsPerLearner: 30, days: 180, lateShare: 0.35, lateMeanDays: 6 };
for (const [name, weightNoise] of [['learners with the forecast’s own model', 0], ['learners with noisy true weights (σ = 0.15 in log space)', 0.15]] as const) {
  const t = performance.now();
  const r = runCalibration({ ...base, weightNoise });
  console.log(`\n### ${name}: ${r.reviews} reviews, ${base.learners} learners × ${base.cardsPerLearner} cards, ${base.days} days (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  console.log(`mean predicted ${(r.meanPredicted * 100).toFixed(1)} %, observed ${(r.observed * 100).toFixed(1)} %, calibration error (count-weighted |observed − predicted| over bins) ${(r.calibrationError * 100).toFixed(1)} pt\n`);
  console.log(calibrationTable(r.bins));
  console.log('');
  console.log(calibrationTable(r.horizons, 'Horizon Δ (forecast made at a day start t for a review at t+Δ)'));
}
