// Shallow clause analysis (fronted adverbial, subject, verb group, rest) over tagged tokens, and the
// question transformation built on it: wh-fronting with auxiliary inversion or do-support.

import { conjugate, has, render, tenseOf, type Token } from './nlp';
import { capitalize } from './text';

export type LeadKind = 'none' | 'discourse' | 'date' | 'phrase' | 'subordinate';

export interface Clause {
  tokens: Token[];
  /** [0, leadEnd) is a fronted adverbial; the clause proper starts at subjStart. */
  leadEnd: number;
  leadKind: LeadKind;
  subjStart: number;
  /** Verb group [verbStart, verbEnd); the subject is [subjStart, verbStart). */
  verbStart: number;
  verbEnd: number;
  /** Index of the main (lexical) verb inside the verb group. */
  main: number;
  /** End of the clause (exclusive); a second coordinated verb phrase starts here if any. */
  end: number;
}

const DISCOURSE_WORDS = new Set([
  'additionally', 'however', 'notably', 'essentially', 'also', 'moreover', 'furthermore', 'importantly',
  'interestingly', 'clearly', 'thus', 'therefore', 'hence', 'so', 'similarly', 'meanwhile', 'specifically',
  'finally', 'initially', 'first', 'second', 'third', 'then', 'now', 'still', 'indeed', 'overall', 'practically',
  'conceptually', 'empirically', 'regardless', 'arguably', 'consequently', 'instead', 'again', 'today',
  'originally', 'later', 'eventually', 'ultimately', 'basically', 'generally', 'typically', 'usually', 'often',
]);
const SUBORDINATORS = new Set([
  'when', 'while', 'although', 'though', 'if', 'as', 'because', 'since', 'after', 'before', 'once', 'whereas',
  'unless', 'until', 'whenever',
]);
const ADVERB_IN_GROUP = new Set([
  'not', 'also', 'first', 'only', 'never', 'still', 'already', 'just', 'recently', 'initially', 'originally',
  'later', 'often', 'usually', 'then', 'now', 'quickly', 'finally', 'even', 'further', 'largely', 'widely',
  'successfully', 'effectively', 'actually', 'generally', 'typically', 'rapidly', 'gradually', 'eventually',
  'soon', 'always', 'mainly', 'mostly', 'directly', 'completely', 'essentially', 'traditionally', 'commonly',
]);
const PARTICLES = new Set(['up', 'down', 'out', 'off', 'away', 'back', 'over', 'on', 'in', 'about', 'around']);
const RELATIVE = new Set(['which', 'who', 'whom', 'whose', 'that', 'where']);
export const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am']);
const MODALS = new Set(['can', 'could', 'may', 'might', 'must', 'shall', 'should', 'will', 'would']);

export const isVerbish = (t: Token | undefined): boolean =>
  t !== undefined && (has(t, 'Verb') || has(t, 'Copula') || has(t, 'Modal') || has(t, 'Auxiliary'));

export const isNounish = (t: Token | undefined): boolean =>
  t !== undefined &&
  (has(t, 'Noun') || has(t, 'ProperNoun') || has(t, 'Acronym') || has(t, 'Value') || has(t, 'Pronoun')) &&
  !has(t, 'Verb');

const PREPOSITION_WORDS = new Set(['in', 'on', 'at', 'by', 'for', 'from', 'to', 'with', 'over', 'through', 'into', 'during', 'since', 'after', 'before', 'under', 'about', 'of']);

/** compromise tags "in" of "came in 2002" as a verb particle; treat such words as prepositions. */
export const isPreposition = (t: Token | undefined): boolean =>
  t !== undefined && (has(t, 'Preposition') || ((has(t, 'Particle') || has(t, 'Conjunction')) && PREPOSITION_WORDS.has(t.normal)));

export const isYear = (t: Token | undefined): boolean =>
  t !== undefined && /^(1[0-9]|20)\d\d$/.test(t.text) && !/[-–]\d/.test(t.post);

