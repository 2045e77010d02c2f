// Behaviour of the whole generator on small lessons: each card source, each rejection rule, keys,
// course-wide de-duplication, robustness and a non-deep-learning text.

import { describe, expect, it } from 'vitest';
import { generateCourseCards, generateLessonCards, lessonCandidates } from './index';
import { makeCourse, makeLesson } from './test-helpers';
import type { GeneratedCard } from './types';

const kept = (markdown: string, title = 'Lesson') =>
  lessonCandidates(makeLesson(markdown, { title })).candidates.filter((c) => !c.rejected);

const find = <T extends { front: string }>(cards: readonly T[], front: RegExp): T | undefined => cards.find((c) => front.test(c.front));

const HISTORY = `## 2012 Imagenet

On 2012 AlexNet won the Imagenet challenge. This is the start of the modern deep learning era where
3 factors were combined:

- Big datasets
- GPU compute power
- Algorithmic advances

## 2019 GPT-2

On 2017 the paper "Attention is all you need" was published. This paper introduced the Transformer
architecture which is the basis of the modern natural language models. On 2019 OpenAI released
GPT-2 which is a 1.5 billion parameters model. This model was trained on 8 million web pages.
`;

describe('list cards', () => {
  it('turns a bullet list after a lead-in into a question that says how many', () => {
    const card = kept(HISTORY).find((c) => c.type === 'list');
    expect(card?.front).toBe('Which 3 factors were combined in the modern deep learning era?');
    expect(card?.items).toEqual(['Big datasets', 'GPU compute power', 'Algorithmic advances']);
    expect(card?.back).toBe('Big datasets; GPU compute power; Algorithmic advances');
  });

  it('builds the question from an inline enumeration grammatically (wh-fronting with do-support)', () => {
    const md = 'Deep learning gained popularity in the last decade due to three converging trends: hardware advances, datasets and benchmarks, and algorithmic improvements. These factors came together around 2012.';
    const card = kept(md).find((c) => c.type === 'list');
    expect(card?.front).toBe('Due to which three converging trends did deep learning gain popularity in the last decade?');
    expect(card?.items).toEqual(['hardware advances', 'datasets and benchmarks', 'algorithmic improvements']);
  });

  it('uses "What are the N ..." for existential lead-ins and rejects a count that does not match', () => {
    const ok = kept('To simplify, there are two ways to improve the quality of the dataset:\n\n- data quality\n- data quantity\n');
    expect(find(ok, /^What are the two ways to improve the quality of the dataset\?$/)?.back).toBe('data quality; data quantity');
    const mismatch = kept('There are three ways to improve the dataset:\n\n- data quality\n- data quantity\n');
    expect(mismatch.filter((c) => c.type === 'list')).toEqual([]);
  });

  it('names the topic for a bare-noun lead-in ("Benefits:")', () => {
    const md = '## Dropout\n\nDropout is a form of regularization.\n\nBenefits:\n\n- Reduced risk of overfitting\n- Reduced generalization error\n';
    expect(find(kept(md), /^What are the two benefits of Dropout\?$/)?.type).toBe('list');
  });
});

describe('fact questions', () => {
  it('makes a grammatical when-question from a dated sentence (verb lemmatised)', () => {
    const card = find(kept(HISTORY), /AlexNet win/);
    expect(card?.front).toBe('In what year did AlexNet win the Imagenet challenge?');
    expect(card?.back).toBe('2012');
  });

  it('inverts the auxiliary of a passive ("In what year were X first introduced?")', () => {
    const card = find(kept('Generative Adversarial Networks (GANs) were first introduced in 2014 by researchers.'), /^In what year/);
    expect(card?.front).toBe('In what year were Generative Adversarial Networks (GANs) first introduced by researchers?');
  });

  it('asks how many for numeric facts, resolving "This model" to its antecedent', () => {
    const cards = kept(HISTORY);
    expect(find(cards, /^How many parameters does GPT-2 have\?$/)?.back).toBe('1.5 billion');
    expect(find(cards, /^On how many web pages was GPT-2 trained\?$/)?.back).toBe('8 million');
  });

  it('resolves "This paper" from the previous sentence for a what-question', () => {
    const card = find(kept(HISTORY), /introduce\?$/);
    expect(card?.front).toBe('What did the paper "Attention is all you need" introduce?');
    expect(card?.back).toBe('the Transformer architecture');
  });

  it('handles multipliers ("75x speedup" is not mistaken for a count; "5000x faster" is)', () => {
    const cards = kept('Between 1990 and 2010, CPUs became 5000x faster than before in benchmarks.');
    expect(find(cards, /how many times faster did CPUs become/)?.back).toBe('5000x');
  });
});

