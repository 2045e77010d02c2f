// Cloze deletions: the key entity of a sentence (bold term, year, quantity, name, key noun phrase)
// is replaced by "[...]"; the fallback when a sentence cannot be turned into a clean question.

import type { Candidate } from '../candidate';
import { isYear } from '../clause';
import { salience, resolvedSentence, type LessonDoc, type SentenceInfo } from '../lesson';
import { cleanHeading } from '../markdown';
import { has, render, type Token } from '../nlp';
import { contentStems, countWords, GENERIC_WORDS, STOPWORDS, stem } from '../text';

interface Glossary {
  /** Canonical stems of the lesson's key terms (bold/italic text, headings, short list items, defined terms). */
  terms: string[][];
  /** Stems of the lesson title: blanking the topic itself makes a trivial card. */
  topic: Set<string>;
}

const glossaries = new WeakMap<LessonDoc, Glossary>();

function glossaryOf(doc: LessonDoc): Glossary {
  const cached = glossaries.get(doc);
  if (cached) return cached;
  const terms: string[][] = [];
  const add = (text: string) => {
    const stems = contentStems(text);
    if (stems.length > 0 && stems.length <= 5) terms.push(stems);
  };
  for (const b of doc.blocks) {
    if (b.kind === 'heading') add(cleanHeading(b.unit.text));
    const units = b.kind === 'list' ? b.items.map((i) => i.unit) : b.kind === 'paragraph' ? [b.unit] : [];
    for (const u of units) {
      for (const m of u.marks) add(u.text.slice(m.start, m.end));
      // inline code names the commands, functions and options the lesson teaches
      for (const m of u.code) add(u.text.slice(m.start, m.end));
      if (b.kind === 'list' && countWords(u.text) <= 4) add(u.text);
    }
  }
  for (const s of doc.sentences) {
    const m = /\b(?:known as|called|termed|referred to as)\s+(?:the\s+)?([\w-]+(?:\s+[\w-]+){0,3})/.exec(s.sentence.text);
    if (m?.[1]) add(m[1]);
  }
  const g = { terms, topic: new Set(contentStems(doc.title)) };
  glossaries.set(doc, g);
  return g;
}

function inGlossary(g: Glossary, stems: readonly string[]): boolean {
  return g.terms.some((t) => {
    const inter = t.filter((s) => stems.includes(s)).length;
    return inter >= Math.min(2, stems.length) && inter / Math.max(t.length, stems.length) >= 0.5;
  });
}

/** Is the phrase (content stems) one of the lesson's key terms: bold/italic text, a heading, a short list item, a defined term? */
export function isGlossaryTerm(doc: LessonDoc, stems: readonly string[]): boolean {
  return inGlossary(glossaryOf(doc), stems);
}

interface Gap {
  start: number;
  end: number;
  kind: 'term' | 'year' | 'quantity' | 'name' | 'phrase';
  strength: number;
}

const isNameToken = (t: Token, i: number): boolean =>
  t.paren === 0 &&
  // a person's name is never written in lower case: "the same lesson" (LastName), "first" (Honorific) are tagger slips
  (has(t, 'Acronym') || /^[A-Z][a-z]*[A-Z0-9]/.test(t.text) || (has(t, 'ProperNoun') && !(has(t, 'Person') && !/[A-Z]/.test(t.text)) && (i > 0 || has(t, 'Person') || has(t, 'Organization'))) || (i > 0 && /^[A-Z][a-z]+$/.test(t.text) && !has(t, 'Determiner')));

