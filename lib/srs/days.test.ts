import { describe, expect, it } from 'vitest';
import { addDaysToKey, dayKey, dayStart, dayStartForKey, learnerDaysBetween, nextDayStart } from './index';
import { pick, seededRandom } from './test-helpers';
import { dateToZonedWallTime, zonedWallTimeToDate } from './days';

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);
const hoursLong = (key: string, tz: string, hour: number) =>
  (dayStartForKey(addDaysToKey(key, 1), tz, hour).getTime() - dayStartForKey(key, tz, hour).getTime()) / HOUR;

describe('learner days in fixed-offset and plain zones', () => {
  it('UTC with a 04:00 day start', () => {
    expect(dayKey(at('2026-05-10T03:59:59.999Z'), 'UTC', 4)).toBe('2026-05-09');
    expect(dayKey(at('2026-05-10T04:00:00Z'), 'UTC', 4)).toBe('2026-05-10');
    expect(dayStart(at('2026-05-10T12:00:00Z'), 'UTC', 4)).toEqual(at('2026-05-10T04:00:00Z'));
    expect(nextDayStart(at('2026-05-10T12:00:00Z'), 'UTC', 4)).toEqual(at('2026-05-11T04:00:00Z'));
  });

  it('Asia/Kolkata (+05:30): 04:00 local is 22:30 UTC the day before', () => {
    const tz = 'Asia/Kolkata';
    expect(dayStart(at('2026-01-01T00:00:00Z'), tz, 4)).toEqual(at('2025-12-31T22:30:00Z'));
    expect(dayKey(at('2025-12-31T22:30:00Z'), tz, 4)).toBe('2026-01-01');
    expect(dayKey(at('2025-12-31T22:29:59Z'), tz, 4)).toBe('2025-12-31');
    expect(hoursLong('2026-01-01', tz, 4)).toBe(24);
  });

  it('Asia/Kathmandu (+05:45) and America/St_Johns (-03:30 / -02:30)', () => {
    expect(dayStart(at('2026-06-01T12:00:00Z'), 'Asia/Kathmandu', 0)).toEqual(at('2026-05-31T18:15:00Z'));
    expect(dayStart(at('2026-07-01T12:00:00Z'), 'America/St_Johns', 4)).toEqual(at('2026-07-01T06:30:00Z'));
    expect(dayStart(at('2026-01-15T12:00:00Z'), 'America/St_Johns', 4)).toEqual(at('2026-01-15T07:30:00Z'));
  });
});

