import { describe, expect, it } from 'vitest';
import { calibrationTable, runCalibration } from './forecast-calibration';

describe('recall forecast calibration on a seeded synthetic history', () => {
  it('predicts the pass rate of later reviews within 3 points when learners follow the forecast’s model', () => {
    const r = runCalibration({ seed: 7, learners: 12, cardsPerLearner: 25, days: 150, weightNoise: 0, lateShare: 0.35, lateMeanDays: 6 });
    expect(r.reviews).toBeGreaterThan(1000);
    expect(Math.abs(r.observed - r.meanPredicted)).toBeLessThan(0.03);
    // Bins with enough reviews to judge (≥ 200): within 5 points.
    for (const bin of r.bins.filter((b) => b.count >= 200)) expect(Math.abs(bin.observed - bin.meanPredicted)).toBeLessThan(0.05);
    expect(calibrationTable(r.bins)).toContain('| Predicted recall |');
  }, 120_000);

  it('is deterministic per seed', () => {
    const o = { seed: 3, learners: 2, cardsPerLearner: 10, days: 60, weightNoise: 0.15, lateShare: 0.3, lateMeanDays: 5 };
    expect(runCalibration(o)).toEqual(runCalibration(o));
  }, 60_000);
});
