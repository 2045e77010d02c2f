// Shapes of the sign-up and sign-in forms, shared by the form and the server.
import { z } from 'zod';
// From the settings module only: this file is also bundled for the browser, which must not load ts-fsrs.
import { isValidTimeZone } from '@/lib/srs/settings';
import { plainText } from './text';

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Enter your email address.')
  .max(254, 'That email address is too long.')
  .pipe(z.email('Enter a valid email address, like name@example.com.'));

export const password = z
  .string()
  .min(8, 'Use at least 8 characters.')
  .max(200, 'Use at most 200 characters.');

export const timeZone = z
  .string()
  .trim()
  .max(64)
  .refine(isValidTimeZone, 'Unknown time zone.');

/** A display name others see (class dashboards, co-instructors). */
export const displayName = plainText({ label: 'your name', min: 1, max: 80, minMessage: 'Enter your name.', maxMessage: 'Use at most 80 characters.' });

export const signUpSchema = z.object({
  name: displayName,
  email,
  password,
  timeZone: timeZone.optional().catch(undefined),
});

export const signInSchema = z.object({
  email,
  password: z.string().min(1, 'Enter your password.').max(200),
});

export type SignUpInput = z.infer<typeof signUpSchema>;
export type FieldErrors = Partial<Record<string, string>>;

/** First message per field, for forms. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    out[key] ??= issue.message;
  }
  return out;
}

/** Shown for a duplicate email as for any refusal after validation: it does not say whether the email is registered. */
export const SIGN_UP_NEUTRAL = 'We could not create an account with these details. If you already have one, sign in.';
export const SIGN_UP_THROTTLED = 'Too many new accounts from your network. Try again in an hour.';
