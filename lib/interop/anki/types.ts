// Plain data exchanged with Anki packages: what the writer takes and what the readers return.
import type { ImportedMedia, MediaRefusal } from './media';
// Field texts here are plain text (this app's cards); the writer escapes them into Anki's HTML fields.

export type AnkiNoteKind = 'basic' | 'cloze';

/** A card's schedule in Anki's own terms (cards table of schema 11). */
export interface AnkiSchedule {
  /** 0 new, 1 learning, 2 review, 3 relearning */
  type: 0 | 1 | 2 | 3;
  /** -1 suspended, 0 new, 1 intraday learning, 2 review, 3 interday learning */
  queue: -1 | 0 | 1 | 2 | 3;
  /** new: position; queue 1: unix seconds; review and queue 3: days since the collection's creation */
  due: number;
  /** days (review), 0 while learning */
  ivl: number;
  /** ease in permille; 0 for new cards */
  factor: number;
  reps: number;
  lapses: number;
  /** learning steps left (today's count × 1000 + steps left) */
  left: number;
  /** FSRS memory state, stored in cards.data as {"s":…,"d":…} */
  stability?: number;
  difficulty?: number;
  desiredRetention?: number;
}

/** One row of Anki's revlog. */
export interface AnkiRevlogEntry {
  /** milliseconds since the epoch of the review (also the row id) */
  id: number;
  ease: 1 | 2 | 3 | 4;
  /** interval after the review: days if positive, seconds if negative */
  ivl: number;
  lastIvl: number;
  factor: number;
  /** milliseconds spent answering */
  time: number;
  /** 0 learn, 1 review, 2 relearn, 3 filtered/early, 4 manual, 5 rescheduled */
  type: 0 | 1 | 2 | 3 | 4 | 5;
}

export interface AnkiNoteInput {
  /** Stable id: importing the same package twice updates instead of duplicating. */
  guid: string;
  kind: AnkiNoteKind;
  /** Deck path, e.g. ["Course", "Module 1"] → "Course::Module 1". */
  deck: readonly string[];
  /** For cloze notes: the sentence with the gap written `[...]`; `back` is what fills it. */
  front: string;
  back: string;
  source: string;
  /** Absolute or app-relative URL of the lesson passage, or "". */
  link: string;
  tags: readonly string[];
  schedule?: AnkiSchedule;
  revlog?: readonly AnkiRevlogEntry[];
}

export interface AnkiPackageInput {
  notes: readonly AnkiNoteInput[];
  /** The collection's creation instant (col.crt): review due days count from it; a learner's day start. */
  collectionCreated: Date;
  now: Date;
  /** Hour the learner's day starts (Anki's "next day starts at"). */
  rolloverHour?: number;
  desiredRetention?: number;
  /** FSRS parameters for the deck options, when the learner has personal ones. */
  fsrsWeights?: readonly number[];
  /** Media files the notes' texts refer to by id (media tokens, lib/cards/media.ts). */
  media?: readonly { id: string; name: string; bytes: Uint8Array }[];
}

/** A card read from a package, with its schedule and history when the package had them. */
export interface ImportedCard {
  /** Anki card id (unique within the package). */
  id: number;
  /** Template or cloze ordinal (0-based). */
  ord: number;
  front: string;
  back: string;
  schedule: AnkiSchedule | null;
  revlog: AnkiRevlogEntry[];
}

export interface ImportedNote {
  guid: string;
  kind: AnkiNoteKind;
  /** Full deck name, "::"-separated. */
  deck: string;
  source: string;
  tags: string[];
  cards: ImportedCard[];
}

export interface ImportedDeck {
  format: 'apkg' | 'csv' | 'tsv';
  notes: ImportedNote[];
  /** Note types that could not be read, with how many notes were skipped for each. */
  skippedNoteTypes: { name: string; notes: number }[];
  /** Media files the notes reference (images, sound) and how many of them the package held. */
  mediaReferenced: number;
  mediaPresent: number;
  /** The referenced files accepted; card texts refer to them by `key` in media tokens (lib/cards/media.ts). */
  media: ImportedMedia[];
  /** Referenced files not imported, by reason: not in the file, a type we do not serve, too large, over the count/total. */
  mediaRefused: Record<MediaRefusal, number>;
  /** The collection's creation day (unix seconds) for converting review due days, or null. */
  collectionCreated: number | null;
  warnings: string[];
}

export type ReadResult = { ok: true; deck: ImportedDeck } | { ok: false; error: string };
