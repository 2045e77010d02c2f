// Pure flashcard generator: lesson Markdown -> candidate cards from several rules -> quality filter
// -> ranked, de-duplicated selection sized to the lesson -> GeneratedCard with stable keys.

import type { Course, Lesson } from '../content/types';
import { candidateToCard, type Candidate } from './candidate';
import { dedupe, isNearDuplicate } from './dedupe';
import { clozeCandidates } from './generators/cloze';
import { definitionCandidates } from './generators/definitions';
import { factCandidates } from './generators/facts';
import { listCandidates } from './generators/lists';
import { qaCandidates } from './generators/qa';
import { glossaryCandidates } from './generators/glossary';
import { codeCandidates } from './generators/code';
import { predicateCandidates } from './generators/predicates';
import { buildLessonDoc, type LessonDoc } from './lesson';
import { rejectReason, scoreCandidate } from './quality';
import { gateReason, stripAppositions } from './gate';
import { analyse } from './nlp';
import { markNames, type SentenceInfo } from './lesson';
import type { GeneratedCard } from './types';
import { canonical, contentStems, stem } from './text';
import { isGlossaryTerm } from './generators/cloze';
import { contextReason, documentContext, type DocumentContext } from './context';

export type { GeneratedCard, CardType } from './types';
export type { Candidate } from './candidate';

/** Version of the rules, recorded with every rating sheet (bump when the rules change). */
export const GENERATOR_VERSION = 'rules-8';

export interface GenerateContext {
  moduleTitle?: string;
  courseTitle?: string;
  /** The document the lesson belongs to (its module); defaults to the lesson alone. */
  document?: DocumentContext;
}

/** Candidates scored below this are never kept, however few cards the lesson gets. */
export const MIN_SCORE = 0.5;
/** Roughly one card per this many words of lesson text. */
export const WORDS_PER_CARD = 40;
export const MAX_CARDS_PER_LESSON = 15;
/** A second card from the same sentence must clear the minimum by this much. */
const SECOND_CARD_MARGIN = 0.08;

/** Cards scoring at least this may exceed the per-length target (fact-dense lessons), up to twice it. */
export const STRONG_SCORE = 0.66;

export function targetCardCount(words: number): number {
  return Math.max(1, Math.min(MAX_CARDS_PER_LESSON, Math.round(words / WORDS_PER_CARD)));
}

function allCandidates(doc: LessonDoc): Candidate[] {
  const out: Candidate[] = [...listCandidates(doc), ...qaCandidates(doc), ...glossaryCandidates(doc), ...codeCandidates(doc)];
  for (const info of doc.sentences) {
    out.push(...definitionCandidates(doc, info), ...predicateCandidates(doc, info), ...factCandidates(doc, info), ...clozeCandidates(doc, info));
    // "GPT-3, released by OpenAI in 2020, has 175 billion parameters": ask the main clause without the aside
    for (const simpler of info.excluded ? [] : simplified(info)) {
      const derived = [...definitionCandidates(doc, simpler), ...predicateCandidates(doc, simpler), ...factCandidates(doc, simpler)];
      out.push(...derived.map((c) => ({ ...c, source: info.sentence.text })));
    }
  }
  return out;
}

/**
 * Sentences hidden in one with a non-restrictive modifier after its subject: the main clause without it
 * ("GPT-3 has 175 billion parameters") and, for a dated participle, the modifier as its own clause
 * ("GPT-3 was released by OpenAI in 2020"). Each is analysed again; the card keeps the original source.
 */
