// Reads an Anki package (.apkg, legacy collection.anki21/anki2 of schema 11) or a "Notes in plain text"
// export (CSV/TSV) into plain notes. Untrusted input: sizes are checked before anything is unpacked, the
// zip is read under caps, the collection is opened read-only in memory, and every field is reduced to text.
import Database from 'better-sqlite3';
import { checkDeclaredSizes, extractEntry, readCentralDirectory, ZipError, type ZipEntry } from '@/lib/courses/parse/zip';
import { FIELD_SEPARATOR } from './schema';
import { mediaToken } from '@/lib/cards/media';
import { isImageType, mediaCollector, parseMediaMap, type MediaRefusal } from './media';
import { clozeNumbers, fromAnkiCloze, htmlToText, mediaReferences, type MediaHook } from './text';
import type { AnkiRevlogEntry, AnkiSchedule, ImportedCard, ImportedDeck, ImportedNote, ReadResult } from './types';

const MB = 1024 * 1024;
export const MAX_IMPORT_BYTES = 50 * MB;
const MAX_UNPACKED_BYTES = 400 * MB;
const MAX_NOTES = 50_000;

export const NEWER_FORMAT_MESSAGE =
  'This package uses Anki’s newer compressed format (collection.anki21b), which cannot be read here yet. ' +
  'In Anki, choose File → Export, tick “Support older Anki versions”, and import that file.';

