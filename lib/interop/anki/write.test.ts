// Round trip through an independent reader: the package is written here and read back by a small Python
// script (zipfile + sqlite3 only), so a mistake shared by our writer and our reader cannot hide.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SRS_SETTINGS, gradeCard, newCardState, Rating, type SrsCardState, type SrsReviewLog } from '@/lib/srs';
import { collectionCreatedFor, toAnkiRevlog, toAnkiSchedule, type ScheduleContext } from './schedule';
import type { AnkiNoteInput } from './types';
import { writeApkg } from './write';

const dir = mkdtempSync(path.join(os.tmpdir(), 'anki-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface PyCard {
  guid: string;
  deck: string;
  fields: string[];
  tags: string[];
  type: number;
  queue: number;
  due: number;
  ivl: number;
  factor: number;
  reps: number;
  lapses: number;
  left: number;
  data: { s?: number; d?: number; dr?: number };
}
interface PyOut {
  entries: string[];
  media: Record<string, string>;
  tables: string[];
  integrity: string;
  col: { ver: number; crt: number; conf: { schedVer: number; rollover: number } };
  models: { id: number; name: string; type: number; fields: string[]; tmpls: string[]; keys: string[]; fieldKeys: string[]; tmplKeys: string[] }[];
  decks: string[];
  deckKeys: string[];
  dconfKeys: string[];
  notes: number;
  csumOk: boolean;
  cards: PyCard[];
  revlog: { id: number; cid: number; ease: number; ivl: number; lastIvl: number; type: number; time: number }[];
  orphanRevlog: number;
  orphanCards: number;
}

function readWithPython(bytes: Uint8Array, name: string): PyOut {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  const out = execFileSync('python3', [path.join(__dirname, 'testdata', 'read_apkg.py'), file], { encoding: 'utf8' });
  return JSON.parse(out) as PyOut;
}

const settings = { ...DEFAULT_SRS_SETTINGS, timeZone: 'Europe/Berlin', dayStartHour: 4 };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function history(cardId: string, start: Date, grades: { rating: Rating; afterMs: number }[]) {
  let state: SrsCardState = newCardState(start);
  let at = start.getTime();
  const logs: (SrsReviewLog & { durationMs: number })[] = [];
  for (const g of grades) {
    at += g.afterMs;
    const r = gradeCard(state, g.rating, new Date(at), settings, cardId);
    logs.push({ ...r.log, durationMs: 4200 });
    state = r.state;
  }
  return { state, logs };
}

describe('writeApkg', () => {
  const start = new Date('2026-11-01T09:00:00Z');
  const now = new Date('2026-11-20T12:00:00Z');
  const ctx: ScheduleContext = {
    now,
    timeZone: settings.timeZone,
    dayStartHour: settings.dayStartHour,
    collectionCreated: collectionCreatedFor(now, settings.timeZone, settings.dayStartHour),
    learningSteps: settings.learningSteps,
    relearningSteps: settings.relearningSteps,
    desiredRetention: settings.desiredRetention,
  };
  const reviewed = history('card-a', start, [
    { rating: Rating.Good, afterMs: 0 },
    { rating: Rating.Good, afterMs: 10 * 60_000 },
    { rating: Rating.Good, afterMs: 3 * DAY },
    { rating: Rating.Again, afterMs: 8 * DAY },
    { rating: Rating.Good, afterMs: 10 * 60_000 },
  ]);
  const learning = history('card-b', new Date(now.getTime() - HOUR), [{ rating: Rating.Again, afterMs: 0 }]);
  const notes: AnkiNoteInput[] = [
    {
      guid: 'card-a',
      kind: 'basic',
      deck: ['Deep Learning', 'Module 1: Basics'],
      front: 'What does <b>batch norm</b> fix?',
      back: 'Internal covariate shift & slow training',
      source: 'Batch normalisation fixes…\nsecond line',
      link: 'http://localhost:3000/courses/dl/m1/intro#batch-norm',
      tags: ['Module 1: Basics', 'deep-learning'],
      schedule: toAnkiSchedule(reviewed.state, ctx, 1, false),
      revlog: toAnkiRevlog(reviewed.logs, reviewed.state),
    },
    {
      guid: 'card-b',
      kind: 'cloze',
      deck: ['Deep Learning', 'Module 2: Nets'],
      front: 'A perceptron computes a [...] of its inputs.',
      back: 'weighted sum',
      source: 'A perceptron computes a weighted sum of its inputs.',
      link: '',
      tags: ['Module 2: Nets'],
      schedule: toAnkiSchedule(learning.state, ctx, 2, false),
      revlog: toAnkiRevlog(learning.logs, learning.state),
    },
    { guid: 'card-c', kind: 'basic', deck: ['Deep Learning', 'Module 2: Nets'], front: 'New?', back: 'Yes', source: '', link: '', tags: [] },
  ];
  const written = writeApkg({ notes, collectionCreated: ctx.collectionCreated, now, rolloverHour: 4, desiredRetention: 0.9 });
  const py = readWithPython(written.bytes, 'deck.apkg');

  it('is a zip with collection.anki2 of schema 11 and an empty media map', () => {
    expect(py.entries).toEqual(['collection.anki2', 'media']);
    expect(py.media).toEqual({});
    expect(py.integrity).toBe('ok');
    expect(py.tables).toEqual(['cards', 'col', 'graves', 'notes', 'revlog']);
    expect(py.col.ver).toBe(11);
    expect(py.col.conf.schedVer).toBe(2);
    expect(py.col.crt).toBe(Math.floor(ctx.collectionCreated.getTime() / 1000));
  });

  it('has Basic and Cloze note types with the keys Anki requires (rslib schema11.rs)', () => {
    const byType = Object.fromEntries(py.models.map((m) => [m.type, m]));
    expect(byType[0]?.fields).toEqual(['Front', 'Back', 'Source', 'Lesson']);
    expect(byType[1]?.fields).toEqual(['Text', 'Back Extra', 'Source', 'Lesson']);
    expect(byType[1]?.tmpls[0]).toContain('{{cloze:Text}}');
    for (const m of py.models) {
      expect(m.keys).toEqual(expect.arrayContaining(['id', 'name', 'type', 'mod', 'usn', 'sortf', 'did', 'tmpls', 'flds', 'css']));
      expect(m.fieldKeys).toEqual(expect.arrayContaining(['name', 'ord', 'sticky', 'rtl', 'font', 'size']));
      expect(m.tmplKeys).toEqual(expect.arrayContaining(['name', 'ord', 'qfmt', 'afmt']));
    }
    expect(py.deckKeys).toEqual(expect.arrayContaining(['id', 'name', 'usn', 'lrnToday', 'revToday', 'newToday', 'timeToday', 'collapsed', 'dyn', 'conf']));
    expect(py.dconfKeys).toEqual(expect.arrayContaining(['id', 'mod', 'name', 'usn', 'maxTaken', 'autoplay', 'timer', 'new', 'rev', 'lapse']));
  });

  it('puts one deck per module under the course deck, tags per module, escaped fields and a link', () => {
    expect(py.decks).toEqual(['Deep Learning', 'Deep Learning::Module 1: Basics', 'Deep Learning::Module 2: Nets', 'Default']);
    const a = py.cards.find((c) => c.guid === 'card-a');
    expect(a?.deck).toBe('Deep Learning::Module 1: Basics');
    expect(a?.fields[0]).toBe('What does &lt;b&gt;batch norm&lt;/b&gt; fix?');
    expect(a?.fields[1]).toBe('Internal covariate shift &amp; slow training');
    expect(a?.fields[2]).toBe('Batch normalisation fixes…<br>second line');
    expect(a?.fields[3]).toBe('<a href="http://localhost:3000/courses/dl/m1/intro#batch-norm">Open the lesson</a>');
    expect(a?.tags).toEqual(['Module_1:_Basics', 'deep-learning']);
    const b = py.cards.find((c) => c.guid === 'card-b');
    expect(b?.fields[0]).toBe('A perceptron computes a {{c1::weighted sum}} of its inputs.');
    expect(py.notes).toBe(3);
    expect(py.csumOk).toBe(true);
    expect(py.orphanCards).toBe(0);
  });

  it('carries the schedule: review card with FSRS memory state, learning card intraday, new card', () => {
    const a = py.cards.find((c) => c.guid === 'card-a');
    const s = reviewed.state;
    expect(s.state).toBe('review');
    expect(a).toMatchObject({ type: 2, queue: 2, ivl: s.scheduledDays, reps: s.reps, lapses: s.lapses, factor: 2500 });
    // due = learner days from the collection's creation day (today) to the due day
    const dueDays = Math.round((s.due.getTime() - ctx.collectionCreated.getTime()) / DAY);
    expect(Math.abs((a?.due ?? 0) - dueDays)).toBeLessThanOrEqual(1);
    expect(a?.data.s).toBeCloseTo(s.stability, 3);
    expect(a?.data.d).toBeCloseTo(s.difficulty, 3);
    expect(a?.data.dr).toBe(0.9);
    const b = py.cards.find((c) => c.guid === 'card-b');
    expect(b).toMatchObject({ type: 1, queue: 1, due: Math.floor(learning.state.due.getTime() / 1000) });
    const c = py.cards.find((x) => x.guid === 'card-c');
    expect(c).toMatchObject({ type: 0, queue: 0, ivl: 0, reps: 0, data: {} });
  });

  it('writes the review log: ms ids, ease 1–4, types learn/review/relearn, intervals', () => {
    expect(py.revlog).toHaveLength(6);
    expect(py.orphanRevlog).toBe(0);
    const aLogs = py.revlog.slice(0, 5);
    expect(aLogs.map((r) => r.ease)).toEqual([3, 3, 3, 1, 3]);
    // the type is the state the card was answered in: the Again on a review card is a review row
    expect(aLogs.map((r) => r.type)).toEqual([0, 0, 1, 1, 2]);
    expect(aLogs.map((r) => r.id)).toEqual(reviewed.logs.map((l) => l.review.getTime()));
    expect(aLogs[0]?.ivl).toBeLessThan(0); // learning step: negative seconds
    expect(aLogs[2]?.ivl).toBeGreaterThan(0); // graduated review: days
    expect(aLogs.every((r) => r.time === 4200)).toBe(true);
    expect(written.counts).toEqual({ notes: 3, cards: 3, revlog: 6, decks: 3 });
  });
});