function leadEnd(tokens: readonly Token[]): { end: number; kind: LeadKind } {
  const first = tokens[0];
  if (!first) return { end: 0, kind: 'none' };
  // "2016 – WaveNet ..." (a dated list entry)
  if (isYear(first) && /[–—:-]/.test(first.post)) return { end: 1, kind: 'date' };
  // "In 2009 a group ...", "On 2012 AlexNet ...", "Back in 1998 Yann ...", "In November 2022, ..."
  let p = 0;
  if (first.normal === 'back' && isPreposition(tokens[1])) p = 1;
  const prep = tokens[p];
  if (prep && ['in', 'on', 'during'].includes(prep.normal)) {
    let j = p + 1;
    let sawYear = false;
    while (j < tokens.length && j < p + 5) {
      const t = tokens[j];
      if (!t) break;
      if (isYear(t)) sawYear = true;
      else if (!(has(t, 'Month') || (has(t, 'Date') && !has(t, 'Determiner')) || t.normal === 'of' || t.normal === 'early' || t.normal === 'late')) break;
      j++;
      if (/,/.test(t.post)) break;
    }
    const next = tokens[j];
    if (sawYear && next && !isVerbish(next)) return { end: j, kind: 'date' };
  }
  // up to a comma within the first words, when that stretch has no finite verb
  const comma = tokens.findIndex((t, i) => i < 10 && t.paren === 0 && !t.quoted && /,/.test(t.post));
  const firstNormal = first.normal;
  const introducer =
    isPreposition(first) || has(first, 'Adverb') || SUBORDINATORS.has(firstNormal) || DISCOURSE_WORDS.has(firstNormal) ||
    firstNormal === 'to' || has(first, 'Gerund') || firstNormal === 'back';
  if (comma >= 0 && introducer) {
    const span = tokens.slice(0, comma + 1);
    if (SUBORDINATORS.has(firstNormal)) return { end: comma + 1, kind: 'subordinate' };
    const hasFinite = span
      .slice(1)
      .some((t, i) => isVerbish(t) && !has(t, 'Gerund') && span[i]?.normal !== 'to' && !(has(t, 'Infinitive') && !has(t, 'PresentTense')));
    if (comma === 0 && (DISCOURSE_WORDS.has(firstNormal) || has(first, 'Adverb'))) return { end: 1, kind: 'discourse' };
    if (!hasFinite || isPreposition(first)) {
      const dated = span.some((t) => isYear(t)) && ['in', 'on', 'during', 'back'].includes(firstNormal);
      if (dated && !span.some((t) => t.normal === 'between' || t.normal === 'from')) return { end: comma + 1, kind: 'date' };
      return { end: comma + 1, kind: comma <= 2 && !isPreposition(first) ? 'discourse' : 'phrase' };
    }
  }
  if (DISCOURSE_WORDS.has(firstNormal) && !isVerbish(tokens[1]) && has(first, 'Adverb')) return { end: 1, kind: 'discourse' };
  return { end: 0, kind: 'none' };
}

function isFiniteCandidate(tokens: readonly Token[], i: number, subjStart: number, relaxed: boolean): boolean {
  const t = tokens[i];
  if (!t || !isVerbish(t) || t.paren > 0 || t.quoted) return false;
  const prev = i > subjStart ? tokens[i - 1] : undefined;
  if (prev?.normal === 'to') return false;
  if (has(t, 'Gerund') && !(prev && BE_FORMS.has(prev.normal))) return false;
  if (i === subjStart) return false;
  // "The cell cycle has ...": a bare verb form between a noun and a finite verb is part of the noun phrase
  const following = tokens[i + 1];
  if (!BE_FORMS.has(t.normal) && !has(t, 'PastTense') && !has(t, 'Modal') && prev && isNounish(prev) && !has(prev, 'Pronoun') && following && (BE_FORMS.has(following.normal) || ['has', 'have', 'had'].includes(following.normal) || has(following, 'Modal') || (has(following, 'PastTense') && !has(following, 'Participle')))) return false;
  // "Weight decay depends on ...": a bare present form between a noun and another finite verb is a noun
  if (!BE_FORMS.has(t.normal) && !has(t, 'PastTense') && !has(t, 'Modal') && prev && isNounish(prev) && !has(prev, 'Pronoun') && isFiniteVerbForm(following)) return false;
  // "Learning rate schedules that decay the rate ... help": a plural noun read as a verb, with a relative clause after it
  if (t.alt?.includes('Plural') && prev && isNounish(prev) && !has(prev, 'Pronoun') && following && RELATIVE.has(following.normal) && isVerbish(tokens[i + 2]) && !has(tokens[i + 2], 'Gerund')) return false;
  if (!relaxed && (has(t, 'PastTense') || has(t, 'Participle')) && !BE_FORMS.has(t.normal)) {
    // reduced relative: "a group led by X", "the architecture, invented in 2017"
    const next = tokens[i + 1];
    const afterNoun = prev !== undefined && (isNounish(prev) || /,\s*$/.test(prev.post));
    if (afterNoun && next && (has(next, 'Preposition') || next.normal === 'by' || next.normal === 'to')) return false;
  }
  return true;
}

