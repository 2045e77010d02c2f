// Precision rules (precision.ts, the "rules-7" gate) and the generator changes that came with them.
import { describe, expect, it } from 'vitest';
import type { Candidate } from './candidate';
import { gateReason } from './gate';
import { lessonCandidates } from './index';
import { linkedToPrevious, needsOutsideContext, precisionReason, truncatedPair } from './precision';
import { makeLesson } from './test-helpers';

const cand = (over: Partial<Candidate>): Candidate => ({
  type: 'basic',
  origin: 'definition',
  front: 'What is a tombstone?',
  back: 'a marker that records a deletion',
  source: 'A tombstone is a marker that records a deletion.',
  anchor: '',
  sentenceId: 's',
  position: 0,
  prior: 0.7,
  salience: 0.5,
  ...over,
});

const kept = (markdown: string, title = 'Lesson') =>
  lessonCandidates(makeLesson(markdown, { title })).candidates.filter((c) => !c.rejected);

describe('precisionReason', () => {
  it('accepts a plain definition', () => {
    expect(precisionReason(cand({}))).toBeNull();
    expect(gateReason(cand({}), 'Storage engines')).toBeNull();
  });
  it('drops a front that points outside the card', () => {
    const cloze = cand({ type: 'cloze', origin: 'cloze', front: 'In both examples, the accent of the longer word is on the [...] syllable.', back: 'ultima', source: 'In both examples, the accent of the longer word is on the ultima syllable.' });
    expect(precisionReason(cloze)).toBe('outside-context');
    expect(needsOutsideContext('In the second form, the ultima is long.')).toBe(true);
    expect(needsOutsideContext('The steps shown above are optional.')).toBe(true);
    expect(needsOutsideContext('What is the last syllable?')).toBe(false);
    // the rule is part of the last gate, so LLM cards get it too
    expect(gateReason(cloze, 'Accents')).toBe('outside-context');
  });
  it('drops a front tied to the previous sentence by a connective', () => {
    expect(linkedToPrevious('Some usages of [...], however, require one version.')).toBe(true);
    expect(linkedToPrevious('There are useful [...] available as well.')).toBe(true);
    expect(linkedToPrevious('What is a tombstone also called?')).toBe(false);
    expect(linkedToPrevious('Diffusion models draw on thermodynamics, as well as probability theory.')).toBe(false);
    expect(linkedToPrevious('A tombstone is also known as a deletion marker.')).toBe(false);
  });
  it('drops a yes/no question whose back is a sentence', () => {
    expect(precisionReason(cand({ origin: 'qa', front: 'Are public projects open source?', back: 'When you create a project you choose' }))).toBe('yes-no');
  });
  it('drops a question that left a modifier without its noun', () => {
    expect(precisionReason(cand({ origin: 'how-many', front: 'How many syllables do accents appear on only the last of a word?', back: 'three' }))).toBe('stranded-modifier');
  });
  it('drops a back cut inside "both … and"', () => {
    expect(truncatedPair('an environment that allows the developer to both code')).toBe(true);
    expect(truncatedPair('an environment to both code and write notes')).toBe(false);
    expect(precisionReason(cand({ back: 'an environment that allows the developer to both code' }))).toBe('truncated-pair');
  });
  it('drops a definition whose answer says nothing', () => {
    expect(precisionReason(cand({ front: 'What is accessibility?', back: 'a relatively large topic' }))).toBe('vague-definition');
    expect(precisionReason(cand({ front: 'What is the antepenult?', back: 'the one before the penult' }))).toBe('vague-definition');
    expect(precisionReason(cand({ front: 'What is the ultima?', back: 'the last syllable of a word' }))).toBeNull();
  });
  it('drops a quantified subject asked as a term', () => {
    expect(precisionReason(cand({ front: 'What was every Greek sentence?', back: 'a flow of pitches' }))).toBe('quantified-subject');
  });
  it('drops clozes with several fillers: labels, settings, instructions to the reader', () => {
    const cloze = (front: string) => precisionReason(cand({ type: 'cloze', origin: 'cloze', front, back: 'x' }));
    expect(cloze('[...]: Especially if it makes sense to move a project.')).toBe('label-cloze');
    expect(cloze('Employee policies: [...] developing a corporate policy.')).toBe('label-cloze');
    expect(cloze('On [...], Magnifier is built in.')).toBe('setting-cloze');
    expect(cloze('You are going to use [...] to develop your code.')).toBe('reader-cloze');
    expect(cloze('If you eliminate [...], training gets faster.')).toBeNull();
    expect(cloze('[...] – VALL-E 2 (Microsoft) can generate personalised speech from a short recording.')).toBe('bullet-date');
    expect(cloze('Initially, [...] were challenging to work with.')).toBe('relative-time');
    expect(cloze('Later models like [...] map concepts across modalities to one space.')).toBeNull();
    expect(cloze('The Attention Is All You Need paper removed all the [...] components.')).toBeNull();
    expect(cloze('Someone using a [...] would only hear the words repeated.')).toBe('hypothetical');
    expect(cloze('[...] offers complete control over the look of any element on a page.')).toBeNull();
  });
  it('drops a question whose subject is a gerund phrase', () => {
    expect(precisionReason(cand({ origin: 'what-object', front: 'What does assuming the model perfectly represent?', back: 'all information' }))).toBe('gerund-subject');
    expect(precisionReason(cand({ origin: 'what-object', front: 'What does training require?', back: 'labelled data' }))).toBeNull();
  });
  it('drops a cloze on one word of the lesson title', () => {
    const c = cand({ type: 'cloze', origin: 'cloze', front: 'The lab computers already include a [...] installation.', back: 'Python', source: 'The lab computers already include a Python installation.' });
    expect(gateReason(c, 'Introduction to Python and Scikit-learn for regression')).toBe('lesson-subject');
    expect(gateReason(c, 'Tools for regression')).toBeNull();
  });
});