describe('learner days across DST', () => {
  it('America/New_York spring forward (2026-03-08): the day before is 23 hours', () => {
    const tz = 'America/New_York';
    expect(dayStartForKey('2026-03-07', tz, 4)).toEqual(at('2026-03-07T09:00:00Z')); // 04:00 EST
    expect(dayStartForKey('2026-03-08', tz, 4)).toEqual(at('2026-03-08T08:00:00Z')); // 04:00 EDT
    expect(hoursLong('2026-03-07', tz, 4)).toBe(23);
    expect(hoursLong('2026-03-08', tz, 4)).toBe(24);
    // 03:30 EDT on the 8th is still before the 04:00 day start.
    expect(dayKey(at('2026-03-08T07:30:00Z'), tz, 4)).toBe('2026-03-07');
  });

  it('America/New_York: a day start inside the spring gap (02:00) begins at 03:00 EDT', () => {
    const tz = 'America/New_York';
    expect(dayStartForKey('2026-03-08', tz, 2)).toEqual(at('2026-03-08T07:00:00Z'));
    expect(dayKey(at('2026-03-08T06:59:59Z'), tz, 2)).toBe('2026-03-07'); // 01:59:59 EST
    expect(dayKey(at('2026-03-08T07:00:00Z'), tz, 2)).toBe('2026-03-08'); // 03:00 EDT
    // 02:00 EST on the 7th to "02:00" (= 03:00 EDT) on the 8th is a full day; the 8th itself is short.
    expect(hoursLong('2026-03-07', tz, 2)).toBe(24);
    expect(hoursLong('2026-03-08', tz, 2)).toBe(23);
  });

  it('America/New_York fall back (2026-11-01): the day before is 25 hours', () => {
    const tz = 'America/New_York';
    expect(dayStartForKey('2026-10-31', tz, 4)).toEqual(at('2026-10-31T08:00:00Z')); // 04:00 EDT
    expect(dayStartForKey('2026-11-01', tz, 4)).toEqual(at('2026-11-01T09:00:00Z')); // 04:00 EST
    expect(hoursLong('2026-10-31', tz, 4)).toBe(25);
    expect(dayKey(at('2026-11-01T08:30:00Z'), tz, 4)).toBe('2026-10-31'); // 03:30 EST
  });

  it('America/New_York: a day start inside the repeated hour takes its first occurrence', () => {
    const tz = 'America/New_York';
    expect(dayStartForKey('2026-11-01', tz, 1)).toEqual(at('2026-11-01T05:00:00Z')); // first 01:00 (EDT)
    expect(dayKey(at('2026-11-01T05:30:00Z'), tz, 1)).toBe('2026-11-01'); // 01:30 EDT
    expect(dayKey(at('2026-11-01T06:30:00Z'), tz, 1)).toBe('2026-11-01'); // 01:30 EST, second pass
    expect(dayKey(at('2026-11-01T04:59:59Z'), tz, 1)).toBe('2026-10-31');
    expect(hoursLong('2026-10-31', tz, 1)).toBe(24);
    expect(hoursLong('2026-11-01', tz, 1)).toBe(25);
  });

  it('Europe/London (2026-03-29 and 2026-10-25)', () => {
    const tz = 'Europe/London';
    expect(dayStartForKey('2026-03-28', tz, 4)).toEqual(at('2026-03-28T04:00:00Z')); // GMT
    expect(dayStartForKey('2026-03-29', tz, 4)).toEqual(at('2026-03-29T03:00:00Z')); // BST
    expect(hoursLong('2026-03-28', tz, 4)).toBe(23);
    expect(hoursLong('2026-10-24', tz, 4)).toBe(25);
    expect(dayStartForKey('2026-03-29', tz, 1)).toEqual(at('2026-03-29T01:00:00Z')); // gap 01:00 → 02:00 BST
    expect(dayStart(at('2026-01-10T00:00:00Z'), tz, 0)).toEqual(at('2026-01-10T00:00:00Z'));
  });

  it('Australia/Lord_Howe half-hour DST (2026-04-05 back, 2026-10-04 forward)', () => {
    const tz = 'Australia/Lord_Howe';
    // April: 02:00 LHDT (+11) → 01:30 LHST (+10:30); the day holding it is 24.5 hours.
    expect(dayStartForKey('2026-04-04', tz, 2)).toEqual(at('2026-04-03T15:00:00Z'));
    expect(dayStartForKey('2026-04-05', tz, 2)).toEqual(at('2026-04-04T15:30:00Z'));
    expect(hoursLong('2026-04-04', tz, 2)).toBe(24.5);
    // October: 02:00 LHST → 02:30 LHDT; a 02:00 day start falls in the gap and begins at 02:30.
    expect(dayStartForKey('2026-10-04', tz, 2)).toEqual(at('2026-10-03T15:30:00Z'));
    expect(hoursLong('2026-10-03', tz, 2)).toBe(24);
    expect(hoursLong('2026-10-04', tz, 2)).toBe(23.5);
    expect(hoursLong('2026-10-03', tz, 4)).toBe(23.5);
    expect(hoursLong('2026-10-04', tz, 4)).toBe(24);
  });

  it('learnerDaysBetween counts day boundaries, not 24-hour periods', () => {
    const tz = 'America/New_York';
    // 20:00 → 23:00 EDT crosses UTC midnight but not the learner's 04:00 boundary.
    expect(learnerDaysBetween(at('2026-06-01T00:00:00Z'), at('2026-06-01T03:00:00Z'), tz, 4)).toBe(0);
    // 23:00 → 05:00 next morning: one boundary, six hours.
    expect(learnerDaysBetween(at('2026-06-01T03:00:00Z'), at('2026-06-01T09:00:00Z'), tz, 4)).toBe(1);
    // Across the 25-hour day: still one day.
    expect(learnerDaysBetween(at('2026-10-31T12:00:00Z'), at('2026-11-01T13:00:00Z'), tz, 4)).toBe(1);
  });

  it('stays consistent when a clock change goes back across the day start (Alaska 1867: a day repeated)', () => {
    // America/Sitka moved from UTC+14:58 to UTC-09:01 in October 1867, so wall times repeat for a whole day.
    const tz = 'America/Sitka';
    for (let t = Date.UTC(1867, 9, 16); t < Date.UTC(1867, 9, 22); t += 15 * 60_000) {
      for (const hour of [0, 4, 12]) {
        const instant = new Date(t);
        const key = dayKey(instant, tz, hour);
        const context = `${instant.toISOString()} h=${hour}`;
        expect(dayStart(instant, tz, hour).getTime(), context).toBeLessThanOrEqual(t);
        expect(nextDayStart(instant, tz, hour).getTime(), context).toBeGreaterThan(t);
        expect(dayKey(dayStart(instant, tz, hour), tz, hour), context).toBe(key);
      }
    }
  });

  it('rejects an unknown zone, a bad hour and an invalid date', () => {
    expect(() => dayKey(at('2026-01-01T00:00:00Z'), 'Not/AZone', 4)).toThrow(RangeError);
    expect(() => dayStart(at('2026-01-01T00:00:00Z'), 'UTC', 24)).toThrow(RangeError);
    expect(() => dayKey(new Date(Number.NaN), 'UTC', 4)).toThrow(RangeError);
  });
});

