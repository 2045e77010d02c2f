// Specificity rules (`rules-9`): a card is only worth asking when its front pins down one answer and its
// back is a complete answer. Blind raters of `rules-8` on documents nobody had tuned for failed, most often:
//   - gaps and questions with several reasonable answers: a claim about part of a class ("Some [...] have
//     debugging capabilities", "Most editors"), an evaluation ("[...] can be helpful for …"), a contrast that
//     continues the previous sentence ("However, …", "Still RDB is …"), an instruction ("Simply transfer …"),
//     "A common statement … is the [...]" (one member of an open class), a remark about people ("some will
//     …, some will …");
//   - fronts that name nothing the document is about ("The suggested policy is to [...] every second");
//   - backs that are fragments: a quantifier ("Most editors"), an adverb ("Still RDB"), a preposition moved
//     with a count ("around three"), a figure reference ("The first example"), a definition cut inside a
//     noun phrase ("a unique set of tools" | "and features that …", "an alternative" | ", fully-durable …");
//   - an acronym on the front whose expansion is the answer ("What is the AOF log?" → "an append-only log"
//     when the document expands AOF as Append Only File), or a contraction asked as an acronym ("DevTools").
// Every rule reads the card's text and, where said, the document's acronyms and key terms; rule cards and
// LLM cards are judged alike.

import type { Candidate } from './candidate';
import { contentStems, stem, STOPWORDS, words } from './text';

/** Acronyms the document expands, upper-case form → lower-case expansion ("AOF" → "append only file"). */
export type AcronymMap = ReadonlyMap<string, string>;

const SMALL = new Set(['of', 'and', 'the', 'for', 'a', 'an', 'to', 'in', 'on', 'with', '&']);

/** Do these words spell the acronym, by initials ("Append Only File" → AOF) or by leading chunks ("developer tools" → DevTools)? */
export function spells(acronym: string, expansion: string): boolean {
  const ws = expansion.toLowerCase().split(/[\s-]+/).filter((w) => w && !SMALL.has(w));
  if (ws.length < 2) return false;
  const letters = acronym.replace(/[^A-Za-z]/g, '');
  if (ws.map((w) => w.charAt(0)).join('') === letters.toLowerCase()) return true;
  return contraction(acronym, expansion);
}

/** "DevTools" is "developer tools" shortened word by word: each capitalised chunk begins one word. */
export function contraction(short: string, expansion: string): boolean {
  const chunks = short.match(/[A-Z][a-z]+/g);
  if (!chunks || chunks.length < 2 || chunks.join('') !== short) return false;
  const ws = expansion.toLowerCase().split(/[\s-]+/).filter((w) => w && !SMALL.has(w));
  return ws.length === chunks.length && chunks.every((c, i) => ws[i]!.startsWith(c.toLowerCase()) && c.length >= 2);
}

/** "Append Only File (AOF)", "AOF (Append Only File)", "developer tools (DevTools)". */
export function acronymsOf(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const ACR = String.raw`([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*|[A-Z][a-z]+[A-Z][a-z]+)`;
  for (const m of text.matchAll(new RegExp(String.raw`((?:[\p{L}][\p{L}\p{N}'’-]*\s+){1,7})\(${ACR}s?\)`, 'gu'))) {
    const acr = m[2]!;
    const ws = m[1]!.trim().split(/\s+/);
    // the shortest run of words just before the bracket that spells it
    for (let k = 2; k <= ws.length; k++) {
      const phrase = ws.slice(ws.length - k).join(' ');
      if (spells(acr, phrase)) {
        out.set(acr, phrase.toLowerCase());
        break;
      }
    }
  }
  for (const m of text.matchAll(new RegExp(String.raw`\b${ACR}s?\s*\(([^()]{3,80})\)`, 'gu'))) {
    const acr = m[1]!;
    const phrase = m[2]!.split(/[,;:]/)[0]!.trim();
    if (spells(acr, phrase)) out.set(acr, phrase.toLowerCase());
  }
  return out;
}

/** The front spells out an acronym of the document whose expansion is the answer. */
export function expansionLeak(c: Pick<Candidate, 'front' | 'back' | 'type' | 'origin'>, acronyms: AcronymMap): boolean {
  if (c.origin === 'acronym' || c.type === 'list' || acronyms.size === 0) return false;
  const front = c.front.replace(/\[\.\.\.\]/g, ' ');
  const extra: string[] = [];
  for (const [acr, expansion] of acronyms) if (new RegExp(String.raw`(?<![\p{L}\p{N}])${acr}s?(?![\p{L}\p{N}])`, 'u').test(front)) extra.push(expansion);
  if (extra.length === 0) return false;
  const split = (t: string) => contentStems(t.replace(/(?<=\p{L})-(?=\p{L})/gu, ' '));
  const seen = new Set([...split(front), ...split(extra.join(' '))]);
  const plain = new Set(split(front));
  const ans = split(c.back).filter((s) => s.length >= 3);
  if (ans.length === 0) return false;
  const shown = ans.filter((s) => seen.has(s)).length;
  const fresh = ans.filter((s) => seen.has(s) && !plain.has(s)).length;
  return fresh > 0 && shown / ans.length >= (ans.length === 1 ? 1 : 0.5);
}

