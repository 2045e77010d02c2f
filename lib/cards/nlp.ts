// Thin wrapper over compromise: sentence splitting, part-of-speech tags and verb conjugation,
// returned as plain token arrays with character offsets into the analysed text.

import nlp from 'compromise/two';
import type { Span } from './markdown';

export interface Token {
  text: string;
  /** Punctuation/whitespace before and after the word, as in the source. */
  pre: string;
  post: string;
  /** Lowercase form without punctuation. */
  normal: string;
  tags: Set<string>;
  start: number;
  end: number;
  /** Inside bold/italic text. */
  marked: boolean;
  /** Inside bold text. */
  strong: boolean;
  /** Nesting depth of round brackets at this token. */
  paren: number;
  /** Inside double quotes (a quoted title or phrase). */
  quoted: boolean;
  /** compromise's alternative reading of an ambiguous word ("Noun|Verb" for "produce"). */
  alt?: string;
}

export interface Sentence {
  text: string;
  tokens: Token[];
  start: number;
  end: number;
}

interface RawTerm {
  text: string;
  pre: string;
  post: string;
  normal: string;
  tags: string[];
  offset: { start: number; length: number };
  switch?: string;
}

function isRawTerm(x: unknown): x is RawTerm {
  if (typeof x !== 'object' || x === null) return false;
  const t = x as Record<string, unknown>;
  const off = t.offset as Record<string, unknown> | undefined;
  return (
    typeof t.text === 'string' &&
    typeof t.pre === 'string' &&
    typeof t.post === 'string' &&
    Array.isArray(t.tags) &&
    typeof off === 'object' &&
    off !== null &&
    typeof off.start === 'number'
  );
}

function inSpans(start: number, end: number, spans: readonly Span[]): boolean {
  return spans.some((s) => start >= s.start && end <= s.end);
}

export interface AnalysisInput {
  text: string;
  marks?: readonly Span[];
  strong?: readonly Span[];
}

/** Bracket depth and quote state at every character of `text`. */
function scanBrackets(text: string): { depthAt: number[]; quotedAt: boolean[] } {
  const depthAt: number[] = new Array<number>(text.length + 1).fill(0);
  const quotedAt: boolean[] = new Array<boolean>(text.length + 1).fill(false);
  let depth = 0;
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    if (ch === '"' || ch === '\u201c' || ch === '\u201d') inQuote = ch === '\u201c' ? true : ch === '\u201d' ? false : !inQuote;
    depthAt[i] = depth;
    quotedAt[i] = inQuote;
    if (ch === ')') depth = Math.max(0, depth - 1);
  }
  return { depthAt, quotedAt };
}

const SEPARATOR = '\n\n';

/**
 * Analyse many texts with one compromise call (per-call overhead dominates on short texts):
 * they are joined by blank lines, which compromise always treats as sentence breaks, and the
 * tokens are mapped back to their own text by offset.
 */
