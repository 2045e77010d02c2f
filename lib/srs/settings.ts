// A learner's scheduling settings: zod schema with defaults, shared by forms, actions and the scheduler.
// Parse once at the boundary; everything else in lib/srs takes the parsed `LearnerSrsSettings`.
import { z } from 'zod';

import { STEP_PATTERN } from './steps';

export { STEP_PATTERN };

/**
 * Accepted personal weight vector lengths: FSRS-6 (what ts-fsrs 5 and the optimiser binding produce).
 * ts-fsrs would also migrate 17/19-value vectors, but noisily; we have no source of them.
 */
export const WEIGHT_LENGTHS: readonly number[] = [21];

// Building an Intl formatter costs ~0.2 ms; a class dashboard checks the settings of hundreds of learners.
const zoneValidity = new Map<string, boolean>();

export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '') return false;
  const known = zoneValidity.get(timeZone);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    valid = true;
  } catch {
    valid = false;
  }
  if (zoneValidity.size < 1000) zoneValidity.set(timeZone, valid);
  return valid;
}

const stepSchema = z
  .string()
  .regex(STEP_PATTERN, { error: 'Use a whole number followed by m, h or d, e.g. "10m".' });

export const srsSettingsSchema = z.object({
  desiredRetention: z
    .number({ error: 'Desired retention must be a number.' })
    .min(0.7, { error: 'Desired retention must be at least 0.70.' })
    .max(0.99, { error: 'Desired retention must be at most 0.99.' })
    .default(0.9),
  maximumInterval: z
    .number({ error: 'Maximum interval must be a number of days.' })
    .int({ error: 'Maximum interval must be a whole number of days.' })
    .min(1, { error: 'Maximum interval must be at least 1 day.' })
    .max(36500, { error: 'Maximum interval must be at most 36500 days.' })
    .default(36500),
  learningSteps: z
    .array(stepSchema)
    .max(10, { error: 'Use at most 10 learning steps.' })
    .default(['1m', '10m']),
  relearningSteps: z
    .array(stepSchema)
    .max(10, { error: 'Use at most 10 relearning steps.' })
    .default(['10m']),
  newPerDay: z
    .number({ error: 'New cards per day must be a number.' })
    .int({ error: 'New cards per day must be a whole number.' })
    .min(0, { error: 'New cards per day cannot be negative.' })
    .max(9999, { error: 'New cards per day must be at most 9999.' })
    .default(20),
  timeZone: z
    .string()
    .refine(isValidTimeZone, { error: 'Unknown time zone; use an IANA name such as "Europe/London".' })
    .default('UTC'),
  dayStartHour: z
    .number({ error: 'Day start hour must be a number.' })
    .int({ error: 'Day start hour must be a whole hour.' })
    .min(0, { error: 'Day start hour must be between 0 and 23.' })
    .max(23, { error: 'Day start hour must be between 0 and 23.' })
    .default(4),
  enableFuzz: z.boolean().default(true),
  weights: z
    .array(z.number().refine(Number.isFinite, { error: 'Weights must be finite numbers.' }))
    .refine((w) => WEIGHT_LENGTHS.includes(w.length), {
      error: `Weights must have ${WEIGHT_LENGTHS.join(' or ')} values.`,
    })
    .optional(),
});

export type LearnerSrsSettings = z.output<typeof srsSettingsSchema>;
export type LearnerSrsSettingsInput = z.input<typeof srsSettingsSchema>;

export const DEFAULT_SRS_SETTINGS: LearnerSrsSettings = srsSettingsSchema.parse({});

export type ParseSettingsResult =
  | { ok: true; settings: LearnerSrsSettings }
  | { ok: false; fieldErrors: Partial<Record<keyof LearnerSrsSettings, string[]>>; formErrors: string[] };

/** Validate settings from a form or the database; returns field errors instead of throwing. */
export function parseSrsSettings(input: unknown): ParseSettingsResult {
  const result = srsSettingsSchema.safeParse(input ?? {});
  if (result.success) return { ok: true, settings: result.data };
  const flat = z.flattenError(result.error);
  return { ok: false, fieldErrors: flat.fieldErrors, formErrors: flat.formErrors };
}
