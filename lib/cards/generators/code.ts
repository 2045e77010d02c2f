// Code-aware cards: a sentence whose subject is an inline-code name ("The `git add` command copies
// changes into the staging area", "`fsync` forces buffered writes to disk") asks what the command,
// function or option does, and the reverse, which one does it. Prose around a listing ("Listing 1
// shows …") never qualifies: the subject must be the code itself.

import type { Candidate } from '../candidate';
import { salience, type LessonDoc } from '../lesson';
import { countWords } from '../text';

const KIND = '(command|function|method|option|flag|property|attribute|element|tag|directive|keyword|operator|class|module|package|library|setting|parameter|variable|field|call|statement|hook|endpoint|header|macro|type|interface|API|query|clause|rule|selector|event)';
const IRREGULAR: Record<string, string> = { does: 'do', has: 'have', is: 'be', goes: 'go' };
const NOT_ACTIONS = new Set(['is', 'was', 'has', 'does', 'shows', 'appears', 'seems', 'looks', 'means', 'works', 'needs', 'can', 'will', 'may', 'must', 'should']);

/** "copies" → "copy", "fetches" → "fetch", "returns" → "return". */
export function baseForm(verb: string): string {
  if (IRREGULAR[verb]) return IRREGULAR[verb]!;
  if (/[^aeiou]ies$/.test(verb)) return verb.slice(0, -3) + 'y';
  if (/(?:ch|sh|ss|x|z|o)es$/.test(verb)) return verb.slice(0, -2);
  return verb.replace(/s$/, '');
}

export function codeCandidates(doc: LessonDoc): Candidate[] {
  const out: Candidate[] = [];
  for (const info of doc.sentences) {
    if (info.excluded && info.excluded !== 'code' && info.excluded !== 'no-verb' && info.excluded !== 'fragment') continue;
    if (info.unit.code.length === 0 || info.unit.hasMath) continue;
    const text = info.sentence.text.trim();
    for (const span of info.unit.code) {
      const code = info.unit.text.slice(span.start, span.end).trim();
      if (!code || code.length > 40 || !text.includes(code)) continue;
      const esc = code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const re = new RegExp(`^(?:(The|A|An)\\s+)?(${esc})(?:\\s+${KIND})?\\s+([a-z]+s)\\s+(.+?)[.!]?$`);
      const m = re.exec(text);
      if (!m) continue;
      const [, det, , kind, verb, rest] = m;
      if (!verb || !rest || NOT_ACTIONS.has(verb) || /\s(?:it|this|that|they)\b/.test(` ${rest}`.slice(0, 6))) continue;
      // one clause, a definite predicate of a sensible length
      const predicate = rest.replace(/,\s*(?:and|but|which|so)\b.*$/, '').replace(/;.*$/, '').trim();
      if (countWords(predicate) < 3 || countWords(predicate) > 16 || /[`{}=<>]/.test(predicate)) continue;
      const subject = kind ? `${det ? 'the ' : ''}${code} ${kind}` : code;
      const base = {
        source: text,
        anchor: info.block.anchor,
        sentenceId: info.id,
        position: info.block.index,
        salience: salience(doc, text),
      };
      const ask = verb === 'returns' ? `What does ${subject} return?` : `What does ${subject} do?`;
      const answer = verb === 'returns' ? predicate : `${baseForm(verb) === verb ? verb : verb} ${predicate}`.replace(/^(\S+)/, (v) => v);
      out.push({ ...base, type: 'basic', origin: 'definition', front: ask, back: answer, prior: 0.78 });
      if (kind) {
        out.push({ ...base, type: 'basic', origin: 'term', front: `Which ${kind} ${verb} ${predicate}?`, back: code, prior: 0.7 });
      }
      break;
    }
  }
  return out;
}
