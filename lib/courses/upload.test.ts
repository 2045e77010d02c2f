import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, MAX_FILES, parseUploads, pipelinePath, textParser, type UploadParser } from './upload';

const enc = (s: string) => new TextEncoder().encode(s);

describe('parseUploads', () => {
  it('parses Markdown, text and HTML, with a sha256 of the original bytes', async () => {
    const { files, errors } = await parseUploads([
      { name: 'notes.md', bytes: enc('# Notes\n\nSome text.') },
      { name: 'C:\\Users\\me\\plain.TXT', bytes: enc('Plain words.') },
      { name: 'page.html', bytes: enc('<h1>Page</h1><p>Hello</p>') },
    ]);
    expect(errors).toEqual([]);
    expect(files.map((f) => [f.name, f.mediaType])).toEqual([
      ['notes.md', 'text/markdown'],
      ['plain.TXT', 'text/plain'],
      ['page.html', 'text/html'],
    ]);
    expect(files[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives each refused file its own message', async () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    const { files, errors } = await parseUploads([
      { name: 'ok.md', bytes: enc('# Fine\n\ntext') },
      { name: 'OK.md', bytes: enc('# Same name\n\ntext') },
      { name: 'slides.pptx', bytes: enc('PK') },
      { name: 'empty.md', bytes: new Uint8Array() },
      { name: 'huge.md', bytes: big },
      { name: 'binary.txt', bytes: new Uint8Array([65, 0, 66]) },
      { name: 'digits.txt', bytes: enc('1234 5678') },
      { name: '', bytes: enc('x') },
    ]);
    expect(files.map((f) => f.name)).toEqual(['ok.md']);
    expect(errors.map((e) => [e.name, e.code])).toEqual([
      ['OK.md', 'duplicate'],
      ['slides.pptx', 'unsupported'],
      ['empty.md', 'empty'],
      ['huge.md', 'too-large'],
      ['binary.txt', 'unreadable'],
      ['digits.txt', 'no-text'],
      ['', 'bad-name'],
    ]);
    expect(errors[1]?.message).toMatch(/\.pptx/);
  });

  it('refuses too many files or none at all', async () => {
    const many = Array.from({ length: MAX_FILES + 1 }, (_, i) => ({ name: `f${i}.md`, bytes: enc('# x') }));
    expect((await parseUploads(many)).errors[0]?.code).toBe('too-many');
    expect((await parseUploads([])).errors[0]?.code).toBe('empty');
  });

  it('turns a parser that throws into a per-file error', async () => {
    const throwing: UploadParser = async () => {
      throw new Error('boom');
    };
    const { errors } = await parseUploads([{ name: 'a.md', bytes: enc('x') }], throwing);
    expect(errors).toEqual([{ name: 'a.md', code: 'unreadable', message: 'The file could not be read.' }]);
    expect(await textParser({ name: 'a.md', bytes: enc('Hi') })).toEqual({ ok: true, mediaType: 'text/markdown', text: 'Hi' });
  });

  it('parsed PDF and DOCX text is read as Markdown', () => {
    expect(pipelinePath('notes.md')).toBe('notes.md');
    expect(pipelinePath('lecture.pdf', 'application/pdf')).toBe('lecture.pdf.md');
    expect(pipelinePath('page.txt', 'text/html')).toBe('page.txt.html');
    expect(pipelinePath('page.html', 'text/html')).toBe('page.html');
  });
});
