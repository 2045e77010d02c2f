import { describe, expect, it } from 'vitest';
import { lessonCandidates } from '../index';
import { makeLesson } from '../test-helpers';

const ok = (markdown: string, title = 'Lesson') =>
  lessonCandidates(makeLesson(markdown, { title })).candidates.filter((c) => !c.rejected).map((c) => `${c.front} -> ${c.back}`);

describe('what a named thing does (predicates.ts)', () => {
  it('asks what a key term indicates, in the sentence tense', () => {
    const md = 'A tilde over a vowel marks nasal sound. The tilde indicated that the vowel was nasal. Each tilde is written above the letter.';
    expect(ok(md, 'Tilde marks')).toContain('What did the tilde indicate? -> that the vowel was nasal');
  });
  it('asks what something is used for', () => {
    const md = 'The **mordant** is used to fix the dye to the cotton fibres. Dyers soak cotton in it overnight.';
    expect(ok(md)).toContain('What is the mordant used for? -> to fix the dye to the cotton fibres');
  });
  it('asks what an enabling subject lets you do', () => {
    const md = 'Kiln logs record every firing. The **kiln log** allows potters to compare glaze results across firings.';
    expect(ok(md)).toContain('What does the kiln log allow potters to do? -> compare glaze results across firings');
  });
  it('asks what a term consists of, depends on or is based on', () => {
    expect(ok('A **glaze** consists of silica, flux and alumina in fixed parts.')).toContain('What does a glaze consist of? -> silica, flux and alumina in fixed parts');
    expect(ok('The **firing schedule** depends on the clay body and the kiln size.')).toContain('What does the firing schedule depend on? -> the clay body and the kiln size');
    expect(ok('The **cone system** is based on the melting of small ceramic pyramids.')).toContain('What is the cone system based on? -> the melting of small ceramic pyramids');
  });
  it('treats a code identifier as a named subject', () => {
    expect(ok('The kiln_logger is used for recording the temperature every minute.')).toContain('What is the kiln_logger used for? -> for recording the temperature every minute');
  });
  it('reverses a superlative subject, not a generic one', () => {
    const md = 'The oldest kiln in the valley is the Hillside kiln, built of brick. The most important thing is patience. The best way to glaze is to dip.';
    const cards = ok(md);
    expect(cards).toContain('What is the oldest kiln in the valley? -> the Hillside kiln');
    expect(cards.some((c) => c.startsWith('What is the most important thing'))).toBe(false);
    expect(cards.some((c) => c.startsWith('What is the best way'))).toBe(false);
  });
  it('asks the name of a thing its owner has', () => {
    const cards = ok('Both Linux and BSD have a small text editor called Vi. You have a tool called Foo.');
    expect(cards).toContain('What is the name of the small text editor that Linux and BSD have? -> Vi');
    expect(cards.some((c) => c.includes('that You have'))).toBe(false);
  });
  it('refuses a generic or pronoun subject, a negated verb and an unlisted verb', () => {
    expect(ok('The result indicates that the sample was warm.').some((c) => c.startsWith('What does the result indicate'))).toBe(false);
    expect(ok('It indicates that the sample was warm.').some((c) => c.includes('indicate?'))).toBe(false);
    expect(ok('The **tilde** does not indicate that the vowel was long.').some((c) => c.includes('indicate?'))).toBe(false);
    expect(ok('The **tilde** resembles a small wave drawn over letters.').some((c) => c.startsWith('What does the tilde resemble'))).toBe(false);
  });
});
