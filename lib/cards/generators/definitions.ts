// Definition-style cards: "X is a Y" -> "What is X?", superlatives reversed ("What is the most ...?"),
// "X means/refers to Y", "... is known as Z", acronym expansions and bold key terms as subjects.

import type { Candidate } from '../candidate';
import { analyseClause, BE_FORMS, isNounish, isVerbish, renderSubject, restTokens, subjectIsPlural, subjectTokens, whQuestion } from '../clause';
import { salience, resolvedSentence, type LessonDoc, type SentenceInfo } from '../lesson';
import { has, render, type Token } from '../nlp';
import { contentStems, countWords, GENERIC_WORDS, stem, STOPWORDS } from '../text';
import { isGlossaryTerm } from './cloze';

export const GENERIC_HEADS = new Set([
  'goal', 'idea', 'result', 'problem', 'reason', 'benefit', 'advantage', 'key', 'answer', 'question', 'point', 'thing',
  'way', 'fact', 'difference', 'contribution', 'question', 'process', 'effect', 'approach', 'case', 'issue', 'part',
  'purpose', 'aim', 'focus', 'challenge', 'lesson', 'takeaway', 'outcome', 'solution', 'truth', 'reality', 'situation',
  'trend', 'pattern', 'step', 'first', 'second', 'rest', 'one', 'other', 'others', 'most', 'all', 'some', 'many',
]);
export const SUPERLATIVE_START = /^(the )?(most|least|first|only|largest|biggest|smallest|main|primary|earliest|oldest|best|fastest|highest|lowest|latest|last)\b/i;

const isPrepositionWord = (t: Token | undefined): boolean => t === undefined || has(t, 'Preposition') || has(t, 'Conjunction');

/** Evaluative words: "X is an intuitive and interesting introduction" is an opinion, not a definition. */
export const SUBJECTIVE = /\b(great|good|nice|interesting|intuitive|excellent|amazing|awesome|useful|helpful|fantastic|wonderful|beautiful|cool|fun|easy|simple|important|best|better|favou?rite|clearest|examples? of)\b/i;

function base(doc: LessonDoc, info: SentenceInfo) {
  return { source: info.sentence.text, anchor: info.block.anchor, sentenceId: info.id, position: info.block.index, salience: salience(doc, info.sentence.text) };
}

/** Cut a complement at the first clause break outside brackets; null when it stays too long. */
function trimComplement(tokens: readonly Token[], maxWords: number): Token[] | null {
  const out: Token[] = [];
  for (const t of tokens) {
    if (t.paren > 0) continue;
    out.push(t);
    if (/[;:]|\s[-–—]\s|,/.test(t.post)) break;
  }
  while (out.length > 0 && (STOPWORDS.has(out[out.length - 1]?.normal ?? '') || has(out[out.length - 1], 'Conjunction'))) out.pop();
  if (out.length === 0 || countWords(render(out)) > maxWords || opensClause(out)) return null;
  return out;
}

const CLAUSE_OPENERS = new Set(['whether', 'if', 'that', 'which', 'who', 'whom', 'whose', 'where', 'when', 'because', 'since', 'while', 'although', 'unless', 'until']);

/** "a function that decides whether an input": the last clause opener has no verb after it. */
export function opensClause(tokens: readonly Token[]): boolean {
  let k = tokens.length - 1;
  while (k >= 0 && !CLAUSE_OPENERS.has(tokens[k]?.normal ?? '')) k--;
  if (k < 0) return false;
  const after = tokens.slice(k + 1);
  if (after.length === 0) return true;
  if (after.some((t) => isVerbish(t) && !has(t, 'Gerund'))) return false;
  // no verb tagged: open when a new noun phrase starts right after the opener ("whether an input"),
  // not when the word after it is an untagged verb ("that uses the average of ...")
  const first = after[0];
  return has(first, 'Determiner') || has(first, 'Pronoun') || after.length <= 2;
}

