// The database side of Anki interop (the rest of this folder is pure): a learner's cards and schedule out
// as package input, a deck in as a new course an instructor owns, and a learner's own package back in
// with its review history replayed into FSRS. Callers pass the signed-in user's id, never one from a client.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { slugify } from '@/lib/content/slug';
import { lessonHref } from '@/lib/course-urls';
import { setCourseOwner, visibleCourseWhere } from '@/lib/courses/roles';
import { enrollInCourses } from '@/lib/courses/enrollment';
import { reviewableCardWhere } from '@/lib/courses/card-visibility';
import { enrollLessonCards, LIVE_CARD, loadSettings, stateColumns, toSrsState } from '@/lib/review/service';
import { gradeCard, isRating, newCardState, type SrsCardState } from '@/lib/srs';
import { moduleTag, noteGuid } from './course';
import { collectionCreatedFor, gradesFromRevlog, toAnkiRevlog, toAnkiSchedule, type ScheduleContext } from './schedule';
import { readDeckFile } from './read';
import { mediaIds, remapMediaIds } from '@/lib/cards/media';
import { MAX_MEDIA_FILE_BYTES, MAX_MEDIA_FILES, MAX_MEDIA_TOTAL_BYTES, type ImportedMedia } from './media';
import type { AnkiNoteInput, AnkiPackageInput, ImportedDeck, ImportedNote } from './types';

type Tx = Prisma.TransactionClient;

// ---------- export: the learner's own cards with their schedule ----------

export async function learnerPackageInput(db: Db, userId: string, now: Date, baseUrl: string): Promise<AnkiPackageInput> {
  const settings = await loadSettings(db, userId);
  const rows = await db.cardState.findMany({
    where: { userId, card: { retiredAt: null, lesson: { retiredAt: null, module: { retiredAt: null } } } },
    orderBy: [{ sortKey: 'asc' }, { cardId: 'asc' }],
    select: {
      cardId: true,
      state: true,
      due: true,
      stability: true,
      difficulty: true,
      elapsedDays: true,
      scheduledDays: true,
      learningSteps: true,
      reps: true,
      lapses: true,
      lastReview: true,
      leech: true,
      card: {
        select: {
          type: true,
          front: true,
          back: true,
          editedFront: true,
          editedBack: true,
          source: true,
          anchor: true,
          suspended: true,
          lesson: { select: { key: true, module: { select: { key: true, title: true, course: { select: { key: true, title: true } } } } } },
        },
      },
    },
  });
  const logs = await db.reviewLog.findMany({
    where: { userId, cardId: { in: rows.map((r) => r.cardId) } },
    orderBy: { review: 'asc' },
    select: { cardId: true, rating: true, state: true, due: true, scheduledDays: true, review: true, durationMs: true },
  });
  const logsByCard = new Map<string, typeof logs>();
  for (const l of logs) {
    const list = logsByCard.get(l.cardId);
    if (list) list.push(l);
    else logsByCard.set(l.cardId, [l]);
  }
  const collectionCreated = collectionCreatedFor(now, settings.timeZone, settings.dayStartHour);
  const ctx: ScheduleContext = {
    now,
    timeZone: settings.timeZone,
    dayStartHour: settings.dayStartHour,
    collectionCreated,
    learningSteps: settings.learningSteps,
    relearningSteps: settings.relearningSteps,
    desiredRetention: settings.desiredRetention,
  };
  const base = baseUrl.replace(/\/+$/, '');
  const notes: AnkiNoteInput[] = rows.map((r, i) => {
    const c = r.card;
    const m = c.lesson.module;
    const state = toSrsState(r);
    const history = (logsByCard.get(r.cardId) ?? []).flatMap((l) =>
      isRating(l.rating) ? [{ rating: l.rating, state: toSrsState({ ...r, state: l.state }).state, due: l.due, scheduledDays: l.scheduledDays, review: l.review, durationMs: l.durationMs }] : [],
    );
    return {
      // The card's id: importing this package back (as this or another learner) finds the same card.
      guid: r.cardId,
      kind: c.type === 'cloze' ? 'cloze' : 'basic',
      deck: [m.course.title, m.title],
      front: c.editedFront ?? c.front,
      back: c.editedBack ?? c.back,
      source: c.source,
      link: `${base}${lessonHref(m.course.key, m.key, c.lesson.key, c.anchor)}`,
      tags: [moduleTag(m.key)],
      schedule: toAnkiSchedule(state, ctx, i + 1, r.leech || c.suspended),
      revlog: toAnkiRevlog(history, state),
    };
  });
  const weights = settings.weights;
  // the images and sounds the cards show, from courses this learner may see (never trust an id in a text)
  const ids = [...new Set(notes.flatMap((n) => [...mediaIds(n.front), ...mediaIds(n.back)]))];
  const media = ids.length === 0 ? [] : await db.courseMedia.findMany({ where: { id: { in: ids }, course: visibleCourseWhere(userId) }, select: { id: true, name: true, bytes: true } });
  return {
    media,
    notes,
    collectionCreated,
    now,
    rolloverHour: settings.dayStartHour,
    desiredRetention: settings.desiredRetention,
    fsrsWeights: weights,
  };
}