/** A finite present or past verb that cannot start a verb group's continuation ("depends", "decayed"). */
function isFiniteVerbForm(t: Token | undefined): boolean {
  if (!t || !has(t, 'Verb') || has(t, 'Gerund') || has(t, 'Participle')) return false;
  return (has(t, 'PresentTense') && !has(t, 'Infinitive')) || has(t, 'PastTense');
}

const clauseCache = new WeakMap<Token[], Clause | null>();

/** Analyse one sentence into lead / subject / verb group / rest. Null when no usable finite verb. */
export function analyseClause(tokens: Token[]): Clause | null {
  if (clauseCache.has(tokens)) return clauseCache.get(tokens) ?? null;
  const clause = computeClause(tokens);
  clauseCache.set(tokens, clause);
  return clause;
}

function computeClause(tokens: Token[]): Clause | null {
  const lead = leadEnd(tokens);
  const subjStart = lead.end;
  repairNounVerb(tokens, subjStart);
  // the main clause does not reach past a semicolon ("X lived in towns; by 1851 it was ...")
  const semi = tokens.findIndex((t, k) => k >= subjStart && t.paren === 0 && /;/.test(t.post));
  const limit = semi >= 0 ? semi + 1 : tokens.length;
  for (const relaxed of [false, true]) {
    let inRelative = false;
    for (let i = subjStart; i < limit; i++) {
      const t = tokens[i];
      if (!t) break;
      if (i > subjStart && RELATIVE.has(t.normal) && t.paren === 0 && !(t.normal === 'that' && isNounish(tokens[i + 1]) && !isVerbish(tokens[i + 1]))) {
        inRelative = true;
        continue;
      }
      if (!isFiniteCandidate(tokens, i, subjStart, relaxed)) continue;
      if (inRelative) {
        // skip this relative verb group
        let k = i;
        while (k + 1 < tokens.length && (isVerbish(tokens[k + 1]) || ADVERB_IN_GROUP.has(tokens[k + 1]?.normal ?? ''))) k++;
        i = k;
        // one verb group per relative clause: "GPT-2, which is a model, was trained ..."
        inRelative = false;
        continue;
      }
      const group = verbGroup(tokens, i);
      if (!group) continue;
      return { tokens, leadEnd: lead.end, leadKind: lead.kind, subjStart, verbStart: i, verbEnd: group.end, main: group.main, end: clauseEnd(tokens, group.end) };
    }
  }
  return null;
}

/**
 * The tagger sometimes reads an ambiguous verb as a noun right after a bare subject
 * ("Mitochondria produce most of ..."): retag it when a noun precedes it and a determiner,
 * adjective or number follows, before any other verb.
 */
