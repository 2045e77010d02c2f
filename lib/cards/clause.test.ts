// Clause analysis and the wh-question transformation (inversion, do-support, agreement).

import { describe, expect, it } from 'vitest';
import { analyseClause, dropAsides, subjectIsPlural, subjectTokens, whQuestion } from './clause';
import { analyse, render } from './nlp';

function clauseOf(text: string) {
  const [s] = analyse(text);
  if (!s) throw new Error('no sentence');
  const c = analyseClause(s.tokens);
  if (!c) throw new Error(`no clause in: ${text}`);
  return { c, tokens: s.tokens };
}

const idx = (tokens: readonly { text: string }[], word: string) => tokens.findIndex((t) => t.text === word);

describe('analyseClause', () => {
  it('separates a fronted date, the subject, the verb group and the rest', () => {
    const { c, tokens } = clauseOf('In 2009 a group led by Andrew Ng used GPUs to train a deep belief network.');
    expect(c.leadKind).toBe('date');
    expect(render(subjectTokens(c))).toBe('a group led by Andrew Ng');
    expect(tokens[c.main]?.text).toBe('used');
  });

  it('skips a relative clause inside the subject', () => {
    const { c, tokens } = clauseOf('A final factor that has accelerated deep learning is the sheer number of researchers.');
    expect(render(subjectTokens(c))).toBe('A final factor that has accelerated deep learning');
    expect(tokens[c.main]?.text).toBe('is');
  });

  it('ends the clause before a coordinated second clause', () => {
    const { c, tokens } = clauseOf('Dalle-2 was released by OpenAI and Stable diffusion was open sourced months later by Stability AI.');
    expect(render(tokens.slice(c.verbEnd, c.end))).toBe('by OpenAI');
  });

  it('repairs an ambiguous verb read as a noun', () => {
    const { c, tokens } = clauseOf('Mitochondria produce most of the chemical energy of the cell.');
    expect(tokens[c.main]?.text).toBe('produce');
  });

  it('knows plural subjects', () => {
    expect(subjectIsPlural(subjectTokens(clauseOf('Current LLMs use the transformer architecture.').c))).toBe(true);
    expect(subjectIsPlural(subjectTokens(clauseOf('The success of AlexNet changed the field.').c))).toBe(false);
  });
});

describe('whQuestion', () => {
  it('uses do-support with the lemmatised verb', () => {
    const { c, tokens } = clauseOf('On 2012 AlexNet won the Imagenet challenge.');
    expect(whQuestion(c, { start: idx(tokens, '2012'), end: idx(tokens, '2012') + 1, wh: 'in what year' })).toBe('In what year did AlexNet win the Imagenet challenge?');
  });

  it('chooses does/do by the subject number in the present tense', () => {
    const one = clauseOf('The MS COCO dataset has 328K images.');
    expect(whQuestion(one.c, { start: idx(one.tokens, '328K'), end: idx(one.tokens, 'images') + 1, wh: 'how many images' })).toBe('How many images does the MS COCO dataset have?');
    const many = clauseOf('Current LLMs use the transformer architecture.');
    expect(whQuestion(many.c, { start: idx(many.tokens, 'the'), end: many.tokens.length, wh: 'what' })).toBe('What do current LLMs use?');
  });

  it('inverts an auxiliary and fronts a preposition with the wh-phrase', () => {
    const { c, tokens } = clauseOf('GPT-2 was trained on 8 million web pages.');
    expect(whQuestion(c, { start: idx(tokens, '8'), end: idx(tokens, 'pages') + 1, wh: 'how many web pages', takePrep: true })).toBe('On how many web pages was GPT-2 trained?');
  });

  it('replaces a subject in place and makes the verb agree with "what"', () => {
    const { c } = clauseOf('Large datasets provide the raw material for learning.');
    expect(whQuestion(c, { start: c.subjStart, end: c.verbStart, wh: 'what' })).toBe('What provides the raw material for learning?');
  });

  it('drops bracketed asides but keeps an acronym', () => {
    expect(dropAsides('In what year did three groups (Hinton, Bengio, LeCun) publish methods?')).toBe('In what year did three groups publish methods?');
    expect(dropAsides('When were Generative Adversarial Networks (GANs) introduced?')).toBe('When were Generative Adversarial Networks (GANs) introduced?');
  });
});
