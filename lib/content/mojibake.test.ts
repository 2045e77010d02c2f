// Mojibake repair, slugs and word counts on synthetic input.

import { describe, expect, it } from 'vitest';
import { decodeWindows1252, repairMojibake } from './mojibake';
import { createSlugger, shortSlug, slugify } from './slug';
import { countWords } from './words';

/** Produces mojibake the way it happens: UTF-8 bytes read as Windows-1252 (or Latin-1). */
function breakEncoding(text: string): string {
  return decodeWindows1252(new TextEncoder().encode(text));
}
function breakEncodingLatin1(text: string): string {
  return String.fromCharCode(...new TextEncoder().encode(text));
}

describe('repairMojibake', () => {
  it.each([
    ['Â\u00a0', '\u00a0'],
    ['1Â 000', '1 000'],
    ['canâ€™t', 'can’t'],
    ['â€œquotedâ€\u009d', '“quoted”'],
    ['made this ðŸ˜„', 'made this 😄'],
    ['note â†©', 'note ↩'],
    ['Ã©tÃ© Ã\u00a0 Paris', 'été à Paris'],
    ['â€” and â€“', '— and –'],
  ])('repairs %j', (broken, fixed) => {
    expect(repairMojibake(broken)).toBe(fixed);
  });

  it('reverses real Windows-1252 mis-decoding of arbitrary text, including double encoding', () => {
    const original = 'Café “naïve” résumé — 100 € ≤ 5 km 😄 ↩ Ωmega 日本語';
    expect(breakEncoding(original)).not.toBe(original);
    expect(repairMojibake(breakEncoding(original))).toBe(original);
    expect(repairMojibake(breakEncoding(breakEncoding(original)))).toBe(original);
    expect(repairMojibake(breakEncodingLatin1(original))).toBe(original);
  });

  it('drops the Â left when a no-break space was turned into a plain space', () => {
    expect(repairMojibake('© 2025 GitHub,Â Inc.')).toBe('© 2025 GitHub, Inc.');
  });

  it('leaves correct text alone', () => {
    const clean = 'Crème brûlée, São Paulo, Ångström, naïve café – “quotes” — 😄 ½ °C ©';
    expect(repairMojibake(clean)).toBe(clean);
    expect(repairMojibake('plain ASCII text.')).toBe('plain ASCII text.');
  });
});

describe('decodeWindows1252', () => {
  it('maps the 0x80–0x9F range to the Windows-1252 characters', () => {
    expect(decodeWindows1252(new Uint8Array([0x93, 0x41, 0x94, 0x80, 0xe9]))).toBe('“A”€é');
  });
});

describe('slugify', () => {
  it('makes lower-case dash slugs without accents or punctuation', () => {
    expect(slugify('1.1. Data')).toBe('1-1-data');
    expect(slugify("Deep Learning's Edge — Over Shallow!")).toBe('deep-learnings-edge-over-shallow');
    expect(slugify('Théorie & Pratique')).toBe('theorie-pratique');
    expect(slugify('深度学习')).toBe('深度学习');
    expect(slugify('***')).toBe('');
  });

  it('cuts long slugs at a dash', () => {
    const s = shortSlug('What are the conditions that allowed deep learning to gain popularity in the last decade?');
    expect(s.length).toBeLessThanOrEqual(60);
    expect(s).toMatch(/^what-are-the-conditions[a-z-]*[a-z]$/);
  });

  it('deduplicates with -2, -3', () => {
    const slugger = createSlugger();
    expect(['Intro', 'Intro', 'intro', 'Other'].map((t) => slugger.slug(t))).toEqual(['intro', 'intro-2', 'intro-3', 'other']);
  });
});

describe('countWords', () => {
  it('counts words a reader sees, not markup or URLs', () => {
    expect(countWords('## A heading\n\nSome **bold** [link text](https://example.com/a/b) and ![alt words](x.png).')).toBe(9);
    expect(countWords("- it's state-of-the-art\n- 1.5 billion")).toBe(4);
    expect(countWords('')).toBe(0);
  });
});