describe('day invariants over random instants (seeded)', () => {
  const zones = [
    'UTC',
    'America/New_York',
    'America/Los_Angeles',
    'America/St_Johns',
    'America/Santiago',
    'Europe/London',
    'Europe/Berlin',
    'Asia/Kolkata',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'Australia/Adelaide',
    'Pacific/Chatham',
    'Pacific/Kiritimati',
    'Pacific/Apia',
  ];

  it('every instant lies in [dayStart, nextDayStart) and keys step by one day', () => {
    const random = seededRandom(20260308);
    const from = Date.UTC(2024, 0, 1);
    const to = Date.UTC(2028, 0, 1);
    for (let i = 0; i < 3000; i++) {
      const tz = pick(random, zones);
      const hour = Math.floor(random() * 24);
      const t = new Date(from + Math.floor(random() * (to - from)));
      const key = dayKey(t, tz, hour);
      const start = dayStart(t, tz, hour);
      const next = nextDayStart(t, tz, hour);
      const context = `${tz} h=${hour} t=${t.toISOString()}`;
      expect(start.getTime(), context).toBeLessThanOrEqual(t.getTime());
      expect(next.getTime(), context).toBeGreaterThan(t.getTime());
      expect(dayKey(start, tz, hour), context).toBe(key);
      expect(dayKey(new Date(next.getTime() - 1), tz, hour), context).toBe(key);
      expect(dayKey(next, tz, hour), context).toBe(addDaysToKey(key, 1));
      const length = (next.getTime() - start.getTime()) / HOUR;
      expect(length, context).toBeGreaterThanOrEqual(22);
      expect(length, context).toBeLessThanOrEqual(26);
    }
  });
});

describe('wall-clock times in a zone', () => {
  it('turns a date and time in a zone into an instant and back, across DST', () => {
    expect(zonedWallTimeToDate('2026-01-15', '17:00', 'America/New_York')).toEqual(new Date('2026-01-15T22:00:00Z'));
    expect(zonedWallTimeToDate('2026-07-15', '17:00', 'America/New_York')).toEqual(new Date('2026-07-15T21:00:00Z'));
    expect(zonedWallTimeToDate('2026-03-01', '23:59', 'Asia/Kolkata')).toEqual(new Date('2026-03-01T18:29:00Z'));
    // 02:30 does not exist on the spring-forward night: the clock reading after the jump is used.
    expect(zonedWallTimeToDate('2026-03-08', '02:30', 'America/New_York')).toEqual(new Date('2026-03-08T07:30:00Z'));
    expect(dateToZonedWallTime(new Date('2026-07-15T21:00:00Z'), 'America/New_York')).toEqual({ date: '2026-07-15', time: '17:00' });
    expect(dateToZonedWallTime(new Date('2026-01-15T23:30:00Z'), 'Europe/Paris')).toEqual({ date: '2026-01-16', time: '00:30' });
    expect(() => zonedWallTimeToDate('2026-01-15', '25:00', 'UTC')).toThrow(RangeError);
  });
});

describe('dayKey with its recent-days memo', () => {
  it('gives every instant the day whose [start, next start) holds it, in any order, across DST changes', () => {
    const zones = ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC'];
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    // Instants clustered around the 2026 DST changes (March, October/November) and spread over the year.
    const base = [Date.UTC(2026, 2, 8), Date.UTC(2026, 2, 29), Date.UTC(2026, 3, 5), Date.UTC(2026, 9, 4), Date.UTC(2026, 9, 25), Date.UTC(2026, 10, 1)];
    for (let i = 0; i < 3000; i++) {
      const zone = zones[i % zones.length]!;
      const hour = [0, 2, 3, 4][i % 4]!;
      const ms = base[Math.floor(rnd() * base.length)]! + Math.floor((rnd() - 0.5) * 3 * 86_400_000);
      const key = dayKey(new Date(ms), zone, hour);
      expect(dayStartForKey(key, zone, hour).getTime()).toBeLessThanOrEqual(ms);
      expect(dayStartForKey(addDaysToKey(key, 1), zone, hour).getTime()).toBeGreaterThan(ms);
    }
  });
});
