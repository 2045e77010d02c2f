// List cards: an enumeration (bullet list after a lead-in ending in ':' or a heading, or an inline
// "three trends: A, B, and C") becomes "Which three trends ...?" with the items as the answer.

import type { Candidate } from '../candidate';
import { analyseClause, BE_FORMS, isNounish, isVerbish, renderSubject, subjectTokens, whQuestion } from '../clause';
import type { Block, ListItemNode, TextUnit } from '../markdown';
import { analyse, has, render, type Sentence, type Token } from '../nlp';
import { resolvedSentence, salience, topicOf, unitProblem, type LessonDoc } from '../lesson';
import { capitalize, countWords, numberWord, smallCardinal, STOPWORDS } from '../text';

const MAX_ITEMS = 8;
const MAX_ITEM_WORDS = 7;

/** Shorten a list item to its key phrase: "X: explanation", "**X** does ...", "X, which ..." -> "X". */
export function itemPhrase(unit: TextUnit): string | null {
  let text = unit.text.trim();
  if (!text || unitProblem(unit)) return null;
  const bold = unit.strong[0] ?? unit.marks[0];
  if (bold && bold.start === 0 && bold.end < text.length) {
    const rest = text.slice(bold.end).trim();
    if (/^[:\-–—]/.test(rest) || countWords(text) > MAX_ITEM_WORDS) text = text.slice(0, bold.end);
  }
  text = text.replace(/\s*\([^()]*\)/g, '').trim();
  const colon = /^([^:]{2,60}):\s+\S/.exec(text);
  if (colon?.[1] && countWords(colon[1]) <= 5) text = colon[1];
  const dash = /^(.{2,60}?)\s+[-–—]\s+\S/.exec(text);
  if (dash?.[1] && countWords(dash[1]) <= 5) text = dash[1];
  if (countWords(text) > MAX_ITEM_WORDS) {
    const comma = /^([^,]{3,60}),\s+(which|that|starting|such|including|where|who|as|e\.g\.|i\.e\.)\b/i.exec(text);
    if (comma?.[1]) text = comma[1];
  }
  text = text.replace(/[.;:,!]+$/, '').trim();
  if (!text || countWords(text) > MAX_ITEM_WORDS) return null;
  return text;
}

function itemsOf(items: readonly ListItemNode[]): string[] | null {
  if (items.length < 2 || items.length > MAX_ITEMS) return null;
  const out: string[] = [];
  for (const it of items) {
    const p = itemPhrase(it.unit);
    if (!p) return null;
    out.push(p);
  }
  // items that are whole sentences are statements, not an enumeration
  const sentenceLike = out.filter((p) => countWords(p) >= 5 && analyse(p)[0]?.tokens.some((t) => isVerbish(t) && !has(t, 'Gerund') && !has(t, 'PastTense')));
  if (sentenceLike.length > out.length / 2) return null;
  return out;
}

interface CountNP {
  /** Token range of the counted noun phrase, including a leading determiner/qualifier. */
  start: number;
  end: number;
  countAt: number;
  count: number;
  /** The noun phrase after the number ("converging trends"). */
  noun: string;
}

function findCountNP(tokens: readonly Token[]): CountNP | null {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const n = smallCardinal(t.text);
    if (n === null || n < 2 || t.paren > 0) continue;
    let end = i + 1;
    let lastNoun = -1;
    while (end < tokens.length && end - i <= 5) {
      const u = tokens[end] as Token;
      if (has(u, 'Preposition') || has(u, 'Determiner') || has(u, 'Conjunction') || u.paren > 0) break;
      if (!(has(u, 'Adjective') || has(u, 'Noun') || has(u, 'Gerund') || has(u, 'Verb'))) break;
      if (has(u, 'Noun') || has(u, 'Plural')) lastNoun = end;
      end++;
      if (/[,;:.]/.test(u.post)) break;
    }
    if (lastNoun < 0) continue;
    const head = tokens[lastNoun] as Token;
    if (!(has(head, 'Plural') || /[a-z]s$/.test(head.text))) continue;
    let start = i;
    const before = tokens[i - 1];
    if (before && ['the', 'these', 'just', 'only', 'exactly', 'those'].includes(before.normal)) start = i - 1;
    return { start, end: lastNoun + 1, countAt: i, count: n, noun: render(tokens.slice(i + 1, lastNoun + 1)) };
  }
  return null;
}

