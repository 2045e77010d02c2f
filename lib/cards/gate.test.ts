import { describe, expect, it } from 'vitest';
import type { Candidate } from './candidate';
import { clauseSegments, gateReason, isLessonSubject, mixesClauses } from './gate';

const cand = (over: Partial<Candidate>): Candidate => ({
  type: 'basic',
  origin: 'when',
  front: '',
  back: '',
  source: '',
  anchor: '',
  sentenceId: 's',
  position: 0,
  prior: 0.7,
  salience: 0.5,
  ...over,
});

describe('mixesClauses', () => {
  it('splits at top-level punctuation, not inside numbers', () => {
    expect(clauseSegments('About 17,000 people, mostly in Paris, were executed.')).toEqual(['About 17,000 people', 'mostly in Paris', 'were executed.']);
  });
  it('flags questions that pull words from an apposition or relative clause', () => {
    const src = 'The fluid mosaic model, proposed by Singer and Nicolson in 1972, describes the membrane as a two-dimensional fluid.';
    expect(mixesClauses('In what year did the fluid mosaic model propose by Singer and Nicolson describes the membrane?', '1972', src)).toBe(true);
    const terror = 'The Terror ended with the execution of Robespierre in July 1794, an event known as the Thermidorian Reaction.';
    expect(mixesClauses('When did the Terror end with the execution of Robespierre an event known as the Thermidorian Reaction?', 'July 1794', terror)).toBe(true);
  });
  it('accepts questions from the answer clause and a fronted adverbial', () => {
    expect(mixesClauses('In what year did LeCun introduce LeNet?', '1998', 'In 1998, LeCun introduced LeNet, a convolutional network.')).toBe(false);
    expect(mixesClauses('In what year did AlexNet win the ImageNet challenge?', '2012', 'AlexNet won the ImageNet challenge in 2012, by a wide margin.')).toBe(false);
    expect(mixesClauses('When did Napoleon crown himself emperor?', '1804', 'Napoleon crowned himself emperor in 1804.')).toBe(false);
  });
});

describe('gateReason', () => {
  it('drops open questions, the lesson subject, bare process nouns and automated-check failures', () => {
    expect(gateReason(cand({ origin: 'definition', front: 'What is a key idea driving deep learning?', back: 'the scaling law', source: 'A key idea driving deep learning is the scaling law.' }), 'Deep learning')).toBe('open-question');
    expect(gateReason(cand({ type: 'cloze', origin: 'cloze', front: '[...] is local in space and time, unlike other recurrent networks.', back: 'LSTM', source: 'LSTM is local in space and time, unlike other recurrent networks.' }), 'Long Short-Term Memory')).toBe('lesson-subject');
    expect(gateReason(cand({ origin: 'term', front: 'What took 3.5 days on 8 P100 GPUs?', back: 'Training', source: 'Training took 3.5 days on 8 P100 GPUs.' }), 'The Transformer')).toBe('bare-process');
    expect(gateReason(cand({ origin: 'term', front: "What signals trapped within a memory cell's constant error carousel cannot change?", back: 'Error', source: "Error signals trapped within a memory cell's constant error carousel cannot change." }), 'LSTM')).toBe('check-leak');
    expect(gateReason(cand({ type: 'cloze', origin: 'cloze', front: '[...] common law, a valid contract needs four elements.', back: 'Under English', source: 'Under English common law, a valid contract needs four elements.' }), 'Contracts')).toBe('check-bad-blank');
  });
  it('keeps a clean card', () => {
    expect(gateReason(cand({ front: 'In what year did AlexNet win the ImageNet challenge?', back: '2012', source: 'AlexNet won the ImageNet challenge in 2012.' }), 'Deep learning')).toBeNull();
    expect(isLessonSubject('LSTMs', 'Long Short-Term Memory (LSTM)')).toBe(true);
    expect(isLessonSubject('Mitochondria', 'The cell')).toBe(false);
  });
});
