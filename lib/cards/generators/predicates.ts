// What a named thing does: "The grave accent indicated that the voice should fall." → "What did the grave
// accent indicate?"; "X is used to/for Y" → "What is X used for?"; "X allows you to Y" → "What does X allow
// you to do?". Only for a specific subject (a name, a marked or glossary term, a key noun of the lesson)
// and a verb whose object is the fact of the sentence, so the question has one answer.

import type { Candidate } from '../candidate';
import { analyseClause, isNounish, renderSubject, restTokens, subjectIsPlural, subjectTokens } from '../clause';
import { resolvedSentence, salience, type LessonDoc, type SentenceInfo } from '../lesson';
import { conjugate, has, render, tenseOf, type Token } from '../nlp';
import { contentStems, countWords, stem, STOPWORDS } from '../text';
import { isGlossaryTerm } from './cloze';
import { GENERIC_HEADS, isGenericSubject, opensClause, SUBJECTIVE, SUPERLATIVE_START } from './definitions';

/** Verbs whose object says what the subject is for or means (base forms). */
const FUNCTION_VERBS = new Set([
  'indicate', 'signal', 'mark', 'denote', 'determine', 'specify', 'control', 'prevent', 'require', 'ensure',
  'guarantee', 'store', 'record', 'track', 'convert', 'compute', 'calculate', 'return', 'detect', 'identify',
  'encode', 'regulate', 'protect', 'govern', 'grant', 'forbid', 'prohibit', 'permit', 'transport', 'carry',
  'produce', 'secrete', 'translate', 'predict', 'estimate', 'minimise', 'minimize', 'maximise', 'maximize',
]);
/** Verb + preposition pairs whose object is the fact ("X consists of Y" → "What does X consist of?"). */
const PREP_VERBS: Record<string, string> = {
  consist: 'of', depend: 'on', rely: 'on', belong: 'to', correspond: 'to', stem: 'from', derive: 'from', refer: 'to', result: 'in', lead: 'to', contribute: 'to', respond: 'to',
};
/** Passive participle + preposition ("X is based on Y" → "What is X based on?"). */
const PASSIVE_PREP: Record<string, readonly string[]> = {
  based: ['on'], composed: ['of'], made: ['of'], caused: ['by'], determined: ['by'], defined: ['by', 'as'], derived: ['from'], built: ['on', 'from'], measured: ['in', 'by'], governed: ['by'], controlled: ['by'], triggered: ['by'], stored: ['in'], written: ['in'], named: ['after'],
};
/** Verbs of enabling: "X allows NP to Y" → "What does X allow NP to do?" ("let" takes no "to"). */
const ENABLING = new Set(['allow', 'enable', 'let', 'help', 'permit']);

const PRONOUN_WORDS = new Set(['it', 'its', 'they', 'them', 'their', 'this', 'these', 'those', 'such', 'he', 'she', 'his', 'her', 'that']);

/** Cut the predicate at its first clause break; null when too long, too short or left open. */
function answerOf(tokens: readonly Token[], maxWords: number, keepCommas = false): Token[] | null {
  const out: Token[] = [];
  for (const t of tokens) {
    if (t.paren > 0) continue;
    out.push(t);
    // a list object ("of silica, flux and alumina") runs to the clause's end; other answers stop at a comma
    if ((keepCommas ? /[;:]|\s[-–—]\s/ : /[;:,]|\s[-–—]\s/).test(t.post)) break;
  }
  while (out.length > 0 && (STOPWORDS.has(out[out.length - 1]?.normal ?? '') || has(out[out.length - 1], 'Conjunction'))) out.pop();
  const text = render(out);
  if (out.length < 2 || countWords(text) > maxWords || opensClause(out)) return null;
  if (contentStems(text).length < 2 || SUBJECTIVE.test(text) || out.some((t) => PRONOUN_WORDS.has(t.normal) && t.normal !== 'that')) return null;
  return out;
}

/** A subject a learner can be asked about on its own: a name, a marked/glossary term or a key noun of the lesson. */
function specificSubject(doc: LessonDoc, subject: readonly Token[]): boolean {
  if (subject.length === 0 || subject.length > 5) return false;
  if (subject.some((t) => PRONOUN_WORDS.has(t.normal) || has(t, 'Pronoun') || has(t, 'Preposition') || t.paren > 0)) return false;
  if (!subject.every((t, k) => (k === 0 && has(t, 'Determiner') && ['the', 'a', 'an'].includes(t.normal)) || isNounish(t) || has(t, 'Adjective'))) return false;
  const head = [...subject].reverse().find((t) => isNounish(t));
  if (!head) return false;
  const named = subject.some((t) => t.marked || /^[a-z]+[_.][a-z_.]+$|^[a-z]+[A-Z]/.test(t.text) || has(t, 'ProperNoun') || has(t, 'Acronym') || /[A-Z].*[A-Z]|\d/.test(t.text) || (t !== subject[0] && /^[A-Z]/.test(t.text)));
  if (named) return true;
  // an indefinite subject is an example, not the term ("A user can …"), unless the lesson marks it
  if (['a', 'an'].includes(subject[0]?.normal ?? '')) return false;
  if (isGenericSubject(doc, subject)) return false;
  const stems = contentStems(render(subject));
  return isGlossaryTerm(doc, stems) || (doc.keywords.get(stem(head.normal)) ?? 0) >= 3;
}

