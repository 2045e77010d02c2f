// Word-level helpers shared by the card generator: stopwords, a light stemmer, normalisation and
// token-set similarity (used for answer-leak checks, near-duplicate removal and stable keys).

export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but nor so yet of to in on at by for with from into onto over under about as than then ' +
    'is are was were be been being am do does did done doing have has had having can could may might must ' +
    'shall should will would it its it\'s this that these those there here he she they them their theirs ' +
    'his her hers him we us our ours you your yours i me my mine who whom whose which what when where why how ' +
    'not no also only just very more most much many some any each every all both either neither such own same ' +
    'other another up down out off again further once too via per e.g i.e etc'
  ).split(/\s+/),
);

/** Words that make a poor answer on their own (too generic to test knowledge). */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(
  (
    'thing things way ways one ones lot lots kind kinds type types part parts example examples case cases ' +
    'time times year years people someone something anything everything nothing fact facts idea ideas point ' +
    'result results problem problems use used approach approaches method methods number numbers amount ' +
    'factor factors item items step steps stuff area areas field level levels form forms aspect aspects ' +
    'first second third last next other others many few several various new good better best large small'
  ).split(/\s+/),
);

/** Lowercase, unify quotes/dashes, collapse whitespace. */
export function normalizeSpace(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201b]/g, "'")
    .replace(/[\u201c\u201d\u201e]/g, '"')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Split into lowercase word tokens (letters, digits, inner hyphens/dots kept: "gpt-2", "1.5"). */
export function words(text: string): string[] {
  const out: string[] = [];
  const re = /[\p{L}\p{N}]+(?:[-.'’][\p{L}\p{N}]+)*/gu;
  for (const m of normalizeSpace(text).toLowerCase().matchAll(re)) out.push(m[0].replace(/’/g, "'"));
  return out;
}

/** A small suffix-stripping stemmer: enough to match "advances"/"advance", "trained"/"training". */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  const rules: Array<[RegExp, string]> = [
    [/ies$/, 'y'],
    [/(ss|us)$/, '$1'],
    [/(ch|sh|x|z)es$/, '$1'],
    [/([^s])s$/, '$1'],
  ];
  for (const [re, rep] of rules) {
    if (re.test(w)) {
      w = w.replace(re, rep);
      break;
    }
  }
  const suffixes = ['ational', 'ization', 'isation', 'ation', 'ments', 'ment', 'ness', 'ingly', 'edly', 'ing', 'ed', 'ly', 'er', 'al', 'ive', 'e'];
  for (const suf of suffixes) {
    if (w.length - suf.length >= 3 && w.endsWith(suf)) {
      w = w.slice(0, -suf.length);
      break;
    }
  }
  // collapse doubled final consonant left by -ing/-ed ("running" -> "runn" -> "run")
  if (/([bdfgklmnprt])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** Content tokens: words minus stopwords, stemmed. */
export function contentStems(text: string): string[] {
  return words(text)
    .filter((w) => !STOPWORDS.has(w))
    .map(stem);
}

export function tokenSet(text: string): Set<string> {
  return new Set(contentStems(text));
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/** Share of `a`'s elements that are also in `b` (containment, asymmetric). */
export function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / a.size;
}

/** Canonical form used for comparisons and keys: lowercase content stems in order. */
export function canonical(text: string): string {
  return contentStems(text).join(' ');
}

export function countWords(text: string): number {
  return words(text).length;
}

export function capitalize(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

/** Lower-case the first letter unless the first word looks like a name or acronym ("NVIDIA", "ImageNet"). */
export function decapitalize(text: string): string {
  const first = text.split(/\s+/)[0] ?? '';
  if (/^[A-Z][a-z]+$/.test(first) || first === 'A' || first === 'An') return text.charAt(0).toLowerCase() + text.slice(1);
  return text;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, twenty: 20,
};

/** Parse a small cardinal written as digits or a word ("three", "3"); null otherwise. */
export function smallCardinal(token: string): number | null {
  const t = token.toLowerCase();
  if (/^\d{1,2}$/.test(t)) return Number(t);
  return NUMBER_WORDS[t] ?? null;
}

export function numberWord(n: number): string {
  const entry = Object.entries(NUMBER_WORDS).find(([, v]) => v === n);
  return entry ? entry[0] : String(n);
}
