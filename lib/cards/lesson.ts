// Builds the analysed view of one lesson that every candidate generator reads: blocks, tagged
// sentences with their heading context, boilerplate flags, keyword weights and pronoun resolution.

import { lessonBlocks, type Block, type ListItemNode, type TextUnit } from './markdown';
import { analyse, analyseMany, render, has, type Sentence, type Token } from './nlp';
import { analyseClause, isNounish, subjectIsPlural, subjectTokens, isVerbish } from './clause';
import { contentStems, countWords, GENERIC_WORDS, stem } from './text';

export interface SentenceInfo {
  id: string;
  sentence: Sentence;
  block: Block;
  /** The text unit (paragraph or list item) the sentence came from. */
  unit: TextUnit;
  /** Position of the sentence in its unit. */
  position: number;
  prev: SentenceInfo | undefined;
  inList: boolean;
  /** Unusable as the source of a fact card (navigation, personal remark, question, code...). */
  excluded: string | null;
  /** Names of the lesson (shared), for re-tagging sentences rewritten by pronoun resolution. */
  names: Set<string>;
}

export interface LessonDoc {
  title: string;
  blocks: Block[];
  sentences: SentenceInfo[];
  words: number;
  /** Content stem -> weight (frequency in the lesson, boosted for headings and bold terms). */
  keywords: Map<string, number>;
}

/** Site furniture wherever it appears: links, navigation, sign-in, social buttons. */
const BOILERPLATE =
  /\b(check ?out|sign in|sign up|log in|skip to content|subscribe|newsletter|all rights reserved|table of contents|share this|follow us|click here|read more|go to file|toggle navigation|reload to refresh|you signed (?:in|out)|saved searches|provide feedback|appearance settings|watch (?:the|this) video|view all|permalink)\b|©|https?:\/\/|www\./i;
/**
 * Words of site furniture that are also subject matter ("copyright" in a lesson on licences, "fork" and
 * "pull requests" in one on Git): furniture only in a short line ("Star", "Fork 12", "Cookie settings").
 */
const SHORT_BOILERPLATE = /\b(cookies?|copyright|privacy policy|terms of (?:use|service)|star|fork|pull requests?|download)\b/i;
const SHORT_LINE_WORDS = 12;

export function isBoilerplate(text: string): boolean {
  return BOILERPLATE.test(text) || (SHORT_BOILERPLATE.test(text) && countWords(text) < SHORT_LINE_WORDS);
}

/** Why a unit cannot yield cards, or null when it can. */
export function unitProblem(unit: TextUnit): string | null {
  const text = unit.text;
  if (!text) return 'empty';
  if (unit.linkOnly) return 'link-only';
  if (unit.hasCode && /[{};=<>]|=>|\(\)/.test(text)) return 'code';
  if (unit.hasMath) return 'math';
  if (isBoilerplate(text)) return 'boilerplate';
  if (/[|•·»›]{1}/.test(text) && countWords(text) < 12) return 'navigation';
  return null;
}