function gaps(doc: LessonDoc, tokens: readonly Token[]): Gap[] {
  const out: Gap[] = [];
  // emphasised key terms
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i]?.marked) continue;
    let j = i;
    while (j + 1 < tokens.length && tokens[j + 1]?.marked) j++;
    if (j - i < 5) out.push({ start: i, end: j + 1, kind: 'term', strength: 1 });
    i = j;
  }
  tokens.forEach((t, i) => {
    if (t.paren > 0) return;
    if (isYear(t)) {
      const prev = tokens[i - 1]?.normal ?? '';
      const next = tokens[i + 1]?.normal ?? '';
      if (['between', 'from', 'and', 'to', 'through', 'until'].includes(prev) || ['and', 'to', 'through'].includes(next)) return;
      out.push({ start: i, end: i + 1, kind: 'year', strength: 0.8 });
    } else if (has(t, 'Value') && !has(t, 'Ordinal') && !/^(one|a)$/i.test(t.text)) {
      let j = i;
      while (j + 1 < tokens.length && /^(hundreds?|thousands?|millions?|billions?|trillions?|k|%)$/i.test(tokens[j + 1]?.normal ?? '')) j++;
      const prev = tokens[i - 1];
      const next = tokens[j + 1];
      const label = prev !== undefined && has(prev, 'Noun') && !has(prev, 'Plural') && j === i && !/[,;:]/.test(prev.post);
      const counted = j > i || (next !== undefined && (has(next, 'Noun') || has(next, 'Adjective'))) || /[%x×]$/i.test(t.text);
      if (/\d/.test(t.text) && !label && counted) out.push({ start: i, end: j + 1, kind: 'quantity', strength: 0.75 });
    }
  });
  // proper names / acronyms (runs)
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const startsName = i === 0 && /^[A-Z][a-z]+$/.test(t.text) && !has(t, 'Determiner') && !has(t, 'Adverb') && !has(t, 'Conjunction') && !has(t, 'Preposition') && tokens[1] !== undefined && isNameToken(tokens[1], 1) && !/[,;:]/.test(t.post);
    if ((!isNameToken(t, i) && !startsName) || has(t, 'Value')) continue;
    let j = i;
    while (j + 1 < tokens.length && isNameToken(tokens[j + 1] as Token, j + 1) && !/[,;:]/.test(tokens[j]?.post ?? '')) j++;
    if (j - i < 4) out.push({ start: i, end: j + 1, kind: 'name', strength: 0.7 });
    i = j;
  }
  // key noun phrases: adjective/noun runs with a high lesson weight
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!(has(t, 'Noun') || has(t, 'Adjective')) || has(t, 'Pronoun') || t.paren > 0) continue;
    let j = i;
    while (j + 1 < tokens.length && (has(tokens[j + 1], 'Noun') || has(tokens[j + 1], 'Adjective')) && !has(tokens[j + 1], 'Pronoun') && !/[,;:]|\s[-–—]/.test(tokens[j]?.post ?? '') && j - i < 3) j++;
    const last = tokens[j] as Token;
    const before = tokens[i - 1];
    if (before && (before.normal === 'and' || before.normal === 'or') && has(tokens[i - 2], 'Adjective')) {
      i = j;
      continue;
    }
    if (j === i && has(t, 'Noun') && !has(t, 'Adjective') && !has(t, 'Gerund') && /^[a-z][a-z-]{4,}$/.test(t.text)) {
      // a single key noun the lesson marks as a term (bold, a heading, a defined term) and uses often
      const s = stem(t.normal);
      if (!GENERIC_WORDS.has(s) && (doc.keywords.get(s) ?? 0) >= 3 && glossaryOf(doc).terms.some((term) => term.length === 1 && term[0] === s)) {
        out.push({ start: i, end: i + 1, kind: 'phrase', strength: 0.55 });
      }
    }
    if (j > i && has(last, 'Noun')) {
      const text = render(tokens.slice(i, j + 1));
      const stems = contentStems(text).filter((s) => !GENERIC_WORDS.has(s));
      const weight = stems.reduce((a, s) => a + (doc.keywords.get(s) ?? 0), 0) / Math.max(1, stems.length);
      if (stems.length >= 2 && weight >= 2 && inGlossary(glossaryOf(doc), stems)) out.push({ start: i, end: j + 1, kind: 'phrase', strength: Math.min(0.65, 0.45 + weight / 40) });
    }
    i = j;
  }
  return out;
}

/** The span is one member of "A, B, and C" / "A and B": blanking it is ambiguous. */
function inCoordination(tokens: readonly Token[], start: number, end: number): boolean {
  // look past a determiner: "BERT and the [GPTs]"
  const prev = has(tokens[start - 1], 'Determiner') ? tokens[start - 2] : tokens[start - 1];
  const next = tokens[end];
  const last = tokens[end - 1];
  const joiner = (t: Token | undefined) => t !== undefined && (['and', 'or', '&', '+', 'vs', 'versus'].includes(t.normal) || ['&', '+'].includes(t.text));
  if (joiner(prev) || (prev && /[&+]\s*$/.test(prev.post))) return true;
  if (joiner(next)) return true;
  if (last && /[+&]/.test(last.post)) return true;
  if (last && /,/.test(last.post)) {
    for (let k = end; k < Math.min(tokens.length, end + 4); k++) if (['and', 'or'].includes(tokens[k]?.normal ?? '')) return true;
  }
  if (prev && /,/.test(prev.post) && start >= 2) {
    const pp = tokens[start - 2];
    if (pp && (has(pp, 'ProperNoun') || has(pp, 'Noun')) && next && /,/.test(last?.post ?? '')) return true;
  }
  return false;
}