/**
 * "The output", "Typical causes": a determiner and/or one adjective before one ordinary noun is not a
 * subject a learner can be asked about without its context; names, acronyms, marked or glossary terms are.
 */
export function isGenericSubject(doc: LessonDoc, subject: readonly Token[]): boolean {
  const core = subject.filter((t) => t.paren === 0);
  let k = 0;
  // "An externality is …": an indefinite singular subject of a definition is the term being defined
  if ((core[0]?.normal === 'a' || core[0]?.normal === 'an') && core.length === 2 && isNounish(core[1]) && !has(core[1], 'Plural')) return false;
  const determined = has(core[k], 'Determiner') || has(core[k], 'Possessive');
  if (determined) k++;
  // without a determiner only a vague adjective makes it generic ("Typical causes"; "Redundant data" is a term)
  const adjective = has(core[k], 'Adjective') && !has(core[k], 'Noun') ? core[k] : undefined;
  if (adjective && (determined || VAGUE_ADJECTIVES.has(adjective.normal))) k++;
  if (!determined && k === 0) return false;
  const noun = core[k];
  if (!noun || k + 1 !== core.length || !isNounish(noun) || has(noun, 'Pronoun')) return false;
  if (core.some((t) => t.marked || has(t, 'ProperNoun') || has(t, 'Acronym') || has(t, 'KeepCase') || /[A-Z].*[A-Z]|\d/.test(t.text))) return false;
  const stems = contentStems(render(core));
  // "the averaged perceptron" in a lesson about perceptrons names a variant of the topic
  const head = stem(noun.normal);
  // a specific modifier of one of the lesson's key nouns names a kind of it ("the averaged perceptron")
  if (adjective && k === core.length - 1 && !VAGUE_ADJECTIVES.has(adjective.normal) && (doc.keywords.get(head) ?? 0) >= 3) return false;
  return stems.length > 0 && !isGlossaryTerm(doc, stems) && !isGlossaryTerm(doc, [head]) && !contentStems(doc.title).includes(head);
}

/**
 * "a useful library for handling numeric data" → "a library for handling numeric data": an evaluative
 * adjective right after the article is the writer's opinion; the class and its modifiers are the definition.
 * ("a an" is repaired: "an easy tool" → "a tool".)
 */
export function withoutOpinion(comp: Token[] | null): Token[] | null {
  if (!comp || comp.length < 4) return comp;
  let k = 1;
  if (['very', 'really', 'quite', 'particularly', 'especially', 'extremely', 'pretty'].includes(comp[k]?.normal ?? '')) k++;
  const adjective = comp[k];
  const noun = comp[k + 1];
  if (!adjective || !noun || !has(adjective, 'Adjective') || !SUBJECTIVE.test(adjective.normal) || !isNounish(noun) || has(noun, 'Adjective')) return comp;
  const article = comp[0]!;
  const fixed = ['a', 'an'].includes(article.normal) ? { ...article, text: /^[aeiou]/i.test(noun.text) ? (article.text[0] === 'A' ? 'An' : 'an') : article.text[0] === 'A' ? 'A' : 'a', normal: /^[aeiou]/i.test(noun.text) ? 'an' : 'a' } : article;
  return [fixed, ...comp.slice(k + 1)];
}

const VAGUE_ADJECTIVES = new Set(['typical', 'common', 'usual', 'main', 'other', 'several', 'many', 'some', 'various', 'possible', 'different', 'important', 'general', 'certain', 'frequent', 'major', 'key', 'basic']);

function headNoun(subject: readonly Token[]): Token | undefined {
  const core: Token[] = [];
  for (const t of subject) {
    if (has(t, 'Preposition') || ['which', 'that', 'who'].includes(t.normal)) break;
    if (t.paren === 0) core.push(t);
  }
  return [...core].reverse().find((t) => isNounish(t));
}

