// Glossary entries: "**Term**: a definition", "Term – a definition" (list items and short paragraphs)
// become "What is <term>?" → definition, and, for a short definition, the reverse "What is the term for
// <definition>?" → term, so a key term is asked both ways.

import type { Candidate } from '../candidate';
import type { Block, ListItemNode, TextUnit } from '../markdown';
import { salience, unitProblem, type LessonDoc } from '../lesson';
import { countWords, decapitalize } from '../text';

const ENTRY = /^([^:–—()]{1,60}?)\s*(?:\(([^)]{1,60})\))?\s*(?::|\s[–—-]\s)\s*(.+)$/;
/** A definition given as a noun phrase ("a marker that …", "the ratio of …", "merging sorted files …"). */
const NP_START = /^(?:a|an|the|any|one|each|every|some|two|three|[a-z]+ing)\b/i;

function unitsWithBlock(blocks: readonly Block[]): Array<{ unit: TextUnit; block: Block; inList: boolean }> {
  const out: Array<{ unit: TextUnit; block: Block; inList: boolean }> = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') out.push({ unit: block.unit, block, inList: false });
    if (block.kind !== 'list') continue;
    const walk = (items: readonly ListItemNode[]) => {
      for (const it of items) {
        out.push({ unit: it.unit, block, inList: true });
        walk(it.children);
      }
    };
    walk(block.items);
  }
  return out;
}

/** The term as it reads mid-sentence: lower-case a plain capitalised first word unless the lesson writes it as a name. */
function termCase(term: string, names: ReadonlySet<string>): string {
  const first = term.split(/\s+/)[0] ?? '';
  if (names.has(first.toLowerCase())) return term;
  return decapitalize(term);
}

function isPlural(term: string): boolean {
  const last = term.split(/\s+/).pop() ?? '';
  return /[^s']s$/.test(last) && !/(?:ss|us|is|ics)$/.test(last) && !/^[A-Z0-9-]+$/.test(last);
}

/** "a"/"an" before a countable lower-case term, judged from its definition ("a marker that …"). */
function article(def: string, term: string): string {
  if (!/^an?\s/i.test(def) || !/^[a-z]/.test(term) || isPlural(term)) return '';
  return /^[aeiou]/i.test(term) ? 'an ' : 'a ';
}

export function glossaryCandidates(doc: LessonDoc): Candidate[] {
  const out: Candidate[] = [];
  const names = doc.sentences[0]?.names ?? new Set<string>();
  const keyOf = (u: TextUnit) => doc.sentences.find((s) => s.unit === u);
  for (const { unit, block, inList } of unitsWithBlock(doc.blocks)) {
    if (unitProblem(unit)) continue;
    const m = ENTRY.exec(unit.text);
    if (!m) continue;
    const [, rawTerm, expansion, rawDef] = m;
    const term = (rawTerm ?? '').trim();
    const def = (rawDef ?? '').trim().replace(/[.;]\s*$/, '');
    // a glossary label is short and marked as a term (bold, or the head of a list item)
    const marked = unit.strong.some((s) => s.start === 0 && s.end >= term.length - 1) || unit.marks.some((s) => s.start === 0);
    if (!(marked || inList) || countWords(term) === 0 || countWords(term) > 5 || /[.?!]/.test(term)) continue;
    if (!NP_START.test(def) || /[.?!]\s/.test(def) || countWords(def) < 4 || countWords(def) > 18) continue;
    // the definition must not be the term's own words again
    if (def.toLowerCase().startsWith(term.toLowerCase())) continue;
    const info = keyOf(unit);
    const named = termCase(term, names);
    const full = expansion && countWords(expansion) >= 2 ? `${named} (${expansion})` : named;
    const base = {
      source: unit.text,
      anchor: block.anchor,
      sentenceId: info?.id ?? `g${block.index}:${unit.text.length}`,
      position: block.index,
      salience: salience(doc, unit.text),
    };
    out.push({ ...base, type: 'basic', origin: 'definition', front: `What ${isPlural(term) ? 'are' : 'is'} ${article(def, named)}${full}?`, back: def, prior: 0.8 });
    if (countWords(def) <= 12) {
      out.push({ ...base, type: 'basic', origin: 'known-as', front: `What is the term for ${decapitalize(def)}?`, back: term, prior: 0.66 });
    }
  }
  return out;
}
