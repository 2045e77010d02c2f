// Quality rules for card candidates: hard rejections (dangling pronouns, answer leaks, trivial or
// long answers, boilerplate, broken grammar) and a score used to rank the survivors.

import type { Candidate } from './candidate';
import { isHedged } from './lesson';
import { contentStems, countWords, GENERIC_WORDS, STOPWORDS, words } from './text';

const DANGLING = /\b(this|these|those|such|aforementioned|former|latter|above|below|the following|the authors?|here|ones|the resulting)\b/i;
/** "the paper"/"the plots" point at something outside the card unless a title or name follows. */
const DANGLING_DEFINITE = /\b[Tt]he (?:paper|study|article|book|plots?|figures?|graphs?|charts?|tables?|diagrams?|images?|videos?|pictures?|example)\b(?!\s*["“A-Z])/;
const PERSONAL = /\b(it|its|they|them|their|theirs|he|him|his|she|her|hers)\b/i;
const BOILERPLATE = /https?:\/\/|www\.|\b(click|sign in|log in|subscribe|cookie|navigation)\b|©/i;

/** Evaluative wording marks an opinion rather than a fact worth memorising. */
const OPINION = /\b(interesting(ly)?|intuitive|amazing|awesome|fantastic|wonderful|beautiful|cool|fun|favou?rite|great|nice|blatant|surprising(ly)?)\b/i;

/** An answer must not stop on a function word that opens a phrase or clause. */
const OPEN_END = /\b(whether|that|which|who|whom|whose|where|if|because|of|to|a|an|the|and|or|but|nor|than|with|by|from|for|into|as|its|their|is|are|was|were)$/i;

const NEGATION = /\b(not|never|no longer)\b|n't\b/i;

const MAX_BACK_WORDS: Record<string, number> = {
  definition: 18,
  qa: 22,
  'known-as': 6,
  acronym: 8,
  term: 6,
  cloze: 5,
};

/** Does the front use a pronoun/demonstrative whose antecedent is not in the front itself? */
export function hasDanglingReference(front: string): boolean {
  const text = front.replace(/"[^"]*"/g, '"…"');
  if (DANGLING.test(text) || DANGLING_DEFINITE.test(front)) return true;
  const m = PERSONAL.exec(text);
  if (!m) return false;
  // an inverted pronoun subject ("was it driven", "did they use") always points outside the question
  if (/\b(is|are|was|were|do|does|did|can|could|will|would|has|have|had|should|may|might)\s+(it|they|he|she)\b/i.test(text)) return true;
  // a pronoun is fine when a name or noun phrase precedes it in the same front ("... ChatGPT receive in its first month")
  const before = text.slice(0, m.index);
  const namesBefore = before
    .split(/\s+/)
    .slice(1)
    .filter((w) => /^[A-Z0-9]/.test(w) && w !== 'In' && w !== 'What' && w !== 'Which');
  const wordsBefore = words(before).filter((w) => !STOPWORDS.has(w));
  return namesBefore.length === 0 && wordsBefore.length < 3;
}

/** Is the answer given away by the question? Compares content stems (and numbers) after normalising. */
export function leaksAnswer(front: string, back: string, items?: readonly string[]): boolean {
  const frontStems = new Set(contentStems(front.replace(/\[\.\.\.\]/g, ' ')));
  const frontLower = front.toLowerCase();
  const parts = items && items.length > 0 ? items : [back];
  for (const part of parts) {
    const stems = contentStems(part);
    if (stems.length === 0) continue;
    if (stems.every((s) => frontStems.has(s))) return true;
    // quantities (not digits inside names such as "GPT-2") must not be visible in the question
    const quantity = /(?<![A-Za-z][-]?|\d[.,]?)\d+(?:[.,]\d+)*/g;
    const frontNumbers = new Set((frontLower.match(quantity) ?? []).map((n) => n.replace(/,/g, '')));
    const numbers = (part.match(quantity) ?? []).map((n) => n.replace(/,/g, ''));
    if (numbers.some((n) => frontNumbers.has(n))) return true;
  }
  return false;
}

function grammarProblem(c: Candidate): string | null {
  const f = c.front;
  if (/\b(\w+) \1\b/i.test(f.replace(/\b(that that|had had)\b/gi, ''))) return 'repeated-word';
  if (/\s[,.;:?]|,,|\?\?|\(\s*\)|\[\s*\]/.test(f)) return 'punctuation';
  if ((f.match(/\(/g) ?? []).length !== (f.match(/\)/g) ?? []).length) return 'unbalanced';
  if ((f.match(/"/g) ?? []).length % 2 === 1) return 'unbalanced';
  if (c.type === 'cloze') {
    if ((f.match(/\[\.\.\.\]/g) ?? []).length !== 1) return 'cloze-gap';
    return null;
  }
  if (!/\?$/.test(f)) return 'not-a-question';
  if (!c.contextIncluded && /:\s/.test(f)) return 'colon';
  if (!/^[A-Z0-9"]/.test(f)) return 'lowercase-start';
  if (/\b(what|which|who|when|how many)\b.*\b(what|which|who|how many)\b\s*\?$/i.test(f) && !c.contextIncluded) return 'double-wh';
  // a stranded "of" is grammatical after "consist" / "composed" / "made (up)": "What does a glaze consist of?"
  if (/\b(a|an|the|and|or)\?$/i.test(f) || (/\bof\?$/i.test(f) && !/\b(?:consist|composed|made|up) of\?$/i.test(f))) return 'dangling-end';
  if (/^(What|Which|Who)\s+(is|are|was|were|does|do|did)\s*\?$/i.test(f)) return 'empty';
  return null;
}

/** Why the candidate must be dropped, or null when it passes every hard rule. */
export function rejectReason(c: Candidate): string | null {
  const front = c.front.trim();
  const back = c.back.trim();
  if (!front || !back) return 'empty';
  if (BOILERPLATE.test(front) || BOILERPLATE.test(back)) return 'boilerplate';
  const frontWords = countWords(front);
  const maxFront = c.contextIncluded ? 70 : c.type === 'cloze' ? 45 : 38;
  if (frontWords < 3 || frontWords > maxFront) return 'front-length';
  const backWords = countWords(back);
  if (c.type === 'list') {
    const items = c.items ?? back.split(/;\s*/);
    if (items.length < 2 || items.length > 8) return 'list-size';
    if (items.some((it) => countWords(it) === 0 || countWords(it) > 7)) return 'list-item-length';
    if (new Set(items.map((it) => it.toLowerCase())).size !== items.length) return 'list-duplicates';
  } else {
    const max = MAX_BACK_WORDS[c.origin] ?? (c.type === 'cloze' ? 5 : 12);
    if (backWords > max) return 'answer-length';
    if ((back.match(/;/g) ?? []).length >= 2) return 'not-atomic';
  }
  // "a function that decides whether an input": the answer stops mid-clause
  if (OPEN_END.test(back.replace(/[.,;:]+$/, ''))) return 'truncated-answer';
  const backStems = contentStems(back);
  if (backStems.length === 0 && !/\d/.test(back)) return 'trivial-answer';
  if (backWords <= 2 && backStems.every((s) => GENERIC_WORDS.has(s)) && !/\d/.test(back)) return 'trivial-answer';
  if (c.type !== 'list' && !['definition', 'qa', 'llm'].includes(c.origin) && countWords(c.source) > 0 && backWords >= 0.85 * countWords(c.source)) return 'answer-is-source';
  if (!c.contextIncluded && hasDanglingReference(front)) return 'dangling-reference';
  // a subject question needs a specific predicate ("What has a Python interface?" has many answers)
  if (c.origin === 'term' && contentStems(front).length < 3) return 'vague';
  if (leaksAnswer(front, back, c.type === 'list' ? c.items : undefined)) return 'answer-leak';
  if (isHedged(front)) return 'hedged';
  // a blank in a negative statement ("[...] alone was not what ...") has too many right answers
  if (c.type === 'cloze' && NEGATION.test(front)) return 'negative';
  return grammarProblem(c);
}

/** Rank: generator confidence, source salience, then penalties for length and hedging. */
export function scoreCandidate(c: Candidate): number {
  let s = 0.75 * c.prior + 0.25 * c.salience;
  const frontWords = countWords(c.front);
  if (frontWords > 22) s -= 0.008 * (frontWords - 22);
  const backWords = countWords(c.back);
  if (c.type === 'basic' && backWords > 8) s -= 0.015 * (backWords - 8);
  if (isHedged(c.source)) s -= 0.12;
  if (OPINION.test(c.source)) s -= 0.15;
  // negative statements ("X alone was not what ...") make weak, ambiguous cards
  if (NEGATION.test(c.source) && c.type !== 'list') s -= 0.08;
  if (c.contextIncluded) s -= 0.03;
  if (/\(/.test(c.front)) s -= 0.02;
  return Math.round(s * 1000) / 1000;
}