/** Build the question for a lead-in sentence (text before ':') announcing `count` items. */
export function listQuestion(lead: Sentence, count: number, topic: string): string | null {
  const tokens = lead.tokens;
  if (tokens.length === 0) return null;
  const np = findCountNP(tokens);
  if (np && np.count !== count) return null;
  const countWord = np ? (tokens[np.countAt] as Token).text.toLowerCase() : numberWord(count);

  // existential: "there are three trends that ..." -> "What are the three trends that ...?"
  const there = tokens.findIndex((t, i) => t.normal === 'there' && BE_FORMS.has(tokens[i + 1]?.normal ?? ''));
  if (there >= 0) {
    const be = tokens[there + 1] as Token;
    const after = tokens.slice(there + 2);
    let described = render(after);
    if (!np) described = `${numberWord(count)} ${described}`;
    described = described.replace(/^(the|these)\s+/i, '');
    if (countWords(described) < 2) return null;
    return `What ${be.normal === 'was' || be.normal === 'were' ? 'were' : 'are'} the ${described}?`;
  }

  const c = analyseClause(tokens);
  if (np && c) {
    const wh = `which ${countWord} ${np.noun}`;
    if (np.start >= c.subjStart && np.end <= c.verbStart) {
      return whQuestion(c, { start: np.start, end: np.end, wh });
    }
    if (np.start >= c.verbEnd && np.end <= c.end) {
      const between = tokens.slice(c.verbEnd, np.start);
      if (!between.some((t) => (isVerbish(t) && t.paren === 0) || ['where', 'when', 'which', 'who', 'that'].includes(t.normal))) {
        // modifiers after the noun travel with it: "which three trends that drove X did Y identify?"
        const modifiers = render(tokens.slice(np.end, c.end));
        return whQuestion(c, { start: np.start, end: Math.max(np.end, c.end), wh: modifiers ? `${wh} ${modifiers}` : wh, takePrep: true });
      }
    }
    // embedded clause: "... era where 3 factors were combined" -> "Which 3 factors were combined in the ... era?"
    const sub = tokens.slice(np.start);
    const sc = analyseClause(sub);
    const intro = tokens[np.start - 1];
    if (sc && sc.subjStart === 0 && sc.verbStart === np.end - np.start && intro && ['where', 'when', 'in which'].includes(intro.normal)) {
      let k = np.start - 2;
      while (k >= 0 && !['the', 'a', 'an'].includes(tokens[k]?.normal ?? '') && np.start - k < 10) k--;
      const place = k >= 0 ? render(tokens.slice(k, np.start - 1)) : '';
      const q = whQuestion(sc, { start: 0, end: np.end - np.start, wh });
      if (q && place) return q.replace(/\?$/, ` ${intro.normal === 'when' ? 'at' : 'in'} ${place.charAt(0).toLowerCase()}${place.slice(1)}?`);
      return q;
    }
    return null;
  }

  if (!np) {
    // "X are/include:" -> "What are the N X?"
    if (c) {
      const main = tokens[c.main] as Token;
      const subject = subjectTokens(c);
      const restLen = c.end - c.verbEnd;
      if (restLen === 0 && ['are', 'were', 'include', 'included', 'includes'].includes(main.normal) && subject.length <= 6) {
        const subj = renderSubject(subject).replace(/^(the|some|several)\s+/i, '');
        const be = main.normal === 'were' || main.normal === 'included' ? 'were' : 'are';
        return `What ${be} the ${numberWord(count)} ${subj}?`;
      }
      return null;
    }
  }
  if (!np && (!c || c.verbStart === c.subjStart)) {
    // bare noun phrase: "Benefits", "Key features" (the tagger may read "Benefits" as a verb)
    const words = tokens.filter((t) => t.paren === 0);
    const head = words[words.length - 1];
    if (words.length <= 4 && head && (has(head, 'Plural') || /[a-z]s$/.test(head.text)) && !words.some((t) => has(t, 'Determiner') || has(t, 'Preposition'))) {
      const what = render(words).toLowerCase();
      if (!topic || topic.toLowerCase().includes(what)) return null;
      return `What are the ${numberWord(count)} ${what} of ${topic}?`;
    }
  }
  return null;
}