describe('generator changes with the precision gate', () => {
  it('never uses an exercise marker line as a source', () => {
    const cards = kept('✅ Think for a minute how different the working environment of a data scientist is.\n\nA notebook stores code cells and their output.');
    expect(cards.some((c) => c.source.includes('Think'))).toBe(false);
  });
  it('asks a plural superlative with "are"', () => {
    const cards = kept('MIT, Apache 2.0, and GPLv3 are the most popular open source licenses.');
    expect(cards.some((c) => c.front === 'What are the most popular open source licenses?')).toBe(true);
    expect(cards.some((c) => c.front === 'What is the most popular open source licenses?')).toBe(false);
  });
  it('turns "<plural class> include A, B, and C" into a counted list card', () => {
    const cards = kept('Common permissive licenses include MIT, Apache 2.0, ISC, and BSD.');
    const list = cards.find((c) => c.type === 'list');
    expect(list?.front).toBe('What are four common permissive licenses?');
    expect(list?.items).toEqual(['MIT', 'Apache 2.0', 'ISC', 'BSD']);
  });
});

describe('rules-8 precision', () => {
  it('a definition lifted from a contrastive sentence is dropped', () => {
    const c = cand({ front: 'What is batch firing?', back: 'a slow process', source: 'Batch firing is a slow process, however, because every shelf must cool.' });
    expect(precisionReason(c)).toBe('linked-source');
    expect(precisionReason(cand({}))).toBeNull();
  });
  it('an answer with a demonstrative is dropped', () => {
    expect(precisionReason(cand({ front: 'What is the Kiln Charter?', back: 'a charter signed by these potters' }))).toBe('dangling-answer');
  });
  it('an explicit question answered by a condition is dropped', () => {
    const c = cand({ origin: 'qa', front: 'Which glaze suits stoneware?', back: "If you're firing hot, it's hard to go wrong with ash glaze" });
    expect(precisionReason(c)).toBe('conditional-answer');
    expect(precisionReason({ ...c, back: 'Ash glaze, because it melts at stoneware temperatures' })).toBeNull();
  });
  it('a cloze on one member of an open class or a claim about most of a class is dropped', () => {
    const cloze = (front: string) => precisionReason(cand({ type: 'cloze', origin: 'cloze', front, back: 'kilns' }));
    expect(cloze('One of the best-known pottery tools are [...].')).toBe('open-cloze');
    expect(cloze('Most studios already include a [...] corner.')).toBe('open-cloze');
    expect(cloze('Most [...] are fired twice.')).toBeNull();
    expect(cloze('Stoneware is fired in [...] at high heat.')).toBeNull();
  });
  it('a bold sentence is not a bold subject', () => {
    const cards = kept('**Glazing a pot twice is not the same as firing it twice.** Potters often glaze twice.');
    expect(cards.some((c) => c.origin === 'term')).toBe(false);
  });
});

describe('boilerplate words that are also subject matter', () => {
  it('keeps a teaching sentence about copyright, drops a short furniture line', () => {
    const md = 'A new poem is under exclusive copyright by default, so nobody else may copy it without permission.\n\nCopyright 2024 Example Press.';
    const { doc } = lessonCandidates(makeLesson(md));
    const reasons = doc.sentences.map((s) => s.excluded);
    expect(reasons[0]).toBeNull();
    expect(reasons[1]).toBe('boilerplate');
  });
});