function repairNounVerb(tokens: Token[], subjStart: number): void {
  for (let i = subjStart + 1; i < Math.min(tokens.length - 1, subjStart + 6); i++) {
    const t = tokens[i] as Token;
    if (isVerbish(t) || has(t, 'Preposition')) return;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (!t.alt?.includes('Verb') || t.paren > 0 || !isNounish(prev) || has(prev, 'Determiner') || has(prev, 'Possessive')) continue;
    if (!next || !(has(next, 'Determiner') || has(next, 'Adjective') || has(next, 'Value'))) continue;
    t.tags.delete('Noun');
    t.tags.delete('Singular');
    t.tags.add('Verb');
    t.tags.add(/ed$/.test(t.normal) ? 'PastTense' : 'PresentTense');
    return;
  }
}

function verbGroup(tokens: readonly Token[], start: number): { end: number; main: number } | null {
  let main = start;
  let i = start + 1;
  while (i < tokens.length) {
    const t = tokens[i];
    const prev = tokens[i - 1];
    if (!t || !prev || /[,;:]/.test(prev.post) || t.paren > 0) break;
    if (isVerbish(t) && !has(t, 'Infinitive') && prev.normal !== 'to') {
      // a second lexical verb right after a full verb is not part of the group ("helps prevent")
      const prevIsAux = BE_FORMS.has(prev.normal) || MODALS.has(prev.normal) || ['has', 'have', 'had', 'been', 'being', 'do', 'does', 'did'].includes(prev.normal) || ADVERB_IN_GROUP.has(prev.normal);
      if (!prevIsAux) break;
      main = i;
      i++;
      continue;
    }
    if (has(t, 'Infinitive') && (MODALS.has(prev.normal) || ['do', 'does', 'did'].includes(prev.normal) || (ADVERB_IN_GROUP.has(prev.normal) && main !== start))) {
      main = i;
      i++;
      continue;
    }
    if (ADVERB_IN_GROUP.has(t.normal) && isVerbish(tokens[i + 1]) && !/[,;:]/.test(t.post)) {
      i++;
      continue;
    }
    break;
  }
  // a trailing particle belongs to the rest ("brought down the error rate")
  const last = tokens[main];
  if (main > start && last && PARTICLES.has(last.normal)) main--;
  const mainTok = tokens[main];
  if (!mainTok || !isVerbish(mainTok)) return null;
  return { end: main + 1, main };
}

/**
 * The clause ends where a coordinated second verb phrase or clause begins ("used GPUs ... and achieved
 * ...", "X was released by Y and Z was open sourced ..."), or where a non-restrictive addition starts
 * (", enabling ...", ", which ...", "GPT-2 which is ...").
 */
function clauseEnd(tokens: readonly Token[], from: number): number {
  for (let i = from; i < tokens.length - 1; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (!t || !next) break;
    if (t.quoted) continue;
    // punctuation after a closing bracket is outside it: "... (including GPTs) - the model ..."
    const post = t.paren > 0 ? (t.post.includes(')') ? t.post.slice(t.post.lastIndexOf(')') + 1) : null) : t.post;
    if (post === null) continue;
    if (/;|\s[-–—]\s|^[-–—]\s/.test(post)) return i + 1;
    // a trailing adverbial clause is a second fact: "... discovered cells in 1665 while examining cork"
    if (i > from && ['while', 'because', 'although', 'though', 'whereas', 'unless'].includes(next.normal) && !isVerbish(t)) {
      const after = tokens[i + 2];
      if (after && (has(after, 'Gerund') || has(after, 'Determiner') || has(after, 'Pronoun') || isNounish(after))) return i + 1;
    }
    if (/,/.test(post) && i > from && ['each', 'both', 'including', 'such', 'e.g.', 'i.e.'].includes(next.normal)) return i + 1;
    // ", so a small change can ...": a consequence is a second fact
    if (/,/.test(post) && i > from && (next.normal === 'so' || next.normal === 'hence' || next.normal === 'thus') && tokens[i + 2]?.normal !== 'that') return i + 1;
    if (/,/.test(post) && i > from && (has(next, 'Gerund') || next.normal === 'which' || next.normal === 'who' || (has(next, 'Adverb') && has(tokens[i + 2], 'Gerund')))) return i + 1;
    if ((next.normal === 'which' || next.normal === 'who') && i >= from && (has(t, 'ProperNoun') || has(t, 'Acronym') || /^[A-Z][a-z]*[A-Z0-9-]/.test(t.text))) return i + 1;
    if ((t.normal === 'and' || t.normal === 'but') && i > from) {
      const prev = tokens[i - 1];
      if (!prev) continue;
      // ", and the same lesson applies ...": after a comma a second clause may follow a verb
      const afterComma = /,/.test(prev.post);
      if (isVerbish(prev) && !afterComma) continue;
      // "and achieved ...": a second verb phrase
      if (!isVerbish(prev) && (has(next, 'PastTense') || (has(next, 'PresentTense') && !has(next, 'Gerund')) || has(next, 'Copula') || has(next, 'Modal')) && !has(next, 'Participle') && !has(next, 'Adjective')) return i;
      // "and Stable diffusion was open sourced ...": a second clause
      for (let k = i + 1; k < Math.min(tokens.length, i + 10); k++) {
        const u = tokens[k];
        if (!u || /[,;:]/.test(tokens[k - 1]?.post ?? '')) break;
        if (isVerbish(u) && !has(u, 'Gerund') && !has(u, 'Infinitive') && k > i + 1 && isNounish(tokens[k - 1])) return i;
        if (isVerbish(u)) break;
      }
    }
  }
  return tokens.length;
}

