// Quality rules: dangling references, answer leaks, hard rejections and scoring.

import { describe, expect, it } from 'vitest';
import type { Candidate } from './candidate';
import { hasDanglingReference, leaksAnswer, rejectReason, scoreCandidate } from './quality';

const candidate = (over: Partial<Candidate>): Candidate => ({
  type: 'basic',
  origin: 'when',
  front: 'In what year did AlexNet win the ImageNet challenge?',
  back: '2012',
  source: 'On 2012 AlexNet won the ImageNet challenge.',
  anchor: '',
  sentenceId: 's1',
  position: 0,
  prior: 0.75,
  salience: 0.5,
  ...over,
});

describe('dangling references', () => {
  it('flags demonstratives and pronouns with nothing to point at', () => {
    expect(hasDanglingReference('What did this paper introduce?')).toBe(true);
    expect(hasDanglingReference('What did they use to reduce overfitting?')).toBe(true);
    expect(hasDanglingReference('In what year were these models released?')).toBe(true);
    expect(hasDanglingReference('The plots show [...] growth in dataset size.')).toBe(true);
  });

  it('accepts pronouns whose antecedent is in the question, and titled "the paper"', () => {
    expect(hasDanglingReference('How many visitors did ChatGPT receive in its first month?')).toBe(false);
    expect(hasDanglingReference('What did the paper "Attention is all you need" introduce?')).toBe(false);
    expect(hasDanglingReference('In what year did AlexNet win the ImageNet challenge?')).toBe(false);
  });
});

describe('answer leaks', () => {
  it('compares normalised stems, not raw strings', () => {
    expect(leaksAnswer('What provides the power of hardware advances?', 'Hardware advance')).toBe(true);
    expect(leaksAnswer('What provided the computational power needed to train deep networks?', 'Hardware advances')).toBe(false);
  });

  it('treats a repeated quantity as a leak but not digits inside names', () => {
    expect(leaksAnswer('A [...] network transforms the data into 10 representations.', '10-layer')).toBe(true);
    expect(leaksAnswer('What did OpenAI release in 2019?', 'GPT-2')).toBe(false);
  });

  it('checks every list item', () => {
    expect(leaksAnswer('Which two problems besides the vanishing gradient made training hard?', '', ['Vanishing gradient', 'Exploding gradient'])).toBe(true);
  });
});

describe('rejectReason', () => {
  it('accepts a clean card', () => {
    expect(rejectReason(candidate({}))).toBeNull();
  });

  it('rejects long, trivial, non-atomic or ungrammatical cards', () => {
    expect(rejectReason(candidate({ back: 'the start of the modern deep learning era where three factors were combined together' }))).toBe('answer-length');
    expect(rejectReason(candidate({ front: 'What is the name of it?', back: 'it' }))).toBe('trivial-answer');
    expect(rejectReason(candidate({ back: 'GPUs; datasets; algorithms' }))).toBe('not-atomic');
    expect(rejectReason(candidate({ front: 'In what year did AlexNet win the the ImageNet challenge?' }))).toBe('repeated-word');
    expect(rejectReason(candidate({ front: 'In what year did AlexNet win the ImageNet challenge' }))).toBe('not-a-question');
    expect(rejectReason(candidate({ type: 'cloze', origin: 'cloze', front: 'AlexNet won the ImageNet challenge.', back: '2012' }))).toBe('cloze-gap');
  });

  it('rejects boilerplate and hedged questions', () => {
    expect(rejectReason(candidate({ front: 'In what year was https://example.com launched?' }))).toBe('boilerplate');
    expect(rejectReason(candidate({ front: 'In what year might AlexNet have won the ImageNet challenge?' }))).toBe('hedged');
  });

  it('checks list sizes and item lengths', () => {
    const list = (items: string[]) => candidate({ type: 'list', origin: 'list', front: 'Which factors drove the breakthrough?', back: items.join('; '), items });
    expect(rejectReason(list(['GPUs', 'large datasets', 'better algorithms']))).toBeNull();
    expect(rejectReason(list(['GPUs']))).toBe('list-size');
    expect(rejectReason(list(['GPUs', 'the availability of very large labelled datasets collected from the internet']))).toBe('list-item-length');
  });

  it('lets definitions and explicit answers be most of their source sentence', () => {
    const def = candidate({ origin: 'definition', front: 'What is dropout?', back: 'a form of regularization for neural networks', source: 'Dropout: a form of regularization for neural networks.' });
    expect(rejectReason(def)).toBeNull();
    expect(rejectReason({ ...def, origin: 'who' })).toBe('answer-is-source');
  });
});

describe('scoreCandidate', () => {
  it('prefers confident generators and penalises hedged or opinionated sources', () => {
    const base = scoreCandidate(candidate({}));
    expect(scoreCandidate(candidate({ prior: 0.5 }))).toBeLessThan(base);
    expect(scoreCandidate(candidate({ source: 'AlexNet probably won the ImageNet challenge in 2012.' }))).toBeLessThan(base);
    expect(scoreCandidate(candidate({ source: 'AlexNet won the ImageNet challenge in 2012, an amazing result.' }))).toBeLessThan(base);
  });
});
