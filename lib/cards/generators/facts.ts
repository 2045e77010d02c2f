// Fact questions from single sentences: "In what year did X ...?", "How many Y did X ...?",
// "Who released X?" and "What did X introduce?", built with the clause transformer.

import type { Candidate } from '../candidate';
import { analyseClause, BE_FORMS, isNounish, isVerbish, isYear, restTokens, subjectTokens, whQuestion, type Clause } from '../clause';
import { salience, resolvedSentence, type LessonDoc, type SentenceInfo } from '../lesson';
import { conjugate, has, render, type Token } from '../nlp';
import { countWords } from '../text';

const AGENTIVE = new Set([
  'released', 'introduced', 'developed', 'invented', 'created', 'published', 'proposed', 'launched', 'founded', 'built',
  'designed', 'discovered', 'coined', 'won', 'showed', 'demonstrated', 'popularized', 'popularised', 'wrote', 'acquired',
  'announced', 'pioneered', 'open-sourced', 'described', 'formulated', 'patented', 'defeated', 'conquered', 'signed',
  'established', 'composed', 'painted', 'authored', 'trained', 'achieved', 'broke', 'led', 'named', 'identified',
]);
const CREATION = new Set([
  'introduced', 'invented', 'proposed', 'released', 'developed', 'created', 'published', 'launched', 'popularized',
  'popularised', 'coined', 'founded', 'discovered', 'designed', 'built', 'wrote', 'composed', 'established',
]);
const SUBORDINATING = new Set(['whereas', 'while', 'although', 'though', 'because', 'if', 'when', 'since', 'unless', 'as', 'once']);
const QUALIFIERS = new Set(['more', 'than', 'over', 'about', 'approximately', 'around', 'nearly', 'almost', 'roughly', 'up', 'to', 'under', 'at', 'least', 'some']);
const MULTIPLIERS = /^(hundreds?|thousands?|millions?|billions?|trillions?|dozens?|k|m|b)$/i;

function noVerbBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (t && t.paren === 0 && isVerbish(t)) return false;
  }
  return true;
}

function isPastClause(c: Clause): boolean {
  const group = c.tokens.slice(c.verbStart, c.verbEnd);
  const first = group.find((t) => isVerbish(t));
  if (!first) return false;
  if (['was', 'were', 'had', 'did'].includes(first.normal)) return true;
  if (group.length === 1 || first === c.tokens[c.main]) return has(first, 'PastTense');
  return false;
}

function validSubject(subject: readonly Token[]): boolean {
  if (subject.length === 0 || subject.length > 14) return false;
  const first = subject[0] as Token;
  const quantified = QUALIFIERS.has(first.normal) && has(subject[1], 'Value');
  if (has(first, 'Conjunction') || (has(first, 'Preposition') && !quantified) || has(first, 'Gerund') || has(first, 'QuestionWord') || SUBORDINATING.has(first.normal)) return false;
  if (!subject.some((t) => isNounish(t) && !has(t, 'Pronoun'))) return false;
  const last = subject[subject.length - 1];
  if (!last || has(last, 'Preposition') || has(last, 'Determiner') || has(last, 'Conjunction')) return false;
  if (subject.some((t) => ['this', 'these', 'those', 'it', 'they', 'he', 'she', 'such'].includes(t.normal))) return false;
  return true;
}

/** A number phrase starting at `i`: qualifiers, digits/words, multipliers ("more than 14 million"). */
function quantityAt(tokens: readonly Token[], i: number): { start: number; end: number } | null {
  const t = tokens[i];
  if (!t || !(has(t, 'Value') || MULTIPLIERS.test(t.normal)) || isYear(t) || has(t, 'Ordinal') || /%|\$|€|£/.test(t.text + t.post + t.pre)) return null;
  if (t.paren > 0 || has(t, 'Hyphenated')) return null;
  // a bare "millions" is vague unless it is "hundreds of millions"
  if (MULTIPLIERS.test(t.normal) && /s$/.test(t.normal) && !(tokens[i + 1]?.normal === 'of' && MULTIPLIERS.test(tokens[i + 2]?.normal ?? ''))) return null;
  let start = i;
  while (start - 1 >= 0 && QUALIFIERS.has(tokens[start - 1]?.normal ?? '') && i - start < 3) start--;
  // "up to" must be whole; lone "to" is a preposition
  if (tokens[start]?.normal === 'to' || tokens[start]?.normal === 'than') start++;
  let end = i + 1;
  while (end < tokens.length) {
    const u = tokens[end];
    if (u && (MULTIPLIERS.test(u.normal) || (has(u, 'Value') && !isYear(u)))) end++;
    else if (u?.normal === 'of' && MULTIPLIERS.test(tokens[end + 1]?.normal ?? '')) end += 2;
    else break;
  }
  return { start, end };
}

