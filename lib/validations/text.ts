// One rule for text people type that others will read (display names, class names, notes, titles):
// NFC-normalised, trimmed, and free of characters that hide or disguise what is shown.
import { z } from 'zod';

// Control characters (C0, DEL, C1), bidi embeddings/overrides/isolates and marks, zero-width and other invisible
// characters (soft hyphen, word joiner, BOM, Mongolian vowel separator, Hangul fillers), line/paragraph separators,
// lone surrogates. Tab and newline are allowed only in multi-line text (notes).
const HIDDEN =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb]|\p{Cs}/u;
const LINE_BREAKS = /[\t\n\r]/;
// ZWJ/ZWNJ are needed inside Persian, Indic and emoji sequences: allowed only between two non-ASCII characters,
// so "Ada\u200dInstructor" is still refused.
const JOINER_ALONE = /(?<![^\u0000-\u007f])[\u200c\u200d]|[\u200c\u200d](?![^\u0000-\u007f])/u;

export const HIDDEN_CHARACTERS_MESSAGE = 'contains invisible, control or text-direction characters; remove them.';

/** Why `value` is refused, or null when it is fine. */
export function hiddenCharacterProblem(value: string, multiline = false): string | null {
  if (HIDDEN.test(value) || JOINER_ALONE.test(value) || (!multiline && LINE_BREAKS.test(value))) {
    return HIDDEN_CHARACTERS_MESSAGE;
  }
  return null;
}

export interface PlainTextOptions {
  /** Shown in messages: "The name ...". */
  label: string;
  min?: number;
  max: number;
  minMessage?: string;
  maxMessage?: string;
  /** Notes may hold tabs and line breaks. */
  multiline?: boolean;
}

/** A zod string for human text: NFC, trimmed, length-checked, refused with a field error if it hides characters. */
export function plainText({ label, min = 0, max, minMessage, maxMessage, multiline = false }: PlainTextOptions) {
  const Label = label.charAt(0).toUpperCase() + label.slice(1);
  return z
    .string({ error: `${Label} must be text.` })
    // A bound before normalising, so a huge value costs nothing.
    .max(max * 4, maxMessage ?? `Keep ${label} under ${max} characters.`)
    .transform((v) => v.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(min, minMessage ?? (min <= 1 ? `${Label} cannot be empty.` : `${Label} needs at least ${min} characters.`))
        .max(max, maxMessage ?? `Keep ${label} under ${max} characters.`)
        .refine((v) => hiddenCharacterProblem(v, multiline) === null, `${Label} ${HIDDEN_CHARACTERS_MESSAGE}`),
    );
}
