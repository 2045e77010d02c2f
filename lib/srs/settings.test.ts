import { describe, expect, it } from 'vitest';
import { DEFAULT_SRS_SETTINGS, DEFAULT_WEIGHTS, parseSrsSettings } from './index';

describe('parseSrsSettings', () => {
  it('fills every default from an empty object', () => {
    const result = parseSrsSettings({});
    expect(result).toEqual({
      ok: true,
      settings: {
        desiredRetention: 0.9,
        maximumInterval: 36500,
        learningSteps: ['1m', '10m'],
        relearningSteps: ['10m'],
        newPerDay: 20,
        timeZone: 'UTC',
        dayStartHour: 4,
        enableFuzz: true,
      },
    });
    expect(DEFAULT_SRS_SETTINGS).toEqual(result.ok ? result.settings : null);
  });

  it('accepts a full valid set including personal weights', () => {
    const result = parseSrsSettings({
      desiredRetention: 0.85,
      maximumInterval: 365,
      learningSteps: ['5m', '1h', '1d'],
      relearningSteps: [],
      newPerDay: 0,
      timeZone: 'Asia/Kolkata',
      dayStartHour: 0,
      enableFuzz: false,
      weights: [...DEFAULT_WEIGHTS],
    });
    expect(result.ok).toBe(true);
  });

  it.each([
    ['desiredRetention', 0.69],
    ['desiredRetention', 0.995],
    ['desiredRetention', '0.9'],
    ['maximumInterval', 0],
    ['maximumInterval', 36501],
    ['maximumInterval', 10.5],
    ['learningSteps', ['10x']],
    ['learningSteps', ['0m']],
    ['learningSteps', ['1.5m']],
    ['learningSteps', ['-1m']],
    ['relearningSteps', ['10']],
    ['newPerDay', -1],
    ['newPerDay', 10000],
    ['newPerDay', 2.5],
    ['timeZone', 'Mars/Olympus_Mons'],
    ['timeZone', ''],
    ['dayStartHour', 24],
    ['dayStartHour', -1],
    ['dayStartHour', 3.5],
    ['enableFuzz', 'yes'],
    ['weights', [1, 2, 3]],
    ['weights', [...DEFAULT_WEIGHTS.slice(0, 20), Number.NaN]],
  ] as const)('rejects %s = %j with a field error', (field, value) => {
    const result = parseSrsSettings({ [field]: value });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors)).toEqual([field]);
    expect(result.fieldErrors[field]?.[0]).toMatch(/\w/);
  });

  it('explains a bad time zone in words', () => {
    const result = parseSrsSettings({ timeZone: 'Europe/Londn' });
    expect(result.ok ? null : result.fieldErrors.timeZone).toEqual([
      'Unknown time zone; use an IANA name such as "Europe/London".',
    ]);
  });

  it('treats null/undefined input as "all defaults"', () => {
    expect(parseSrsSettings(undefined).ok).toBe(true);
    expect(parseSrsSettings(null).ok).toBe(true);
    expect(parseSrsSettings('nope').ok).toBe(false);
  });
});
