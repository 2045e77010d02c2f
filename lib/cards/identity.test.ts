import { describe, expect, it } from 'vitest';
import { cardIdentity, matchRekeyed, type ExistingCard } from './identity';

const src = 'The Bridgewater Canal was completed in 1761, in the north of England.';
const row = (id: string, key: string, over: Partial<ExistingCard> = {}): ExistingCard => ({ id, key, type: 'basic', back: '1761', source: src, retiredAt: null, ...over });

describe('card identity', () => {
  it('ignores case, punctuation, articles and endings of answer and source', () => {
    expect(cardIdentity({ type: 'basic', back: 'The canals', source: 'Canals were dug.' })).toBe(cardIdentity({ type: 'basic', back: 'canal', source: 'canal were DUG' }));
    expect(cardIdentity({ type: 'cloze', back: '1761', source: src })).not.toBe(cardIdentity({ type: 'basic', back: '1761', source: src }));
  });

  it('matches a generated card with an unknown key to the row with the same type, answer and source', () => {
    const out = matchRekeyed([{ key: 'new', type: 'basic', back: '1761', source: src }], [row('r1', 'old'), row('r2', 'other', { back: 'England' })]);
    expect([...out]).toEqual([['new', 'r1']]);
  });

  it('never claims a row whose own key is still generated, nor one row twice; prefers live rows', () => {
    const gen = [
      { key: 'old', type: 'basic', back: '1761', source: src },
      { key: 'new', type: 'basic', back: '1761', source: src },
    ];
    expect(matchRekeyed(gen, [row('r1', 'old')]).size).toBe(0);
    const rows = [row('dead', 'x', { retiredAt: new Date() }), row('live', 'y')];
    expect([...matchRekeyed([gen[1]!], rows)]).toEqual([['new', 'live']]);
    const two = matchRekeyed(
      [
        { key: 'a', type: 'basic', back: '1761', source: src },
        { key: 'b', type: 'basic', back: '1761', source: src },
      ],
      [row('r1', 'x')],
    );
    expect(two.size).toBe(1);
  });

  it('accepts a near-identical source passage only when the match is unique', () => {
    const edited = src.replace('north of England', 'north of England, near Manchester');
    const gen = [{ key: 'new', type: 'basic', back: '1761', source: edited }];
    expect([...matchRekeyed(gen, [row('r1', 'old')])]).toEqual([]); // 8 of 10 stems: below the bar
    const small = src.replace('completed', 'finished');
    expect(matchRekeyed([{ key: 'new', type: 'basic', back: '1761', source: small }], [row('r1', 'old')]).size).toBe(0);
    const longSrc = `${src} It carried coal from the mines at Worsley to the growing town of Manchester.`;
    const longTypo = longSrc.replace('Bridgewater', 'Bridgwater');
    expect([...matchRekeyed([{ key: 'new', type: 'basic', back: '1761', source: longTypo }], [row('r1', 'old', { source: longSrc })])]).toEqual([['new', 'r1']]);
    // two rows qualify: ambiguous, no match
    expect(matchRekeyed([{ key: 'new', type: 'basic', back: '1761', source: longTypo }], [row('r1', 'o1', { source: longSrc }), row('r2', 'o2', { source: `${longSrc} Indeed.` })]).size).toBe(0);
  });
});
