// A learner's scheduling settings as stored on the user row, parsed into lib/srs's settings.
import { parseSrsSettings, DEFAULT_SRS_SETTINGS, type LearnerSrsSettings } from '@/lib/srs';

export interface UserSettingsRow {
  desiredRetention: number;
  maximumInterval: number;
  newPerDay: number;
  timeZone: string;
  dayStartHour: number;
  learningSteps: string;
  relearningSteps: string;
  fsrsWeights: string | null;
}

export const USER_SETTINGS_SELECT = {
  desiredRetention: true,
  maximumInterval: true,
  newPerDay: true,
  timeZone: true,
  dayStartHour: true,
  learningSteps: true,
  relearningSteps: true,
  fsrsWeights: true,
} as const;

function parseJson(text: string | null): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Never throws: a stored value that no longer validates falls back to the default for that field. */
export function settingsFromUser(row: UserSettingsRow): LearnerSrsSettings {
  const input = {
    desiredRetention: row.desiredRetention,
    maximumInterval: row.maximumInterval,
    newPerDay: row.newPerDay,
    timeZone: row.timeZone,
    dayStartHour: row.dayStartHour,
    learningSteps: parseJson(row.learningSteps),
    relearningSteps: parseJson(row.relearningSteps),
    weights: parseJson(row.fsrsWeights),
  };
  const parsed = parseSrsSettings(input);
  if (parsed.ok) return parsed.settings;
  const fallback: Record<string, unknown> = { ...input };
  for (const field of Object.keys(parsed.fieldErrors)) delete fallback[field];
  const second = parseSrsSettings(fallback);
  return second.ok ? second.settings : DEFAULT_SRS_SETTINGS;
}