describe('definitions and key terms', () => {
  it('makes a definition card from "X is a Y"', () => {
    const card = find(kept('Dropout is a form of regularization that can be applied to a layer in a neural network.'), /^What is dropout\?$/);
    expect(card?.back).toBe('a form of regularization that can be applied to a layer in a neural network');
  });

  it('asks for a bold key term from its explanation', () => {
    const card = find(kept('**Hardware advances** provided the computational power needed to train deep networks.'), /^What provided/);
    expect(card?.front).toBe('What provided the computational power needed to train deep networks?');
    expect(card?.back).toBe('Hardware advances');
  });

  it('expands acronyms and asks for "known as" terms with their context', () => {
    const cards = kept(
      'Large Language Models (LLMs) are trained on text. When a model fits the noise in its training data instead of the signal, it generalises badly. This effect is known as overfitting.',
    );
    expect(find(cards, /^What does LLM stand for\?$/)?.back).toBe('Large Language Models');
    const knownAs = cards.find((c) => c.origin === 'known-as');
    expect(knownAs?.front).toMatch(/What is this effect known as\?$/);
    expect(knownAs?.back).toBe('overfitting');
  });
});

describe('explicit questions', () => {
  it('extracts a question heading and its answer, compressing a restated subject', () => {
    const md = '## What is a ribosome?\n\nA ribosome is a molecular machine that builds proteins from amino acids.\n';
    const card = find(kept(md), /^What is a ribosome\?$/);
    expect(card?.origin).toBe('qa');
    expect(card?.back).toBe('a molecular machine that builds proteins from amino acids');
  });

  it('turns an enumerated answer into a list card with the count in the question', () => {
    const md = '# Question\n\nWhat are the conditions that allowed deep learning to gain popularity?\n\n# Answer\n\nDeep learning gained popularity due to three converging trends: hardware advances, datasets and benchmarks, and algorithmic improvements.\n';
    const card = find(kept(md), /conditions/);
    expect(card?.type).toBe('list');
    expect(card?.front).toBe('What are the three conditions that allowed deep learning to gain popularity?');
  });

  it('treats a lesson titled with a question as answered by its opening text', () => {
    const md = '- Deep learning is a branch of machine learning involving algorithms that have many nonlinear processing stages.\n- Other point here about networks.\n';
    const card = find(kept(md, 'What is deep learning?'), /^What is deep learning\?$/);
    expect(card?.back).toBe('a branch of machine learning involving algorithms that have many nonlinear processing stages');
  });
});

describe('cloze', () => {
  it('blanks the key entity of a sentence', () => {
    const card = kept('The big idea behind Batch Normalization is that if you eliminate **internal covariate shift**, training gets faster.').find((c) => c.type === 'cloze');
    expect(card?.front).toBe('The big idea behind Batch Normalization is that if you eliminate [...], training gets faster.');
    expect(card?.back).toBe('internal covariate shift');
  });

  it('does not blank one member of a coordination ("A and [...]")', () => {
    const cards = kept('The introduction of datasets like MNIST and ImageNet drastically increased the availability of large datasets.').filter((c) => c.type === 'cloze');
    expect(cards.some((c) => c.back === 'MNIST' || c.back === 'ImageNet')).toBe(false);
  });
});

describe('rejections', () => {
  it('drops cards whose subject is a pronoun without an antecedent', () => {
    const md = 'It was later found that these initialization techniques were not required in 2010. They initiated a new look at deep networks in 2006.';
    const cards = generateLessonCards(makeLesson(md));
    for (const c of cards) expect(c.front).not.toMatch(/\b(it|they|these)\b/i);
  });

  it('never keeps a card whose answer is visible in its question', () => {
    const md = 'Dropout layers apply dropout to random units. On 2019 OpenAI released GPT-2, a model trained by OpenAI on 8 million web pages. GPT-2 has 1.5 billion parameters.';
    const { candidates } = lessonCandidates(makeLesson(md));
    const passed = candidates.filter((x) => !x.rejected);
    expect(passed.length).toBeGreaterThan(0);
    for (const c of passed) expect(c.front.toLowerCase()).not.toContain(c.back.toLowerCase());
  });

  it('makes no cards from navigation, links, images or code', () => {
    const md = [
      'Skip to content. Sign in to GitHub to star this repository in 2024.',
      '[Watch the video from 2019](https://example.com/video)',
      '![A diagram of the 1998 network](img.png)',
      '```js\nconst year = 2012; // AlexNet won\n```',
      'Product Pricing | Sign up | Documentation',
    ].join('\n\n');
    expect(generateLessonCards(makeLesson(md))).toEqual([]);
  });

  it('rejects personal remarks and hedged claims', () => {
    const md = 'I wonder if overlapping pooling ever caught on after 2012. We can see that the model size also grows exponentially since 2018.';
    expect(generateLessonCards(makeLesson(md))).toEqual([]);
  });
});

