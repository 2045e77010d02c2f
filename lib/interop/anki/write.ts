// Writes an Anki package (.apkg) from plain notes: a schema-11 collection.anki2 built with better-sqlite3 in
// memory, zipped with the media map and the media files the notes show. Every Anki since 2.1 (and AnkiDroid,
// AnkiMobile) imports it.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { zipSync, strToU8 } from 'fflate';
import {
  collectionConfigJson,
  deckConfigJson,
  deckJson,
  FIELD_SEPARATOR,
  noteTypes,
  SCHEMA_11_SQL,
} from './schema';
import { toAnkiCloze, toAnkiHtml, htmlToText, type MediaNames } from './text';
import type { AnkiNoteInput, AnkiPackageInput } from './types';

export interface WrittenPackage {
  bytes: Uint8Array;
  counts: { notes: number; cards: number; revlog: number; decks: number };
}

/** Anki's note checksum: the first 8 hex digits of the SHA-1 of the stripped sort field, as an integer. */
export function fieldChecksum(sortField: string): number {
  return parseInt(createHash('sha1').update(htmlToText(sortField)).digest('hex').slice(0, 8), 16);
}

/** Anki tags are space-separated words: spaces inside a tag become underscores. */
export function ankiTag(tag: string): string {
  return tag.trim().replace(/\s+/g, '_').replace(/[\u0000-\u001f"]/g, '');
}

/** A deck name part may not contain Anki's separator "::". */
function deckPart(part: string): string {
  return part.replace(/::/g, ':').replace(/\s+/g, ' ').trim() || 'Untitled';
}

function noteFields(note: AnkiNoteInput, names: MediaNames): string[] {
  const link = note.link ? `<a href="${toAnkiHtml(note.link)}">Open the lesson</a>` : '';
  const source = toAnkiHtml(note.source);
  if (note.kind === 'cloze') return [toAnkiCloze(note.front, note.back, names), '', source, link];
  return [toAnkiHtml(note.front, names), toAnkiHtml(note.back, names), source, link];
}

/**
 * Media files in the package: Anki's legacy layout, a `media` JSON map {"0": "name", …} and entries "0", "1", ….
 * Names are made safe for a file system (Anki refuses path separators) and unique within the package.
 */
export function packageMedia(media: AnkiPackageInput['media']): { names: MediaNames; entries: Record<string, Uint8Array>; map: Record<string, string> } {
  const byId = new Map<string, string>();
  const used = new Set<string>();
  const entries: Record<string, Uint8Array> = {};
  const map: Record<string, string> = {};
  for (const m of media ?? []) {
    if (byId.has(m.id)) continue;
    const clean = m.name.replace(/[\\/:*?"<>|\u0000-\u001f\[\]]+/g, '_').replace(/^\.+/, '').slice(0, 120) || 'media';
    let name = clean;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = clean.replace(/(\.[a-z0-9]{1,5})?$/i, (ext) => `-${i}${ext}`);
    used.add(name.toLowerCase());
    const entry = String(byId.size);
    byId.set(m.id, name);
    entries[entry] = m.bytes instanceof Uint8Array ? m.bytes : new Uint8Array(m.bytes);
    map[entry] = name;
  }
  return { names: (id) => byId.get(id) ?? null, entries, map };
}

export function writeApkg(input: AnkiPackageInput): WrittenPackage {
  const nowMs = input.now.getTime();
  const nowSecs = Math.floor(nowMs / 1000);
  const crt = Math.floor(input.collectionCreated.getTime() / 1000);
  const db = new Database(':memory:');
  try {
    db.exec(SCHEMA_11_SQL);
    const media = packageMedia(input.media);
    // Ids are millisecond timestamps in Anki; counting up from now keeps them unique within the file.
    let nextId = nowMs;
    const id = () => nextId++;
    const basicId = id();
    const clozeId = id();

    const decks = new Map<string, number>();
    const deckIdFor = (path: readonly string[]): number => {
      const parts = (path.length > 0 ? path : ['Default']).map(deckPart);
      let did = 1;
      for (let i = 1; i <= parts.length; i++) {
        const name = parts.slice(0, i).join('::');
        let found = decks.get(name);
        if (found === undefined) {
          found = id();
          decks.set(name, found);
        }
        did = found;
      }
      return did;
    };

    const insertNote = db.prepare(
      'insert into notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data) values (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, \'\')',
    );
    const insertCard = db.prepare(
      'insert into cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data) ' +
        'values (?, ?, ?, 0, ?, -1, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)',
    );
    const insertRevlog = db.prepare(
      'insert into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) values (?, ?, -1, ?, ?, ?, ?, ?, ?)',
    );
    let cards = 0;
    let revlog = 0;
    const guids = new Set<string>();
    const revlogIds = new Set<number>();
    db.transaction(() => {
      input.notes.forEach((note, position) => {
        if (guids.has(note.guid)) return;
        guids.add(note.guid);
        const did = deckIdFor(note.deck);
        const fields = noteFields(note, media.names);
        const nid = id();
        const tags = [...new Set(note.tags.map(ankiTag).filter(Boolean))];
        insertNote.run(
          nid,
          note.guid,
          note.kind === 'cloze' ? clozeId : basicId,
          nowSecs,
          tags.length > 0 ? ` ${tags.join(' ')} ` : '',
          fields.join(FIELD_SEPARATOR),
          htmlToText(fields[0] ?? ''),
          fieldChecksum(fields[0] ?? ''),
        );
        const cid = id();
        const s = note.schedule;
        const data: Record<string, number> = {};
        if (s?.stability !== undefined && s.stability > 0 && s.difficulty !== undefined && s.difficulty > 0) {
          data.s = Number(s.stability.toFixed(4));
          data.d = Number(s.difficulty.toFixed(4));
          if (s.desiredRetention !== undefined) data.dr = s.desiredRetention;
        }
        insertCard.run(
          cid,
          nid,
          did,
          nowSecs,
          s?.type ?? 0,
          s?.queue ?? 0,
          s ? s.due : position + 1,
          s?.ivl ?? 0,
          s?.factor ?? 0,
          s?.reps ?? 0,
          s?.lapses ?? 0,
          s?.left ?? 0,
          JSON.stringify(data),
        );
        cards++;
        for (const r of note.revlog ?? []) {
          // revlog ids are review instants in ms and must be unique: two reviews in one ms move one apart.
          let rid = r.id;
          while (revlogIds.has(rid)) rid++;
          revlogIds.add(rid);
          revlog += insertRevlog.run(rid, cid, r.ease, r.ivl, r.lastIvl, r.factor, r.time, r.type).changes;
        }
      });
    })();

    const deckObjects: Record<string, unknown> = { '1': deckJson(1, 'Default', nowSecs) };
    for (const [name, did] of decks) deckObjects[String(did)] = deckJson(did, name, nowSecs);
    const firstDeck = decks.values().next().value ?? 1;
    db.prepare(
      'insert into col (id, crt, mod, scm, ver, dty, usn, ls, conf, models, decks, dconf, tags) values (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, \'{}\')',
    ).run(
      crt,
      nowMs,
      nowMs,
      JSON.stringify(collectionConfigJson(basicId, input.rolloverHour ?? 4)),
      JSON.stringify(noteTypes(basicId, clozeId, firstDeck, nowSecs)),
      JSON.stringify(deckObjects),
      JSON.stringify(deckConfigJson(nowSecs, input.desiredRetention ?? 0.9, input.fsrsWeights)),
    );
    const collection = new Uint8Array(db.serialize());
    const bytes = zipSync({ 'collection.anki2': collection, media: strToU8(JSON.stringify(media.map)), ...media.entries }, { level: 6 });
    return { bytes, counts: { notes: guids.size, cards, revlog, decks: decks.size } };
  } finally {
    db.close();
  }
}
