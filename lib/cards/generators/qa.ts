// Explicit questions in the lesson (a question heading or paragraph followed by its answer) become
// cards; an answer that enumerates ("three trends: A, B, and C") becomes a list card.

import type { Candidate } from '../candidate';
import { analyseClause, BE_FORMS, subjectTokens } from '../clause';
import type { Block, TextUnit } from '../markdown';
import { analyse, render, type Sentence } from '../nlp';
import { salience, unitProblem, type LessonDoc } from '../lesson';
import { capitalize, containment, countWords, numberWord, tokenSet } from '../text';
import { itemPhrase, splitEnumeration } from './lists';

const ANSWER_LABEL = /^(answers?|a|solution|response|reply)$/i;
const MAX_ANSWER_WORDS = 22;

function textOf(block: Block): TextUnit | null {
  return block.kind === 'heading' || block.kind === 'paragraph' ? block.unit : null;
}

function isQuestionText(text: string): boolean {
  return /\?\s*$/.test(text) && countWords(text) >= 3 && !/\?.+\?/.test(text.replace(/\?\s*$/, ''));
}

/** Insert the item count: "What are the conditions ...?" -> "What are the three conditions ...?" */
function withCount(question: string, n: number): string {
  const w = numberWord(n);
  if (/^(what|which) (are|were) the /i.test(question)) return question.replace(/^(\w+ \w+ the )/i, `$1${w} `);
  if (/^(what|which) (\w+s)\b/i.test(question)) return question.replace(/^(\w+ )/i, `$1${w} `);
  return `${question.replace(/\?$/, '')} (${w})?`;
}

/** Strip a restatement of the question from the start of the answer ("Deep learning is ..."). */
function compressAnswer(question: string, answer: Sentence): string {
  const c = analyseClause(answer.tokens);
  const qSet = tokenSet(question);
  if (c && c.leadEnd === 0) {
    const subject = subjectTokens(c);
    const main = answer.tokens[c.main];
    const subjSet = tokenSet(render(subject));
    if (main && c.verbEnd - c.verbStart === 1 && BE_FORMS.has(main.normal) && subjSet.size > 0 && containment(subjSet, qSet) >= 0.99) {
      return render(answer.tokens.slice(c.verbEnd));
    }
  }
  return render(answer.tokens, { keepFinalPunct: false });
}

export function qaCandidates(doc: LessonDoc): Candidate[] {
  const out: Candidate[] = [];
  const { blocks } = doc;
  // a lesson titled with a question ("What is deep learning?") is answered by its opening text
  for (let i = isQuestionText(doc.title) ? -1 : 0; i < blocks.length; i++) {
    const block = i < 0 ? undefined : blocks[i];
    const unit = block ? textOf(block) : null;
    if (block && (!unit || !isQuestionText(unit.text) || unitProblem(unit))) continue;
    // the question may follow a "Question" heading; its answer may follow an "Answer" heading
    const question = (unit ? unit.text : doc.title).trim();
    let j = i + 1;
    while (j < blocks.length && blocks[j]?.kind === 'heading' && ANSWER_LABEL.test(textOf(blocks[j] as Block)?.text ?? '')) j++;
    const next = blocks[j];
    if (!next || next.kind === 'heading') continue;
    const qSet = tokenSet(question);
    const anchor = next.anchor || block?.anchor || '';
    const base = { anchor, sentenceId: `qa:${i}`, position: Math.max(0, i), salience: salience(doc, question) };

    if (next.kind === 'list') {
      const items = next.items.map((it) => itemPhrase(it.unit));
      if (items.length >= 2 && items.length <= 8 && items.every((x): x is string => x !== null)) {
        out.push({ ...base, type: 'list', origin: 'qa', front: withCount(question, items.length), back: items.join('; '), items, source: `${question} ${items.join('; ')}`, prior: 0.92 });
        continue;
      }
      const first = next.items[0];
      if (!first) continue;
      const [s] = analyse(first.unit.text);
      if (!s || containment(tokenSet(s.text), qSet) === 0) continue;
      const back = compressAnswer(question, s);
      if (countWords(back) <= MAX_ANSWER_WORDS) out.push({ ...base, type: 'basic', origin: 'qa', front: question, back, source: `${question} ${s.text}`, prior: 0.9 });
      continue;
    }
    const answerUnit = next.unit;
    if (unitProblem(answerUnit) || isQuestionText(answerUnit.text)) continue;
    const sentences = analyse(answerUnit.text, answerUnit.marks, answerUnit.strong);
    const s = sentences[0];
    if (!s || /\?\s*$/.test(s.text)) continue;
    const overlap = containment(qSet, tokenSet(s.text));
    if (overlap < 0.2) continue;
    // enumerated answer: "... due to three converging trends: A, B, and C."
    const colon = s.tokens.findIndex((t) => /:\s*$/.test(t.post));
    if (colon > 0) {
      const items = splitEnumeration(render(s.tokens.slice(colon + 1)), null);
      if (items) {
        out.push({ ...base, type: 'list', origin: 'qa', front: capitalize(withCount(question, items.length)), back: items.join('; '), items, source: `${question} ${s.text}`, prior: 0.94 });
        continue;
      }
    }
    const back = compressAnswer(question, s);
    if (countWords(back) <= MAX_ANSWER_WORDS) out.push({ ...base, type: 'basic', origin: 'qa', front: question, back, source: `${question} ${s.text}`, prior: 0.9 });
  }
  return out;
}