export function subjectTokens(c: Clause): Token[] {
  return c.tokens.slice(c.subjStart, c.verbStart);
}

export function restTokens(c: Clause): Token[] {
  return c.tokens.slice(c.verbEnd, c.end);
}

const PLURAL_PRONOUNS = new Set(['they', 'we', 'these', 'those', 'you', 'i']);

/** Is the subject grammatically plural? Head noun before the first preposition, or a coordination. */
export function subjectIsPlural(subject: readonly Token[]): boolean {
  const core: Token[] = [];
  for (const t of subject) {
    if (t.paren > 0) continue;
    if (has(t, 'Preposition') || RELATIVE.has(t.normal)) break;
    core.push(t);
  }
  if (core.some((t) => t.normal === 'and')) return true;
  const head = [...core].reverse().find((t) => isNounish(t) || has(t, 'Pronoun'));
  if (!head) return false;
  if (PLURAL_PRONOUNS.has(head.normal)) return true;
  if (has(head, 'Plural')) return true;
  if (has(head, 'Acronym') && /[A-Z]s$/.test(head.text)) return true;
  return false;
}

/** Render a subject for use inside a question: lower-case a sentence-initial common word. */
export function renderSubject(subject: readonly Token[]): string {
  const text = render(subject);
  const first = subject[0];
  const second = subject[1];
  if (!first) return text;
  const name = has(first, 'ProperNoun') || has(first, 'Person') || has(first, 'Organization') || has(first, 'Place') || has(first, 'Acronym') || has(first, 'KeepCase');
  const titled = /^[A-Z][a-z]*$/.test(first.text);
  const nextCapitalised = second !== undefined && /^[A-Z][a-z]/.test(second.text);
  if (titled && (!name || first.tags.has('Determiner')) && (!nextCapitalised || has(first, 'Determiner'))) return text.charAt(0).toLowerCase() + text.slice(1);
  if (titled && ['The', 'A', 'An', 'This', 'These', 'Its', 'Their'].includes(first.text)) return text.charAt(0).toLowerCase() + text.slice(1);
  return text;
}

export interface WhTarget {
  /** Token range [start, end) removed from the clause (the answer and its modifiers). */
  start: number;
  end: number;
  /** The wh-phrase that replaces it ("what year", "how many web pages", "which three trends"). */
  wh: string;
  /** Include an immediately preceding preposition in the fronted phrase ("On how many web pages"). */
  takePrep?: boolean;
  /** Drop an immediately preceding preposition (the wh-phrase brings its own: "in what year"). */
  dropPrep?: boolean;
}