export function definitionCandidates(doc: LessonDoc, info: SentenceInfo): Candidate[] {
  const out: Candidate[] = [];
  const b = base(doc, info);
  const raw = info.sentence.tokens;

  // "... is known as / called / termed / referred to as Z" (works before clause analysis: the
  // subject may contain verbs of its own: "The process of ensuring models can converge ...")
  if (!info.excluded || info.excluded === 'first-person') {
    for (let i = 1; i < raw.length - 2; i++) {
      const be = raw[i] as Token;
      const v = raw[i + 1] as Token;
      if (!BE_FORMS.has(be.normal) || !['known', 'called', 'termed', 'named', 'dubbed', 'referred'].includes(v.normal)) continue;
      let j = i + 2;
      if (v.normal === 'referred') {
        if (raw[j]?.normal !== 'to') continue;
        j++;
      }
      if (raw[j]?.normal === 'as') j++;
      else if (v.normal === 'known' || v.normal === 'referred') continue;
      if (isPrepositionWord(raw[j])) continue;
      const term: Token[] = [];
      for (let k = j; k < raw.length && term.length < 7; k++) {
        const t = raw[k] as Token;
        if (t.paren > 0) break;
        term.push(t);
        if (/[,;:.]/.test(t.post)) break;
      }
      if (term.length === 0 || term.length > 6 || term.some((t) => isVerbish(t) && !has(t, 'Noun'))) break;
      const termText = render(term).replace(/^(the|a|an)\s+/i, '');
      const subject = raw.slice(0, i);
      const firstWord = subject[0]?.normal ?? '';
      const demonstrative = ['this', 'that', 'these', 'it'].includes(firstWord);
      if (demonstrative) {
        const prev = info.prev;
        if (subject.length > 3 || !prev || prev.excluded === 'question' || prev.sentence.tokens.length > 40) break;
        const what = render(subject).toLowerCase();
        const verb = v.normal === 'referred' ? 'referred to as' : v.normal === 'known' ? 'known as' : v.normal;
        // the context sentence without its leading connective ("Additionally, ...")
        const context = prev.sentence.text.replace(/^(additionally|however|moreover|furthermore|also|so|thus|then|similarly|in addition|in practice|in general),\s*/i, '').replace(/\s+$/, '');
        out.push({
          ...b,
          source: `${prev.sentence.text} ${info.sentence.text}`,
          type: 'basic',
          origin: 'known-as',
          front: `${context.charAt(0).toUpperCase()}${context.slice(1)} What ${be.normal} ${what} ${verb}?`,
          back: termText,
          prior: 0.74,
          contextIncluded: true,
        });
      } else if (subject.length >= 2 && !subject.some((t) => ['it', 'they', 'this', 'these'].includes(t.normal))) {
        const lead = analyseClause(raw);
        const start = lead && lead.leadEnd < i ? lead.leadEnd : 0;
        const described = renderSubject(raw.slice(start, i));
        out.push({ ...b, type: 'basic', origin: 'known-as', front: `What is the term for ${described}?`, back: termText, prior: 0.76 });
      }
      break;
    }
  }

  out.push(...acronymCandidates(doc, info));
  if (info.excluded) return out;

  const resolved = resolvedSentence(info);
  if (!resolved) return out;
  const tokens = resolved.sentence.tokens;
  const c = analyseClause(tokens);
  if (!c) return out;
  const subject = subjectTokens(c);
  const rest = restTokens(c);
  const group = tokens.slice(c.verbStart, c.verbEnd);
  const mainTok = tokens[c.main];
  if (!mainTok || subject.length === 0 || subject.length > 10) return out;
  if (subject.some((t) => ['it', 'they', 'this', 'these', 'those', 'such', 'he', 'she'].includes(t.normal))) return out;
  const head = headNoun(subject);
  const subjText = renderSubject(subject);
  const plural = subjectIsPlural(subject);

  // bold term as the whole subject: "**Hardware advances** provided ..." -> "What provided ...?"
  // (a bold span running on into the verb is an emphasised sentence, not a key term: "**Making X public is not …**")
  const boldSubject = subject.every((t) => t.marked || t.paren > 0) && c.leadEnd === 0 && !tokens[c.verbStart]?.marked;
  if (boldSubject && !BE_FORMS.has(mainTok.normal) && !['means', 'mean', 'refers', 'denotes', 'stands'].includes(mainTok.normal) && countWords(render(rest)) >= 3) {
    const q = whQuestion(c, { start: c.subjStart, end: c.verbStart, wh: 'what' });
    if (q) out.push({ ...b, type: 'basic', origin: 'term', front: q, back: render(subject.filter((t) => t.paren === 0)), prior: 0.8 });
  }

  // a key term of the lesson as plain subject: "The nucleus contains most of the cell's genetic material."
  const keyTerm = head !== undefined && (doc.keywords.get(stem(head.normal)) ?? 0) >= 3 && !GENERIC_HEADS.has(head.normal);
  const simpleNp = subject.length <= 3 && subject.every((t, k) => (k === 0 && has(t, 'Determiner') && t.normal === 'the') || isNounish(t) || has(t, 'Adjective')) && !subject.some((t) => has(t, 'Pronoun'));
  // "The model"/"The dataset" are too generic to be an answer; names, bare plurals and compounds are not
  const specific = !has(subject[0], 'Determiner') || subject.filter((t) => !has(t, 'Determiner')).length >= 2;
  const restStartsAside = has(rest[0], 'Adverb') && /,/.test(rest[0]?.post ?? '');
  // "What means that ...?" is no question; the definition direction ("What does X mean?") asks it
  const definitional = ['means', 'mean', 'refers', 'denotes', 'stands'].includes(mainTok.normal);
  if (!boldSubject && !definitional && keyTerm && simpleNp && specific && !restStartsAside && c.leadEnd === 0 && group.length === 1 && !BE_FORMS.has(mainTok.normal) && !has(mainTok, 'Modal') && contentStems(render(rest)).length >= 3) {
    const q = whQuestion(c, { start: c.subjStart, end: c.verbStart, wh: 'what' });
    if (q) out.push({ ...b, type: 'basic', origin: 'term', front: q, back: render(subject), prior: 0.66 });
  }

  if (group.length === 1 && BE_FORMS.has(mainTok.normal) && head && !GENERIC_HEADS.has(head.normal)) {
    const first = rest[0];
    const past = mainTok.normal === 'was' || mainTok.normal === 'were';
    const complementText = render(rest);
    if (first && SUPERLATIVE_START.test(complementText)) {
      // reverse: "The internet is the most obvious source of ..." -> "What is the most obvious source of ...?"
      const comp = trimComplement(rest, 20);
      // "the smallest number that ...": a superlative of a generic noun says nothing without context
      const compHead = comp?.find((t, k) => k > 0 && has(t, 'Noun') && !has(t, 'Adjective') && !has(t, 'Value') && !SUPERLATIVE_START.test(t.normal));
      if (comp && subject.length <= 6 && !(compHead && GENERIC_WORDS.has(compHead.normal))) {
        let compText = render(comp);
        if (!/^the\b/i.test(compText)) compText = `the ${compText}`;
        // the verb keeps the sentence's number: "The most popular licenses are MIT, …" → "What are …?"
        const pl = mainTok.normal === 'are' || mainTok.normal === 'were';
        const be = c.leadKind === 'date' || past ? (pl ? 'were' : 'was') : pl ? 'are' : 'is';
        out.push({
          ...b,
          type: 'basic',
          origin: 'definition',
          front: `What ${be} ${compText}?`,
          back: render(subject.filter((t) => t.paren === 0)),
          prior: 0.72,
        });
      }
    } else if (
      first &&
      plural &&
      !past &&
      mainTok.normal === 'are' &&
      c.leadEnd === 0 &&
      subject.length <= 3 &&
      !has(subject[0], 'Determiner') &&
      subject.every((t) => isNounish(t) || has(t, 'Adjective')) &&
      has(first, 'Noun') &&
      has(first, 'Plural') &&
      !has(first, 'Pronoun') &&
      !GENERIC_HEADS.has(first.normal)
    ) {
      // "Complements are goods used together, …" → "What are complements?" (bare plural defined by a plural class)
      const comp = trimComplement(rest, 14);
      if (comp && comp.length >= 3 && !SUBJECTIVE.test(render(comp)) && !comp.some((t) => t.normal === 'not')) {
        out.push({ ...b, type: 'basic', origin: 'definition', front: `What are ${subjText}?`, back: render(comp), prior: 0.7 });
      }
    } else if (first && (['a', 'an', 'one'].includes(first.normal) || (first.normal === 'the' && !past)) && (!past || first.normal !== 'the')) {
      const comp = withoutOpinion(trimComplement(rest, 18));
      const termLike = !subject.some((t) => has(t, 'Preposition') || has(t, 'Possessive') || /'s$/.test(t.text)) || subject.every((t) => !/^[a-z]/.test(t.text) || has(t, 'Preposition'));
      if (comp && comp.length >= 2 && subject.length <= 6 && c.leadEnd === 0 && termLike && !SUBJECTIVE.test(render(comp.slice(0, 6))) && !isGenericSubject(doc, subject)) {
        const be = plural ? (past ? 'were' : 'are') : past ? 'was' : 'is';
        out.push({
          ...b,
          type: 'basic',
          origin: 'definition',
          front: `What ${be} ${subjText}?`,
          back: render(comp),
          prior: subject.some((t) => t.marked) ? 0.82 : 0.74,
        });
      }
    }
  }

  // "X works by Y-ing" -> "How does X work?"
  if (['works', 'work', 'worked', 'operates', 'operate'].includes(mainTok.normal) && group.length === 1 && rest[0]?.normal === 'by' && (has(rest[1], 'Gerund') || (has(rest[1], 'Adverb') && has(rest[2], 'Gerund'))) && subject.length <= 5) {
    const comp = trimComplement(rest, 16);
    if (comp && comp.length >= 3) {
      const doForm = has(mainTok, 'PastTense') ? 'did' : plural ? 'do' : 'does';
      out.push({ ...b, type: 'basic', origin: 'definition', front: `How ${doForm} ${subjText} ${mainTok.normal.replace(/s$|ed$/, '').replace(/^operat$/, 'operate')}?`, back: render(comp), prior: 0.76 });
    }
  }

  // "X arises when Y" -> "When does X arise?" (the condition of a defined phenomenon)
  if (['arises', 'occurs', 'happens', 'arise', 'occur', 'happen'].includes(mainTok.normal) && group.length === 1 && rest[0]?.normal === 'when' && subject.length <= 6 && c.leadEnd === 0 && head && !GENERIC_HEADS.has(head.normal) && !isGenericSubject(doc, subject)) {
    // the whole condition up to the clause's end (function words at its end belong to it: "knows more than the other")
    const comp: Token[] = [];
    for (const t of rest) {
      if (t.paren > 0) continue;
      comp.push(t);
      if (/[;:,]|\s[-–—]\s/.test(t.post)) break;
    }
    if (comp.length >= 4 && countWords(render(comp)) <= 18 && !opensClause(comp)) {
      const doForm = plural ? 'do' : 'does';
      const verbBase = mainTok.normal.replace(/s$/, '');
      out.push({ ...b, type: 'basic', origin: 'definition', front: `When ${doForm} ${subjText} ${verbBase}?`, back: render(comp), prior: 0.74 });
    }
  }

  // "X means (that) Y", "X refers to Y", "X stands for Y", "X is defined as Y"
  const verbNormal = mainTok.normal;
  const defVerb = ['means', 'refers', 'denotes', 'describes', 'stands', 'measures', 'states', 'quantifies', 'represents'].includes(verbNormal) ? verbNormal : null;
  if (defVerb && group.length === 1 && subject.length <= 6 && head && !GENERIC_HEADS.has(head.normal) && !isGenericSubject(doc, subject)) {
    let compTokens = rest;
    if (defVerb === 'refers' && compTokens[0]?.normal === 'to') compTokens = compTokens.slice(1);
    if (defVerb === 'stands' && compTokens[0]?.normal === 'for') compTokens = compTokens.slice(1);
    if ((defVerb === 'means' || defVerb === 'states') && compTokens[0]?.normal === 'that') compTokens = compTokens.slice(1);
    // an aside right after the verb ("states that, other things being equal, …") would be cut as the answer
    if (/,/.test(tokens[c.verbEnd]?.post ?? '') || /,/.test(compTokens[0]?.post ?? '')) compTokens = [];
    const comp = trimComplement(compTokens, 18);
    const verbBase = { means: 'mean', refers: 'refer to', denotes: 'denote', describes: 'describe', stands: 'stand for', measures: 'measure', states: 'state', quantifies: 'quantify', represents: 'represent' }[defVerb];
    if (comp && comp.length >= 2) {
      const doForm = plural ? 'do' : 'does';
      const lead = c.leadEnd > 0 && c.leadKind === 'phrase' ? ` ${render(tokens.slice(0, c.leadEnd)).replace(/^[A-Z]/, (m) => m.toLowerCase())}` : '';
      out.push({ ...b, type: 'basic', origin: 'definition', front: `What ${doForm} ${subjText} ${verbBase}${lead}?`, back: render(comp), prior: 0.74 });
    }
  }
  return out;
}

/** Schwartz–Hearst: the long form ending right before "(" whose letters spell the short form. */
export function matchLongForm(short: string, candidateWords: readonly string[]): string | null {
  const s = short.replace(/s$/, '').toLowerCase();
  if (s.length < 2) return null;
  const long = candidateWords.join(' ');
  const l = long.toLowerCase();
  let si = s.length - 1;
  let li = l.length - 1;
  while (si >= 0) {
    const ch = s.charAt(si);
    if (!/[a-z0-9]/.test(ch)) {
      si--;
      continue;
    }
    while (li >= 0 && (l.charAt(li) !== ch || (si === 0 && li > 0 && /[a-z0-9]/.test(l.charAt(li - 1))))) li--;
    if (li < 0) return null;
    si--;
    li--;
  }
  const start = l.lastIndexOf(' ', li) + 1;
  const form = long.slice(start).trim();
  const n = form.split(/\s+/).length;
  if (n < 2 || n > Math.min(short.length + 5, short.length * 2)) return null;
  if (form.toLowerCase().includes(s)) return null;
  return form;
}

function acronymCandidates(doc: LessonDoc, info: SentenceInfo): Candidate[] {
  const out: Candidate[] = [];
  const text = info.sentence.text;
  const b = base(doc, info);
  // Long Form (ACR)
  for (const m of text.matchAll(/([A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){0,9})\s+\(([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*s?)\)/g)) {
    const short = m[2] ?? '';
    const wordsBefore = (m[1] ?? '').split(/\s+/);
    const long = matchLongForm(short, wordsBefore.slice(-Math.min(wordsBefore.length, short.length + 5)));
    if (!long) continue;
    const acr = /[A-Z]s$/.test(short) ? short.slice(0, -1) : short;
    out.push({ ...b, type: 'basic', origin: 'acronym', front: `What does ${acr} stand for?`, back: long.replace(/^(the|a|an)\s+/i, ''), prior: 0.72 });
  }
  // ACR (long form)
  for (const m of text.matchAll(/\b([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*s?)\s+\(([^()]{3,80})\)/g)) {
    const short = m[1] ?? '';
    const inner = (m[2] ?? '').trim();
    const long = matchLongForm(short, inner.split(/\s+/));
    if (!long || long !== inner) continue;
    const acr = /[A-Z]s$/.test(short) ? short.slice(0, -1) : short;
    out.push({ ...b, type: 'basic', origin: 'acronym', front: `What does ${acr} stand for?`, back: long, prior: 0.72 });
  }
  return out;
}
