import { describe, expect, it } from 'vitest';
import type { Candidate } from './candidate';
import { answerInAside, contextReason, documentContext, dominantTerms, isDominantAnswer, mentions, refersBack } from './context';
import { contextDependent } from './precision';
import { generateCourseCards } from './index';
import { buildCourse } from '../content';

const card = (over: Partial<Candidate>): Candidate => ({
  type: 'cloze', origin: 'cloze', front: '', back: '', source: '', anchor: '', sentenceId: 's', position: 0, prior: 0.7, salience: 0.5, ...over,
});

// a made-up document about a fictional database, "Quarrydb": its name leads every other name
const quarry = [
  'Quarrydb stores rows in pages of eight kilobytes.',
  'When a page fills up, Quarrydb splits it into two halves.',
  'The write log of Quarrydb is flushed every second by a background thread.',
  'Clients connect to Quarrydb over a plain TCP socket.',
  'Backups in Quarrydb are taken from a frozen snapshot of the pages.',
  'An index in Quarrydb is a sorted tree of keys that point at pages.',
  'Replicas of Quarrydb follow the write log of the primary node.',
  'The Linux page cache sits below the storage engine.',
].join(' ');

describe('dominant subject of a document', () => {
  it('finds the name a document is about, not the names it mentions once', () => {
    const d = dominantTerms(quarry);
    expect(d.has('quarrydb')).toBe(true);
    expect(d.has('linux')).toBe(false);
    expect(d.has('tcp')).toBe(false);
  });
  it('adds the names of its title the text uses as names', () => {
    expect(dominantTerms('We use Fennel to cook. The Fennel bulb is sweet. Most of this text is about soup.', ['Cooking with Fennel']).has('fennel')).toBe(true);
    expect(dominantTerms('Soup is warm. Soup is food.', ['Cooking with Fennel']).has('fennel')).toBe(false);
  });
  it('refuses a cloze or a term question whose answer is that subject', () => {
    const doc = documentContext(quarry);
    expect(isDominantAnswer('Quarrydb', doc.dominant)).toBe(true);
    expect(isDominantAnswer('Quarrydb 3', doc.dominant)).toBe(true);
    expect(isDominantAnswer('Quarrydb installation', doc.dominant, true)).toBe(true);
    expect(isDominantAnswer('Quarrydb installation', doc.dominant, false)).toBe(false);
    expect(isDominantAnswer('eight kilobytes', doc.dominant, true)).toBe(false);
    const cloze = card({ front: 'When a page fills up, [...] splits it into two halves.', back: 'Quarrydb', source: 'When a page fills up, Quarrydb splits it into two halves.' });
    expect(contextReason(cloze, doc, [])).toBe('dominant-subject');
    expect(contextReason({ ...cloze, front: '[...] stores rows in pages of eight kilobytes.', back: 'Quarrydb' }, documentContext('Soup is warm.'), [])).toBeNull();
  });
  it('drops the cloze on the subject in a generated course but keeps other cards', () => {
    const { course } = buildCourse({ documents: [{ path: 'quarry.md', text: `# Quarrydb basics\n\n${quarry}\n` }], name: 'quarry' });
    const cards = generateCourseCards(course);
    expect(cards.every((c) => !/^quarrydb$/i.test(c.back.trim()))).toBe(true);
  });
});

describe('fronts that need the sentences before them', () => {
  it('a definite noun phrase introduced by the previous sentence refers back', () => {
    expect(refersBack('What does the child process write to disk?', ['The server forks a child process.'])).toBe(true);
    expect(refersBack('What does the child process write to disk?', ['The server keeps its data in memory.'])).toBe(false);
    expect(refersBack('What does the kernel schedule?', [])).toBe(false);
    expect(refersBack('What is the name of the text editor that Linux has?', ['BSD ships a text editor too.'])).toBe(false);
  });
  it('a discourse adverb, a demonstrative or a relative "now" makes a front contextual', () => {
    expect(contextDependent('Now the [...] can read the file.')).toBe(true);
    expect(contextDependent('Next, the [...] is compacted.')).toBe(true);
    expect(contextDependent('What does the server do with this file?')).toBe(true);
    expect(contextDependent('The log is, now, the only [...].')).toBe(true);
    expect(contextDependent('What is known about the [...] of a log?')).toBe(false);
    expect(contextDependent('What does the server write to the log?')).toBe(false);
    expect(contextDependent('This is a [...].')).toBe(false);
  });
});

describe('asides and side remarks', () => {
  it('an answer only inside brackets or an example is incidental', () => {
    expect(answerInAside('Zstandard', 'Pages can be compressed (for instance with Zstandard) before they are written.')).toBe(true);
    expect(answerInAside('Zstandard', 'Many tools, for example Zstandard, compress pages.')).toBe(true);
    expect(answerInAside('Zstandard', 'Zstandard compresses pages before they are written.')).toBe(false);
  });
  it('an acronym expanded once in passing is not worth a card; one the text keeps using is', () => {
    const once = documentContext('Storage rules differ by region, such as the PDRA (Personal Data Retention Act). Pages are small.');
    const often = documentContext('The WAL (write-ahead log) is flushed. The WAL is replayed. Each WAL segment is a file.');
    const acr = (a: string, back: string) => card({ type: 'basic', origin: 'acronym', front: `What does ${a} stand for?`, back, source: 'Storage rules differ by region, such as the PDRA (Personal Data Retention Act).' });
    expect(contextReason(acr('PDRA', 'Personal Data Retention Act'), once, [])).toBe('incidental-acronym');
    expect(contextReason(acr('WAL', 'write-ahead log'), often, [])).toBeNull();
    const subject = documentContext('Page Checksum Records (PCR) guard every page against torn writes.');
    expect(contextReason({ ...acr('PCR', 'Page Checksum Records'), source: 'Page Checksum Records (PCR) guard every page against torn writes.' }, subject, [])).toBeNull();
    expect(mentions('WAL', often.text)).toBe(3);
  });
});

describe('a key term refers to itself', () => {
  it('"the X" is not a back-reference when X is a key term of the lesson', () => {
    expect(refersBack('What did the tilde indicate?', ['A tilde over a vowel marks nasal sound.'])).toBe(true);
    expect(refersBack('What did the tilde indicate?', ['A tilde over a vowel marks nasal sound.'], (w) => w === 'tilde')).toBe(false);
  });
});