// ---------- import: a deck as a new course ----------

export interface ImportSummary {
  /** One sentence a person reads after the import. */
  message: string;
  courseKey?: string;
  courseId?: string;
  modules: number;
  cards: number;
  /** Learner import: cards whose review history was replayed, and reviews recorded. */
  scheduled?: number;
  reviews?: number;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * What the reader skipped or could not carry, in words (note types, media, warnings). `mediaStored` is how
 * many media files the import kept (null when it kept none because the cards were already here).
 */
export function skippedNotes(deck: ImportedDeck, mediaStored: number | null = null): string[] {
  const out: string[] = [];
  for (const s of deck.skippedNoteTypes) out.push(`${plural(s.notes, 'note')} of the note type “${s.name}” skipped (this app reads Basic and Cloze notes only).`);
  if (mediaStored !== null && mediaStored > 0) out.push(`${plural(mediaStored, 'image or sound file')} imported.`);
  const r = deck.mediaRefused;
  const was = (n: number) => (n === 1 ? 'was' : 'were');
  if (r.missing > 0) out.push(`${plural(r.missing, 'image or sound file')} the notes refer to ${was(r.missing)} not in the file.`);
  if (r.type > 0) out.push(`${plural(r.type, 'media file')} of another type ${was(r.type)} not imported (PNG, JPEG, GIF and WebP images, MP3, Ogg and WAV sound only).`);
  if (r.size > 0) out.push(`${plural(r.size, 'media file')} over ${MAX_MEDIA_FILE_BYTES / 1024 / 1024} MB ${was(r.size)} not imported.`);
  if (r.limit > 0) out.push(`${plural(r.limit, 'media file')} past the limit of ${MAX_MEDIA_FILES} files or ${MAX_MEDIA_TOTAL_BYTES / 1024 / 1024} MB ${was(r.limit)} not imported.`);
  return [...out, ...deck.warnings];
}

/**
 * Stores a deck's accepted media files for a course (one row per distinct content; a re-import reuses it) and
 * returns the map from the reader's placeholder keys to stored ids, for remapMediaIds.
 */
async function storeMedia(tx: Tx, courseId: string, media: readonly ImportedMedia[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const m of media) {
    const sha256 = createHash('sha256').update(m.bytes).digest('hex');
    const row =
      (await tx.courseMedia.findUnique({ where: { courseId_sha256: { courseId, sha256 } }, select: { id: true } })) ??
      (await tx.courseMedia.create({
        data: { courseId, name: m.name, contentType: m.contentType, bytes: new Uint8Array(m.bytes), size: m.bytes.length, sha256 },
        select: { id: true },
      }));
    ids.set(m.key, row.id);
  }
  return ids;
}

/** A card text with the reader's media placeholders replaced by stored ids (unknown ones dropped). */
function withStoredMedia(text: string, ids: ReadonlyMap<string, string>): string {
  return remapMediaIds(text, (key) => ids.get(key) ?? null);
}

/** Course and module titles from Anki deck names: a shared top deck becomes the course, its sub-decks the modules. */
export function planModules(notes: readonly ImportedNote[], fallbackTitle: string): { courseTitle: string; moduleOf: (deck: string) => string; modules: string[] } {
  const paths = [...new Set(notes.map((n) => n.deck))];
  const roots = new Set(paths.map((p) => p.split('::')[0]?.trim() ?? ''));
  const [root] = [...roots];
  const shared = roots.size === 1 && root ? root : null;
  const moduleOf = (deck: string): string => {
    const parts = deck.split('::').map((p) => p.trim()).filter(Boolean);
    const rest = shared ? parts.slice(1) : parts;
    return (rest.length > 0 ? rest.join(' › ') : shared ?? parts.join(' › ')) || 'Imported cards';
  };
  const modules = [...new Set(notes.map((n) => moduleOf(n.deck)))];
  return { courseTitle: (shared ?? fallbackTitle).slice(0, 200) || 'Imported deck', moduleOf, modules };
}

function uniqueKey(base: string, used: Set<string>): string {
  let key = base || 'module';
  for (let i = 2; used.has(key); i++) key = `${base}-${i}`;
  used.add(key);
  return key;
}

export async function importDeckAsCourse(db: Db, ownerId: string, deck: ImportedDeck, fileName: string, now: Date): Promise<ImportSummary> {
  const fallback = fileName.replace(/\.[a-z0-9]+$/i, '').trim() || 'Imported deck';
  const plan = planModules(deck.notes, fallback);
  const courseKey = `${slugify(plan.courseTitle).slice(0, 40) || 'anki'}-${randomBytes(3).toString('hex')}`;
  const result = await db.$transaction(
    async (tx) => {
      const course = await tx.course.create({
        data: {
          key: courseKey,
          title: plan.courseTitle,
          description: `Imported from ${fileName.slice(0, 200)} (${deck.format === 'apkg' ? 'Anki package' : 'Anki notes in plain text'}).`,
          ownerId,
          status: 'draft',
        },
      });
      await setCourseOwner(tx, course.id, ownerId, now);
      const mediaIds = await storeMedia(tx, course.id, deck.media);
      const usedModuleKeys = new Set<string>();
      let cardCount = 0;
      for (const [order, title] of plan.modules.entries()) {
        const moduleKey = uniqueKey(slugify(title).slice(0, 60), usedModuleKeys);
        const moduleRow = await tx.module.create({ data: { courseId: course.id, key: moduleKey, title, description: '', order } });
        const notes = deck.notes.filter((n) => plan.moduleOf(n.deck) === title);
        const markdown = `Cards imported from the Anki deck “${notes[0]?.deck ?? title}”.`;
        const lesson = await tx.lesson.create({
          data: { moduleId: moduleRow.id, key: `${moduleKey}/cards`, title, order: 0, markdown, words: markdown.split(/\s+/).length, sourceFile: fileName.slice(0, 200) },
        });
        const usedCardKeys = new Set<string>();
        const data = notes.flatMap((n) =>
          n.cards.map((c) => ({
            lessonId: lesson.id,
            key: uniqueKey(`anki-${noteGuid(n.guid)}-${c.ord}`, usedCardKeys),
            type: n.kind,
            // written by a person, not the generator: a content sync never touches it
            origin: 'instructor',
            front: withStoredMedia(c.front, mediaIds).slice(0, 5000),
            back: withStoredMedia(c.back, mediaIds).slice(0, 5000),
            source: n.source.slice(0, 5000),
            position: 0,
          })),
        );
        data.forEach((d, i) => (d.position = i));
        if (data.length > 0) await tx.card.createMany({ data });
        cardCount += data.length;
      }
      return { courseId: course.id, cards: cardCount, media: mediaIds.size };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  const notes = skippedNotes(deck, result.media);
  return {
    message: [`Imported ${plural(result.cards, 'card')} in ${plural(plan.modules.length, 'module')} as the draft course “${plan.courseTitle}”.`, ...notes].join(' '),
    courseKey,
    courseId: result.courseId,
    modules: plan.modules.length,
    cards: result.cards,
  };
}

// ---------- import: a learner's own package, schedule and history replayed ----------

/**
 * Replays one note's Anki review history into lib/srs (ts-fsrs) with the learner's settings and stores the
 * resulting state and log. The card state must exist. Returns how many reviews were replayed.
 */
async function replayRevlog(tx: Tx, userId: string, cardId: string, note: ImportedNote, settings: Awaited<ReturnType<typeof loadSettings>>, now: Date): Promise<number> {
  const grades = gradesFromRevlog(note.cards[0]?.revlog ?? []);
  if (grades.length === 0) return 0;
  let state: SrsCardState = newCardState(grades[0]?.review ?? now);
  const logs: Prisma.ReviewLogCreateManyInput[] = [];
  for (const g of grades) {
    if (g.review.getTime() > now.getTime()) break;
    const r = gradeCard(state, g.rating, g.review, settings, cardId);
    logs.push({
      userId,
      cardId,
      // one per revlog entry and card: importing the same file twice records nothing twice
      clientId: `anki-${g.revlogId}-${cardId}`.slice(0, 100),
      rating: r.log.rating,
      state: r.log.state,
      due: r.log.due,
      stability: r.log.stability,
      difficulty: r.log.difficulty,
      elapsedDays: r.log.elapsedDays,
      lastElapsedDays: r.log.lastElapsedDays,
      scheduledDays: r.log.scheduledDays,
      learningSteps: r.log.learningSteps,
      lastReview: r.log.lastReview,
      review: r.log.review,
      durationMs: g.durationMs,
    });
    state = r.state;
  }
  if (logs.length === 0) return 0;
  await tx.cardState.update({
    where: { userId_cardId: { userId, cardId } },
    data: { ...stateColumns(state), addedAt: grades[0]?.review ?? now, version: { increment: 1 } },
  });
  await tx.reviewLog.createMany({ data: logs });
  return logs.length;
}

/** The stable key of a learner's private deck course: one per learner and deck title, so a re-import adds to it. */
export function personalCourseKey(userId: string, title: string): string {
  const hash = createHash('sha256').update(`${userId}\u0000${title}`).digest('hex').slice(0, 10);
  return `my-${slugify(title).slice(0, 40) || 'deck'}-${hash}`;
}

interface PersonalDeckResult {
  courseTitle: string;
  /** media files stored (or found already stored) for the deck */
  media: number;
  added: number;
  existing: number;
  scheduled: number;
  reviews: number;
}

/**
 * Notes that are not cards of a course here become the learner's private deck: a course with status
 * `personal` only they see (decks → modules, one lesson "cards" each), cards they own, their history replayed.
 * Re-importing the same deck adds only the notes it does not hold yet (cards keyed by note guid and card ord).
 */
async function importPersonalDeck(
  tx: Tx,
  userId: string,
  notes: readonly ImportedNote[],
  media: readonly ImportedMedia[],
  fileName: string,
  settings: Awaited<ReturnType<typeof loadSettings>>,
  now: Date,
): Promise<PersonalDeckResult> {
  const fallback = fileName.replace(/\.[a-z0-9]+$/i, '').trim() || 'My Anki deck';
  const plan = planModules(notes, fallback);
  const key = personalCourseKey(userId, plan.courseTitle);
  const course =
    (await tx.course.findUnique({ where: { key }, select: { id: true, ownerId: true } })) ??
    (await tx.course.create({
      data: { key, title: plan.courseTitle, description: `Your cards from ${fileName.slice(0, 200)} (Anki). Only you see this deck.`, ownerId: userId, status: 'personal', publishedAt: now },
      select: { id: true, ownerId: true },
    }));
  if (course.ownerId !== userId) throw new Error('personal course key collision');
  await enrollInCourses(tx, userId, [course.id], now);
  const mediaIds = await storeMedia(tx, course.id, media);
  const modules = await tx.module.findMany({ where: { courseId: course.id }, select: { id: true, key: true, title: true, order: true } });
  const usedModuleKeys = new Set(modules.map((m) => m.key));
  let nextOrder = modules.reduce((max, m) => Math.max(max, m.order + 1), 0);
  const result: PersonalDeckResult = { courseTitle: plan.courseTitle, added: 0, existing: 0, scheduled: 0, reviews: 0, media: mediaIds.size };
  for (const title of plan.modules) {
    let moduleRow = modules.find((m) => m.title === title);
    if (!moduleRow) {
      const moduleKey = uniqueKey(slugify(title).slice(0, 60), usedModuleKeys);
      moduleRow = await tx.module.create({ data: { courseId: course.id, key: moduleKey, title, description: '', order: nextOrder++ }, select: { id: true, key: true, title: true, order: true } });
    }
    const lessonKey = `${moduleRow.key}/cards`;
    const deckNotes = notes.filter((n) => plan.moduleOf(n.deck) === title);
    const markdown = `Cards imported from your Anki deck “${deckNotes[0]?.deck ?? title}”.`;
    const lesson =
      (await tx.lesson.findFirst({ where: { moduleId: moduleRow.id, key: lessonKey }, select: { id: true } })) ??
      (await tx.lesson.create({
        data: { moduleId: moduleRow.id, key: lessonKey, title, order: 0, markdown, words: markdown.split(/\s+/).length, sourceFile: fileName.slice(0, 200) },
        select: { id: true },
      }));
    const have = new Set((await tx.card.findMany({ where: { lessonId: lesson.id }, select: { key: true } })).map((c) => c.key));
    let position = have.size;
    const fresh: { note: ImportedNote; key: string; front: string; back: string; kind: string }[] = [];
    for (const n of deckNotes) {
      for (const c of n.cards) {
        const cardKey = `anki-${noteGuid(n.guid)}-${c.ord}`.slice(0, 190);
        if (have.has(cardKey)) {
          result.existing++;
          continue;
        }
        have.add(cardKey);
        fresh.push({ note: { ...n, cards: [c] }, key: cardKey, front: c.front, back: c.back, kind: n.kind });
      }
    }
    for (const f of fresh) {
      const card = await tx.card.create({
        data: {
          lessonId: lesson.id,
          key: f.key,
          type: f.kind,
          origin: 'learner',
          ownerId: userId,
          front: withStoredMedia(f.front, mediaIds).slice(0, 5000),
          back: withStoredMedia(f.back, mediaIds).slice(0, 5000),
          source: f.note.source.slice(0, 5000),
          position: position++,
        },
        select: { id: true },
      });
      await tx.cardState.create({
        data: { userId, cardId: card.id, ...stateColumns(newCardState(now)), addedAt: now, sortKey: moduleRow.order * 1_000_000 + Math.min(position, 999) },
      });
      const replayed = await replayRevlog(tx, userId, card.id, f.note, settings, now);
      if (replayed > 0) {
        result.scheduled++;
        result.reviews += replayed;
      }
      result.added++;
    }
  }
  // the lesson counts as done: its cards are in the learner's reviews already
  const lessons = await tx.lesson.findMany({ where: { module: { courseId: course.id } }, select: { id: true } });
  for (const l of lessons) {
    await tx.lessonProgress.upsert({
      where: { userId_lessonId: { userId, lessonId: l.id } },
      create: { userId, lessonId: l.id, completedAt: now },
      update: {},
    });
  }
  return result;
}

/**
 * Cards are matched by note guid: packages this app exports use the card's id as the guid, so a learner
 * (the same one or another) gets those cards with the package's review history replayed into their FSRS.
 * Cards they already reviewed here keep their own history. Notes that are not cards of a course here become
 * the learner's private deck (importPersonalDeck), history and all.
 */
export async function importLearnerPackage(db: Db, userId: string, deck: ImportedDeck, fileName: string, now: Date): Promise<ImportSummary> {
  const settings = await loadSettings(db, userId);
  const guids = [...new Set(deck.notes.map((n) => n.guid))];
  const cards = await db.card.findMany({
    // never trust the ids in the file: only live, approved cards of courses the learner may see, shared or their own
    where: { id: { in: guids }, ...LIVE_CARD, ...reviewableCardWhere(userId), lesson: { retiredAt: null, module: { retiredAt: null, course: visibleCourseWhere(userId) } } },
    select: { id: true, lessonId: true, lesson: { select: { module: { select: { courseId: true } } } } },
  });
  const byId = new Map(cards.map((c) => [c.id, c]));
  const matched = deck.notes.filter((n) => byId.has(n.guid));
  const unmatched = deck.notes.filter((n) => !byId.has(n.guid));
  const reviewed = new Set(
    (await db.reviewLog.findMany({ where: { userId, cardId: { in: [...byId.keys()] } }, select: { cardId: true }, distinct: ['cardId'] })).map((r) => r.cardId),
  );
  let scheduled = 0;
  let reviews = 0;
  let kept = 0;
  const personal = await db.$transaction(
    async (tx: Tx) => {
      await enrollInCourses(tx, userId, new Set(cards.map((c) => c.lesson.module.courseId)), now);
      await enrollLessonCards(tx, userId, [...new Set(cards.map((c) => c.lessonId))], now);
      for (const note of matched) {
        if (reviewed.has(note.guid)) {
          kept++;
          continue;
        }
        const replayed = await replayRevlog(tx, userId, note.guid, note, settings, now);
        if (replayed > 0) {
          scheduled++;
          reviews += replayed;
        }
      }
      return unmatched.length > 0 ? importPersonalDeck(tx, userId, unmatched, deck.media, fileName, settings, now) : null;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  const parts: string[] = [];
  if (matched.length > 0) {
    parts.push(`Added ${plural(matched.length, 'card')} of courses here to your reviews; ${plural(scheduled, 'card')} continue${scheduled === 1 ? 's' : ''} from ${plural(reviews, 'replayed review')}.`);
  }
  if (kept > 0) parts.push(`${plural(kept, 'card')} you already review here kept ${kept === 1 ? 'its' : 'their'} own history.`);
  if (personal) {
    parts.push(
      `${plural(personal.added, 'card')} went into your private deck “${personal.courseTitle}” (only you see it)` +
        (personal.scheduled > 0 ? `; ${plural(personal.scheduled, 'card')} continue${personal.scheduled === 1 ? 's' : ''} from ${plural(personal.reviews, 'replayed review')}.` : '.'),
    );
    if (personal.existing > 0) parts.push(`${plural(personal.existing, 'card')} already in that deck ${personal.existing === 1 ? 'was' : 'were'} left as ${personal.existing === 1 ? 'it was' : 'they were'}.`);
  }
  return {
    message: [...parts, ...skippedNotes(deck, personal?.media ?? null)].join(' '),
    modules: 0,
    cards: matched.length + (personal?.added ?? 0),
    scheduled: scheduled + (personal?.scheduled ?? 0),
    reviews: reviews + (personal?.reviews ?? 0),
  };
}

// ---------- one entry for the import action and the CLI ----------

export type ImportTarget = 'course' | 'my-reviews';

export type ImportOutcome = ({ ok: true } & ImportSummary) | { ok: false; error: string };

/**
 * Reads the file and imports it: instructors get a new draft course they own; learners get their own
 * package's cards and history back. A file that cannot be read changes nothing; the write is one transaction.
 */
export async function importDeckFile(
  db: Db,
  user: { id: string; role: 'learner' | 'instructor' },
  bytes: Uint8Array,
  fileName: string,
  target: ImportTarget,
  now: Date,
): Promise<ImportOutcome> {
  if (target === 'course' && user.role !== 'instructor') return { ok: false, error: 'Only instructors can import a deck as a course.' };
  const read = readDeckFile(bytes, fileName);
  if (!read.ok) return read;
  if (read.deck.notes.length === 0) {
    return { ok: false, error: ['The file holds no notes this app can read.', ...skippedNotes(read.deck)].join(' ') };
  }
  const summary = target === 'course' ? await importDeckAsCourse(db, user.id, read.deck, fileName, now) : await importLearnerPackage(db, user.id, read.deck, fileName, now);
  return { ok: true, ...summary };
}
