// Smaller pieces: text helpers, Markdown blocks, list helpers, acronym matching, dedupe and keys.

import { describe, expect, it } from 'vitest';
import { dedupe, isNearDuplicate } from './dedupe';
import { matchLongForm } from './generators/definitions';
import { itemPhrase, splitEnumeration } from './generators/lists';
import { cardKey, fnv1a64, questionStem } from './key';
import { cleanHeading, cleanInlineText, lessonBlocks } from './markdown';
import { stem, jaccard, tokenSet } from './text';

describe('text helpers', () => {
  it('stems plural and inflected forms to one stem', () => {
    expect(stem('advances')).toBe(stem('advance'));
    expect(stem('training')).toBe(stem('trained'));
    expect(stem('datasets')).toBe(stem('dataset'));
  });

  it('computes Jaccard on content-stem sets', () => {
    expect(jaccard(tokenSet('the big datasets'), tokenSet('big dataset'))).toBe(1);
    expect(jaccard(tokenSet('GPU compute'), tokenSet('large datasets'))).toBe(0);
  });
});

describe('markdown blocks', () => {
  it('keeps headings, emphasis spans and github-style anchors (repeats numbered)', () => {
    const blocks = lessonBlocks('## Data\n\n**Hardware advances** provided power.\n\n## Data\n\n- one item\n- two items\n');
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'heading', 'list']);
    const para = blocks[1];
    expect(para?.kind === 'paragraph' && para.unit.text.slice(para.unit.strong[0]?.start, para.unit.strong[0]?.end)).toBe('Hardware advances');
    expect(blocks[1]?.anchor).toBe('data');
    expect(blocks[3]?.anchor).toBe('data-2');
  });

  it('drops images, link targets, code and raw HTML', () => {
    const blocks = lessonBlocks('![alt text](a.png)\n\nSee [the docs](https://x.y) now.\n\n```\ncode here\n```\n\n<div>html</div>\n');
    const texts = blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.unit.text] : []));
    expect(texts).toEqual(['', 'See the docs now.']);
    const first = blocks[0];
    expect(first?.kind === 'paragraph' && first.unit.linkOnly).toBe(true);
  });

  it('cleans note-taking conventions', () => {
    expect(cleanInlineText('Dropout works [@srivastava2014, p. 3] (see [[202104170846 Regularization]]) well.')).toBe('Dropout works well.');
    expect(cleanInlineText('Compare with [[202101050843 Gradient Descent]].')).toBe('Compare with Gradient Descent.');
    expect(cleanInlineText('Important: models need data.')).toBe('models need data.');
    expect(cleanHeading('202101171822 Dropout.txt')).toBe('Dropout');
    expect(cleanHeading('1.2. Parameters')).toBe('Parameters');
  });
});

describe('list helpers', () => {
  it('splits an enumeration, honouring a stated count', () => {
    expect(splitEnumeration('hardware advances, datasets and benchmarks, and algorithmic improvements.', 3)).toEqual([
      'hardware advances',
      'datasets and benchmarks',
      'algorithmic improvements',
    ]);
    expect(splitEnumeration('progress in storage hardware, and the internet', 2)).toEqual(['progress in storage hardware', 'the internet']);
    expect(splitEnumeration('data, compute and energy', 4)).toBeNull();
  });

  it('reduces an item to its key phrase', () => {
    const unit = (text: string, strong: Array<{ start: number; end: number }> = []) => ({ text, marks: strong, strong, code: [], hasCode: false, hasMath: false, linkOnly: false });
    expect(itemPhrase(unit('Better weight-initialization schemes, starting with layer-wise pretraining, which was quickly abandoned'))).toBe('Better weight-initialization schemes');
    expect(itemPhrase(unit('Hardware: faster chips made training feasible'))).toBe('Hardware');
    expect(itemPhrase(unit('Dropout randomly removes units during training to fight overfitting', [{ start: 0, end: 7 }]))).toBe('Dropout');
  });
});

describe('acronyms', () => {
  it('finds the long form whose letters spell the short form (Schwartz–Hearst)', () => {
    expect(matchLongForm('GANs', 'first introduced Generative Adversarial Networks'.split(' '))).toBe('Generative Adversarial Networks');
    expect(matchLongForm('COCO', 'Microsoft Common Objects in Context'.split(' '))).toBe('Common Objects in Context');
    expect(matchLongForm('LoRA', 'via low-rank adaptation'.split(' '))).toBe('low-rank adaptation');
    expect(matchLongForm('CNN', 'a large dataset'.split(' '))).toBeNull();
  });
});

describe('near-duplicates and keys', () => {
  it('detects the same fact asked twice and keeps the first', () => {
    const a = { front: 'In what year did NVIDIA release CUDA?', back: '2007' };
    const b = { front: 'In which year did NVIDIA release CUDA?', back: '2007' };
    const c = { front: 'In what year did AlexNet win ImageNet?', back: '2012' };
    expect(isNearDuplicate(a, b)).toBe(true);
    expect(isNearDuplicate(a, c)).toBe(false);
    expect(dedupe([a, b, c])).toEqual([a, c]);
  });

  it('makes keys from the fact (answer + source passage), not from positions or the question wording', () => {
    expect(fnv1a64('abc')).toHaveLength(16);
    expect(questionStem('In what year did AlexNet win?')).toBe(questionStem('AlexNet did win in what year?'));
    const src = 'In 2012 AlexNet won the ImageNet challenge.';
    const k1 = cardKey('m/l', 'basic', '2012', src);
    expect(cardKey('m/l', 'basic', '2012', 'In 2012, AlexNet won the ImageNet challenge!')).toBe(k1);
    expect(cardKey('m/other', 'basic', '2012', src)).not.toBe(k1);
    expect(cardKey('m/l', 'cloze', '2012', src)).not.toBe(k1);
    expect(cardKey('m/l', 'basic', '2013', src)).not.toBe(k1);
    expect(cardKey('m/l', 'basic', '2012', 'In 2012 AlexNet won the ImageNet challenge by a wide margin.')).not.toBe(k1);
  });
});
