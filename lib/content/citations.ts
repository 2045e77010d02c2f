// Citation markers copied from encyclopedias and papers ("…classifiers.[1]", "[3][4]", "[a]",
// "[citation needed]", "[[2]](#cite_note-2)") point at reference lists a lesson does not carry.

import { fencedLineIndices } from './text-lines';

/**
 * A bracketed marker glued to the word or punctuation before it: numbers ("[12]", "[3, 4]", "[5–7]"),
 * a note letter ("[a]"), "note 3", or a short lower-case editorial remark ("[citation needed]").
 */
const GLUED_MARKER =
  /(?<=[\p{L}\p{N}.,;:!?)"'”’\]])\[(?:\d{1,3}(?:\s*[,–-]\s*\d{1,3})*|[a-z]|note \d{1,3}|\p{Ll}[\p{Ll} ]{2,28}\??)\](?=[\s.,;:!?)"'”’[]|$)/gu;
/** Markdown links whose text is a bracketed number and whose target is an anchor on the same page. */
const ANCHOR_MARKER = /\[\\?\[(?:\d{1,3}|[a-z])\\?\]\]\(#[^)\s]*\)|<sup>\s*\\?\[(?:\d{1,3}|[a-z])\\?\]\s*<\/sup>/gu;

/** Replaces outside inline code spans only, so `a[1]` in code survives. */
function outsideCode(line: string, fn: (text: string) => string): string {
  return line
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 === 1 ? part : fn(part)))
    .join('');
}

/** A bracket right after a one-letter name or an identifier (`a[0]`, `x_1[2]`, `W2[i]`) indexes it. */
function isIndex(text: string, at: number): boolean {
  return /(?:^|[^\p{L}\p{N}_])(?:\p{L}|\p{L}{1,3}\p{N}{1,2})$|_[\p{L}\p{N}]*$/u.test(text.slice(Math.max(0, at - 20), at));
}

function isKnownLabel(marker: string, definitions: ReadonlySet<string>): boolean {
  return definitions.has(marker.slice(1, -1).trim().toLowerCase());
}

/**
 * Strips citation markers from lines of text or Markdown (not from fenced code: callers pass prose
 * lines). Glued markers are removed only when the document has at least two of them, so a lone
 * "x[1]" in a formula survives; a Markdown label that has a `[label]: …` definition is a link and stays.
 */
export function stripCitationMarkers(lines: readonly string[], options: { markdown?: boolean } = {}): string[] {
  const code = fencedLineIndices(lines);
  const definitions = new Set<string>();
  if (options.markdown) {
    for (const l of lines) {
      const m = /^ {0,3}\[([^\]^][^\]]*)\]:/.exec(l);
      if (m) definitions.add((m[1] ?? '').trim().toLowerCase());
    }
  }
  let glued = 0;
  let afterPunctuation = 0;
  for (const [i, l] of lines.entries()) {
    if (code.has(i)) continue;
    outsideCode(l, (t) => {
      for (const m of t.matchAll(GLUED_MARKER)) {
        if (isKnownLabel(m[0], definitions) || isIndex(t, m.index)) continue;
        glued += 1;
        if (/[.,;:!?)"'”’\]]/u.test(t.charAt(m.index - 1))) afterPunctuation += 1;
      }
      return t;
    });
  }
  // Citations sit after punctuation at least once; "a[0] … x[1]" are indices.
  const strip = glued >= 2 && afterPunctuation >= 1;
  return lines.map((line, i) =>
    code.has(i) ? line : outsideCode(line, (t) => {
      let out = t.replace(ANCHOR_MARKER, '');
      if (strip) out = out.replace(GLUED_MARKER, (m, at: number, whole: string) => (isKnownLabel(m, definitions) || isIndex(whole, at) ? m : ''));
      return out;
    }),
  );
}