/**
 * "The most basic type of zooming is static zoom." → "What is the most basic type of zooming?" → "static
 * zoom": a superlative subject names one thing, so the question has one answer (the reverse of the
 * complement superlative in definitions.ts). The head after the superlative must not be generic ("the
 * most important thing is …") and the answer must be a short noun phrase.
 */
function superlativeSubject(c: NonNullable<ReturnType<typeof analyseClause>>, base: Omit<Candidate, 'front' | 'back' | 'prior'>): Candidate[] {
  const subject = subjectTokens(c);
  const group = c.tokens.slice(c.verbStart, c.verbEnd);
  const main = c.tokens[c.main];
  if (!main || group.length !== 1 || !['is', 'are', 'was', 'were'].includes(main.normal)) return [];
  if (subject[0]?.normal !== 'the' || !SUPERLATIVE_START.test(render(subject)) || subject.length < 3 || subject.length > 9) return [];
  if (subject.some((t) => PRONOUN_WORDS.has(t.normal) || t.normal === 'you' || t.normal === 'your' || t.paren > 0)) return [];
  const head = subject.slice(2).find((t) => isNounish(t) && !has(t, 'Adjective'));
  if (!head || GENERIC_HEADS.has(head.normal) || ['way', 'thing', 'part', 'step'].includes(head.normal)) return [];
  const rest = restTokens(c);
  if (!rest[0] || rest[0].normal === 'to' || has(rest[0], 'Verb') || has(rest[0], 'Preposition')) return [];
  const answer: Token[] = [];
  for (const t of rest) {
    if (t.paren > 0) continue;
    if (!(isNounish(t) || has(t, 'Determiner') || has(t, 'Adjective') || has(t, 'Value')) || ['which', 'that', 'who'].includes(t.normal)) break;
    answer.push(t);
    if (/[,;:.]|\s[-–—]\s/.test(t.post)) break;
  }
  if (answer.length === 0 || answer.length > 5 || SUBJECTIVE.test(render(answer)) || answer.some((t) => PRONOUN_WORDS.has(t.normal))) return [];
  const text = render(subject);
  return [{ ...base, front: `What ${main.normal} ${text.charAt(0).toLowerCase()}${text.slice(1)}?`, back: render(answer), prior: 0.74 }];
}

const NAMED_THING = /^(?:both\s+)?([A-Za-z][\w.+-]*(?:,? (?:and |or )?[A-Za-z][\w.+-]*){0,4}) (have|has|had|include|includes|included|offer|offers|offered|provide|provides|provided|ship with|ships with|come with|comes with) (?:a|an) ((?:[\w-]+ ){0,4}[\w-]+) (?:called|named) ([A-Z][\w.+-]*(?: [A-Z][\w.+-]*){0,2})\.?$/i;

/**
 * "Both macOS and iOS have a built-in magnification software called Zoom." → "What is the name of the
 * built-in magnification software that macOS and iOS have?" → "Zoom": the named thing is unique to its owner.
 */
function namedThing(text: string, base: Omit<Candidate, 'front' | 'back' | 'prior'>): Candidate[] {
  const m = NAMED_THING.exec(text.trim());
  if (!m) return [];
  const [, owner = '', verb = '', thing = '', name = ''] = m;
  const first = owner.split(/\s+/)[0]!.toLowerCase();
  if (PRONOUN_WORDS.has(first) || ['you', 'we', 'i', 'some', 'many', 'most', 'another', 'other', 'each', 'every'].includes(first)) return [];
  const ownerText = /^The\b/.test(owner) ? `the${owner.slice(3)}` : owner;
  return [{ ...base, front: `What is the name of the ${thing} that ${ownerText} ${verb}?`, back: name.replace(/[.]+$/, ''), prior: 0.74 }];
}

