import { describe, expect, it } from 'vitest';
import {
  checkCourseDeck,
  deckMetrics,
  metricsLine,
  parseRatings,
  renderSheet,
  sample,
  scoreDistribution,
  seedNumber,
  sheetKey,
  summariseRatings,
  sumMetrics,
  type EvalCard,
} from './cards-eval-lib';

const card = (i: number, over: Partial<EvalCard> = {}): EvalCard => ({
  key: `k${i}`,
  type: 'basic',
  front: `Which unit number ${i} is called unit${i}?`,
  back: `Answer${i}`,
  source: `Unit number ${i} is called Answer${i}.`,
  score: 0.5 + (i % 5) / 10,
  lessonTitle: `Lesson ${i % 3}`,
  subject: `Lesson ${i % 3}`,
  set: i % 2 ? 'seeds' : 'eval',
  doc: `doc-${i % 2}.md`,
  ...over,
});

describe('sampling', () => {
  it('is reproducible for a seed, differs between seeds, and draws distinct items', () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const a = sample(items, 10, 42);
    expect(sample(items, 10, 42)).toEqual(a);
    expect(sample(items, 10, 43)).not.toEqual(a);
    expect(new Set(a).size).toBe(10);
    expect(sample(items, 500, 1)).toHaveLength(100);
    expect(seedNumber('17')).toBe(17);
    expect(seedNumber('spring')).toBe(seedNumber('spring'));
    expect(seedNumber('spring')).not.toBe(seedNumber('autumn'));
  });
});

describe('rating sheet', () => {
  it('shows id, lesson title, front, back and source, but no key, score, set or document', () => {
    const cards = [card(1, { type: 'list', front: 'What are the two kinds?', back: 'RDB; AOF' }), card(2)];
    const sheet = renderSheet(cards);
    expect(sheet).toContain('## C01');
    expect(sheet).toContain('- **Front:** What are the two kinds?');
    expect(sheet).toContain('  - AOF');
    expect(sheet).toContain('> Unit number 2 is called Answer2.');
    expect(sheet).toContain('**Lesson:** Lesson 2');
    expect(sheet).toContain('C02: _ _ _ _ _ _');
    for (const hidden of ['k1', 'doc-1.md', 'seeds', '0.6', 'score']) expect(sheet).not.toContain(hidden);
    const key = sheetKey(cards, { seed: '7', set: 'all', generatorVersion: 'v', commit: 'c' });
    expect(key.cards.C01).toEqual({ key: 'k1', set: 'seeds', doc: 'doc-1.md', lessonTitle: 'Lesson 1' });
  });
});

describe('ratings', () => {
  it('parses answers and summarises acceptable % and failures per criterion', () => {
    const parsed = parseRatings('# rater A\nC01: Y Y Y Y Y Y\nc02: y n Y Y N y  # leaks\n\nC03 1 1 1 1 1 0\n');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const s = summariseRatings('all', parsed.ratings);
    expect(s).toEqual({ name: 'all', rated: 3, acceptable: 1, failures: [0, 1, 0, 0, 1, 1] });
  });
  it('reports every malformed or repeated line with its number', () => {
    const parsed = parseRatings('C01: Y Y Y\nC02: Y Y Y Y Y maybe\nC03: Y Y Y Y Y Y\nC03: N N N N N N\n');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toHaveLength(3);
    expect(parsed.errors[0]).toMatch(/^line 1:/);
    expect(parsed.errors[2]).toMatch(/line 4: card C03 rated twice/);
  });
});

describe('metrics', () => {
  it('counts check failures per document and sums them', () => {
    const cards = [card(1), card(3), card(5, { front: 'It is called what?', back: 'Answer5' }), card(7, { back: 'Nowhere' })];
    const checked = checkCourseDeck(cards);
    const m = deckMetrics('seeds', 'doc', 400, checked);
    expect(m.cards).toBe(4);
    expect(m.failures.dangling).toBe(1);
    expect(m.failures['not-in-source']).toBe(1);
    expect(m.anyFailure).toBe(2);
    const total = sumMetrics('TOTAL', 'seeds', [m, m]);
    expect(total.words).toBe(800);
    expect(total.anyFailure).toBe(4);
    expect(metricsLine(m)).toContain('1.00');
    expect(scoreDistribution([0.55, 0.61, 0.67])).toBe('0.5-0.6: 1  0.6-0.7: 2  (min 0.55, median 0.61, max 0.67)');
  });
});
