import { describe, expect, it } from 'vitest';
import type { Candidate } from './candidate';
import { acronymsOf, backFragmentReason, contraction, cutDefinition, expansionLeak, linkedStart, namesSomething, openGapReason, specificityReason } from './specific';
import { isReversePair } from './dedupe';
import { documentContext, withSubject } from './context';
import { generateLessonCards, reversedDefinition } from './index';
import { makeLesson } from './test-helpers';

const kept = (markdown: string, title = 'Lesson') => generateLessonCards(makeLesson(markdown, { title }));

const card = (over: Partial<Candidate>): Candidate => ({
  type: 'basic',
  origin: 'definition',
  front: 'What is X?',
  back: 'a thing',
  source: 'X is a thing.',
  anchor: '',
  sentenceId: '0:0',
  position: 0,
  prior: 0.7,
  salience: 0.5,
  ...over,
});
const none = { isKeyTerm: () => false, dominant: new Set<string>() };

describe('acronyms of a document (rules-9)', () => {
  it('reads both bracket orders and contractions', () => {
    const map = acronymsOf('AOF (Append Only File): AOF persistence logs every write. Many browsers come with developer tools (DevTools) that help.');
    expect(map.get('AOF')).toBe('append only file');
    expect(map.get('DevTools')).toBe('developer tools');
    expect(contraction('DevTools', 'developer tools')).toBe(true);
    expect(contraction('DNA', 'deoxyribonucleic acid')).toBe(false);
  });

  it('an acronym on the front whose expansion is the answer is a leak', () => {
    const acr = new Map([['AOF', 'append only file']]);
    expect(expansionLeak(card({ front: 'What is the AOF log?', back: 'an append-only log' }), acr)).toBe(true);
    expect(expansionLeak(card({ front: 'What does the AOF log record?', back: 'every write operation' }), acr)).toBe(false);
    expect(specificityReason(card({ origin: 'acronym', front: 'What does DevTools stand for?', back: 'developer tools' }), new Map(), none)).toBe('acronym-leak');
  });
});

describe('complete answers', () => {
  it('rejects quantifier, adverb, preposition and figure fragments', () => {
    expect(backFragmentReason(card({ origin: 'term', back: 'Most editors' }))).toBe('quantified-answer');
    expect(backFragmentReason(card({ origin: 'term', back: 'every output depends only on its neighbours of the input layer' }))).toBeNull();
    expect(backFragmentReason(card({ type: 'cloze', origin: 'cloze', back: 'Still RDB' }))).toBe('adverb-answer');
    expect(backFragmentReason(card({ origin: 'how-many', back: 'around three' }))).toBe('garbled-count');
    expect(backFragmentReason(card({ origin: 'how-many', back: 'three' }))).toBeNull();
    expect(backFragmentReason(card({ origin: 'term', back: 'The first example' }))).toBe('figure-answer');
  });

  it('a definition cut inside its noun phrase, or an empty head, is not an answer', () => {
    expect(cutDefinition('a unique set of tools', 'A development environment is a unique set of tools and features that a developer will use.')).toBe(true);
    expect(cutDefinition('an alternative', 'The append-only file is an alternative, fully-durable strategy for Redis.')).toBe(true);
    expect(cutDefinition('collections of scale degrees', 'Chords are collections of scale degrees.')).toBe(false);
    expect(cutDefinition('an append-only log', 'The AOF log is an append-only log, and it never seeks.')).toBe(false);
  });
});

describe('gaps with one filler', () => {
  it('drops open-class, evaluative, distributive and instruction clozes', () => {
    const cloze = (front: string, source = front.replace('[...]', 'X')) => openGapReason(card({ type: 'cloze', origin: 'cloze', front, source }));
    expect(cloze('Some [...] have debugging capabilities.')).toBe('open-cloze');
    expect(cloze('A common statement in modern programming languages is the [...].')).toBe('open-cloze');
    expect(cloze('[...] can be helpful for identifying categories of chords.')).toBe('evaluative');
    expect(cloze('Some developers avoid the [...], some rely on it entirely.')).toBe('side-remark');
    expect(cloze('Simply transfer your daily [...] snapshot to S3.')).toBe('instruction');
    expect(cloze('Functional bass symbols combine a chord function with an [...] numeral.')).toBeNull();
  });

  it('a source continuing the previous sentence is dropped', () => {
    expect(linkedStart('However, functional bass can be helpful.')).toBe(true);
    expect(linkedStart('Still RDB is able to provide more guarantees.')).toBe(true);
    expect(linkedStart('RDB allows faster restarts with big datasets.')).toBe(false);
  });

  it('a short cloze naming nothing of the document, and a generic list, are unspecific', () => {
    expect(specificityReason(card({ type: 'cloze', origin: 'cloze', front: 'The suggested policy is to [...] every second.', back: 'fsync', source: 'The suggested policy is to fsync every second.' }), new Map(), none)).toBe('unspecific');
    expect(specificityReason(card({ type: 'cloze', origin: 'cloze', front: 'The [...] signaled that your voice should rise and then fall on one syllable.', back: 'circumflex', source: 'The circumflex signaled that your voice should rise and then fall on one syllable.' }), new Map(), none)).toBeNull();
    expect(specificityReason(card({ type: 'list', origin: 'list', front: 'What are the three options?', back: 'a; b; c', source: 'There are three options: a; b; c' }), new Map(), none)).toBe('unspecific-list');
    expect(namesSomething('What are the two benefits of Dropout?', none)).toBe(true);
  });
});