/** Drop asides in brackets from a question, except a lone acronym: "Generative Adversarial Networks (GANs)". */
export function dropAsides(q: string): string {
  return q.replace(/\s*\(([^()]*)\)/g, (m, inner: string) => (/^[A-Z][A-Za-z0-9-]*s?$/.test(inner.trim()) && /[A-Z].*[A-Z]/.test(inner) ? m : ''));
}

function finalPunct(q: string): string {
  return capitalize(dropAsides(q).replace(/\s+/g, ' ').replace(/\s+([,?])/g, '$1').replace(/,\s*\?$/, '?').replace(/[.,;:]+$/, '').trim()) + '?';
}

function leadText(c: Clause): string {
  const text = render(c.tokens.slice(0, c.leadEnd));
  // "On 2012" / "Back in 1998" / "2016 –" -> "in 2012"
  if (c.leadKind === 'date') {
    const m = /^(?:back\s+)?(?:(?:in|on|during)\s+)?((?:(?:early|late)\s+)?(?:[A-Z][a-z]+\s+(?:of\s+)?)?\d{4})\s*[–—:-]?$/i.exec(text);
    if (m?.[1]) return `in ${m[1]}`;
  }
  return text;
}

/**
 * Turn a declarative clause into a wh-question about the target span. Returns null when the
 * transformation cannot be made grammatical with the information available.
 */