/** "What does DevTools stand for?" → "developer tools": the short form already says the long one. */
export function contractionAcronym(c: Pick<Candidate, 'front' | 'back' | 'origin'>): boolean {
  const acr = /^What (?:does|do) (.+) stand for\?$/.exec(c.front)?.[1];
  return c.origin === 'acronym' && !!acr && contraction(acr, c.back);
}

const QUANTIFIER_BACK = /^(?:most|some|many|several|all|few|each|every|any|various|numerous|certain|other|others|a few|a lot of|lots of)\b/i;
const ADVERB_BACK = /^(?:still|also|even|only|just|then|thus|yet|so|however|instead|now|again|simply|therefore|hence|too)\b/i;
const PREPOSITION_COUNT = /^(?:around|into|to|of|on|in|at|by|for|with|across|among|between|from|under|over)\s/i;
const FIGURE_BACK = /^(?:(?:the|a|an|this|that)\s+)?(?:(?:first|second|third|fourth|last|next|previous|following|above|below|top|bottom|left|right|other|same)\s+)?(?:example|figure|fig\.|image|diagram|picture|screenshot|table|listing|chart|graph|illustration|video|one)s?(?:\s+(?:above|below))?$/i;
/** Heads that say nothing without what follows them ("an alternative", "a set", "a way"). */
const EMPTY_HEAD = new Set(['alternative', 'option', 'choice', 'set', 'way', 'means', 'kind', 'type', 'sort', 'form', 'variety', 'range', 'number', 'group', 'collection', 'list', 'series', 'thing', 'part', 'piece', 'bit', 'lot', 'tool', 'method', 'approach', 'strategy', 'solution', 'technique', 'mechanism', 'feature', 'process', 'system', 'concept', 'idea', 'term', 'word', 'name', 'example', 'case', 'place', 'step', 'component', 'element', 'aspect', 'factor', 'unit', 'item', 'category']);

/**
 * The definition stops inside its noun phrase: the source goes on with "and" + more of it ("a unique set of
 * tools | and features that a developer will use"), or the answer is an empty head ("an alternative").
 */
