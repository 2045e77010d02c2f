import { describe, expect, it } from 'vitest';
import { formatInterval } from './index';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('formatInterval', () => {
  it.each([
    [0, '<1m'],
    [30_000, '<1m'],
    [MIN, '1m'],
    [6 * MIN, '6m'],
    [10 * MIN, '10m'],
    [59.4 * MIN, '59m'],
    [59.6 * MIN, '1h'],
    [90 * MIN, '1.5h'],
    [23.97 * HOUR, '1d'],
    [DAY, '1d'],
    [3 * DAY, '3d'],
    [29 * DAY, '29d'],
    [30 * DAY, '1mo'],
    [75 * DAY, '2.5mo'],
    [359 * DAY, '1y'],
    [365 * DAY, '1y'],
    [438 * DAY, '1.2y'],
    [36500 * DAY, '100y'],
  ])('%d ms → %s', (ms, label) => {
    expect(formatInterval(ms)).toBe(label);
  });

  it('never throws on nonsense', () => {
    expect(formatInterval(Number.NaN)).toBe('<1m');
    expect(formatInterval(-5 * MIN)).toBe('<1m');
  });
});
