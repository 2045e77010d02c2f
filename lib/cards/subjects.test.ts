// The generator on documents of other subjects than the seeds (lib/cards/fixtures/, written for these
// tests): glossary entries, code-aware cards, definitional verbs, and the gate's failure patterns.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateCourseCards, generateLessonCards, lessonCandidates, type GeneratedCard } from './index';
import { CHECK_NAMES, checkDeck } from './checks';
import { baseForm } from './generators/code';
import { teachingProseWords } from './prose';
import { makeCourse, makeLesson } from './test-helpers';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const cardsOf = (markdown: string, title = 'Lesson') => generateLessonCards(makeLesson(markdown, { title }));
const find = (cards: ReadonlyArray<Pick<GeneratedCard, 'front' | 'back'>>, front: string | RegExp) => cards.find((c) => (typeof front === 'string' ? c.front === front : front.test(c.front)));

describe('glossary entries', () => {
  const md = [
    '## Terms',
    '',
    '- Write amplification: the ratio of bytes written to disk to bytes written by the application.',
    '- Compaction — merging sorted files to discard overwritten values.',
    '- **Tombstone**: a marker that records the deletion of a key.',
  ].join('\n');
  it('asks for the definition of each term, with an article when the definition is countable', () => {
    // the lesson is too short for all of them to be kept: look at the candidates that pass every rule
    const cards = lessonCandidates(makeLesson(md, { title: 'Storage engines' })).candidates.filter((c) => !c.rejected);
    expect(find(cards, 'What is write amplification?')?.back).toBe('the ratio of bytes written to disk to bytes written by the application');
    expect(find(cards, 'What is compaction?')?.back).toBe('merging sorted files to discard overwritten values');
    expect(find(cards, 'What is a tombstone?')?.back).toBe('a marker that records the deletion of a key');
  });
});

describe('code-aware cards', () => {
  it('asks what a command or function does, from a sentence whose subject is the code', () => {
    const cards = cardsOf(fixture('programming-git.md'), 'Version control with Git');
    expect(find(cards, 'What does the git add command do?')?.back).toBe('copies changes from the working tree into the staging area');
    expect(find(cards, 'What does the git push command do?')?.back).toBe('uploads local commits to a remote');
    // prose about a listing is not a card, and no card asks about the listing
    expect(cards.some((c) => /listing/i.test(c.front + c.back))).toBe(false);
    // "Git" is a name even though `git init` is written in lower case
    expect(find(cards, /^In what year was Git created/)?.back).toBe('2005');
  });
  it('puts verbs back in the base form', () => {
    expect(['copies', 'fetches', 'returns', 'does', 'goes'].map(baseForm)).toEqual(['copy', 'fetch', 'return', 'do', 'go']);
  });
});

describe('definitional verbs', () => {
  it('asks what a measure measures, what a law states and when a phenomenon arises', () => {
    const cards = lessonCandidates(makeLesson(fixture('economics-markets.md'), { title: 'Markets and prices' })).candidates.filter((c) => !c.rejected);
    expect(find(cards, 'What does price elasticity of demand measure?')?.back).toBe('how strongly the quantity demanded responds to a change in price');
    expect(find(cards, 'When does information asymmetry arise?')?.back).toBe('when one side of a transaction knows more than the other');
    expect(find(cards, 'What is an externality?')).toBeDefined();
    expect(find(cards, 'What are complements?')?.back).toBe('goods used together');
    // an adjective complement is not a class to learn ("Public goods are non-excludable and non-rival")
    expect(find(cards, 'What are public goods?')).toBeUndefined();
    // "states that, other things being equal, …": the aside is not the answer
    expect(cards.some((c) => c.back.startsWith('other things'))).toBe(false);
  });
});

describe('documents of other subjects', () => {
  const docs = ['biology-cell.md', 'law-contracts.md', 'programming-git.md', 'history-revolution.md', 'economics-markets.md'];
  it.each(docs)('%s: at least one card per 200 words of teaching prose and no automated-check failure', (name) => {
    const md = fixture(name);
    const course = makeCourse([makeLesson(md, { title: md.split('\n')[0]!.replace(/^#\s*/, '') })]);
    const cards = generateCourseCards(course);
    expect(cards.length * 200).toBeGreaterThanOrEqual(teachingProseWords(md));
    const failing = checkDeck(cards).filter((r) => r.failures.length > 0);
    expect(failing.map((r) => `${r.failures.join(',')}: ${r.card.front}`)).toEqual([]);
    expect(CHECK_NAMES.length).toBe(5);
  });
  it('never asks garbled questions built across an apposition or a relative clause', () => {
    const all = docs.flatMap((n) => cardsOf(fixture(n)));
    expect(find(all, /propose by Singer/)).toBeUndefined();
    expect(find(all, /during which were/)).toBeUndefined();
    expect(find(all, /^How many nanometres is every cell/)).toBeUndefined();
    expect(find(all, /^In what year was Nations published/)).toBeUndefined();
  });
});

describe('single key terms as cloze gaps', () => {
  it('blanks a one-word term the lesson marks and uses often, never a plain frequent word', () => {
    const md = [
      'Every cell has a **membrane**. The membrane is made of lipids and proteins arranged in two layers.',
      '',
      'Small non-polar molecules such as oxygen cross the membrane freely, while ions need channel proteins to pass through it.',
      '',
      'Water molecules move across the membrane by osmosis, from regions of low solute concentration to regions of high solute concentration.',
    ].join('\n');
    const cloze = lessonCandidates(makeLesson(md, { title: 'Cells' })).candidates.filter((c) => c.type === 'cloze' && !c.rejected);
    expect(cloze.some((c) => c.back === 'membrane')).toBe(true);
    expect(cloze.some((c) => c.back === 'proteins' || c.back === 'molecules')).toBe(false);
  });
});

describe('sentences with a modifier after the subject', () => {
  const md = [
    'GPT-3, released by OpenAI in 2020, has 175 billion parameters.',
    '',
    'The fluid mosaic model, proposed by Singer and Nicolson in 1972, describes the membrane as a two-dimensional fluid in which proteins float.',
  ].join('\n');
  const ok = () => lessonCandidates(makeLesson(md, { title: 'Facts' })).candidates.filter((c) => !c.rejected);
  it('asks the main clause without the aside, and the dated aside as its own fact, both ways', () => {
    const cards = ok();
    expect(find(cards, 'How many parameters does GPT-3 have?')?.back).toBe('175 billion');
    expect(find(cards, 'In what year was GPT-3 released by OpenAI?')?.back).toBe('2020');
    expect(find(cards, 'Who released GPT-3 in 2020?')?.back).toBe('OpenAI');
    expect(find(cards, 'In what year was the fluid mosaic model proposed by Singer and Nicolson?')?.back).toBe('1972');
    // the source passage of every card is the sentence as written
    expect(cards.every((c) => md.includes(c.source))).toBe(true);
  });
  it('never asks for one member of a coordination ("Singer and Nicolson")', () => {
    expect(ok().some((c) => c.back === 'Singer' || c.back === 'Nicolson')).toBe(false);
  });
});
