// Automated checks on finished cards, independent of the rule that made them: answer leak (stems,
// related words, acronym expansions), dangling reference at the start of the front, answer not found
// in the source passage, blank on a figure/listing/table/chapter reference or other bad blank, and
// near-duplicates within a deck. Used by `npm run cards:eval` and as the generator's last gate.

import { isNearDuplicate } from './dedupe';
import { contentStems, stem, words } from './text';

export type CheckName = 'leak' | 'dangling' | 'not-in-source' | 'duplicate' | 'bad-blank';
export const CHECK_NAMES: readonly CheckName[] = ['leak', 'dangling', 'not-in-source', 'duplicate', 'bad-blank'];

export interface CheckableCard {
  type: 'basic' | 'cloze' | 'list';
  front: string;
  back: string;
  source: string;
}

const GAP = /\[\.\.\.\]/g;

/** Two stems are the same word family: equal, or one a long prefix of the other ("regular" / "regulariz"). */
export function relatedStems(a: string, b: string): boolean {
  if (a === b) return true;
  if (/\d/.test(a) || /\d/.test(b)) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 5 && long.startsWith(short);
}

function answerParts(card: CheckableCard): string[] {
  if (card.type !== 'list') return [card.back];
  return card.back
    .split(/;\s*|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Letters of an acronym ("GANs" → "gan", "CNN" → "cnn"), or null when the text is not one. */
export function acronymLetters(text: string): string | null {
  const t = text.trim().replace(/s$/, '');
  return /^[A-Z][A-Z0-9&]{1,6}$/.test(t) && /[A-Z].*[A-Z]/.test(t) ? t.replace(/[^A-Z]/g, '').toLowerCase() : null;
}

/** Initials of the content words of a phrase ("Generative Adversarial Networks" → "gan"). */
function initials(text: string): string {
  return words(text)
    .filter((w) => !['of', 'and', 'the', 'for', 'a', 'an', 'to', 'in', 'on'].includes(w))
    .map((w) => w.charAt(0))
    .join('');
}

/** Does some run of consecutive words in `text` have exactly these initials? */
function hasExpansion(text: string, letters: string): boolean {
  const ws = words(text).filter((w) => !['of', 'and', 'the', 'for', 'a', 'an', 'to', 'in', 'on'].includes(w));
  for (let i = 0; i + letters.length <= ws.length; i++) {
    if (ws.slice(i, i + letters.length).every((w, k) => w.charAt(0) === letters.charAt(k))) return true;
  }
  return false;
}

const ASKS_FOR_EXPANSION = /\b(stand for|stands for|short for|abbreviat\w*|acronym|expan\w*|initialism)\b/i;
const QUANTITY = /(?<![A-Za-z][-]?|\d[.,]?)\d+(?:[.,]\d+)*/g;

/** The front gives its answer away: the answer's words (or word family, or its acronym/expansion) are in it. */
export function checkLeak(card: CheckableCard): boolean {
  const front = card.front.replace(GAP, ' ');
  const frontStems = contentStems(front).filter((s) => s.length >= 3 || /\d/.test(s));
  const frontNumbers = new Set((front.match(QUANTITY) ?? []).map((n) => n.replace(/,/g, '')));
  for (const part of answerParts(card)) {
    const stems = contentStems(part).filter((s) => s.length >= 3 || /\d/.test(s));
    const numbers = (part.match(QUANTITY) ?? []).map((n) => n.replace(/,/g, ''));
    if (numbers.some((n) => frontNumbers.has(n))) return true;
    if (stems.length > 0) {
      const shown = stems.filter((s) => frontStems.some((f) => relatedStems(s, f))).length;
      // a one-word answer must not share a word family with the front; a longer one (a definition)
      // may reuse a word of the question, but not most of its words
      if (stems.length === 1 ? shown === 1 : stems.length <= 3 ? shown / stems.length >= 0.66 : shown / stems.length >= 0.6) return true;
    }
    if (!ASKS_FOR_EXPANSION.test(card.front)) {
      const letters = acronymLetters(part);
      if (letters && hasExpansion(front, letters)) return true;
      for (const m of front.matchAll(/\b[A-Z][A-Z0-9&]{1,6}s?\b/g)) {
        const l = acronymLetters(m[0]);
        if (l && l.length >= 2 && initials(part) === l) return true;
      }
    }
  }
  return false;
}

const DANGLING_WORD = /^(it|its|they|them|their|this|these|those|that|he|she|his|her|such|thus|hence|therefore|however|also|so|then|here|both|former|latter|above|below|similarly|likewise|moreover|furthermore|instead|otherwise|consequently)\b(?!-)/i;
const GENERIC_HEAD = '(?:method|methods|model|models|approach|approaches|algorithm|algorithms|technique|techniques|system|systems|paper|papers|study|studies|author|authors|process|result|results|network|networks|layer|layers|procedure|function|functions|tool|tools|framework|library|package|option|options|command|file|files|example|figure|table|listing|chart|graph|plot|code|program|project|process|same|following|latter|former|rest|remaining|above|resulting|previous|ones|step|steps|case|version|feature|features|value|values|issue|problem|solution|idea|concept|device|service|server|user|users|product|company|team|work|researchers|writer|text|book|chapter|section|article)';
// a generic head is specific when a phrase, a name or a title follows it ("the idea behind CNNs", "the paper "…"")
const GENERIC_NP = new RegExp(
  `^(?:[Tt]he|[Ee]ach|[Ee]very|[Bb]oth|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Ss]uch|[Ss]aid)\\s+${GENERIC_HEAD}\\b(?![-'’])(?!\\s+(?:of|behind|for|in|on|to|from|between|with|about|called|named|known|"|[A-Z0-9])|\\s+[a-z-]+\\s+of\\b)`,
);
/** What a question puts before its subject: wh-word, auxiliary, preposition ("In what year did", "How many … does"). */
const QUESTION_LEAD = /^(?:(?:in|on|at|by|for|from|of|to|with|during|after|before)\s+)?(?:what|which|who|whom|whose|when|where|why|how)(?:\s+(?:many|much|long|often|far|old|year|kind of|type of|sort of)(?:\s+[a-z-]+s?)?)?\s+(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|may|might|must)\s+/i;

/** The front starts (or its question's subject starts) with a word pointing outside the card. */
export function checkDangling(card: CheckableCard): boolean {
  const front = card.front.replace(/"[^"]*"|“[^”]*”/g, '"…"').trim();
  const starts = [front];
  const lead = QUESTION_LEAD.exec(front);
  if (lead) starts.push(front.slice(lead[0].length));
  for (const s of starts) {
    if (DANGLING_WORD.test(s) || GENERIC_NP.test(s)) return true;
  }
  // "What does it …", "did they …" anywhere in a question
  if (/\b(?:is|are|was|were|do|does|did|can|could|will|would|has|have|had)\s+(?:it|they|he|she)\b/i.test(front)) return true;
  return false;
}

function normalForSearch(text: string): string {
  return words(text).join(' ');
}

/** The answer (every item of a list) can be found in the source passage, by words or by stems. */
export function checkNotInSource(card: CheckableCard): boolean {
  const source = normalForSearch(card.source);
  const sourceStems = new Set(contentStems(card.source));
  for (const part of answerParts(card)) {
    const text = normalForSearch(part);
    if (!text) continue;
    if (` ${source} `.includes(` ${text} `)) continue;
    const stems = contentStems(part);
    if (stems.length > 0 && stems.every((s) => sourceStems.has(s))) continue;
    // numbers written as words or digits count once ("three" / "3") only when the stems match
    return true;
  }
  return false;
}

const REFERENCE_WORD = /^(?:figure|figures|fig|figs|listing|listings|table|tables|chapter|chapters|section|sections|equation|equations|eq|appendix|exhibit|example|examples|page|pages|slide|slides|step|steps|line|lines|part|parts|item|items|footnote|note|notes|box|panel)\b/i;

/** A cloze that blanks a reference ("[...] 4-2 shows"), a possessive fragment, or leaves no sentence around the gap. */
export function checkBadBlank(card: CheckableCard, lessonSubject = ''): boolean {
  const back = card.back.trim();
  if (REFERENCE_WORD.test(back)) return true;
  if (card.type !== 'cloze') return false;
  const front = card.front;
  if (/\b(?:figure|fig\.|listing|table|chapter|section|equation|appendix|page|slide|step|line|example)\s*\[\.\.\.\]/i.test(front)) return true;
  if (/\[\.\.\.\]\s*\d+(?:[.\-–]\d+)*\b/.test(front) && /^[A-Z][a-z]+\.?$/.test(back)) return true;
  if (/['’]s?$/.test(back) || /^\[\.\.\.\]['’]/.test(front.slice(front.indexOf('[...]')))) return true;
  // too little sentence left around the gap to know what is asked ("[...] – Deep Speech")
  const rest = contentStems(front.replace(GAP, ' '));
  if (rest.length < 3) return true;
  // the lesson's own subject is not a fact about the lesson
  if (lessonSubject) {
    const subj = contentStems(lessonSubject);
    const ans = contentStems(back);
    if (ans.length > 0 && subj.length > 0 && subj.length <= 4 && ans.join(' ') === subj.join(' ')) return true;
  }
  return false;
}

export interface DeckCheckResult<T> {
  card: T;
  failures: CheckName[];
}

function frontKey(front: string): string {
  return contentStems(front.replace(GAP, ' [gap] ')).map(stem).join(' ');
}

/**
 * Checks every card of a deck. A card is a duplicate when an earlier card of the deck has the same
 * normalised front or nearly the same question and answer. `subjectOf` gives the lesson subject of a card.
 */
export function checkDeck<T extends CheckableCard>(cards: readonly T[], subjectOf: (card: T) => string = () => ''): DeckCheckResult<T>[] {
  const seen: T[] = [];
  const fronts = new Set<string>();
  return cards.map((card) => {
    const failures: CheckName[] = [];
    if (checkLeak(card)) failures.push('leak');
    if (checkDangling(card)) failures.push('dangling');
    if (checkNotInSource(card)) failures.push('not-in-source');
    const fk = `${card.type}|${frontKey(card.front)}`;
    if (fronts.has(fk) || seen.some((k) => isNearDuplicate(k, card))) failures.push('duplicate');
    if (checkBadBlank(card, subjectOf(card))) failures.push('bad-blank');
    fronts.add(fk);
    seen.push(card);
    return { card, failures };
  });
}

/** Single-card checks (no deck context): what a generator can apply before keeping a card. */
export function cardFailures(card: CheckableCard, lessonSubject = ''): CheckName[] {
  const failures: CheckName[] = [];
  if (checkLeak(card)) failures.push('leak');
  if (checkDangling(card)) failures.push('dangling');
  if (checkNotInSource(card)) failures.push('not-in-source');
  if (checkBadBlank(card, lessonSubject)) failures.push('bad-blank');
  return failures;
}