export function predicateCandidates(doc: LessonDoc, info: SentenceInfo): Candidate[] {
  if (info.excluded) return [];
  const named = namedThing(info.sentence.text, { type: 'basic', origin: 'definition', source: info.sentence.text, anchor: info.block.anchor, sentenceId: info.id, position: info.block.index, salience: salience(doc, info.sentence.text) });
  if (named.length > 0) return named;
  const resolved = resolvedSentence(info);
  if (!resolved || resolved.resolved) return [];
  const tokens = resolved.sentence.tokens;
  const c = analyseClause(tokens);
  if (!c || c.leadEnd !== 0) return [];
  const subject = subjectTokens(c);
  const common = { type: 'basic' as const, origin: 'definition' as const, source: info.sentence.text, anchor: info.block.anchor, sentenceId: info.id, position: info.block.index, salience: salience(doc, info.sentence.text) };
  const superlative = superlativeSubject(c, common);
  if (superlative.length > 0) return superlative;
  if (!specificSubject(doc, subject)) return [];
  const group = tokens.slice(c.verbStart, c.verbEnd);
  const main = tokens[c.main];
  const rest = restTokens(c);
  if (!main || group.some((t) => t.normal === 'not' || has(t, 'Modal') || has(t, 'Adverb'))) return [];
  const subj = renderSubject(subject);
  const plural = subjectIsPlural(subject);
  const base = { type: 'basic' as const, origin: 'definition' as const, source: info.sentence.text, anchor: info.block.anchor, sentenceId: info.id, position: info.block.index, salience: salience(doc, info.sentence.text) };
  const out: Candidate[] = [];

  // "X is used to/for Y" → "What is X used for?"
  if (group.length === 2 && ['is', 'are', 'was', 'were'].includes(group[0]!.normal) && main.normal === 'used' && ['to', 'for'].includes(rest[0]?.normal ?? '')) {
    const answer = answerOf(rest, 14);
    if (answer) out.push({ ...base, front: `What ${group[0]!.normal} ${subj} used for?`, back: render(answer), prior: 0.76 });
    return out;
  }
  // "X is based on Y" → "What is X based on?"
  const preps = PASSIVE_PREP[main.normal];
  if (group.length === 2 && ['is', 'are', 'was', 'were'].includes(group[0]!.normal) && preps) {
    // "made up of" keeps its particle
    const particle = main.normal === 'made' && rest[0]?.normal === 'up' ? 1 : 0;
    const prep = rest[particle]?.normal ?? '';
    if (!preps.includes(prep)) return out;
    const answer = answerOf(rest.slice(particle + 1), 12, true);
    if (answer) out.push({ ...base, front: `What ${group[0]!.normal} ${subj} ${main.normal}${particle ? ' up' : ''} ${prep}?`, back: render(answer), prior: 0.74 });
    return out;
  }
  if (group.length !== 1) return out;
  const forms = conjugate(main.normal, tenseOf(main));
  if (!forms) return out;
  const inf = forms.infinitive;
  const past = has(main, 'PastTense');
  const doForm = past ? 'did' : plural ? 'do' : 'does';
  // the verb agrees with the subject the way the question will ("The acute accent indicate …" is a tagger slip)
  if (!past && plural === /s$/.test(main.normal)) return out;

  if (ENABLING.has(inf)) {
    // "Notebooks let developers mix code and notes", "X allows you to Y"
    const to = rest.findIndex((t) => t.normal === 'to');
    const objEnd = inf === 'let' || (inf === 'help' && to < 0) ? rest.findIndex((t, k) => k > 0 && has(t, 'Verb') && !has(t, 'Noun')) : to;
    if (objEnd < 1 || objEnd > 3) return out;
    const object = rest.slice(0, objEnd);
    if (!object.every((t) => isNounish(t) || has(t, 'Determiner') || ['you', 'us', 'users', 'people'].includes(t.normal)) || object.some((t) => PRONOUN_WORDS.has(t.normal))) return out;
    const answer = answerOf(rest.slice(objEnd + (rest[objEnd]?.normal === 'to' ? 1 : 0)), 14);
    // the word after "to" starts a verb phrase (the tagger may call it a noun: "to compare"), not a noun phrase
    if (!answer || has(answer[0], 'Determiner') || has(answer[0], 'Pronoun') || has(answer[0], 'Preposition') || has(answer[0], 'Adjective')) return out;
    const to2 = inf === 'let' ? '' : ' to';
    out.push({ ...base, front: `What ${doForm} ${subj} ${inf} ${render(object)}${to2} do?`, back: render(answer), prior: 0.74 });
    return out;
  }
  const verbPrep = PREP_VERBS[inf];
  if (verbPrep) {
    if (rest[0]?.normal !== verbPrep) return out;
    const answer = answerOf(rest.slice(1), 12, true);
    if (answer) out.push({ ...base, front: `What ${doForm} ${subj} ${inf} ${verbPrep}?`, back: render(answer), prior: 0.74 });
    return out;
  }
  if (!FUNCTION_VERBS.has(inf)) return out;
  // a verb followed by a preposition or adverb is another construction ("marks out", "controls for")
  if (!rest[0] || has(rest[0], 'Preposition') || has(rest[0], 'Adverb')) return out;
  const answer = answerOf(rest, 14);
  if (!answer) return out;
  out.push({ ...base, front: `What ${doForm} ${subj} ${inf}?`, back: render(answer), prior: 0.74 });
  return out;
}