/** Noun phrase right after a quantity: adjectives/nouns ending in a plural noun ("labeled images"). */
function countedNoun(tokens: readonly Token[], from: number): { start: number; end: number } | null {
  let i = from;
  if (tokens[i]?.normal === 'of') i++;
  const start = i;
  let lastNoun = -1;
  while (i < tokens.length && i - start < 5) {
    const t = tokens[i];
    if (!t || t.paren > 0) break;
    if (has(t, 'Adverb') && has(tokens[i + 1], 'Adjective')) {
      i++;
      continue;
    }
    if (has(t, 'Adjective') || (has(t, 'Noun') && !has(t, 'Pronoun')) || (has(t, 'Verb') && has(t, 'PastTense') && i === start)) {
      if (has(t, 'Noun')) lastNoun = i;
      if (/[,;:.]/.test(t.post)) {
        i++;
        break;
      }
      i++;
      continue;
    }
    break;
  }
  if (lastNoun < 0) return null;
  const head = tokens[lastNoun];
  if (!head || !(has(head, 'Plural') || /[a-z]s$/.test(head.text))) return null;
  return { start, end: lastNoun + 1 };
}

export function factCandidates(doc: LessonDoc, info: SentenceInfo): Candidate[] {
  if (info.excluded) return [];
  const resolved = resolvedSentence(info);
  if (!resolved) return [];
  const { sentence } = resolved;
  const tokens = sentence.tokens;
  const c = analyseClause(tokens);
  if (!c) return [];
  const subject = subjectTokens(c);
  if (!validSubject(subject)) return [];
  const mainIsBe = BE_FORMS.has(tokens[c.main]?.normal ?? '');
  const leadIn = /:\s*$/.test(info.sentence.text);
  const out: Candidate[] = [];
  const base = {
    source: info.sentence.text,
    anchor: info.block.anchor,
    sentenceId: info.id,
    position: info.block.index,
    salience: salience(doc, info.sentence.text),
  };
  const push = (origin: Candidate['origin'], front: string | null, back: string, prior: number) => {
    if (!front) return;
    out.push({ ...base, type: 'basic', origin, front, back, prior: prior - (resolved.resolved ? 0.05 : 0) });
  };

  // when-questions about a year
  tokens.forEach((t, y) => {
    if (!isYear(t) || t.paren > 0) return;
    const prev = tokens[y - 1];
    const next = tokens[y + 1];
    if (['between', 'from', 'to', 'through', 'until', 'since', 'and', 'after', 'before', 'by'].includes(prev?.normal ?? '')) return;
    if (next && (next.normal === 'and' || next.normal === 'to' || next.normal === 'through') && isYear(tokens[y + 2])) return;
    if (/^[-–]/.test(t.post.trim()) && isYear(next)) return;
    // a statistic for a year ("In 1801, about 20% ... lived in towns") is not an event to date
    const statistic = subject.some((s) => has(s, 'Percent') || /%$/.test(s.text) || MULTIPLIERS.test(s.normal) || (/^\d[\d,.]*$/.test(s.text) && !isYear(s) && Number(s.text.replace(/,/g, '')) >= 100));
    // light verbs say too little to date ("The Torch framework came in 2002")
    const light = ['came', 'went', 'got', 'come', 'go', 'get'].includes(tokens[c.main]?.normal ?? '');
    if (!isPastClause(c) || mainIsBe || leadIn || statistic || light) return;
    let start = y;
    let wh = 'in what year';
    let back = t.text;
    const month = prev && has(prev, 'Month') ? y - 1 : prev?.normal === 'of' && has(tokens[y - 2], 'Month') ? y - 2 : -1;
    if (month >= 0) {
      start = month;
      wh = 'when';
      back = render(tokens.slice(month, y + 1));
    }
    if (y < c.leadEnd) {
      if (c.leadKind !== 'date') return;
      push('when', whQuestion(c, { start, end: y + 1, wh }), back, 0.78);
      return;
    }
    const prep = tokens[start - 1];
    if (!prep || !['in', 'on', 'during'].includes(prep.normal)) return;
    // participle phrase: "the transformer architecture, invented in 2017" / "The Bridgewater Canal, completed in 1761, ..."
    const part = tokens[start - 2];
    const comma = tokens[start - 3];
    if (part && /ed$|en$/.test(part.normal) && isVerbish(part) && comma && /,\s*$/.test(comma.post) && start - 3 >= c.subjStart) {
      let s = start - 3;
      while (s - 1 >= c.subjStart && (isNounish(tokens[s - 1]) || has(tokens[s - 1], 'Adjective') || has(tokens[s - 1], 'Determiner')) && !/[,;:]/.test(tokens[s - 1]?.post ?? '') && !isVerbish(tokens[s - 1])) s--;
      const np = tokens.slice(s, start - 2);
      const head = np[np.length - 1];
      if (np.length > 0 && head && isNounish(head) && !np.some((t) => has(t, 'Pronoun'))) {
        const be = has(head, 'Plural') ? 'were' : 'was';
        let npText = render(np);
        if (/^(A|An|The)\b/.test(npText)) npText = npText.charAt(0).toLowerCase() + npText.slice(1);
        push('when', `${wh === 'when' ? 'When' : 'In what year'} ${be} ${npText} ${part.text}?`, back, 0.74);
      }
      return;
    }
    if (y < c.verbEnd || y >= c.end) return;
    if (!noVerbBetween(tokens, c.verbEnd, start - 1)) return;
    push('when', whQuestion(c, { start, end: y + 1, wh, dropPrep: true }), back, 0.75);
  });

  // how-many questions
  for (let i = 0; i < tokens.length && !leadIn; i++) {
    const q = quantityAt(tokens, i);
    if (!q) continue;
    const num = tokens[i] as Token;
    i = q.end - 1;
    const before = tokens[q.start - 1];
    // "X which is a 1.5 billion parameters model" -> "How many parameters does X have?"
    if (before && (before.normal === 'a' || before.normal === 'an')) {
      const unit = tokens[q.end];
      const headNoun = tokens[q.end + 1];
      const be = tokens[q.start - 2];
      const rel = tokens[q.start - 3];
      const headOk = headNoun !== undefined && !has(headNoun, 'Preposition') && !has(headNoun, 'Determiner') && !has(headNoun, 'Conjunction');
      if (unit && has(unit, 'Plural') && headOk && be && BE_FORMS.has(be.normal)) {
        let nameEnd = rel && (rel.normal === 'which' || rel.normal === 'that') ? q.start - 4 : q.start - 3;
        const nameTokens: Token[] = [];
        while (nameEnd >= 0 && nameTokens.length < 4) {
          const t = tokens[nameEnd] as Token;
          if (!(has(t, 'ProperNoun') || has(t, 'Acronym') || /^[A-Z][a-z]*[A-Z0-9-]/.test(t.text))) break;
          nameTokens.unshift(t);
          nameEnd--;
        }
        if (nameTokens.length > 0) {
          const name = render(nameTokens);
          const verb = be.normal === 'was' || be.normal === 'were' ? 'did' : 'does';
          push('how-many', `How many ${unit.normal} ${verb} ${name} have?`, render(tokens.slice(q.start, q.end)), 0.78);
        }
      }
      continue;
    }
    if (before && (has(before, 'Determiner') || has(before, 'Possessive'))) continue;
    const answer = render(tokens.slice(q.start, q.end));
    const afterQ = tokens[q.end];
    // "by a factor of approximately 5,000"
    if (tokens[q.start - 1]?.normal === 'of' && tokens[q.start - 2]?.normal === 'factor' && tokens[q.start - 3]?.normal === 'a') {
      const s = q.start - 3;
      if (s >= c.verbEnd && q.end <= c.end && noVerbBetween(tokens, c.verbEnd, s)) {
        push('how-many', whQuestion(c, { start: s, end: q.end, wh: 'what factor', takePrep: true }), answer, 0.72);
      }
      continue;
    }
    // "~5000x faster" -> "how many times faster"
    if (/x$/i.test(num.text) && afterQ && has(afterQ, 'Comparative')) {
      if (q.start >= c.verbEnd && q.end < c.end) {
        push('how-many', whQuestion(c, { start: q.start, end: q.end + 1, wh: `how many times ${afterQ.normal}` }), answer.replace(/x$/i, '') + 'x', 0.72);
      }
      continue;
    }
    const np = countedNoun(tokens, q.end);
    if (!np || mainIsBe) continue;
    // "differ in three ways: ..." announces a list: that is a list card's job
    if (/:/.test(tokens[np.end - 1]?.post ?? '')) continue;
    const what = render(tokens.slice(np.start, np.end));
    if (countWords(what) > 4) continue;
    // several quantities in one sentence make a confusing question ("523,051 images, with 460,723 ...")
    const otherNumbers = tokens.filter((t, k) => (k < q.start || k >= q.end) && /\d/.test(t.text) && !isYear(t) && !has(t, 'Hyphenated')).length;
    if (otherNumbers > 1) continue;
    const wh = `how many ${what.charAt(0).toLowerCase()}${what.slice(1)}`;
    if (q.start >= c.subjStart && np.end <= c.verbStart) {
      push('how-many', whQuestion(c, { start: q.start, end: np.end, wh }), answer, 0.7);
    } else if (q.start >= c.verbEnd && np.end <= c.end && noVerbBetween(tokens, c.verbEnd, q.start)) {
      push('how-many', whQuestion(c, { start: q.start, end: np.end, wh, takePrep: true }), answer, 0.7);
    }
  }

  // percentages: "about 20% of the population lived in towns" -> "What percentage of the population ...?"
  tokens.forEach((t, i) => {
    if (!has(t, 'Percent') && !/%$/.test(t.text)) return;
    if (tokens[i + 1]?.normal !== 'of' || leadIn || t.paren > 0) return;
    let s = i;
    if (QUALIFIERS.has(tokens[i - 1]?.normal ?? '')) s = i - 1;
    const npStart = i + 2;
    let npEnd = npStart;
    while (npEnd < tokens.length && (isNounish(tokens[npEnd]) || has(tokens[npEnd], 'Adjective') || has(tokens[npEnd], 'Determiner') || tokens[npEnd]?.normal === 'of') && !isVerbish(tokens[npEnd]) && !/[,;:]/.test(tokens[npEnd - 1]?.post ?? '')) npEnd++;
    if (npEnd === npStart || s < c.subjStart || npEnd > c.verbStart) return;
    const of = render(tokens.slice(npStart, npEnd));
    push('how-many', whQuestion(c, { start: s, end: npEnd, wh: `what percentage of ${of.charAt(0).toLowerCase()}${of.slice(1)}` }), render(tokens.slice(s, i + 1)), 0.7);
  });

  // who-questions: named active subject of an agentive verb, or the agent of a passive
  const mainTok = tokens[c.main];
  const rest = restTokens(c);
  const group = tokens.slice(c.verbStart, c.verbEnd);
  const passive = group.length > 1 && group.some((t) => BE_FORMS.has(t.normal)) && mainTok !== undefined && has(mainTok, 'PastTense');
  if (mainTok && !passive && AGENTIVE.has(mainTok.normal) && group.length === 1 && isNamedSubject(subject) && countWords(render(rest)) >= 2) {
    // "Who" only for people/organisations (or a bare name doing a human act); "What" for models, papers, ...
    // "Who" for people and organisations; "What" for everything else (models, papers, methods)
    const who = !has(subject[0], 'Determiner') && subject.some((t) => has(t, 'Person') || has(t, 'Organization'));
    push('who', whQuestion(c, { start: c.subjStart, end: c.verbStart, wh: who ? 'who' : 'what' }), render(subject), 0.66);
  }
  if (mainTok && passive && AGENTIVE.has(mainTok.normal)) {
    const by = rest.findIndex((t) => t.normal === 'by');
    if (by === 0) {
      const agent: Token[] = [];
      for (const t of rest.slice(1)) {
        if (t.paren > 0 || !(isNounish(t) || has(t, 'Determiner') || has(t, 'Adjective'))) break;
        agent.push(t);
        if (/[,;:.]/.test(t.post)) break;
      }
      const tail = rest.slice(1 + agent.length);
      if (agent.length > 0 && agent.length <= 5 && isNamedSubject(agent) && noVerbBetween(tail, 0, Math.min(tail.length, 1))) {
        const firstAux = group.find((t) => BE_FORMS.has(t.normal));
        const forms = conjugate(mainTok.normal, 'PastTense');
        if (forms && firstAux) {
          const verb = ['was', 'were'].includes(firstAux.normal) ? forms.past : forms.present;
          const subj = render(subject);
          const tailText = render(tail.filter((t) => t.paren === 0));
          const leadText = c.leadKind === 'date' ? ` ${render(tokens.slice(0, c.leadEnd)).replace(/^(on|back in|during)\b/i, 'in').replace(/^In\b/, 'in')}` : '';
          const q = `Who ${verb} ${subj.charAt(0) === subj.charAt(0).toUpperCase() && !has(subject[0], 'Determiner') ? subj : subj.charAt(0).toLowerCase() + subj.slice(1)}${tailText ? ' ' + tailText : ''}${leadText}?`;
          push('who', q.replace(/\s+\?$/, '?'), render(agent), 0.7);
        }
      }
    }
  }

  // what-object for creation verbs: "X introduced the Transformer architecture"
  if (mainTok && !passive && CREATION.has(mainTok.normal) && group.length === 1) {
    const obj: Token[] = [];
    for (const t of rest) {
      if (t.paren > 0) continue;
      if (!(isNounish(t) || has(t, 'Determiner') || has(t, 'Adjective')) || ['which', 'that', 'who'].includes(t.normal)) break;
      obj.push(t);
      if (/[,;:.]/.test(t.post)) break;
    }
    const after = rest[obj.length];
    if (after?.normal === 'of' || has(obj[0], 'Preposition')) obj.length = 0;
    const named = obj.some((t) => has(t, 'ProperNoun') || has(t, 'Acronym') || /^[A-Z][a-z]*[A-Z]/.test(t.text) || (t !== obj[0] && /^[A-Z]/.test(t.text)));
    if (obj.length > 0 && obj.length <= 6 && named && rest.length > 0) {
      const start = c.verbEnd;
      // remove the object and any relative clause attached to it
      let end = start;
      while (end < c.end && (tokens[end]?.paren ?? 0) >= 0 && end < start + obj.length) end++;
      let e2 = end;
      if (['which', 'that', 'who'].includes(tokens[e2]?.normal ?? '')) e2 = c.end;
      push('what-object', whQuestion(c, { start, end: e2, wh: 'what' }), render(obj), 0.62);
    }
  }
  return out;
}

function isNamedSubject(subject: readonly Token[]): boolean {
  if (subject.length === 0 || subject.length > 6) return false;
  // the head must be the name: "a group led by Geoffrey Hinton" is not a named subject
  const cut = subject.findIndex((t, i) => i > 0 && (has(t, 'Preposition') || (isVerbish(t) && !has(t, 'Noun'))));
  if (cut > 0) subject = subject.slice(0, cut);
  if (subject.some((t) => has(t, 'Pronoun') || has(t, 'Value'))) return false;
  return subject.some((t) => has(t, 'ProperNoun') || has(t, 'Person') || has(t, 'Organization') || has(t, 'Acronym') || /^[A-Z][a-z]*[A-Z0-9]/.test(t.text) || (t !== subject[0] && /^[A-Z]/.test(t.text)));
}