function leadSentenceOf(unit: TextUnit): Sentence | null {
  if (!/:\s*$/.test(unit.text)) return null;
  const sentences = analyse(unit.text.replace(/:\s*$/, '.'), unit.marks, unit.strong);
  return sentences[sentences.length - 1] ?? null;
}

function candidate(doc: LessonDoc, block: Block, front: string | null, items: string[], source: string, prior: number, origin: Candidate['origin']): Candidate | null {
  if (!front) return null;
  return {
    type: 'list',
    origin,
    front: capitalize(front),
    back: items.join('; '),
    items,
    source,
    anchor: block.anchor,
    sentenceId: `list:${block.index}:${source.slice(0, 40)}`,
    position: block.index,
    prior,
    salience: salience(doc, source),
  };
}

/** Cards from Markdown lists and from "lead-in: A, B, and C" sentences. */
export function listCandidates(doc: LessonDoc): Candidate[] {
  const out: Candidate[] = [];
  const { blocks } = doc;
  blocks.forEach((block, i) => {
    if (block.kind !== 'list') return;
    const topic = topicOf(doc, block);
    const prev = blocks[i - 1];
    const items = itemsOf(block.items);
    if (items) {
      if (prev?.kind === 'paragraph' && !unitProblem(prev.unit)) {
        const lead = leadSentenceOf(prev.unit);
        if (lead) {
          const c = candidate(doc, block, listQuestion(lead, items.length, topic), items, `${lead.text.replace(/\.$/, ':')} ${items.join('; ')}`, 0.86, 'list');
          if (c) out.push(c);
        }
      } else if (prev?.kind === 'heading' && !unitProblem(prev.unit)) {
        const [lead] = analyse(prev.unit.text.replace(/[.:?]$/, ''));
        if (lead && !/\?\s*$/.test(prev.unit.text)) {
          const c = candidate(doc, block, listQuestion(lead, items.length, topic), items, `${prev.unit.text}: ${items.join('; ')}`, 0.8, 'list');
          if (c) out.push(c);
        }
      }
    }
    // nested lists introduced by an item ending in ':'
    const walk = (nodes: readonly ListItemNode[]) => {
      for (const node of nodes) {
        if (node.children.length > 0) {
          const lead = leadSentenceOf(node.unit);
          const sub = itemsOf(node.children);
          if (lead && sub) {
            const c = candidate(doc, block, listQuestion(lead, sub.length, topic), sub, `${lead.text.replace(/\.$/, ':')} ${sub.join('; ')}`, 0.84, 'list');
            if (c) out.push(c);
          }
          walk(node.children);
        }
      }
    };
    walk(block.items);
  });

  // inline enumerations
  for (const info of doc.sentences) {
    if (info.excluded && info.excluded !== 'too-long') continue;
    // "It was driven by three developments: ..." needs its subject resolved first
    const resolved = resolvedSentence(info);
    if (!resolved) continue;
    const s = resolved.sentence;
    const colonAt = s.tokens.findIndex((t) => /:\s*$/.test(t.post) && t.paren === 0);
    if (colonAt > 0) {
      const leadTokens = s.tokens.slice(0, colonAt + 1);
      const tail = render(s.tokens.slice(colonAt + 1));
      const np = findCountNP(leadTokens);
      const items = splitEnumeration(tail, np?.count ?? null);
      if (items && np) {
        const [lead] = analyse(render(leadTokens) + '.');
        if (lead) {
          const c = candidate(doc, info.block, listQuestion(lead, items.length, topicOf(doc, info.block)), items, info.sentence.text, 0.85, 'inline-list');
          if (c) out.push({ ...c, sentenceId: info.id });
        }
      }
      continue;
    }
    // "The hard constraints are data, compute, and energy"
    const c = analyseClause(s.tokens);
    if (!c || c.leadEnd > 0) continue;
    const main = s.tokens[c.main] as Token;
    const subject = subjectTokens(c);
    if (c.verbEnd - c.verbStart !== 1 || subject.length > 6) continue;
    // "Common permissive licenses include MIT, Apache 2.0, ISC, and BSD" → "What are four common permissive licenses?"
    if (['include', 'included'].includes(main.normal)) {
      const head = subject[subject.length - 1];
      const plain = subject.every((t) => (isNounish(t) || has(t, 'Adjective') || t.normal === 'the') && !has(t, 'Pronoun') && t.paren === 0);
      if (!plain || !head || !has(head, 'Plural') || subject.length < 2) continue;
      const restTokens = s.tokens.slice(c.verbEnd);
      const stop = restTokens.findIndex((t) => /\s[-–—]\s|;|:/.test(t.post));
      const items = splitEnumeration(render(stop >= 0 ? restTokens.slice(0, stop + 1) : restTokens), null);
      if (!items || items.length < 3) continue;
      const subj = renderSubject(subject).replace(/^the\s+/i, '');
      const be = main.normal === 'included' ? 'were' : 'are';
      const cand = candidate(doc, info.block, `What ${be} ${numberWord(items.length)} ${subj}?`, items, info.sentence.text, 0.78, 'inline-list');
      if (cand) out.push({ ...cand, sentenceId: info.id });
      continue;
    }
    if (!['are', 'were'].includes(main.normal)) continue;
    if (!subject.every((t) => isNounish(t) || has(t, 'Adjective') || has(t, 'Determiner')) || subject[0]?.normal !== 'the') continue;
    const restTokens = s.tokens.slice(c.verbEnd);
    const stop = restTokens.findIndex((t) => /\s[-–—]\s|;|:/.test(t.post));
    const enumText = render(stop >= 0 ? restTokens.slice(0, stop + 1) : restTokens);
    const np = findCountNP(subject);
    const items = splitEnumeration(enumText, np?.count ?? null);
    if (!items || (items.length < 3 && !np)) continue;
    const subj = renderSubject(subject).replace(/^the\s+/i, '');
    const front = np ? `What ${main.normal} the ${subj.replace(/^(the|these)\s+/i, '')}?` : `What ${main.normal} the ${numberWord(items.length)} ${subj}?`;
    const cand = candidate(doc, info.block, front, items, info.sentence.text, 0.8, 'inline-list');
    if (cand) out.push({ ...cand, sentenceId: info.id });
  }
  return out;
}