export function whQuestion(c: Clause, target: WhTarget): string | null {
  const { tokens } = c;
  const subject = subjectTokens(c);
  if (subject.length === 0) return null;
  const group = tokens.slice(c.verbStart, c.verbEnd);
  const mainTok = tokens[c.main];
  if (!mainTok) return null;
  const inLead = target.end <= c.leadEnd;
  const inSubject = target.start >= c.subjStart && target.end <= c.verbStart;
  const inRest = target.start >= c.verbEnd && target.end <= c.end;
  if (!inLead && !inSubject && !inRest) return null;

  const lead = c.leadEnd > 0 && !inLead ? leadText(c) : '';
  const leadFront = c.leadKind === 'phrase' || c.leadKind === 'subordinate' ? lead : '';
  const leadBack = c.leadKind === 'date' ? lead.charAt(0).toLowerCase() + lead.slice(1) : '';

  if (inSubject) {
    // "What decays depends on ...": the verb group was part of the subject noun phrase
    if (isFiniteVerbForm(tokens[c.verbEnd]) && tokens[c.verbEnd - 1]?.post.trim() === '') return null;
    const before = render(tokens.slice(c.subjStart, target.start), { keepFinalPunct: true });
    const after = render(tokens.slice(target.end, c.verbStart), { keepFinalPunct: true });
    const wholeSubject = target.start === c.subjStart && target.end === c.verbStart;
    let verb = render(group, { keepFinalPunct: true }).replace(/[,;:]$/, '');
    if (wholeSubject && /^(what|who)$/i.test(target.wh)) {
      const first = group[0];
      if (first) {
        const singular: Record<string, string> = { are: 'is', were: 'was', have: 'has', do: 'does' };
        const sing = singular[first.normal];
        if (sing) verb = [sing, render(group.slice(1), { keepFinalPunct: true })].join(' ');
        else if (group.length === 1 && !has(first, 'PastTense') && (has(first, 'PresentTense') || has(first, 'Infinitive')) && !/s$/.test(first.normal)) {
          const forms = conjugate(first.normal, tenseOf(first));
          if (!forms) return null;
          verb = forms.present;
        }
      }
    }
    const rest = render(tokens.slice(c.verbEnd, c.end));
    const subj = [before ? renderSubjectText(before, tokens[c.subjStart]) : '', target.wh, after].filter(Boolean).join(' ');
    const body = [subj, verb, rest, leadBack].filter(Boolean).join(' ');
    return finalPunct(leadFront ? `${leadFront}, ${body.charAt(0).toLowerCase()}${body.slice(1)}` : body);
  }

  // fronted wh-phrase
  let fronted = target.wh;
  let removeStart = target.start;
  const prep = tokens[target.start - 1];
  const prepAllowed = prep !== undefined && isPreposition(prep) && target.start - 1 >= (inLead ? 0 : c.verbEnd);
  if (target.dropPrep && prepAllowed) {
    removeStart = target.start - 1;
  } else if (target.takePrep && prep && prepAllowed) {
    let p = target.start - 1;
    // only a preposition that belongs to the verb may be fronted: "Of how many photocells was the
    // machine connected to a camera with a grid?" moves "of" out of the noun phrase "a grid of ..."
    // ("of" after a noun, or a phrase nested two prepositions deep, belongs to a noun)
    const between = tokens.slice(c.verbEnd, p).filter((t) => isPreposition(t) && t.paren === 0);
    if ((prep.normal === 'of' && isNounish(tokens[p - 1])) || between.length >= 2) return null;
    // two-word prepositions: "due to", "according to", "because of", "out of"
    const pp = tokens[p - 1];
    if (pp && ['due', 'according', 'because', 'out', 'instead', 'prior', 'thanks'].includes(pp.normal) && p - 1 >= c.verbEnd) p--;
    fronted = `${render(tokens.slice(p, target.start))} ${target.wh}`;
    removeStart = p;
  }
  if (/[,;:]$/.test(fronted)) fronted = fronted.slice(0, -1);
  fronted = fronted.charAt(0).toLowerCase() + fronted.slice(1);

  // a reduced relative right after the moved phrase modifies it and would be stranded:
  // "trained on 8 million web pages collected from links" -> "... was the model trained collected from links?"
  const stranded = tokens[target.end];
  if (inRest && stranded && !/[,;:]/.test(tokens[target.end - 1]?.post ?? '') && (has(stranded, 'Gerund') || (has(stranded, 'PastTense') || has(stranded, 'Participle')) && !BE_FORMS.has(stranded.normal))) return null;
  const restTokensBefore = inRest ? tokens.slice(c.verbEnd, removeStart) : tokens.slice(c.verbEnd, c.end);
  const restTokensAfter = inRest ? tokens.slice(target.end, c.end) : [];
  const rest = [render(restTokensBefore, { keepFinalPunct: true }).replace(/[,;:]$/, ''), render(restTokensAfter)]
    .filter(Boolean)
    .join(' ');
  const subj = renderSubject(subject);
  const auxTokens = group.slice(0, c.main - c.verbStart);
  const aux = auxTokens.filter((t) => isVerbish(t));
  let inverted: string;
  if (aux.length > 0) {
    const firstAux = aux[0];
    if (!firstAux) return null;
    const afterFirst = render(group.slice(group.indexOf(firstAux) + 1), { keepFinalPunct: true });
    const preAdverbs = render(group.slice(0, group.indexOf(firstAux)), { keepFinalPunct: true });
    inverted = [firstAux.text.toLowerCase(), subj, preAdverbs, afterFirst, rest].filter(Boolean).join(' ');
  } else if (BE_FORMS.has(mainTok.normal)) {
    inverted = [mainTok.text.toLowerCase(), subj, rest].filter(Boolean).join(' ');
  } else {
    const forms = conjugate(mainTok.normal, tenseOf(mainTok));
    if (!forms) return null;
    const past = has(mainTok, 'PastTense') || (!has(mainTok, 'PresentTense') && /ed$/.test(mainTok.normal));
    const doForm = past ? 'did' : subjectIsPlural(subject) ? 'do' : 'does';
    const adverbs = render(group.slice(0, c.main - c.verbStart), { keepFinalPunct: true });
    inverted = [doForm, subj, adverbs, forms.infinitive, rest].filter(Boolean).join(' ');
  }
  const body = [fronted, inverted, leadBack].filter(Boolean).join(' ');
  return finalPunct(leadFront ? `${leadFront}, ${body}` : body);
}

function renderSubjectText(text: string, first: Token | undefined): string {
  if (!first) return text;
  const titled = /^[A-Z][a-z]+$/.test(first.text);
  if (titled && !has(first, 'ProperNoun') && !has(first, 'Person') && !has(first, 'Acronym') && !has(first, 'KeepCase')) return text.charAt(0).toLowerCase() + text.slice(1);
  return text;
}
