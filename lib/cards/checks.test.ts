import { describe, expect, it } from 'vitest';
import { acronymLetters, cardFailures, checkBadBlank, checkDangling, checkDeck, checkLeak, checkNotInSource, relatedStems } from './checks';

const basic = (front: string, back: string, source = `${front} ${back}`) => ({ type: 'basic' as const, front, back, source });
const cloze = (front: string, back: string, source = front.replace('[...]', back)) => ({ type: 'cloze' as const, front, back, source });

describe('checkLeak', () => {
  it('finds the answer or a word of its family in the front', () => {
    expect(checkLeak(basic("What signals trapped within a memory cell's constant error carousel cannot change?", 'Error'))).toBe(true);
    expect(checkLeak(basic('What regularizes the network by dropping units?', 'Regularization'))).toBe(true);
    expect(checkLeak(cloze('Training [...] networks means training deep networks.', 'deep'))).toBe(true);
    expect(checkLeak(basic('How many parameters does GPT-3 have, out of 175 billion?', '175 billion'))).toBe(true);
  });
  it('compares acronyms with their expansions', () => {
    expect(acronymLetters('GANs')).toBe('gan');
    expect(acronymLetters('Dropout')).toBeNull();
    expect(checkLeak(basic('Which generative adversarial network model made faces?', 'GAN'))).toBe(true);
    expect(checkLeak(basic('What kind of model is a GAN?', 'Generative Adversarial Network'))).toBe(true);
    // asking for the expansion is the point of an acronym card
    expect(checkLeak(basic('What does GAN stand for?', 'Generative Adversarial Network'))).toBe(false);
  });
  it('accepts a question that names other things than its answer', () => {
    expect(checkLeak(basic('Which model won the 2012 ImageNet challenge?', 'AlexNet'))).toBe(false);
    expect(checkLeak(basic('What is dropout?', 'a form of regularization applied to a layer of a neural network'))).toBe(false);
    expect(relatedStems('optim', 'optimiz')).toBe(true);
    expect(relatedStems('gpt-2', 'gpt-3')).toBe(false);
  });
});

describe('checkDangling', () => {
  it('flags fronts that start with a pronoun, a connective or a generic noun phrase', () => {
    expect(checkDangling(basic('It works by dropping neurons. What does it do?', 'x'))).toBe(true);
    expect(checkDangling(cloze('Thus the model converges after [...] epochs.', '10'))).toBe(true);
    expect(checkDangling(cloze('The method reaches [...] accuracy.', '90%'))).toBe(true);
    expect(checkDangling(basic('How many sub-layers does each layer have?', 'two'))).toBe(true);
    expect(checkDangling(basic('What did they release in 2019?', 'GPT-2'))).toBe(true);
  });
  it('accepts fronts that name their subject', () => {
    expect(checkDangling(basic('What was the first neural network to generate speech as raw audio?', 'WaveNet'))).toBe(false);
    expect(checkDangling(basic('In what year was the paper "Attention is all you need" published?', '2017'))).toBe(false);
    expect(checkDangling(cloze('The idea behind the [...] is inspired by the visual cortex.', 'CNN'))).toBe(false);
    expect(checkDangling(basic('What are the two benefits of dropout?', 'a; b'))).toBe(false);
    expect(checkDangling(cloze('There are many [...] in a cluster.', 'GPUs'))).toBe(false);
  });
});

describe('checkNotInSource', () => {
  it('needs every word of the answer (or its stem) in the source passage', () => {
    expect(checkNotInSource(basic('Who built the Mark I Perceptron?', 'Frank Rosenblatt', 'Frank Rosenblatt built the Mark I Perceptron.'))).toBe(false);
    expect(checkNotInSource(basic('What regularises?', 'dropout layers', 'A dropout layer regularises.'))).toBe(false);
    expect(checkNotInSource(basic('Who built the Mark I Perceptron?', 'Marvin Minsky', 'Frank Rosenblatt built the Mark I Perceptron.'))).toBe(true);
    expect(checkNotInSource({ type: 'list', front: 'What are the two kinds?', back: 'RDB; AOF', source: 'Redis offers RDB and snapshots.' })).toBe(true);
  });
});

describe('checkBadBlank', () => {
  it('flags references, possessives, bare gaps and the lesson subject', () => {
    expect(checkBadBlank(cloze('[...] 4-2 shows the pipeline of the compiler.', 'Figure'))).toBe(true);
    expect(checkBadBlank(cloze('As shown in Table [...], the error falls.', '3'))).toBe(true);
    expect(checkBadBlank(cloze("[...] update rule keeps a running average of gradients.", "Adam's"))).toBe(true);
    expect(checkBadBlank(cloze('[...] – Deep Speech', '2016'))).toBe(true);
    expect(checkBadBlank(cloze('[...] is local in space and time.', 'LSTM'), 'LSTM')).toBe(true);
  });
  it('accepts a gap on an informative term', () => {
    expect(checkBadBlank(cloze('[...] is local in space and time, unlike backpropagation through time.', 'LSTM'), 'Recurrent networks')).toBe(false);
    expect(checkBadBlank(cloze('The cell membrane is made of a [...] bilayer.', 'phospholipid'))).toBe(false);
  });
});

describe('checkDeck', () => {
  it('marks the later of two near-duplicates and same-front cards', () => {
    const cards = [
      basic('In what year did AlexNet win the ImageNet challenge?', '2012'),
      basic('In which year did AlexNet win the ImageNet challenge?', '2012'),
      basic('What is the powerhouse of the cell?', 'The mitochondrion'),
    ];
    const out = checkDeck(cards).map((r) => r.failures);
    expect(out).toEqual([[], ['duplicate'], []]);
    expect(cardFailures(basic('It is what?', 'x', 'y'))).toEqual(['dangling', 'not-in-source']);
  });
});