export function clozeCandidates(doc: LessonDoc, info: SentenceInfo): Candidate[] {
  if (info.excluded) return [];
  const resolved = resolvedSentence(info);
  if (!resolved) return [];
  const tokens = resolved.sentence.tokens;
  const n = countWords(resolved.sentence.text);
  if (n < 7 || n > 38) return [];
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const glossary = glossaryOf(doc);
  const all = gaps(doc, tokens).map((g) => {
    const stems = contentStems(render(tokens.slice(g.start, g.end)));
    const topical = stems.length > 0 && stems.every((s) => glossary.topic.has(s));
    return topical && g.kind !== 'year' && g.kind !== 'quantity' ? { ...g, strength: g.strength - 0.3 } : g;
  });
  const secondPerson = /\b(you|your)\b/i.test(resolved.sentence.text);
  for (const g of all.sort((a, b) => b.strength - a.strength)) {
    const gapTokens = tokens.slice(g.start, g.end);
    const answer = render(gapTokens);
    const key = answer.toLowerCase();
    if (!answer || seen.has(key) || countWords(answer) > 5 || (g.kind !== 'quantity' && answer.replace(/\W/g, '').length <= 2)) continue;
    seen.add(key);
    if (g.end - g.start === tokens.length || gapTokens.some((t) => t.quoted)) continue;
    if (inCoordination(tokens, g.start, g.end)) continue;
    // a bracketed expansion right after the gap gives it away: "The [...] (Microsoft Common Objects in Context)"
    if ((tokens[g.end]?.paren ?? 0) > (gapTokens[0]?.paren ?? 0) || /\(/.test(gapTokens[gapTokens.length - 1]?.post ?? '')) continue;
    const stems = contentStems(answer);
    if (stems.length === 0 || stems.every((s) => GENERIC_WORDS.has(s) || STOPWORDS.has(s))) continue;
    // the rest must still say something
    const restStems = contentStems(render([...tokens.slice(0, g.start), ...tokens.slice(g.end)]));
    // a blanked subject needs a specific predicate to be guessable ("[...] start by learning representations" is not)
    if (restStems.length < (g.start <= 1 ? 6 : 4)) continue;
    if (restStems.some((s) => stems.includes(s) && s.length > 3 && stem(s) === s && g.kind !== 'year' && g.kind !== 'quantity')) continue;
    const first = gapTokens[0] as Token;
    const last = gapTokens[gapTokens.length - 1] as Token;
    // a leading connective ("So", "In contrast,") points back to the previous sentence: drop it
    let from = 0;
    const lead = tokens[0];
    if (lead && g.start >= 1 && (has(lead, 'Adverb') || has(lead, 'Conjunction')) && !/,/.test(lead.post) && ['so', 'additionally', 'also', 'thus', 'then', 'hence', 'therefore', 'similarly', 'furthermore', 'moreover', 'and', 'but'].includes(lead.normal)) from = 1;
    const connective = /^(in contrast|however|instead|on the other hand|additionally|moreover|furthermore|similarly|likewise|in addition|as a result|consequently|notably|importantly|still|also),\s/i.exec(resolved.sentence.text);
    if (connective && g.start > 0) {
      const n = countWords(connective[0]);
      if (g.start >= n) from = n;
    }
    let before = render(tokens.slice(from, g.start), { keepFinalPunct: true });
    if (from > 0) before = before.charAt(0).toUpperCase() + before.slice(1);
    const after = render(tokens.slice(g.end), { keepFinalPunct: true });
    const pre = g.start === 0 ? '' : first.pre;
    const front = `${before}${before ? ' ' : ''}${pre}[...]${last.post.replace(/\s+$/, '')}${after ? ' ' + after : ''}`
      .replace(/\s+/g, ' ')
      .replace(/\s+([,.;:!?])/g, '$1')
      .trim();
    out.push({
      type: 'cloze',
      origin: 'cloze',
      front: /[.!?]$/.test(front) ? front : `${front}.`,
      back: answer,
      source: info.sentence.text,
      anchor: info.block.anchor,
      sentenceId: info.id,
      position: info.block.index,
      prior: 0.45 + 0.2 * g.strength - (resolved.resolved ? 0.05 : 0) - (secondPerson ? 0.1 : 0),
      salience: salience(doc, info.sentence.text),
    });
    if (out.length >= 2) break;
  }
  return out;
}