describe('definitions both ways', () => {
  it('reverses a definition with a descriptive noun phrase, not an empty or open one', () => {
    const rev = reversedDefinition(card({ front: 'What are chords?', back: 'collections of scale degrees', source: 'Chords are collections of scale degrees.' }));
    expect(rev.map((c) => [c.front, c.back])).toEqual([['What is the term for collections of scale degrees?', 'chords']]);
    expect(reversedDefinition(card({ front: 'What is ImageNet?', back: 'one of the most popular image databases' }))).toEqual([]);
    expect(reversedDefinition(card({ front: 'What is the most basic type of zooming?', back: 'static zoom in the browser window' }))).toEqual([]);
  });

  it('the two directions are not near-duplicates of each other, and both are kept', () => {
    expect(isReversePair({ front: 'What are chords?', back: 'collections of scale degrees' }, { front: 'What is the term for collections of scale degrees?', back: 'chords' })).toBe(true);
    expect(isReversePair({ front: 'What are chords?', back: 'collections of scale degrees' }, { front: 'What are chords made of?', back: 'scale degrees' })).toBe(false);
    const fronts = kept('A tombstone is a special marker that records the deletion of a key in a log-structured store. Log-structured stores never overwrite data in place; they append every change to the end of a file and merge old segments in the background. Reads then check the newest segment first, so a deleted key is found quickly and hidden from clients until compaction removes it for good.', 'Storage engines').map((c) => c.front);
    expect(fronts).toContain('What is a tombstone?');
    expect(fronts).toContain('What is the term for a special marker that records the deletion of a key in a log-structured store?');
  });
});

describe('sections that do not teach', () => {
  it('gives no card from a reading list or a self-study section, nor an authored title', () => {
    const md = 'Chords are collections of scale degrees.\n\n## Review & Self Study\n\nRead the chapter on cadences and try to label every chord in a chorale.\n\nIn pursuit of responsible AI: Bringing principles to practice by Besmira Nushi, Mehrnoosh Sameki and Amit Sharma';
    const cards = kept(md, 'Harmony');
    expect(cards.some((c) => /chorale|pursuit|cadences/i.test(c.front + c.back))).toBe(false);
    expect(cards.some((c) => /chords/i.test(c.front + c.back))).toBe(true);
  });
});

describe('the document subject on a front that names nothing', () => {
  const redis = Array.from({ length: 8 }, (_, i) => `Redis writes snapshot number ${i} to disk while Redis keeps serving clients.`).join(' ');
  it('finds the subject a title names and prefixes it to a question that names nothing', () => {
    const doc = documentContext(redis, ['Redis persistence']);
    expect(doc.subject).toBe('Redis');
    const c = withSubject(card({ front: 'What does the base file represent?', back: 'an initial snapshot of the data', source: 'The base file represents an initial snapshot of the data.' }), doc);
    expect(c.front).toBe('In Redis, what does the base file represent?');
    // a front that names something, a cloze, or a document without a subject in its title stay as they are
    expect(withSubject(card({ front: 'What does RDB stand for?', back: 'Redis Database' }), doc).front).toBe('What does RDB stand for?');
    expect(withSubject(card({ type: 'cloze', front: 'The base file is a [...].', back: 'snapshot' }), doc).front).toBe('The base file is a [...].');
    expect(documentContext(redis, ['Persistence']).subject).toBeUndefined();
  });
});

describe('reverse of a class definition', () => {
  it('is not asked when the description is one member of a broad class', () => {
    expect(reversedDefinition(card({ front: 'What is dropout?', back: 'a form of regularization that can be applied to a layer', source: 'Dropout is a form of regularization that can be applied to a layer.' }))).toEqual([]);
  });
});