export function cutDefinition(back: string, source: string): boolean {
  const b = back.replace(/[.;,]+$/, '').trim();
  const content = words(b).filter((w) => !STOPWORDS.has(w));
  if (content.length === 0) return true;
  const last = content[content.length - 1]!;
  if (content.length <= 2 && (EMPTY_HEAD.has(last) || EMPTY_HEAD.has(stem(last)) || EMPTY_HEAD.has(last.replace(/s$/, ''))) && !/\bof\b/.test(b)) return true;
  const at = source.toLowerCase().indexOf(b.toLowerCase());
  if (at < 0) return false;
  const rest = source.slice(at + b.length);
  const m = /^\s*,?\s+(?:and|or)\s+([a-z][\w-]*)(?:\s+([a-z][\w'-]*))?/.exec(rest);
  if (!m) return false;
  const [, first = '', second = ''] = m;
  // a new clause after "and" ("…, and scales are …", "and it …") is not a cut noun phrase
  if (/^(?:it|they|he|she|we|you|there|this|that|these|those|the|a|an|its|their|his|her|then|so|thus|therefore|can|will|is|are|was|were|has|have|does|do|may|must|should|could|would)$/.test(first)) return false;
  if (/^(?:is|are|was|were|has|have|had|can|will|does|do|did|may|must|should|could|would|means|refers)$/.test(second)) return false;
  // "… to read and write": a verb phrase joined to the answer's verb is a second predicate, not a cut noun
  if (/\b(?:to|can|will)\s+[a-z]+$/i.test(b)) return false;
  return true;
}

/** Why the answer is not a complete answer, or null. */
export function backFragmentReason(c: Pick<Candidate, 'type' | 'origin' | 'back' | 'source' | 'front'>): string | null {
  if (c.type === 'list') return null;
  const back = c.back.trim();
  // a short answer led by a quantifier names part of a class ("Most editors"), not a thing
  if (c.origin !== 'acronym' && QUANTIFIER_BACK.test(back) && words(back).length <= 4) return 'quantified-answer';
  if (ADVERB_BACK.test(back) && words(back).length > 1) return 'adverb-answer';
  if (c.origin === 'how-many' && PREPOSITION_COUNT.test(back)) return 'garbled-count';
  if (FIGURE_BACK.test(back)) return 'figure-answer';
  if ((c.origin === 'definition' || c.origin === 'llm') && c.type === 'basic' && /^What (?:is|are|was|were) /.test(c.front) && cutDefinition(back, c.source)) return 'cut-definition';
  return null;
}

/** A sentence that continues or answers the one before it. */
const LINKED_START = /^(?:however|still|but|yet|instead|also|similarly|likewise|thus|therefore|hence|so|otherwise|conversely|in contrast|by contrast|on the other hand|as a result|for this reason|that said|even so|again|besides|moreover|furthermore|in addition|additionally|alternatively|rather|in fact|indeed|of course|in other words|that is)\b/i;
const EVALUATIVE = /\b(?:can|could|may|might|should|will|would|is|are)\s+(?:also\s+|often\s+|sometimes\s+)?(?:be\s+)?(?:very\s+|really\s+|quite\s+|especially\s+|particularly\s+|extremely\s+|incredibly\s+|more\s+|most\s+)?(?:helpful|useful|handy|beneficial|valuable|convenient|nice|interesting|fun|easy|easier|difficult|hard|tricky|popular|common)\b/i;
const OPEN_CLASS_GAP = /\b(?:some|most|many|several|few|various|numerous|certain|other|a few|all|different)\s+(?:of\s+the\s+)?\[\.\.\.\]/i;
const OPEN_CLASS_SUBJECT = /^(?:a|an|one)\s+(?:common|popular|typical|frequent|good|simple|useful|widely[- ]used|well-known|important|great|nice|possible|standard|classic)\b/i;
const DISTRIBUTIVE = /\bsome\b[^.;]*\b(?:some|others|other)\b/i;
const INSTRUCTION = /^(?:simply|just|always|never|please|make sure|be sure|remember|try|don't|do not|feel free|note that|keep in mind|consider)\b/i;

/** Why a cloze has more than one reasonable filler, judged on its text. */
export function openGapReason(c: Pick<Candidate, 'type' | 'front' | 'back' | 'source'>): string | null {
  if (c.type !== 'cloze') return null;
  const front = c.front.trim();
  if (OPEN_CLASS_GAP.test(front)) return 'open-cloze';
  if (OPEN_CLASS_SUBJECT.test(front)) return 'open-cloze';
  if (EVALUATIVE.test(c.source)) return 'evaluative';
  if (DISTRIBUTIVE.test(c.source)) return 'side-remark';
  if (INSTRUCTION.test(front) || INSTRUCTION.test(c.source.trim())) return 'instruction';
  return null;
}

/** The card's source continues the previous sentence ("However, …", "Still RDB is …"). */
export function linkedStart(source: string): boolean {
  return LINKED_START.test(source.trim().replace(/^[("'“‘]+/, ''));
}

/** Is a word of the front something the document is about (a name, acronym, code, key term)? */
export interface Specifics {
  /** Content stems of the lesson's key terms (title, headings, glossary). */
  isKeyTerm: (word: string) => boolean;
  /** Lower-case names of the document (dominant subject). */
  dominant: ReadonlySet<string>;
}

/** Does the text name something specific: a name written capitalised mid-sentence, an acronym, code, a key term? */
export function namesSomething(text: string, s: Specifics): boolean {
  const t = text.replace(/\[\.\.\.\]/g, ' ');
  const tokens = t.split(/\s+/).filter(Boolean);
  for (const [i, raw] of tokens.entries()) {
    const w = raw.replace(/^[("'“‘]+|[)"'”’.,;:?!]+$/g, '');
    if (!w) continue;
    if (/^[A-Z]{2,}[A-Za-z0-9]*s?$/.test(w) || /[a-z][A-Z]/.test(w) || /[_.()]\w|\w\(/.test(w) || /\d/.test(w)) return true;
    if (i > 0 && /^[A-Z][\p{L}-]+$/u.test(w) && !/^(?:What|Which|Who|When|How|In|The|A|An|I)$/.test(w)) return true;
    const low = w.toLowerCase();
    if (s.dominant.has(low)) return true;
    if (!STOPWORDS.has(low) && low.length >= 3 && s.isKeyTerm(low)) return true;
  }
  return /["“][^"”]{2,}["”]/.test(t);
}

const GENERIC_LIST = /^(?:What|Which) (?:are|were) (?:the )?(?:\w+ )?(?:main |key |different |possible |basic |common |available )?(?:options|ways|types|kinds|steps|things|parts|categories|reasons|methods|approaches|choices|possibilities|forms|elements|components|stages|levels|modes|settings|values|cases)\??$/;

/** Why a card fails on specificity (rules-9), or null. Cards that embed their context are judged on their own question. */
export function specificityReason(c: Candidate, acronyms: AcronymMap, s: Specifics): string | null {
  if (expansionLeak(c, acronyms)) return 'acronym-leak';
  if (contractionAcronym(c)) return 'acronym-leak';
  const fragment = backFragmentReason(c);
  if (fragment) return fragment;
  if (!c.contextIncluded && c.origin !== 'acronym' && linkedStart(c.source) && c.type !== 'list') return 'linked-source';
  const open = openGapReason(c);
  if (open) return open;
  // a short cloze whose remaining words name nothing of the document ("The suggested policy is to [...] every
  // second") has as many fillers as the document has topics
  if (c.type === 'cloze' && !namesSomething(c.front, s) && words(c.front.replace(/\[\.\.\.\]/g, ' ')).filter((w) => !STOPWORDS.has(w)).length < 5) return 'unspecific';
  // "What are the three options?": a counted generic noun and nothing else says what the list is of
  if (c.type === 'list' && !c.contextIncluded && GENERIC_LIST.test(c.front) && !namesSomething(c.front, s)) return 'unspecific-list';
  return null;
}