describe('course-level behaviour', () => {
  it('removes near-duplicates across lessons', () => {
    const a = makeLesson('In 2007 NVIDIA released CUDA, a platform for GPU programming.', { key: 'mod/a' });
    const b = makeLesson('NVIDIA released CUDA in 2007, a platform for GPU programming.', { key: 'mod/b' });
    const cards = generateCourseCards(makeCourse([a, b]));
    const when = cards.filter((c) => /In what year did NVIDIA release CUDA/.test(c.front));
    expect(when).toHaveLength(1);
    expect(when[0]?.lessonKey).toBe('mod/a');
  });

  it('keeps keys stable when an unrelated paragraph changes', () => {
    const base = `${HISTORY}\n## Notes\n\nThe weather was pleasant during the conference in Lake Tahoe.\n`;
    const edited = `${HISTORY}\n## Notes\n\nThe weather was rainy and cold during the long conference in Lake Tahoe, and many talks were moved.\n`;
    const keysOf = (cards: GeneratedCard[]) => new Map(cards.map((c) => [c.front, c.key]));
    const before = keysOf(generateLessonCards(makeLesson(base)));
    const after = keysOf(generateLessonCards(makeLesson(edited)));
    const shared = [...before.keys()].filter((f) => after.has(f) && !/weather|conference/i.test(f));
    expect(shared.length).toBeGreaterThan(2);
    for (const f of shared) expect(after.get(f)).toBe(before.get(f));
  });

  it('gives every card a unique key, an anchor from its heading and a plain-text source', () => {
    const cards = generateLessonCards(makeLesson(HISTORY));
    expect(new Set(cards.map((c) => c.key)).size).toBe(cards.length);
    const when = cards.find((c) => /AlexNet/.test(c.front));
    expect(when?.anchor).toBe('2012-imagenet');
    expect(when?.source).toBe('On 2012 AlexNet won the Imagenet challenge.');
    for (const c of cards) expect(c.source).not.toMatch(/[*_#[\]]{2}/);
  });

  it('scales the number of cards with the lesson length', () => {
    const short = generateLessonCards(makeLesson('On 2012 AlexNet won the Imagenet challenge with a deep network.'));
    const long = generateLessonCards(makeLesson(HISTORY));
    expect(short.length).toBeGreaterThanOrEqual(1);
    expect(short.length).toBeLessThan(long.length);
  });
});

describe('robustness', () => {
  it('copes with empty lessons, tables, math and raw HTML', () => {
    expect(generateLessonCards(makeLesson(''))).toEqual([]);
    expect(generateCourseCards(makeCourse([]))).toEqual([]);
    const md = '| Year | Event |\n|---|---|\n| 2012 | AlexNet |\n\nThe loss is $L = \\sum_i (y_i - \\hat y_i)^2$ in 2012.\n\n$$x^2$$\n\n<div>In 1998 LeNet was built.</div>\n';
    const cards = generateLessonCards(makeLesson(md));
    for (const c of cards) expect(`${c.front} ${c.back}`).not.toMatch(/[$|<>]/);
  });
});

describe('generality (a text unrelated to deep learning)', () => {
  const BIOLOGY = `## The cell

The cell is the basic structural and functional unit of all living organisms. Robert Hooke discovered cells in 1665 while examining cork under a microscope.

**Mitochondria** produce most of the chemical energy needed to power the cell's biochemical reactions.

There are three main types of RNA involved in protein synthesis:

- messenger RNA
- transfer RNA
- ribosomal RNA

The human body contains about 37 trillion cells. Charles Darwin published On the Origin of Species in 1859.

## What is photosynthesis?

Photosynthesis is the process by which green plants use sunlight to synthesize nutrients from carbon dioxide and water.

Deoxyribonucleic acid (DNA) carries the genetic instructions of all known organisms.
`;

  it('produces well-formed cards of several kinds', () => {
    const cards = generateLessonCards(makeLesson(BIOLOGY, { title: 'Cell biology' }));
    const fronts = cards.map((c) => c.front);
    expect(fronts).toContain('In what year did Robert Hooke discover cells?');
    expect(fronts).toContain('What are the three main types of RNA involved in protein synthesis?');
    expect(fronts).toContain('What produces most of the chemical energy needed to power the cell\'s biochemical reactions?');
    expect(fronts).toContain('What is photosynthesis?');
    expect(new Set(cards.map((c) => c.type))).toContain('list');
    for (const c of cards) {
      expect(c.front.trim()).toBe(c.front);
      expect(c.back.length).toBeGreaterThan(0);
      if (c.type !== 'cloze') expect(c.front).toMatch(/\?$/);
      else expect(c.front).toContain('[...]');
    }
    const candidates = lessonCandidates(makeLesson(BIOLOGY)).candidates.filter((c) => !c.rejected);
    expect(find(candidates, /^How many cells does the human body contain\?$/)?.back).toBe('about 37 trillion');
    expect(find(candidates, /^What does DNA stand for\?$/)?.back).toBe('Deoxyribonucleic acid');
  });
});
