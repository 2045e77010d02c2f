// Rules that need the document around a card, not just the card: the document's own dominant subject
// (a gap or an answer every sentence of the document fits), a definite noun phrase that points back at
// something the previous sentence introduced ("a child process … The child process …"), an answer that
// only sits in an aside of its sentence, and an acronym expanded once in passing (not worth learning).

import type { Candidate } from './candidate';
import { STOPWORDS, words } from './text';

export interface DocumentContext {
  /** Lower-cased names the document is about (see `dominantTerms`). */
  dominant: ReadonlySet<string>;
  /** The document's plain text, for counting mentions. */
  text: string;
}

/** Capitalised words that are sentence furniture, not names. */
const NOT_NAMES = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'i', 'you', 'we', 'they', 'he', 'she', 'if', 'when', 'in', 'on', 'for', 'to', 'and', 'or', 'but', 'as', 'at', 'by', 'of', 'with', 'from', 'note', 'figure', 'table', 'chapter', 'section', 'step', 'example']);

/** Counts of name-like tokens (capitalised or mixed-case words, acronyms) written mid-sentence. */
function nameCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const lower = new Map<string, number>();
  // a word written in lower case as often as capitalised is an ordinary word ("Learning" in a heading,
  // "learning" in prose); code and file names ("python3 -m", "numpy") may write a name in lower case
  for (const m of text.matchAll(/(?<![\p{L}\p{N}`/._-])[a-z][\p{L}\p{N}+#-]*(?![\p{L}\p{N}`/_])/gu)) lower.set(m[0], (lower.get(m[0]) ?? 0) + 1);
  for (const m of text.matchAll(/(?<=[\p{L}\p{N},;)"'’]\s+)[A-Z][\p{L}\p{N}+#.-]*[\p{L}\p{N}+#]|(?<=[\p{L}\p{N},;)"'’]\s+)[A-Z](?![\p{L}\p{N}])/gu)) {
    const w = m[0];
    const low = w.toLowerCase();
    if (NOT_NAMES.has(low)) continue;
    counts.set(low, (counts.get(low) ?? 0) + 1);
  }
  for (const [name, n] of counts) if ((lower.get(name) ?? 0) * 2 >= n) counts.delete(name);
  return counts;
}

/**
 * What a document is about, as names: its most frequent name when it clearly leads (at least 6 mentions
 * and one per 300 words, and half again as many as the runner-up, or one per 100 words), and every name
 * of the document's titles that the text also uses as a name. A cloze on one of them ("[...] will try to
 * perform a single fsync" in a document about Redis) has as many fillers as the document has sentences.
 */
export { nameCounts };
export function dominantTerms(text: string, titles: readonly string[] = []): Set<string> {
  const counts = nameCounts(text);
  const total = words(text).length;
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const out = new Set<string>();
  for (const [i, [name, n]] of ranked.entries()) {
    const runnerUp = ranked[i + 1]?.[1] ?? 0;
    const leads = i === 0 ? n >= 1.5 * runnerUp : false;
    if (n >= 6 && ((leads && n * 300 >= total) || n * 100 >= total)) out.add(name);
    else if (i > 0) break;
  }
  for (const title of titles) {
    for (const w of title.split(/[\s:,;()/]+/)) {
      const low = w.toLowerCase().replace(/[.?!]+$/, '');
      if (/^[A-Z]/.test(w) && !STOPWORDS.has(low) && (counts.get(low) ?? 0) >= 2) out.add(low);
    }
  }
  return out;
}

export function documentContext(text: string, titles: readonly string[] = []): DocumentContext {
  return { dominant: dominantTerms(text, titles), text };
}

/**
 * The answer names only the document's dominant subject ("Redis", "Python 3"); for a cloze, also a
 * two-word gap built on it ("a [...]" → "Python installation"): the gap is still the document's subject.
 */
export function isDominantAnswer(back: string, dominant: ReadonlySet<string>, cloze = false): boolean {
  if (dominant.size === 0) return false;
  const ws = words(back).filter((w) => !['the', 'a', 'an'].includes(w));
  if (ws.length === 0 || ws.length > 3) return false;
  const names = ws.filter((w) => dominant.has(w));
  if (names.length === 0) return false;
  return ws.every((w) => dominant.has(w) || /^\d[\d.x+]*$/.test(w)) || (cloze && ws.length <= 2);
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * "What does the child process write?" after "Redis forks a child process.": a definite noun phrase of
 * the front whose noun the previous sentences introduced with an indefinite article refers back to them.
 */
export function refersBack(front: string, previous: readonly string[], isKeyTerm: (word: string) => boolean = () => false): boolean {
  const before = previous.join(' ').toLowerCase();
  if (!before) return false;
  const ws = front.toLowerCase().split(/[^a-z0-9'-]+/).filter(Boolean);
  for (let i = 0; i < ws.length; i++) {
    if (ws[i] !== 'the') continue;
    // the noun phrase after "the": up to four words before a function word
    let j = i + 1;
    while (j < ws.length && j - i <= 4 && !STOPWORDS.has(ws[j]!)) j++;
    // a restrictive modifier identifies the thing on its own ("the software that macOS has", "the log of a server")
    if (['that', 'which', 'who', 'of', 'in', 'on', 'for', 'from', 'with', 'whose', 'where'].includes(ws[j] ?? '')) continue;
    for (const w of ws.slice(i + 1, Math.min(j, i + 3))) {
      // a key term of the lesson ("the tilde" in a lesson on tildes) names itself wherever it stands
      if (w.length < 3 || isKeyTerm(w)) continue;
      if (new RegExp(String.raw`\b(?:a|an|one|another|some|two|three|several)\s+(?:[a-z-]+\s+){0,2}${escape(w)}\b`).test(before)) return true;
    }
  }
  return false;
}

/**
 * The answer sits only in an aside of its sentence: inside brackets, or after "e.g.", "for example",
 * "for instance", "such as" or "like" in the same clause. Incidental detail, not the sentence's point.
 */
export function answerInAside(back: string, source: string): boolean {
  const ans = words(back).join(' ');
  if (!ans) return false;
  const src = ` ${words(source).join(' ')} `;
  if (!src.includes(` ${ans} `)) return false;
  const main = ` ${words(source.replace(/\([^)]*\)/g, ' ').replace(/\b(?:e\.g\.|i\.e\.|for example|for instance|such as)[^.;:()]*/gi, ' ')).join(' ')} `;
  return !main.includes(` ${ans} `);
}

/** How often the acronym is written in the document (whole word, case-sensitive). */
export function mentions(term: string, text: string): number {
  if (!term) return 0;
  return [...text.matchAll(new RegExp(String.raw`(?<![\p{L}\p{N}])${escape(term)}s?(?![\p{L}\p{N}])`, 'gu'))].length;
}

/** Why the document around a card makes it a poor one, or null. */
export function contextReason(c: Candidate, doc: DocumentContext, previous: readonly string[], isKeyTerm?: (word: string) => boolean): string | null {
  if (c.type !== 'list' && c.origin !== 'acronym' && isDominantAnswer(c.back, doc.dominant, c.type === 'cloze')) return 'dominant-subject';
  if (!c.contextIncluded && refersBack(c.front.replace(/\[\.\.\.\]/g, ' '), previous, isKeyTerm)) return 'refers-back';
  if (c.type !== 'list' && c.origin !== 'acronym' && answerInAside(c.back, c.source)) return 'aside-answer';
  if (c.origin === 'acronym') {
    const acr = /^What does (.+) stand for\?$/.exec(c.front)?.[1] ?? '';
    // expanded once in passing and never used again: a side remark ("…, such as the PDRA (Personal …)");
    // the subject of its sentence ("Deoxyribonucleic acid (DNA) carries …") is the point of the sentence
    const lead = c.source.trim().replace(/^(?:the|a|an)\s+/i, '').toLowerCase();
    const isSubject = lead.startsWith(c.back.trim().replace(/^(?:the|a|an)\s+/i, '').toLowerCase()) || lead.startsWith(acr.toLowerCase());
    if (!isSubject && mentions(acr, doc.text) < 2) return 'incidental-acronym';
  }
  return null;
}