function simplified(info: SentenceInfo): SentenceInfo[] {
  const { main, asides } = stripAppositions(info.sentence.text);
  if (asides.length === 0) return [];
  const texts = [main];
  const aside = asides[0] ?? '';
  const participle = /^(.+?) ([a-z]+ed|known|written|built|made|led|held|begun|shown|won|sold|founded)\b(.*)$/.exec(aside);
  if (participle && /\b(?:1[0-9]|20)\d\d\b/.test(aside) && !/\b(?:is|are|was|were)\b/.test(aside)) texts.push(`${participle[1]} was ${participle[2]}${participle[3]}.`);
  const out: SentenceInfo[] = [];
  for (const text of texts) {
    const [sentence] = analyse(text);
    if (!sentence) continue;
    markNames(sentence.tokens, info.names);
    out.push({ ...info, sentence });
  }
  return out;
}

/** Every candidate of a lesson with its score and, when dropped by a rule, the reason. */
export function lessonCandidates(lesson: Lesson, ctx: GenerateContext = {}): { doc: LessonDoc; candidates: Candidate[] } {
  const doc = buildLessonDoc(lesson.title || ctx.moduleTitle || ctx.courseTitle || '', lesson.markdown);
  const document = ctx.document ?? documentContext(lesson.markdown, [lesson.title]);
  const byId = new Map(doc.sentences.map((s) => [s.id, s]));
  const previous = (id: string): string[] => {
    const out: string[] = [];
    for (let p = byId.get(id)?.prev; p && out.length < 2; p = p.prev) out.push(p.sentence.text);
    return out;
  };
  const topic = new Set(contentStems(doc.title));
  const isKeyTerm = (w: string): boolean => topic.has(stem(w)) || isGlossaryTerm(doc, [stem(w)]);
  const candidates = allCandidates(doc).map((c) => {
    const rejected = rejectReason(c) ?? gateReason(c, doc.title) ?? contextReason(c, document, previous(c.sentenceId), isKeyTerm);
    return { ...c, score: scoreCandidate(c), ...(rejected ? { rejected } : {}) };
  });
  return { doc, candidates };
}

/** The question with case, punctuation, articles and word endings normalised away. */
export function questionKey(front: string): string {
  return contentStems(front.replace(/\[\.\.\.\]/g, ' [gap] ')).join(' ');
}

/** Two answers name the same thing ("Dropout" / "dropout", "the validation set" / "validation set"). */
function sameAnswer(a: string, b: string): boolean {
  const x = contentStems(a).join(' ');
  const y = contentStems(b).join(' ');
  return x === y || (x.length > 0 && y.length > 0 && (` ${x} `.includes(` ${y} `) || ` ${y} `.includes(` ${x} `)));
}

/**
 * A question that two candidates of the course answer differently cannot be answered: reject every
 * candidate that shares its normalised question with a different answer (the reverse direction or a
 * cloze of the same sentence stays available). Candidates already rejected or too weak to be kept do
 * not count.
 */