/** Split "A, B, and C" into items; with a stated count, the split must produce that many. */
export function splitEnumeration(text: string, count: number | null): string[] | null {
  // "they have a cell wall, chloroplasts, and a vacuole": the verb is shared by every item
  const clean = text
    .replace(/\s*\([^()]*\)/g, '')
    .replace(/[.;:]+$/, '')
    .replace(/^(?:they|it|these|both|each)\s+(?:have|has|had|are|is|were|was|contain|contains|include|includes|use|uses)\s+/i, '')
    .trim();
  if (!clean) return null;
  const byComma = clean.split(/\s*,\s*(?:and\s+|or\s+)?/).map((x) => x.trim()).filter(Boolean);
  let items = byComma;
  if (items.length === 1 || (count !== null && items.length < count)) {
    const last = items[items.length - 1] ?? '';
    const parts = last.split(/\s+(?:and|or)\s+/);
    if (parts.length > 1) items = [...items.slice(0, -1), ...parts];
  }
  if (count !== null && items.length !== count) return null;
  if (items.length < 2 || items.length > MAX_ITEMS) return null;
  for (const it of items) {
    const n = countWords(it);
    if (n === 0 || n > MAX_ITEM_WORDS) return null;
    if (STOPWORDS.has(it.toLowerCase())) return null;
    // an item that is a clause ("deep learning models are able to learn ...") is not a list entry
    const [s] = analyse(it);
    if (s && n > 3 && s.tokens.some((t, i) => i > 0 && isVerbish(t) && !has(t, 'Gerund') && !has(t, 'Noun') && !has(t, 'Adjective'))) return null;
  }
  return items.map((it) => it.replace(/^(and|or)\s+/i, '').replace(/[\s\-–—.,;:]+$/, ''));
}