function fail(error: string): ReadResult {
  return { ok: false, error };
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Decides from the file's bytes (not its name) whether it is a package or plain text, and reads it. */
export function readDeckFile(bytes: Uint8Array, fileName: string, maxBytes = MAX_IMPORT_BYTES): ReadResult {
  if (bytes.length > maxBytes) return fail(`The file is ${Math.ceil(bytes.length / MB)} MB; the limit is ${maxBytes / MB} MB.`);
  if (bytes.length === 0) return fail('The file is empty.');
  if (isZip(bytes)) return readApkg(bytes, maxBytes);
  if (/\.(apkg|colpkg|zip)$/i.test(fileName)) return fail('This is not an Anki package: an .apkg file is a ZIP archive, and this file is not one.');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\u0000')) return fail('This file is neither an Anki package (.apkg) nor a text file (CSV/TSV).');
  return readPlainText(text, /\.tsv$/i.test(fileName) ? 'tsv' : 'csv');
}

// ---------- .apkg ----------

function entryBytes(bytes: Uint8Array, entries: ZipEntry[], name: string, budget: number): Uint8Array | null {
  const entry = entries.find((e) => e.name === name);
  return entry ? extractEntry(bytes, entry, budget) : null;
}

/** Version from the package's `meta` file (protobuf PackageMetadata, field 1): 1/2 legacy, 3 latest (zstd). */
function metaVersion(meta: Uint8Array | null): number | null {
  if (!meta || meta.length < 2 || meta[0] !== 0x08) return null;
  return meta[1] ?? null;
}

export function readApkg(bytes: Uint8Array, maxBytes = MAX_IMPORT_BYTES): ReadResult {
  if (bytes.length > maxBytes) return fail(`The file is ${Math.ceil(bytes.length / MB)} MB; the limit is ${maxBytes / MB} MB.`);
  if (!isZip(bytes)) return fail('This is not an Anki package: an .apkg file is a ZIP archive, and this file is not one.');
  let entries: ZipEntry[];
  let collection: Uint8Array | null;
  let mediaMap: Uint8Array | null;
  try {
    entries = readCentralDirectory(bytes, 100_000);
    checkDeclaredSizes(entries, { maxEntries: 100_000, maxTotalBytes: MAX_UNPACKED_BYTES, maxRatio: 1000 });
    const names = new Set(entries.map((e) => e.name));
    const version = metaVersion(entryBytes(bytes, entries, 'meta', 1024));
    if (version === 3 || (version === null && names.has('collection.anki21b') && !names.has('collection.anki21'))) {
      return fail(NEWER_FORMAT_MESSAGE);
    }
    if (version !== null && version > 3) return fail('This package was made by a newer Anki than this app knows; export it with “Support older Anki versions”.');
    const name = names.has('collection.anki21') ? 'collection.anki21' : names.has('collection.anki2') ? 'collection.anki2' : null;
    if (!name) {
      return fail(names.has('collection.anki21b') ? NEWER_FORMAT_MESSAGE : 'This ZIP archive holds no Anki collection (collection.anki2 or collection.anki21).');
    }
    collection = entryBytes(bytes, entries, name, MAX_UNPACKED_BYTES);
    mediaMap = entryBytes(bytes, entries, 'media', 16 * MB);
  } catch (err) {
    if (err instanceof ZipError) return fail(`This Anki package cannot be read: ${err.message}.`);
    throw err;
  }
  if (!collection || collection.length < 100 || new TextDecoder().decode(collection.subarray(0, 15)) !== 'SQLite format 3') {
    return fail('The package’s collection is not an SQLite database.');
  }
  const map = parseMediaMap(mediaMap);
  const media = mediaCollector(map, (entryName, budget) => {
    const entry = entries.find((e) => e.name === entryName);
    if (!entry) return null;
    if (entry.uncompressedSize > budget) return 'too-large';
    try {
      return extractEntry(bytes, entry, budget);
    } catch (err) {
      if (err instanceof ZipError && err.kind === 'bomb') return 'too-large';
      throw err;
    }
  });
  let db: Database.Database;
  try {
    db = new Database(Buffer.from(collection.buffer, collection.byteOffset, collection.byteLength), { readonly: true });
  } catch {
    return fail('The package’s collection is not an SQLite database.');
  }
  try {
    return readCollection(db, media);
  } catch (err) {
    return fail(`The package’s collection does not have Anki’s schema: ${err instanceof Error ? err.message : String(err)}.`);
  } finally {
    db.close();
  }
}

interface ModelInfo {
  name: string;
  kind: 'basic' | 'cloze' | 'unknown';
  fieldNames: string[];
  templates: number;
}

function parseJsonObject(text: unknown, what: string): Record<string, unknown> {
  if (typeof text !== 'string') throw new Error(`col.${what} is missing`);
  const value: unknown = JSON.parse(text);
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error(`col.${what} is not an object`);
  return value as Record<string, unknown>;
}

function modelInfo(raw: unknown): ModelInfo {
  const m = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const name = typeof m.name === 'string' ? m.name : 'Unnamed note type';
  const fields = Array.isArray(m.flds) ? m.flds : [];
  const fieldNames = fields.map((f) => (f && typeof f === 'object' && typeof (f as { name?: unknown }).name === 'string' ? (f as { name: string }).name : ''));
  const tmpls = Array.isArray(m.tmpls) ? m.tmpls : [];
  const qfmts = tmpls.map((t) => (t && typeof t === 'object' && typeof (t as { qfmt?: unknown }).qfmt === 'string' ? (t as { qfmt: string }).qfmt : ''));
  let kind: ModelInfo['kind'] = 'unknown';
  if (qfmts.some((q) => /image-occlusion/i.test(q))) kind = 'unknown';
  else if (m.type === 1 && qfmts.some((q) => /\{\{cloze:/.test(q))) kind = 'cloze';
  else if ((m.type === 0 || m.type === undefined) && fieldNames.length >= 2 && tmpls.length >= 1 && tmpls.length <= 2) kind = 'basic';
  return { name, kind, fieldNames, templates: tmpls.length };
}

const n = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : Number(v ?? 0));

function cardSchedule(row: Record<string, unknown>): AnkiSchedule | null {
  const type = n(row.type);
  const queue = n(row.queue);
  if (![0, 1, 2, 3].includes(type)) return null;
  let memory: { stability?: number; difficulty?: number } = {};
  if (typeof row.data === 'string' && row.data.startsWith('{')) {
    try {
      const d = JSON.parse(row.data) as { s?: unknown; d?: unknown };
      if (typeof d.s === 'number' && typeof d.d === 'number' && d.s > 0 && d.d >= 1 && d.d <= 10) memory = { stability: d.s, difficulty: d.d };
    } catch {
      // not JSON: no memory state
    }
  }
  return {
    type: type as AnkiSchedule['type'],
    queue: (queue < 0 ? -1 : queue > 3 ? 1 : queue) as AnkiSchedule['queue'],
    due: n(row.due),
    ivl: n(row.ivl),
    factor: n(row.factor),
    reps: n(row.reps),
    lapses: n(row.lapses),
    left: n(row.left),
    ...memory,
  };
}

function readCollection(db: Database.Database, media: ReturnType<typeof mediaCollector>): ReadResult {
  const hook: MediaHook = ({ kind, name, alt }) => {
    const file = media.take(name);
    if (!file || (kind === 'image') !== isImageType(file.contentType)) return '';
    return mediaToken(kind, file.key, alt || name.replace(/\.[a-z0-9]{1,5}$/i, ''));
  };
  const col = db.prepare('select crt, ver, models, decks from col limit 1').get() as Record<string, unknown> | undefined;
  if (!col) throw new Error('the col table is empty');
  const ver = n(col.ver);
  if (ver > 11 && ver < 18) {
    // schema 12–17 collections only ever existed inside desktop profiles, not in packages
  }
  if (ver >= 18) return fail('This collection uses Anki’s newer schema (18), which cannot be read here yet. In Anki, export with “Support older Anki versions”.');
  const models = parseJsonObject(col.models, 'models');
  const decksJson = parseJsonObject(col.decks, 'decks');
  const deckNames = new Map<number, string>();
  for (const [id, d] of Object.entries(decksJson)) {
    const name = d && typeof d === 'object' && typeof (d as { name?: unknown }).name === 'string' ? (d as { name: string }).name : `Deck ${id}`;
    deckNames.set(Number(id), name);
  }
  const infos = new Map<number, ModelInfo>();
  for (const [id, m] of Object.entries(models)) infos.set(Number(id), modelInfo(m));

  const noteCount = n((db.prepare('select count(*) as c from notes').get() as { c: unknown }).c);
  if (noteCount > MAX_NOTES) return fail(`The package holds ${noteCount} notes; the limit is ${MAX_NOTES}.`);

  const revlogByCard = new Map<number, AnkiRevlogEntry[]>();
  for (const r of db.prepare('select id, cid, ease, ivl, lastIvl, factor, time, type from revlog order by id').iterate() as IterableIterator<Record<string, unknown>>) {
    const ease = n(r.ease);
    const type = n(r.type);
    if (ease < 1 || ease > 4 || type < 0 || type > 5) continue;
    const entry: AnkiRevlogEntry = {
      id: n(r.id),
      ease: ease as AnkiRevlogEntry['ease'],
      ivl: n(r.ivl),
      lastIvl: n(r.lastIvl),
      factor: n(r.factor),
      time: n(r.time),
      type: type as AnkiRevlogEntry['type'],
    };
    const list = revlogByCard.get(n(r.cid));
    if (list) list.push(entry);
    else revlogByCard.set(n(r.cid), [entry]);
  }

  const cardsByNote = new Map<number, Record<string, unknown>[]>();
  for (const c of db.prepare('select id, nid, did, ord, type, queue, due, ivl, factor, reps, lapses, left, odid, data from cards order by id').iterate() as IterableIterator<Record<string, unknown>>) {
    const list = cardsByNote.get(n(c.nid));
    if (list) list.push(c);
    else cardsByNote.set(n(c.nid), [c]);
  }

  const notes: ImportedNote[] = [];
  const skipped = new Map<string, number>();
  const referenced = new Set<string>();
  for (const row of db.prepare('select id, guid, mid, tags, flds from notes order by id').iterate() as IterableIterator<Record<string, unknown>>) {
    const info = infos.get(n(row.mid));
    const fields = String(row.flds ?? '').split(FIELD_SEPARATOR);
    if (!info || info.kind === 'unknown') {
      const name = info?.name ?? 'a missing note type';
      skipped.set(name, (skipped.get(name) ?? 0) + 1);
      continue;
    }
    for (const f of fields) for (const m of mediaReferences(f)) referenced.add(m);
    const named = (name: string) => {
      const i = info.fieldNames.findIndex((f) => f.toLowerCase() === name.toLowerCase());
      return i >= 0 ? (fields[i] ?? '') : '';
    };
    const rows = cardsByNote.get(n(row.id)) ?? [];
    const first = rows[0];
    const did = first ? n(first.odid) || n(first.did) : 1;
    const cards: ImportedCard[] = [];
    if (info.kind === 'cloze') {
      const text = fields[0] ?? '';
      const numbers = clozeNumbers(text);
      for (const c of rows.length > 0 ? rows : numbers.map((num) => ({ id: 0, ord: num - 1 }) as Record<string, unknown>)) {
        const ord = n(c.ord);
        if (!numbers.includes(ord + 1)) continue;
        const { front, back } = fromAnkiCloze(text, ord + 1, hook);
        if (!front || !back) continue;
        cards.push({ id: n(c.id), ord, front, back, schedule: c.type === undefined ? null : cardSchedule(c), revlog: revlogByCard.get(n(c.id)) ?? [] });
      }
    } else {
      const frontHtml = named('Front') || (fields[0] ?? '');
      const backHtml = named('Back') || (fields[1] ?? '');
      const front = htmlToText(frontHtml, hook);
      const back = htmlToText(backHtml, hook);
      for (const c of rows.length > 0 ? rows : [{ ord: 0 } as Record<string, unknown>]) {
        const ord = n(c.ord);
        // a second template ("and reversed card") asks the other way round
        const [f, b] = ord === 1 && info.templates === 2 ? [back, front] : [front, back];
        if (ord > 1 || !f || !b) continue;
        cards.push({ id: n(c.id), ord, front: f, back: b, schedule: c.type === undefined ? null : cardSchedule(c), revlog: revlogByCard.get(n(c.id)) ?? [] });
      }
    }
    if (cards.length === 0) continue;
    notes.push({
      guid: String(row.guid ?? ''),
      kind: info.kind,
      deck: deckNames.get(did) ?? 'Default',
      source: htmlToText(named('Source')),
      tags: String(row.tags ?? '').split(/\s+/).filter(Boolean).slice(0, 50),
      cards,
    });
  }
  const deck: ImportedDeck = {
    format: 'apkg',
    notes,
    skippedNoteTypes: [...skipped].map(([name, count]) => ({ name, notes: count })),
    mediaReferenced: referenced.size,
    mediaPresent: [...referenced].filter((r) => media.has(r)).length,
    media: media.files,
    mediaRefused: media.refused,
    collectionCreated: n(col.crt) || null,
    warnings: [],
  };
  return { ok: true, deck };
}

// ---------- "Notes in plain text" (CSV/TSV) ----------

const SEPARATORS: Record<string, string> = { tab: '\t', comma: ',', semicolon: ';', pipe: '|', space: ' ', colon: ':' };

/** Splits delimited text into records, honouring double-quoted fields (quotes doubled inside). */
export function splitDelimited(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
      continue;
    }
    if (ch === '"' && atStart) {
      quoted = true;
      atStart = false;
    } else if (ch === sep) {
      row.push(field);
      field = '';
      atStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      atStart = true;
    } else {
      field += ch;
      atStart = false;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export function readPlainText(input: string, format: 'csv' | 'tsv'): ReadResult {
  const text = input.replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  const headers = new Map<string, string>();
  let bodyStart = 0;
  for (const line of lines) {
    const m = /^#([a-z ]+):(.*)$/i.exec(line);
    if (!m || !m[1] || m[2] === undefined) break;
    headers.set(m[1].trim().toLowerCase(), m[2].trim());
    bodyStart += line.length + 1;
  }
  const body = text.slice(Math.min(bodyStart, text.length));
  const declared = headers.get('separator');
  const firstLine = body.split(/\r?\n/).find((l) => l.trim() !== '' && !l.startsWith('#')) ?? '';
  const sep = declared
    ? (SEPARATORS[declared.toLowerCase()] ?? declared[0] ?? '\t')
    : format === 'tsv' || firstLine.includes('\t')
      ? '\t'
      : firstLine.includes(';') && !firstLine.includes(',')
        ? ';'
        : ',';
  const html = (headers.get('html') ?? 'false').toLowerCase() === 'true';
  const column = (key: string): number | null => {
    const v = headers.get(key);
    const num = v ? Number.parseInt(v, 10) : NaN;
    return Number.isInteger(num) && num >= 1 ? num - 1 : null;
  };
  const tagsCol = column('tags column');
  const deckCol = column('deck column');
  const guidCol = column('guid column');
  const typeCol = column('notetype column');
  const defaultDeck = headers.get('deck') || 'Imported deck';
  const globalTags = (headers.get('tags') ?? '').split(/\s+/).filter(Boolean);
  const rows = splitDelimited(body, sep).filter((r) => r.some((f) => f.trim() !== '') && !(r[0] ?? '').startsWith('#'));
  if (rows.length === 0) return fail('The file holds no notes: expected one note a line (front, back and optionally tags).');
  if (rows.length > MAX_NOTES) return fail(`The file holds ${rows.length} notes; the limit is ${MAX_NOTES}.`);
  const clean = (s: string) => (html ? htmlToText(s) : htmlToText(s.replace(/</g, '&lt;').replace(/>/g, '&gt;')));
  const notes: ImportedNote[] = [];
  const skippedTypes = new Map<string, number>();
  let tooFew = 0;
  let referenced = 0;
  rows.forEach((r, index) => {
    const special = new Set([tagsCol, deckCol, guidCol, typeCol].filter((c): c is number => c !== null));
    const content = r.filter((_f, i) => !special.has(i));
    const noteType = typeCol !== null ? (r[typeCol] ?? '') : '';
    const rawFront = content[0] ?? '';
    const rawBack = content[1] ?? '';
    if (html) referenced += mediaReferences(rawFront).length + mediaReferences(rawBack).length;
    const tags = [...globalTags, ...(tagsCol !== null ? (r[tagsCol] ?? '').split(/\s+/).filter(Boolean) : [])];
    const deck = (deckCol !== null ? r[deckCol] : undefined) || defaultDeck;
    const guid = (guidCol !== null ? r[guidCol] : undefined) || `row-${index + 1}-${rawFront.slice(0, 40)}`;
    const clozes = clozeNumbers(rawFront);
    if (clozes.length > 0 || /cloze/i.test(noteType)) {
      const cards = clozes
        .map((num) => ({ num, ...fromAnkiCloze(html ? rawFront : rawFront.replace(/</g, '&lt;').replace(/>/g, '&gt;'), num) }))
        .filter((c) => c.front && c.back)
        .map((c) => ({ id: 0, ord: c.num - 1, front: c.front, back: c.back, schedule: null, revlog: [] }));
      if (cards.length === 0) {
        tooFew++;
        return;
      }
      notes.push({ guid, kind: 'cloze', deck, source: clean(rawBack), tags, cards });
      return;
    }
    if (noteType && !/basic/i.test(noteType)) {
      skippedTypes.set(noteType, (skippedTypes.get(noteType) ?? 0) + 1);
      return;
    }
    const front = clean(rawFront);
    const back = clean(rawBack);
    if (!front || !back) {
      tooFew++;
      return;
    }
    notes.push({ guid, kind: 'basic', deck, source: '', tags, cards: [{ id: 0, ord: 0, front, back, schedule: null, revlog: [] }] });
  });
  const warnings = tooFew > 0 ? [`${tooFew} line${tooFew === 1 ? '' : 's'} without both a front and a back ${tooFew === 1 ? 'was' : 'were'} skipped.`] : [];
  if (notes.length === 0) return fail(`No notes could be read: every line needs a front and a back separated by ${sep === '\t' ? 'a tab' : `“${sep}”`}.`);
  return {
    ok: true,
    deck: {
      format,
      notes,
      skippedNoteTypes: [...skippedTypes].map(([name, count]) => ({ name, notes: count })),
      mediaReferenced: referenced,
      mediaPresent: 0,
      media: [],
      mediaRefused: { missing: referenced, type: 0, size: 0, limit: 0 } satisfies Record<MediaRefusal, number>,
      collectionCreated: null,
      warnings,
    },
  };
}