export function markAmbiguous(candidates: readonly Candidate[]): Candidate[] {
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    if (c.rejected || (c.score ?? 0) < MIN_SCORE || c.contextIncluded) continue;
    const key = `${c.type}|${questionKey(c.front)}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const ambiguous = new Set<Candidate>();
  for (const group of groups.values()) {
    for (const c of group) if (group.some((d) => d !== c && !sameAnswer(c.back, d.back))) ambiguous.add(c);
  }
  return candidates.map((c) => (ambiguous.has(c) ? { ...c, rejected: 'ambiguous' } : c));
}

const byScore = (a: Candidate, b: Candidate): number =>
  (b.score ?? 0) - (a.score ?? 0) || a.position - b.position || a.front.localeCompare(b.front);

/** Best candidates first: one card per source sentence, no near-duplicates (also against `kept`). */
export function selectCandidates(candidates: readonly Candidate[], target: number, kept: readonly Candidate[] = []): Candidate[] {
  const pool = candidates.filter((c) => !c.rejected && (c.score ?? 0) >= MIN_SCORE).sort(byScore);
  const out: Candidate[] = [];
  const used = new Map<string, Candidate>();
  // a multi-word answer already asked for in this lesson is the same fact in other words
  const answerKey = (c: Candidate) => (c.type !== 'list' && !/\d/.test(c.back) && contentStems(c.back).length >= 2 ? canonical(c.back) : '');
  // and one answer ("CNNs") should not be the point of more than two cards of a lesson
  const sameAnswer = (c: Candidate) => out.filter((k) => k.type !== 'list' && canonical(k.back) === canonical(c.back) && !/\d/.test(c.back)).length;
  const fresh = (c: Candidate) =>
    !kept.some((k) => isNearDuplicate(k, c)) &&
    !out.some((k) => isNearDuplicate(k, c) || (answerKey(c) !== '' && answerKey(k) === answerKey(c))) &&
    sameAnswer(c) < 2;
  const ceiling = Math.min(MAX_CARDS_PER_LESSON, Math.max(2, target * 2));
  // first pass: one card per source sentence, so the lesson is covered broadly; strong cards may
  // go past the length-based target (a dense passage deserves more cards than a chatty one)
  for (const c of pool) {
    if (out.length >= ceiling || (out.length >= target && (c.score ?? 0) < STRONG_SCORE)) break;
    if (used.has(c.sentenceId) || !fresh(c)) continue;
    out.push(c);
    used.set(c.sentenceId, c);
  }
  // second pass: a second, different fact from a sentence that holds two ("released X in 2019" + "X has 1.5B parameters")
  for (const c of pool) {
    if (out.length >= ceiling || (out.length >= target && (c.score ?? 0) < STRONG_SCORE)) break;
    const first = used.get(c.sentenceId);
    if (!first || out.includes(c) || first.origin === c.origin || c.type === 'cloze' || first.type === 'list') continue;
    if ((c.score ?? 0) < MIN_SCORE + SECOND_CARD_MARGIN || !fresh(c)) continue;
    out.push(c);
  }
  return out.sort((a, b) => a.position - b.position || byScore(a, b));
}


function uniqueKeys(cards: GeneratedCard[]): GeneratedCard[] {
  const seen = new Set<string>();
  return cards.filter((c) => (seen.has(c.key) ? false : (seen.add(c.key), true)));
}

export function generateLessonCards(lesson: Lesson, ctx: GenerateContext = {}): GeneratedCard[] {
  const { doc, candidates } = lessonCandidates(lesson, ctx);
  const words = lesson.words > 0 ? lesson.words : doc.words;
  return uniqueKeys(selectCandidates(markAmbiguous(candidates), targetCardCount(words)).map((c) => candidateToCard(lesson, c, c.score ?? 0)));
}

/** Cards for every lesson of the course, in course order, without near-duplicates across lessons. */
export function generateCourseCards(course: Course): GeneratedCard[] {
  const kept: Candidate[] = [];
  const cards: GeneratedCard[] = [];
  const lessons = course.modules.flatMap((mod) => {
    // the module is the document a lesson was cut from: its dominant subject is judged over all of it
    const document = documentContext(mod.lessons.map((l) => `${l.title}\n\n${l.markdown}`).join('\n\n'), [mod.title, ...(course.modules.length === 1 ? [course.title] : [])]);
    return mod.lessons.map((lesson) => ({ lesson, ...lessonCandidates(lesson, { moduleTitle: mod.title, courseTitle: course.title, document }) }));
  });
  // ambiguity is judged over the whole course: the same question in two lessons is just as unanswerable
  const marked = markAmbiguous(lessons.flatMap((l) => l.candidates));
  let offset = 0;
  for (const { lesson, doc, candidates } of lessons) {
    const own = marked.slice(offset, offset + candidates.length);
    offset += candidates.length;
    const words = lesson.words > 0 ? lesson.words : doc.words;
    const chosen = selectCandidates(own, targetCardCount(words), kept);
    kept.push(...chosen);
    cards.push(...chosen.map((c) => candidateToCard(lesson, c, c.score ?? 0)));
  }
  return uniqueKeys(cards);
}

export { dedupe, isNearDuplicate };