export function analyseMany(inputs: readonly AnalysisInput[], skip?: (sentence: string) => boolean): Sentence[][] {
  const results: Sentence[][] = inputs.map(() => []);
  const bases: number[] = [];
  let joined = '';
  inputs.forEach((input, i) => {
    if (i > 0) joined += SEPARATOR;
    bases.push(joined.length);
    joined += input.text.replace(/\n+/g, ' ');
  });
  if (!joined.trim()) return results;
  const scans = inputs.map((input) => scanBrackets(input.text));
  const unitAt = (offset: number): number => {
    let lo = 0;
    let hi = bases.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((bases[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const collect = (json: unknown) => {
    if (!Array.isArray(json)) return;
    for (const s of json as Array<Record<string, unknown>>) {
      const rawTerms = Array.isArray(s.terms) ? s.terms.filter(isRawTerm) : [];
      // one compromise sentence may in theory straddle two inputs: split it by input
      const groups = new Map<number, Token[]>();
      for (const t of rawTerms) {
        const u = unitAt(t.offset.start);
        const input = inputs[u];
        const scan = scans[u];
        if (!input || !scan) continue;
        const tokens = groups.get(u) ?? [];
        groups.set(u, tokens);
        const start = t.offset.start - (bases[u] ?? 0);
        const prev = tokens[tokens.length - 1];
        // compromise emits empty implicit terms ("75x" -> "75" + "x"): fold into the previous token
        if (t.text === '' && prev) {
          prev.post += t.post;
          continue;
        }
        const marks = input.marks ?? [];
        const strong = input.strong ?? [];
        const token: Token = {
          text: t.text,
          pre: t.pre,
          post: t.post,
          normal: (t.normal || t.text).toLowerCase(),
          tags: new Set(t.tags),
          start,
          end: start + t.text.length,
          marked: inSpans(start, start + t.text.length, marks),
          strong: inSpans(start, start + t.text.length, strong),
          paren: scan.depthAt[start] ?? 0,
          quoted: scan.quotedAt[start] ?? false,
          ...(typeof t.switch === 'string' ? { alt: t.switch } : {}),
        };
        // keep hyphenated/slashed words whole ("GPT-2", "top-5", "state-of-the-art")
        if (prev && (prev.post === '-' || prev.post === '/') && t.pre === '') {
          prev.text += prev.post + t.text;
          prev.normal += prev.post + token.normal;
          prev.post = t.post;
          prev.end = token.end;
          const tags = new Set(prev.tags);
          for (const tag of token.tags) if (tag === 'Value' || tag === 'Acronym' || tag === 'ProperNoun') tags.add(tag);
          if (tags.has('Verb') && (tags.has('Acronym') || tags.has('Value'))) tags.delete('Verb');
          if (tags.has('Acronym') || tags.has('ProperNoun')) tags.add('Noun');
          tags.add('Hyphenated');
          prev.tags = tags;
          prev.marked = prev.marked || token.marked;
          prev.strong = prev.strong || token.strong;
          continue;
        }
        tokens.push(token);
      }
      for (const [u, tokens] of groups) {
        const input = inputs[u];
        const first = tokens[0];
        const last = tokens[tokens.length - 1];
        if (!input || !first || !last) continue;
        const start = Math.max(0, first.start - first.pre.length);
        const end = Math.min(input.text.length, last.end + last.post.trimEnd().length);
        results[u]?.push({ text: input.text.slice(start, end).trim(), tokens, start, end });
      }
    }
  };
  const opts = { offset: true, terms: { offset: true } };
  if (!skip) {
    collect(nlp(joined).json(opts));
    return results;
  }
  // Tagging dominates the cost: split first (tokenizer only, same sentence boundaries), then tag
  // only the sentences that can yield cards. Skipped sentences are blanked with newlines, which
  // keeps every offset and acts as a sentence break; they keep untagged tokens.
  const split: unknown = nlp.tokenize(joined).json(opts);
  const skipped: unknown[] = [];
  let masked = joined;
  if (Array.isArray(split)) {
    const chars = joined.split('');
    for (const s of split as Array<Record<string, unknown>>) {
      const off = s.offset as { start?: unknown; length?: unknown } | undefined;
      if (typeof s.text !== 'string' || typeof off?.start !== 'number' || typeof off.length !== 'number') continue;
      if (!skip(s.text)) continue;
      skipped.push(s);
      for (let k = off.start; k < off.start + off.length && k < chars.length; k++) chars[k] = '\n';
    }
    masked = chars.join('');
  }
  collect(masked.trim() ? nlp(masked).json(opts) : []);
  collect(skipped);
  for (const r of results) r.sort((a, b) => a.start - b.start);
  return results;
}

const analysisCache = new Map<string, Sentence[]>();
const CACHE_LIMIT = 4000;

/** Split `text` into sentences of tagged tokens. `marks`/`strong` are emphasis spans of `text`. */
export function analyse(text: string, marks: readonly Span[] = [], strong: readonly Span[] = []): Sentence[] {
  if (!text.trim()) return [];
  const cacheable = marks.length === 0 && strong.length === 0;
  if (cacheable) {
    const hit = analysisCache.get(text);
    if (hit) return hit.map(cloneSentence);
  }
  const result = analyseMany([{ text, marks, strong }])[0] ?? [];
  if (cacheable) {
    if (analysisCache.size >= CACHE_LIMIT) analysisCache.clear();
    analysisCache.set(text, result.map(cloneSentence));
  }
  return result;
}

/** Tokens carry mutable tag sets (names are re-tagged per lesson): cached results are copied. */
function cloneSentence(s: Sentence): Sentence {
  return { ...s, tokens: s.tokens.map((t) => ({ ...t, tags: new Set(t.tags) })) };
}

/** Re-assemble tokens into text, keeping their punctuation but trimming the outer edges. */
export function render(tokens: readonly Token[], opts: { keepFinalPunct?: boolean } = {}): string {
  let out = '';
  tokens.forEach((t, i) => {
    const pre = i === 0 ? t.pre.replace(/^[\s,;:]+/, '') : t.pre;
    let post = t.post;
    if (i === tokens.length - 1) post = opts.keepFinalPunct ? post.trimEnd() : post.replace(/[\s.,;:!?\-–—]+$/, '');
    out += pre + t.text + post;
  });
  return balance(out.replace(/\s+/g, ' ').trim());
}

/** Drop unmatched brackets/quotes left by cutting a token range. */
export function balance(text: string): string {
  let t = text;
  const pairs: Array<[string, string]> = [
    ['(', ')'],
    ['[', ']'],
  ];
  for (const [open, close] of pairs) {
    let depth = 0;
    let out = '';
    for (const ch of t) {
      if (ch === open) depth++;
      if (ch === close) {
        if (depth === 0) continue;
        depth--;
      }
      out += ch;
    }
    while (depth > 0) {
      const at = out.lastIndexOf(open);
      if (at < 0) break;
      out = out.slice(0, at) + out.slice(at + 1);
      depth--;
    }
    t = out;
  }
  if ((t.match(/"/g) ?? []).length % 2 === 1) t = t.replace(/"/g, '');
  return t.replace(/\(\s*\)/g, '').replace(/\s+([,.;:!?)])/g, '$1').replace(/\s+/g, ' ').trim();
}

export const has = (t: Token | undefined, tag: string): boolean => t !== undefined && t.tags.has(tag);

interface Conjugation {
  infinitive: string;
  past: string;
  present: string;
}

const IRREGULAR: Record<string, Conjugation> = {
  is: { infinitive: 'be', past: 'was', present: 'is' },
  are: { infinitive: 'be', past: 'were', present: 'is' },
  was: { infinitive: 'be', past: 'was', present: 'is' },
  were: { infinitive: 'be', past: 'were', present: 'is' },
  has: { infinitive: 'have', past: 'had', present: 'has' },
  have: { infinitive: 'have', past: 'had', present: 'has' },
  had: { infinitive: 'have', past: 'had', present: 'has' },
  does: { infinitive: 'do', past: 'did', present: 'does' },
  do: { infinitive: 'do', past: 'did', present: 'does' },
  did: { infinitive: 'do', past: 'did', present: 'does' },
};

export type Tense = 'PastTense' | 'PresentTense' | 'Infinitive' | 'Gerund' | 'Participle';

interface VerbMethods {
  toInfinitive: (word: string, model: unknown, tense: string) => unknown;
  conjugate: (infinitive: string, model: unknown) => unknown;
}

/** compromise/two exposes its verb inflector through nlp.methods(); checked at runtime, typed here. */
function verbMethods(): VerbMethods | null {
  const methods = (nlp as unknown as { methods: () => unknown }).methods() as { two?: { transform?: { verb?: Partial<VerbMethods> } } };
  const verb = methods.two?.transform?.verb;
  if (verb && typeof verb.toInfinitive === 'function' && typeof verb.conjugate === 'function') {
    return { toInfinitive: verb.toInfinitive, conjugate: verb.conjugate };
  }
  return null;
}

const conjugationCache = new Map<string, Conjugation | null>();

/** The tense a verb token is in, for conjugation. */
export function tenseOf(t: Token): Tense {
  if (has(t, 'Gerund')) return 'Gerund';
  if (has(t, 'PastTense')) return 'PastTense';
  if (has(t, 'Participle')) return 'Participle';
  if (has(t, 'Infinitive') && !/s$/.test(t.normal)) return 'Infinitive';
  return 'PresentTense';
}

/** Conjugation forms of a single verb word, or null when compromise cannot inflect it. */
export function conjugate(verb: string, tense: Tense = /ed$/.test(verb) ? 'PastTense' : 'PresentTense'): Conjugation | null {
  const key = verb.toLowerCase();
  const irregular = IRREGULAR[key];
  if (irregular) return irregular;
  const cacheKey = `${key}|${tense}`;
  const cached = conjugationCache.get(cacheKey);
  if (cached !== undefined) return cached;
  let result: Conjugation | null = null;
  const methods = verbMethods();
  if (methods) {
    const model: unknown = (nlp as unknown as { model: () => unknown }).model();
    const inf = tense === 'Infinitive' ? key : methods.toInfinitive(key, model, tense);
    if (typeof inf === 'string' && inf && !inf.includes(' ')) {
      const forms = methods.conjugate(inf, model) as Record<string, unknown> | null;
      result = {
        infinitive: inf,
        past: typeof forms?.PastTense === 'string' ? forms.PastTense : inf,
        present: typeof forms?.PresentTense === 'string' ? forms.PresentTense : inf,
      };
    }
  }
  conjugationCache.set(cacheKey, result);
  return result;
}