const FIRST_PERSON = /\b(?:I|I'm|I've|I'd|I'll|[Ww]e|[Ww]e've|[Ww]e're|[Ww]e'll|[Ww]e'd|[Oo]urs?|us|[Ll]et's|me|[Mm]y|mine)\b/;
/** A bibliography line: "Title (2015), K. He et al. [PDF]". */
const REFERENCE = /\((?:1[5-9]|20)\d\d\)[,.]?\s+(?:[A-Z]\.\s?)+[A-Z]|\[(?:pdf|link|code|slides|video)\]/i;
const HEDGES = /\b(may|might|perhaps|possibly|probably|seems?|seemingly|appears? to|likely|arguably|rumou?red|I think|I wonder|presumably|supposedly|maybe)\b/i;

export function isHedged(text: string): boolean {
  return HEDGES.test(text);
}

function sentenceProblem(s: Sentence, unitIssue: string | null, inList: boolean): string | null {
  if (unitIssue) return unitIssue;
  const text = s.text;
  const n = s.tokens.length;
  if (/\?\s*$/.test(text)) return 'question';
  if (/:\s*$/.test(text)) return 'lead-in';
  if (REFERENCE.test(text)) return 'reference';
  // an exercise or task marker ("✅ Think for a minute …", "👉 Try …"): an instruction, not a fact
  if (/^[^\p{L}\p{N}"'“‘(\[]/u.test(text)) return 'task';
  if (n < 5) return 'too-short';
  if (n > 45) return 'too-long';
  if (FIRST_PERSON.test(text)) return 'first-person';
  if (!s.tokens.some((t) => isVerbish(t))) return 'no-verb';
  const first = s.tokens[0];
  if (first && has(first, 'Infinitive') && !has(first, 'Noun') && !has(first, 'ProperNoun')) return 'imperative';
  // fragments: "Treating the true models as ...", short bullet items without a clause
  if (first && has(first, 'Gerund') && !s.tokens.slice(1, 6).some((t) => isVerbish(t) && !has(t, 'Gerund') && !has(t, 'Infinitive'))) return 'fragment';
  if (first && ['whereas', 'although', 'though', 'because', 'while', 'if', 'unless', 'since'].includes(first.normal) && !s.tokens.some((t) => /,/.test(t.post) && t.paren === 0)) return 'fragment';
  if (inList && !analyseClause(s.tokens)) return 'fragment';
  if (inList && n < 8 && !s.tokens.some((t, i) => i > 0 && (has(t, 'Copula') || (isVerbish(t) && (has(t, 'PastTense') || has(t, 'PresentTense')) && !has(t, 'Participle') && !has(t, 'Gerund'))))) return 'fragment';
  if (/^(e\.g\.|for example|for instance|i\.e\.)/i.test(text)) return 'example';
  return null;
}

function unitsOf(block: Block): Array<{ unit: TextUnit; inList: boolean }> {
  if (block.kind === 'paragraph') return [{ unit: block.unit, inList: false }];
  if (block.kind === 'list') {
    const out: Array<{ unit: TextUnit; inList: boolean }> = [];
    const walk = (items: ListItemNode[]) => {
      for (const it of items) {
        out.push({ unit: it.unit, inList: true });
        for (const m of it.more) out.push({ unit: m, inList: true });
        walk(it.children);
      }
    };
    walk(block.items);
    return out;
  }
  return [];
}

export function buildLessonDoc(title: string, markdown: string): LessonDoc {
  const blocks = lessonBlocks(markdown);
  const sentences: SentenceInfo[] = [];
  const keywords = new Map<string, number>();
  const bump = (text: string, w: number) => {
    for (const st of contentStems(text)) {
      if (GENERIC_WORDS.has(st) || st.length < 3) continue;
      keywords.set(st, (keywords.get(st) ?? 0) + w);
    }
  };
  bump(title, 2);
  let words = 0;
  const names = new Set<string>();
  // analyse every unit of the lesson in one batch
  const units: Array<{ block: Block; unit: TextUnit; inList: boolean; issue: string | null }> = [];
  for (const block of blocks) {
    if (block.kind === 'heading') {
      bump(block.unit.text, 1.5);
      continue;
    }
    for (const { unit, inList } of unitsOf(block)) {
      units.push({ block, unit, inList, issue: unitProblem(unit) });
      words += countWords(unit.text);
    }
  }
  // sentences that can never give a card are split but not tagged (tagging is the expensive step)
  const analysed = analyseMany(
    units.map(({ unit, issue }) => (issue ? { text: issue === 'empty' ? '' : unit.text } : { text: unit.text, marks: unit.marks, strong: unit.strong })),
    (sentence) => {
      const n = countWords(sentence);
      return n < 4 || (n > 50 && !sentence.includes(':')) || /\?\s*$/.test(sentence) || FIRST_PERSON.test(sentence) || REFERENCE.test(sentence) || isBoilerplate(sentence);
    },
  );
  units.forEach(({ block, unit, inList, issue }, u) => {
    let prev: SentenceInfo | undefined;
    (analysed[u] ?? []).forEach((sentence, position) => {
      const info: SentenceInfo = {
        id: `${block.index}:${sentences.length}`,
        sentence,
        block,
        unit,
        position,
        prev,
        inList,
        excluded: sentenceProblem(sentence, issue, inList),
        names,
      };
      sentences.push(info);
      prev = info;
      if (!issue) bump(sentence.text, 1);
      for (const t of sentence.tokens) if (t.marked) bump(t.text, 1);
    });
  });
  // words inside inline code ("git init") are identifiers, not evidence that a name is written in lower case
  const codeWords = new Set<string>();
  for (const { unit } of units) for (const span of unit.code) for (const w of unit.text.slice(span.start, span.end).toLowerCase().split(/[^a-z0-9]+/)) if (w) codeWords.add(w);
  for (const n of collectNames(sentences.map((s) => s.sentence), codeWords)) names.add(n);
  for (const s of sentences) markNames(s.sentence.tokens, names);
  markSentenceInitialNames(sentences.map((s) => s.sentence));
  return { title, blocks, sentences, words, keywords };
}

/** Derivational endings of common English nouns ("connectionism", "regularisation"): not names. */
const COMMON_SUFFIX = /(ism|ist|tion|sion|ment|ness|ity|ance|ence|ing|ure|ogy|ics|ship|hood)$/;
/** Past-tense verbs whose bare singular subject is almost always a person. */
const AGENT_VERBS = new Set(['proved', 'showed', 'argued', 'proposed', 'suggested', 'wrote', 'published', 'discovered', 'invented', 'demonstrated', 'observed', 'noted', 'claimed', 'conjectured', 'founded', 'coined', 'described', 'introduced', 'realised', 'realized', 'believed', 'said', 'studied', 'joined', 'received', 'won']);
const COMMON_TAGS = ['Determiner', 'Pronoun', 'Adjective', 'Adverb', 'Preposition', 'Conjunction', 'Verb', 'Value', 'Copula', 'Modal', 'Auxiliary', 'QuestionWord'];

/**
 * A sentence-initial capitalised noun that the lesson never writes in lower case and that acts like a
 * person ("Novikoff proved ...") is a name the tagger does not know: tag it `KeepCase` so a question
 * that moves it keeps its capital. Common words appear in lower case somewhere or carry other tags.
 */
function markSentenceInitialNames(sentences: readonly Sentence[]): void {
  const lower = new Set<string>();
  for (const s of sentences) for (const t of s.tokens) if (/^[a-z]/.test(t.text)) lower.add(stem(t.normal));
  for (const s of sentences) {
    const first = s.tokens[0];
    if (!first || !/^[A-Z][a-z]+$/.test(first.text) || lower.has(stem(first.normal))) continue;
    if (!has(first, 'Noun') || COMMON_TAGS.some((tag) => has(first, tag)) || COMMON_SUFFIX.test(first.normal)) continue;
    // positive evidence is needed (a common noun is likelier than an unknown name): a bare singular
    // subject of a verb that people do ("Novikoff proved", "Hopfield showed"); "Dropout is" stays common
    const next = s.tokens[1];
    if (!next || !has(next, 'PastTense') || !AGENT_VERBS.has(next.normal)) continue;
    first.tags.add('KeepCase');
  }
}

/** Words written capitalised inside sentences and never in lower case: names the tagger may not know. */
function collectNames(sentences: readonly Sentence[], codeWords: ReadonlySet<string> = new Set()): Set<string> {
  const upper = new Set<string>();
  const lower = new Set<string>();
  for (const s of sentences) {
    s.tokens.forEach((t, i) => {
      if (/^[a-z]/.test(t.text)) {
        if (!codeWords.has(t.normal)) lower.add(t.normal);
      } else if (i > 0 && /^[A-Z]/.test(t.text) && !/^[,;:.]/.test(t.pre)) upper.add(t.normal);
    });
  }
  for (const w of lower) upper.delete(w);
  return upper;
}

export function markNames(tokens: readonly Token[], names: ReadonlySet<string>): void {
  for (const t of tokens) {
    if (/^[A-Z]/.test(t.text) && names.has(t.normal) && !has(t, 'Determiner') && !has(t, 'Pronoun')) {
      t.tags.add('ProperNoun');
      t.tags.add('Noun');
      t.tags.delete('Adjective');
    }
  }
}

const maxWeights = new WeakMap<LessonDoc, number>();

/** Average keyword weight of a text's content words, squashed to [0, 1]. */
export function salience(doc: LessonDoc, text: string): number {
  const stems = contentStems(text).filter((s) => !GENERIC_WORDS.has(s));
  if (stems.length === 0) return 0;
  let max = maxWeights.get(doc) ?? 0;
  if (max === 0) {
    max = 1;
    for (const v of doc.keywords.values()) max = Math.max(max, v);
    maxWeights.set(doc, max);
  }
  const total = stems.reduce((acc, s) => acc + Math.log1p(doc.keywords.get(s) ?? 0) / Math.log1p(max), 0);
  return Math.min(1, total / stems.length + 0.1 * Math.min(3, stems.filter((s) => (doc.keywords.get(s) ?? 0) >= 3).length) / 3);
}

/** The nearest heading that names a topic (skips "Objective", "Overview", "Notes", ...). */
export function topicOf(doc: LessonDoc, block: Block): string {
  const generic = /^(objective|objectives|overview|introduction|intro|summary|notes?|details|background|conclusion|answer|question|data|learning|architecture|pros|cons|benefits|drawbacks|results?|discussion|examples?|extracts? from .*)$/i;
  for (let i = block.headingPath.length - 1; i >= 0; i--) {
    const h = block.headingPath[i];
    if (h && !generic.test(h) && !/\?$/.test(h)) return h.replace(/^summary\s*[-–:]\s*/i, '');
  }
  return doc.title;
}

const PRONOUN_SUBJECTS = new Set(['it', 'they', 'he', 'she', 'this', 'these', 'those', 'that']);
const DEMONSTRATIVES = new Set(['this', 'these', 'those', 'that']);

/** Named-entity-like noun phrase: has a proper noun/acronym and no pronoun. */
function isNamed(tokens: readonly Token[]): boolean {
  return tokens.some((t) => has(t, 'ProperNoun') || has(t, 'Acronym') || /^[A-Z][a-z]*[A-Z0-9]/.test(t.text)) && !tokens.some((t) => has(t, 'Pronoun'));
}

/**
 * Find what a leading "It"/"They"/"This paper"/"This model" refers to, from the previous sentence.
 * Returns the sentence rewritten with the antecedent, or null when it cannot be resolved.
 */
export function resolveLeadingAnaphor(info: SentenceInfo): string | null {
  const tokens = info.sentence.tokens;
  const clause = analyseClause(tokens);
  if (!clause) return null;
  const subject = subjectTokens(clause);
  const first = subject[0];
  if (!first || !PRONOUN_SUBJECTS.has(first.normal)) return null;
  const prev = info.prev;
  if (!prev) return null;
  const prevTokens = prev.sentence.tokens;
  let antecedent: string | null = null;
  let replaceEnd = clause.subjStart + 1;

  if (DEMONSTRATIVES.has(first.normal) && subject.length >= 2 && subject.slice(1).every((t) => isNounish(t) || has(t, 'Adjective'))) {
    // "This paper" / "These models": find the same head noun in the previous sentence
    const head = subject[subject.length - 1];
    if (!head) return null;
    replaceEnd = clause.subjStart + subject.length;
    const headStem = stem(head.normal);
    const at = prevTokens.findIndex((t) => stem(t.normal) === headStem && t.paren === 0);
    if (at < 0) return null;
    // "GPT-2 which is a 1.5 billion parameters model" / "X, a ... model"
    let k = at - 1;
    while (k >= 0 && !['which', 'who', 'a', 'an'].includes(prevTokens[k]?.normal ?? '') && at - k < 8) k--;
    const det = prevTokens[k];
    if (det && (det.normal === 'a' || det.normal === 'an')) {
      const before = prevTokens[k - 1];
      const b2 = prevTokens[k - 2];
      let nameEnd = -1;
      if (before && (before.normal === 'is' || before.normal === 'was') && b2 && (b2.normal === 'which' || b2.normal === 'who')) nameEnd = k - 3;
      else if (before && /,\s*$/.test(before.post)) nameEnd = k - 1;
      if (nameEnd >= 0) {
        let s = nameEnd;
        while (s - 1 >= 0 && isNamed([prevTokens[s - 1] as Token]) && !/[,;:]/.test(prevTokens[s - 1]?.post ?? '')) s--;
        const name = prevTokens.slice(s, nameEnd + 1);
        if (isNamed(name)) antecedent = render(name);
      }
    }
    if (!antecedent) {
      // "the paper "Attention is all you need"" / "the AlexNet paper"
      const headTok = prevTokens[at] as Token;
      let s = at;
      while (s - 1 >= 0 && (isNounish(prevTokens[s - 1]) || has(prevTokens[s - 1], 'Adjective')) && !/[,;:]/.test(prevTokens[s - 1]?.post ?? '')) s--;
      let e = at;
      if (/"\s*$/.test(headTok.post) || /^"/.test(prevTokens[at + 1]?.pre ?? '')) {
        // quoted title right after the noun
        e = at + 1;
        while (e < prevTokens.length && !/"/.test(prevTokens[e]?.post ?? '')) e++;
      }
      const np = prevTokens.slice(s, e + 1);
      const named = isNamed(np) || e > at;
      if (named) {
        const det2 = prevTokens[s - 1];
        antecedent = (det2 && det2.normal === 'the' ? 'the ' : '') + render(np, { keepFinalPunct: true }).replace(/[.,;:]$/, '');
        if (/^[A-Z]/.test(antecedent) && !isNamed([np[0] as Token])) antecedent = antecedent.charAt(0).toLowerCase() + antecedent.slice(1);
      }
    }
  } else if ((first.normal === 'it' || first.normal === 'they' || first.normal === 'he' || first.normal === 'she') && subject.length === 1) {
    // expletive "it": "It is unlikely that ...", "It became easy to ...", "It was shown that ..."
    if (first.normal === 'it') {
      const window = tokens.slice(clause.verbStart, clause.verbStart + 5);
      if (window.some((t) => t.normal === 'that' || t.normal === 'to' || t.normal === 'for') && window.some((t) => has(t, 'Adjective') || has(t, 'PastTense') || has(t, 'Participle'))) return null;
      if (['seems', 'seemed', 'appears', 'appeared', 'turns', 'turned', 'happens', 'happened', 'takes', 'took'].includes(tokens[clause.verbStart]?.normal ?? '')) return null;
    }
    const prevClause = analyseClause(prevTokens);
    if (!prevClause) return null;
    const prevSubject = subjectTokens(prevClause);
    // a name, or a short bare term ("Dropout is a form of regularization. It works by ...")
    const bareTerm = prevSubject.length <= 3 && !has(prevSubject[0], 'Determiner') && prevSubject.every((t) => isNounish(t) || has(t, 'Adjective'));
    if (prevSubject.length === 0 || prevSubject.length > 6 || !(isNamed(prevSubject) || bareTerm)) return null;
    if (prevSubject.some((t) => PRONOUN_SUBJECTS.has(t.normal))) return null;
    const plural = subjectIsPlural(prevSubject);
    if ((first.normal === 'they') !== plural) return null;
    if ((first.normal === 'he' || first.normal === 'she') && !prevSubject.some((t) => has(t, 'Person'))) return null;
    antecedent = render(prevSubject);
  }
  if (!antecedent) return null;
  const lead = render(tokens.slice(0, clause.subjStart), { keepFinalPunct: true });
  const after = render(tokens.slice(replaceEnd), { keepFinalPunct: true });
  const text = [lead, antecedent, after].filter(Boolean).join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const resolvedCache = new WeakMap<SentenceInfo, { sentence: Sentence; resolved: boolean } | null>();

/** A sentence re-analysed after pronoun resolution (or the original when nothing to resolve). */
export function resolvedSentence(info: SentenceInfo): { sentence: Sentence; resolved: boolean } | null {
  if (resolvedCache.has(info)) return resolvedCache.get(info) ?? null;
  const result = resolveSentence(info);
  resolvedCache.set(info, result);
  return result;
}

function resolveSentence(info: SentenceInfo): { sentence: Sentence; resolved: boolean } | null {
  const tokens = info.sentence.tokens;
  const clause = analyseClause(tokens);
  const first = clause ? subjectTokens(clause)[0] : undefined;
  if (!first || !PRONOUN_SUBJECTS.has(first.normal)) return { sentence: info.sentence, resolved: false };
  const text = resolveLeadingAnaphor(info);
  if (!text) return null;
  const [sentence] = analyse(text);
  if (!sentence) return null;
  markNames(sentence.tokens, info.names);
  return { sentence, resolved: true };
}
