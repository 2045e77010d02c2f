// Reading packages made by an independent writer (testdata/make_apkg.py: Python's zipfile + sqlite3, laid
// out like Anki's legacy export), our own writer's output, plain-text exports, and files that must be refused.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, NEWER_FORMAT_MESSAGE, readApkg, readDeckFile, readPlainText } from './read';
import { writeApkg } from './write';
import type { ImportedDeck, ReadResult } from './types';
import { mediaIds, splitCardText } from '@/lib/cards/media';

const dir = mkdtempSync(path.join(os.tmpdir(), 'anki-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const made = new Map<string, Uint8Array>();
function pythonPackage(variant: string): Uint8Array {
  const cached = made.get(variant);
  if (cached) return cached;
  const file = path.join(dir, `${variant}.apkg`);
  execFileSync('python3', [path.join(__dirname, 'testdata', 'make_apkg.py'), file, variant]);
  const bytes = new Uint8Array(readFileSync(file));
  made.set(variant, bytes);
  return bytes;
}

function ok(result: ReadResult): ImportedDeck {
  if (!result.ok) throw new Error(`expected success, got: ${result.error}`);
  return result.deck;
}

function error(result: ReadResult): string {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

describe('readApkg on a package laid out like Anki’s legacy export', () => {
  const deck = ok(readApkg(pythonPackage('legacy')));

  it('reads decks, basic notes (both directions of a reversed note type) and clozes as this app’s cloze', () => {
    const basic = deck.notes.find((n) => n.guid === 'g-basic');
    expect(basic?.deck).toBe('Spanish::Verbs');
    expect(basic?.kind).toBe('basic');
    expect(basic?.tags).toEqual(['verbs']);
    expect(basic?.cards.map((c) => [c.ord, c.front, c.back])).toEqual([
      [0, 'hablar', 'to speak'],
      [1, 'to speak', 'hablar'],
    ]);
    const cloze = deck.notes.find((n) => n.guid === 'g-cloze');
    expect(cloze?.kind).toBe('cloze');
    expect(cloze?.deck).toBe('Spanish::Nouns');
    expect(cloze?.cards.map((c) => [c.front, c.back])).toEqual([
      ['El [...] come la comida.', 'perro'],
      ['El perro come la [...].', 'comida'],
    ]);
  });

  it('drops markup and scripts from fields', () => {
    const all = deck.notes.flatMap((n) => n.cards.flatMap((c) => [c.front, c.back]));
    expect(all.some((t) => /<|script|alert/.test(t))).toBe(false);
  });

  it('skips unknown note types with a count, and counts media referenced and present', () => {
    expect(deck.skippedNoteTypes).toEqual([{ name: 'Image Occlusion', notes: 1 }]);
    expect(deck.mediaReferenced).toBe(1); // speak.png (the skipped note's map.png is not counted)
    expect(deck.mediaPresent).toBe(1);
    expect(deck.notes).toHaveLength(3);
  });

  it('keeps schedules, FSRS memory state and the revlog rows that are answers', () => {
    const card = deck.notes.find((n) => n.guid === 'g-basic')?.cards[0];
    expect(card?.schedule).toMatchObject({ type: 2, queue: 2, due: 500, ivl: 12, stability: 14.2, difficulty: 5.1 });
    expect(card?.revlog.map((r) => r.ease)).toEqual([3, 3, 4]);
    expect(deck.collectionCreated).toBe(1700000000);
    const suspended = deck.notes.find((n) => n.guid === 'g-new')?.cards[0];
    expect(suspended?.schedule?.queue).toBe(-1);
  });
});

describe('media referenced by notes', () => {
  const deck = ok(readApkg(pythonPackage('media')));
  const back = deck.notes.find((n) => n.guid === 'g-basic')?.cards[0]?.back ?? '';

  it('keeps a PNG and an MP3 (types from their bytes) as tokens in the text, with the alt text cleaned', () => {
    expect(deck.media.map((m) => [m.key, m.name, m.contentType])).toEqual([
      ['m0', 'speak.png', 'image/png'],
      ['m1', 'hablar.mp3', 'audio/mpeg'],
    ]);
    expect(splitCardText(back)).toEqual([
      { kind: 'text', text: 'to speak ' },
      { kind: 'image', id: 'm0', alt: 'A mouth open' },
      { kind: 'sound', id: 'm1' },
      { kind: 'text', text: ' [ [image:abc]]' },
    ]);
  });

  it('refuses an SVG, a file over the size limit, a missing file; web addresses are dropped; a smuggled token is defused', () => {
    expect(deck.mediaRefused).toEqual({ missing: 1, type: 1, size: 1, limit: 0 });
    expect(back).not.toMatch(/svg|huge|gone|example\.com|onerror|alert/);
    expect(mediaIds(back)).toEqual(['m0', 'm1']);
    expect(deck.mediaReferenced).toBe(5); // speak, hablar, evil, huge, gone (not the web address)
    expect(deck.mediaPresent).toBe(4);
  });
});

describe('round trip through our own writer', () => {
  it('gives back the notes, decks, cloze form and schedules it was given', () => {
    const now = new Date('2026-11-20T12:00:00Z');
    const written = writeApkg({
      now,
      collectionCreated: new Date('2026-11-20T03:00:00Z'),
      notes: [
        { guid: 'a', kind: 'basic', deck: ['C', 'M1'], front: 'Q <1>', back: 'A & B', source: 'src', link: '/x', tags: ['M1'],
          schedule: { type: 2, queue: 2, due: 7, ivl: 7, factor: 2500, reps: 3, lapses: 0, left: 0, stability: 7.5, difficulty: 4.2 },
          revlog: [{ id: 1763000000000, ease: 3, ivl: 7, lastIvl: 1, factor: 2500, time: 3000, type: 1 }] },
        { guid: 'b', kind: 'cloze', deck: ['C', 'M2'], front: 'The [...] is red.', back: 'apple', source: '', link: '', tags: [] },
      ],
    });
    const deck = ok(readApkg(written.bytes));
    expect(deck.notes.map((n) => [n.guid, n.deck, n.kind, n.source])).toEqual([
      ['a', 'C::M1', 'basic', 'src'],
      ['b', 'C::M2', 'cloze', ''],
    ]);
    expect(deck.notes[0]?.cards[0]).toMatchObject({ front: 'Q <1>', back: 'A & B', schedule: { due: 7, stability: 7.5, difficulty: 4.2 } });
    expect(deck.notes[0]?.cards[0]?.revlog).toHaveLength(1);
    expect(deck.notes[1]?.cards[0]).toMatchObject({ front: 'The [...] is red.', back: 'apple' });
  });
});

describe('files that are refused, changing nothing', () => {
  it('not a zip', () => {
    expect(error(readDeckFile(strToU8('hello'), 'deck.apkg'))).toMatch(/not an Anki package/);
  });
  it('a zip without a collection', () => {
    expect(error(readApkg(pythonPackage('nocollection')))).toMatch(/no Anki collection/);
  });
  it('the newer zstd format says how to export for older versions', () => {
    expect(error(readApkg(pythonPackage('latest')))).toBe(NEWER_FORMAT_MESSAGE);
    const noMeta = zipSync({ 'collection.anki21b': strToU8('zstd…') });
    expect(error(readApkg(noMeta))).toBe(NEWER_FORMAT_MESSAGE);
  });
  it('a collection without Anki’s schema', () => {
    expect(error(readApkg(pythonPackage('badschema')))).toMatch(/does not have Anki’s schema/);
    expect(error(readApkg(zipSync({ 'collection.anki2': strToU8('not sqlite at all, just text here '.repeat(5)) })))).toMatch(/not an SQLite database/);
  });
  it('a truncated zip', () => {
    const bytes = pythonPackage('legacy');
    expect(error(readApkg(bytes.subarray(0, Math.floor(bytes.length / 2))))).toMatch(/cannot be read/);
  });
  it('over the size limit, before reading anything', () => {
    const bytes = pythonPackage('legacy');
    expect(error(readDeckFile(bytes, 'deck.apkg', 1024))).toMatch(/limit is/);
    expect(MAX_IMPORT_BYTES).toBeLessThan(2 * 1024 ** 3);
  });
});

describe('readPlainText (Anki “Notes in plain text”)', () => {
  it('reads tab-separated notes with Anki’s header lines, tags and cloze', () => {
    const text = '#separator:tab\n#html:true\n#tags column:3\n#deck:Capitals\nFrance\tParis <b>!</b>\tgeo europe\n{{c1::Berlin}} is in Germany\t\tgeo\n';
    const deck = ok(readPlainText(text, 'tsv'));
    expect(deck.notes.map((n) => [n.kind, n.deck, n.tags, n.cards[0]?.front, n.cards[0]?.back])).toEqual([
      ['basic', 'Capitals', ['geo', 'europe'], 'France', 'Paris !'],
      ['cloze', 'Capitals', ['geo'], '[...] is in Germany', 'Berlin'],
    ]);
  });
  it('reads quoted CSV with commas and newlines inside fields; text is not HTML unless #html:true', () => {
    const text = 'front,back\n"a, b","line 1\nline 2"\n"<i>x</i>","say ""hi"""\n';
    const deck = ok(readPlainText(text, 'csv'));
    expect(deck.notes.map((n) => [n.cards[0]?.front, n.cards[0]?.back])).toEqual([
      ['front', 'back'],
      ['a, b', 'line 1\nline 2'],
      ['<i>x</i>', 'say "hi"'],
    ]);
  });
  it('skips lines without a back, with a warning; refuses a file with no notes', () => {
    const deck = ok(readPlainText('a\tb\nonly-front\n', 'tsv'));
    expect(deck.notes).toHaveLength(1);
    expect(deck.warnings[0]).toMatch(/1 line without both a front and a back was skipped/);
    expect(error(readPlainText('\n\n', 'csv'))).toMatch(/no notes/);
  });
});
