// Authoring against the database: draft courses, uploaded documents (bytes and parsed text, versioned),
// the draft outline, preview, diff before apply, publish (the sync, in one transaction) and card approval.
// Callers prove the right to edit first (lib/courses/access via the actions, or the CLI's --owner), and pass
// the course id they checked; every function here only touches rows of that course.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { generateCourseCards } from '@/lib/cards';
import type { GeneratedCard } from '@/lib/cards/types';
import type { ContentIssue, Course } from '@/lib/content/types';
import { syncCourse, type SyncReport } from '@/lib/sync/sync';
import { newCardState } from '@/lib/srs';
import { stateColumns } from '@/lib/review/service';
import { diffCourse, type CourseDiff, type CurrentCourse } from './diff';
import {
  checkOutline,
  courseKeyFor,
  generationCourse,
  outlineToCourse,
  parseDocument,
  proposeOutline,
  reconcileOutline,
  type Outline,
  type ParsedDocument,
} from './outline';
import { pipelinePath, type ParsedFile, type UploadError } from './upload';

type Tx = Prisma.TransactionClient;
type Client = Db | Tx;

export type AuthoringResult<T = object> = ({ ok: true } & T) | { ok: false; error: string; errors?: UploadError[] };

const COURSE_NOT_FOUND = { ok: false, error: 'Course not found.' } as const;

export function randomCardKey(prefix: 'i' | 'p'): string {
  return `${prefix}-${randomBytes(8).toString('hex')}`;
}

// ---------- courses ----------

async function freeCourseKey(client: Client, title: string): Promise<string> {
  const base = courseKeyFor(title, new Set());
  const rows = await client.course.findMany({ where: { key: { startsWith: base } }, select: { key: true } });
  return courseKeyFor(title, new Set(rows.map((r) => r.key)));
}

/** A new draft course owned by `ownerId` (invisible to learners until published). */
export async function createDraftCourse(db: Db, ownerId: string, input: { title: string; description: string }): Promise<{ id: string; key: string }> {
  return db.$transaction(async (tx) => {
    const key = await freeCourseKey(tx, input.title);
    const course = await tx.course.create({
      data: {
        key,
        title: input.title,
        description: input.description,
        status: 'draft',
        ownerId,
        instructors: { create: { userId: ownerId, role: 'owner' } },
        draft: { create: { outline: JSON.stringify(proposeOutline([])) } },
      },
      select: { id: true, key: true },
    });
    return course;
  });
}

export async function updateCourseDetails(
  db: Db,
  courseId: string,
  input: { title: string; description: string; requireApproval: boolean },
): Promise<void> {
  await db.course.update({ where: { id: courseId }, data: input });
}

// ---------- documents ----------

export interface CurrentDocument {
  id: string;
  name: string;
  docKey: string;
  mediaType: string;
  version: number;
  sha256: string;
  text: string;
  bytes: number;
  uploadedAt: Date;
  firstUploadedAt: Date;
}

/** The newest version of each document in the draft, in the order they were first uploaded. */
export async function currentDocuments(client: Client, courseId: string): Promise<CurrentDocument[]> {
  const rows = await client.courseDocument.findMany({
    where: { courseId },
    orderBy: [{ uploadedAt: 'asc' }, { version: 'asc' }],
    select: { id: true, name: true, docKey: true, mediaType: true, version: true, sha256: true, text: true, uploadedAt: true, removedAt: true, bytes: true },
  });
  const byName = new Map<string, CurrentDocument & { removed: boolean }>();
  const first = new Map<string, Date>();
  for (const r of rows) {
    if (!first.has(r.name)) first.set(r.name, r.uploadedAt);
    const seen = byName.get(r.name);
    if (!seen || r.version > seen.version) {
      const { bytes, removedAt, ...rest } = r;
      byName.set(r.name, { ...rest, bytes: bytes.byteLength, firstUploadedAt: first.get(r.name) ?? r.uploadedAt, removed: removedAt !== null });
    }
  }
  return [...byName.values()]
    .filter((d) => !d.removed)
    .sort((a, b) => a.firstUploadedAt.getTime() - b.firstUploadedAt.getTime() || a.name.localeCompare(b.name))
    .map((d) => {
      const { removed, ...rest } = d;
      void removed;
      return rest;
    });
}

export function parseCurrent(docs: readonly CurrentDocument[]): ParsedDocument[] {
  return docs.map((d) => ({ ...parseDocument({ path: pipelinePath(d.name, d.mediaType), text: d.text }, { docKey: d.docKey }), name: d.name }));
}

async function usedKeys(tx: Tx, courseId: string, outline: Outline): Promise<Set<string>> {
  const [docs, modules] = await Promise.all([
    tx.courseDocument.findMany({ where: { courseId }, select: { docKey: true }, distinct: ['docKey'] }),
    tx.module.findMany({ where: { courseId }, select: { key: true } }),
  ]);
  return new Set([...outline.usedKeys, ...outline.modules.map((m) => m.key), ...docs.map((d) => d.docKey), ...modules.map((m) => m.key)]);
}

export interface UploadSummary {
  added: string[];
  updated: string[];
  unchanged: string[];
  issues: ContentIssue[];
}

/**
 * Stores the uploaded files as new documents or new versions (same file name), re-parses the draft and
 * reconciles its outline. All in one transaction: a file that yields no lessons refuses the whole upload.
 */
export async function uploadDocuments(
  db: Db,
  courseId: string,
  uploadedById: string | null,
  files: readonly (ParsedFile & { bytes: Uint8Array })[],
  now = new Date(),
): Promise<AuthoringResult<{ summary: UploadSummary }>> {
  return db.$transaction(
    async (tx) => {
      const course = await tx.course.findUnique({ where: { id: courseId }, select: { id: true } });
      if (!course) return COURSE_NOT_FOUND;
      const outline = await readOutline(tx, courseId);
      const current = await currentDocuments(tx, courseId);
      const byName = new Map(current.map((d) => [d.name, d]));
      const versions = await tx.courseDocument.groupBy({ by: ['name'], where: { courseId }, _max: { version: true } });
      const lastVersion = new Map(versions.map((v) => [v.name, v._max.version ?? 0]));
      const previousKey = new Map(
        (await tx.courseDocument.findMany({ where: { courseId }, select: { name: true, docKey: true }, distinct: ['name'] })).map((d) => [d.name, d.docKey]),
      );
      const taken = await usedKeys(tx, courseId, outline);
      const summary: UploadSummary = { added: [], updated: [], unchanged: [], issues: [] };
      const errors: UploadError[] = [];
      const writes: Prisma.CourseDocumentCreateManyInput[] = [];
      for (const file of files) {
        const existing = byName.get(file.name);
        if (existing && existing.sha256 === file.sha256) {
          summary.unchanged.push(file.name);
          continue;
        }
        const known = previousKey.get(file.name);
        const parsed = parseDocument({ path: pipelinePath(file.name, file.mediaType), text: file.text }, known ? { docKey: known } : { taken });
        taken.add(parsed.docKey);
        const fatal = parsed.issues.find((i) => i.level === 'error');
        if (fatal || parsed.lessons.length === 0) {
          errors.push({ name: file.name, code: 'no-text', message: fatal ? capitalise(fatal.message) : 'No lessons could be made from this file.' });
          continue;
        }
        summary.issues.push(
          ...(file.warnings ?? []).map((message) => ({ level: 'warning' as const, file: file.name, message })),
          ...parsed.issues.map((i) => ({ ...i, file: file.name })),
        );
        (existing ? summary.updated : summary.added).push(file.name);
        writes.push({
          courseId,
          name: file.name,
          docKey: parsed.docKey,
          mediaType: file.mediaType,
          bytes: new Uint8Array(file.bytes),
          text: file.text,
          sha256: file.sha256,
          version: (lastVersion.get(file.name) ?? 0) + 1,
          uploadedById,
          // A millisecond apart, so documents uploaded together keep the order they were chosen in.
          uploadedAt: new Date(now.getTime() + writes.length),
        });
      }
      if (errors.length > 0) return { ok: false, error: 'Nothing was uploaded: fix the files below and try again.', errors };
      if (writes.length > 0) {
        await tx.courseDocument.createMany({ data: writes });
        const parsed = parseCurrent(await currentDocuments(tx, courseId));
        await writeOutline(tx, courseId, reconcileOutline(outline, parsed));
      }
      return { ok: true, summary };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Takes a document out of the draft (its versions stay stored); its lessons leave the outline. */
export async function removeDocument(db: Db, courseId: string, name: string, now = new Date()): Promise<AuthoringResult> {
  return db.$transaction(async (tx) => {
    const res = await tx.courseDocument.updateMany({ where: { courseId, name, removedAt: null }, data: { removedAt: now } });
    if (res.count === 0) return { ok: false, error: 'That document is not in the draft.' };
    const outline = await readOutline(tx, courseId);
    const kept = outline.modules
      .map((m) => ({ ...m, lessons: m.lessons.filter((l) => l.source !== name) }))
      .filter((m) => m.lessons.length > 0);
    const keys = new Set(kept.map((m) => m.key));
    await writeOutline(tx, courseId, { ...outline, modules: kept.map((m) => ({ ...m, prerequisites: m.prerequisites.filter((p) => keys.has(p)) })) });
    return { ok: true };
  });
}

// ---------- the draft outline ----------

async function readOutline(client: Client, courseId: string): Promise<Outline> {
  const row = await client.courseDraft.findUnique({ where: { courseId }, select: { outline: true } });
  if (row) {
    try {
      const checked = checkOutline(JSON.parse(row.outline));
      if (checked.ok) return checked.outline;
    } catch {
      // an unreadable draft is rebuilt from the documents below
    }
  }
  return proposeOutline(parseCurrent(await currentDocuments(client, courseId)));
}

async function writeOutline(client: Client, courseId: string, outline: Outline): Promise<void> {
  const text = JSON.stringify(outline);
  await client.courseDraft.upsert({ where: { courseId }, create: { courseId, outline: text }, update: { outline: text } });
}

export async function saveOutline(db: Db, courseId: string, raw: unknown): Promise<AuthoringResult> {
  const checked = checkOutline(raw);
  if (!checked.ok) return { ok: false, error: checked.error };
  await writeOutline(db, courseId, checked.outline);
  return { ok: true };
}

export interface Draft {
  course: { id: string; key: string; title: string; description: string; status: string; requireApproval: boolean; publishedAt: Date | null };
  documents: CurrentDocument[];
  parsed: ParsedDocument[];
  outline: Outline;
}

export async function loadDraft(client: Client, courseId: string): Promise<Draft | null> {
  const course = await client.course.findUnique({
    where: { id: courseId },
    select: { id: true, key: true, title: true, description: true, status: true, requireApproval: true, publishedAt: true },
  });
  if (!course) return null;
  const documents = await currentDocuments(client, courseId);
  const parsed = parseCurrent(documents);
  const stored = await readOutline(client, courseId);
  // A draft saved before its documents changed is brought up to date with them.
  const outline = reconcileOutline(stored, parsed);
  return { course, documents, parsed, outline };
}

export interface DraftBuild {
  course: Course;
  cards: GeneratedCard[];
}

function withModuleKeys(course: Course, cards: readonly GeneratedCard[]): GeneratedCard[] {
  const moduleOf = new Map(course.modules.flatMap((m) => m.lessons.map((l) => [l.key, m.key] as const)));
  return cards.map((c) => ({ ...c, moduleKey: moduleOf.get(c.lessonKey) ?? c.moduleKey }));
}

function draftMeta(draft: Draft) {
  return { key: draft.course.key, title: draft.course.title, description: draft.course.description };
}

/** The Course and generated cards publishing would write, freshly generated (the slow part). */
export function buildDraft(draft: Draft): DraftBuild {
  const meta = draftMeta(draft);
  const course = outlineToCourse(draft.outline, draft.parsed, meta);
  return { course, cards: withModuleKeys(course, generateCourseCards(generationCourse(draft.outline, draft.parsed, meta))) };
}

/**
 * The same for previews: the generated cards are kept in the draft row, stamped with a hash of exactly what
 * they are generated from, so paging through lesson previews does not regenerate a long document's cards.
 * Publishing and the diff always generate afresh.
 */
export async function buildDraftForPreview(client: Client, draft: Draft): Promise<DraftBuild> {
  const meta = draftMeta(draft);
  const course = outlineToCourse(draft.outline, draft.parsed, meta);
  const input = generationCourse(draft.outline, draft.parsed, meta);
  const stamp = createHash('sha256').update(JSON.stringify(input)).digest('hex');
  const row = await client.courseDraft.findUnique({ where: { courseId: draft.course.id }, select: { cards: true, cardsStamp: true } });
  if (row?.cards && row.cardsStamp === stamp) {
    try {
      return { course, cards: withModuleKeys(course, JSON.parse(row.cards) as GeneratedCard[]) };
    } catch {
      // regenerate below
    }
  }
  const cards = generateCourseCards(input);
  await client.courseDraft.updateMany({ where: { courseId: draft.course.id }, data: { cards: JSON.stringify(cards), cardsStamp: stamp } });
  return { course, cards: withModuleKeys(course, cards) };
}

// ---------- diff and publish ----------

/** What is in the database now, as plain data for diffCourse (generated cards only). */
export async function currentCourse(client: Client, courseId: string): Promise<CurrentCourse> {
  const [lessons, cards] = await Promise.all([
    client.lesson.findMany({
      where: { module: { courseId } },
      select: { key: true, title: true, order: true, markdown: true, retiredAt: true, module: { select: { key: true, retiredAt: true } } },
    }),
    client.card.findMany({
      where: { lesson: { module: { courseId } }, origin: 'generated' },
      select: { key: true, type: true, front: true, back: true, retiredAt: true, lesson: { select: { key: true } } },
    }),
  ]);
  return {
    lessons: lessons.map((l) => ({
      key: l.key,
      moduleKey: l.module.key,
      title: l.title,
      order: l.order,
      markdown: l.markdown,
      retired: l.retiredAt !== null || l.module.retiredAt !== null,
    })),
    cards: cards.map((c) => ({ lessonKey: c.lesson.key, key: c.key, type: c.type, front: c.front, back: c.back, retired: c.retiredAt !== null })),
  };
}

export async function diffDraft(db: Db, courseId: string): Promise<{ draft: Draft; build: DraftBuild; diff: CourseDiff } | null> {
  const draft = await loadDraft(db, courseId);
  if (!draft) return null;
  const build = buildDraft(draft);
  return { draft, build, diff: diffCourse(await currentCourse(db, courseId), build.course, build.cards) };
}

export interface PublishReport {
  sync: SyncReport;
  instructorCards: { created: number; updated: number; retired: number };
}

/**
 * Publishes the draft: the sync writes modules, lessons and generated cards by stable keys (retiring what is
 * gone, keeping every learner's progress and history), the instructor's own cards follow the outline, and the
 * course becomes visible. Everything in one transaction.
 */
export async function publishDraft(db: Db, courseId: string, now = new Date()): Promise<AuthoringResult<{ report: PublishReport }>> {
  const draft = await loadDraft(db, courseId);
  if (!draft) return COURSE_NOT_FOUND;
  if (draft.outline.modules.length === 0) return { ok: false, error: 'Upload a document first: the course has no lessons yet.' };
  const build = buildDraft(draft);
  const instructorCards = { created: 0, updated: 0, retired: 0 };
  const sync = await syncCourse(db, build.course, build.cards, now, {
    newCardApproval: draft.course.requireApproval ? 'pending' : 'approved',
    within: async (tx) => {
      await writeOutline(tx, courseId, draft.outline);
      const lessons = await tx.lesson.findMany({ where: { module: { courseId } }, select: { id: true, key: true } });
      const lessonId = new Map(lessons.map((l) => [l.key, l.id]));
      const existing = await tx.card.findMany({
        where: { lesson: { module: { courseId } }, origin: 'instructor' },
        select: { id: true, key: true, lessonId: true, front: true, back: true, type: true, retiredAt: true },
      });
      const byKey = new Map(existing.map((c) => [c.key, c]));
      const kept = new Set<string>();
      for (const mod of draft.outline.modules) {
        for (const lesson of mod.lessons) {
          const id = lessonId.get(lesson.key);
          if (!id) continue;
          for (const [i, card] of (lesson.cards ?? []).entries()) {
            kept.add(card.key);
            const data = { lessonId: id, type: card.type, front: card.front, back: card.back, position: 900 + i, retiredAt: null };
            const row = byKey.get(card.key);
            if (!row) {
              await tx.card.create({ data: { ...data, key: card.key, origin: 'instructor', approval: 'approved', source: '', score: 1 } });
              instructorCards.created++;
            } else if (row.lessonId !== id || row.front !== card.front || row.back !== card.back || row.type !== card.type || row.retiredAt) {
              await tx.card.update({ where: { id: row.id }, data });
              instructorCards.updated++;
            }
          }
        }
      }
      for (const row of existing) {
        if (!kept.has(row.key) && !row.retiredAt) {
          await tx.card.update({ where: { id: row.id }, data: { retiredAt: now } });
          instructorCards.retired++;
        }
      }
      await tx.course.update({
        where: { id: courseId },
        data: { status: 'published', ...(draft.course.publishedAt ? {} : { publishedAt: now }) },
      });
    },
  });
  return { ok: true, report: { sync, instructorCards } };
}

// ---------- cards on a published course ----------

export type Approval = 'approved' | 'rejected' | 'pending';

/** Approve or reject a generated card of this course. */
export async function setCardApproval(db: Db, courseId: string, cardId: string, approval: Approval): Promise<AuthoringResult> {
  const res = await db.card.updateMany({
    where: { id: cardId, origin: 'generated', lesson: { module: { courseId } } },
    data: { approval },
  });
  return res.count === 1 ? { ok: true } : { ok: false, error: 'That card is not part of this course.' };
}

/** Cards of the course for the instructor's review (shared cards only, never learners' private ones). */
export async function courseCards(client: Client, courseId: string, filter: { approval?: Approval } = {}) {
  return client.card.findMany({
    where: { lesson: { module: { courseId }, retiredAt: null }, retiredAt: null, ownerId: null, ...(filter.approval ? { approval: filter.approval } : {}) },
    orderBy: [{ lesson: { module: { order: 'asc' } } }, { lesson: { order: 'asc' } }, { position: 'asc' }],
    select: {
      id: true,
      type: true,
      front: true,
      back: true,
      editedFront: true,
      editedBack: true,
      origin: true,
      approval: true,
      suspended: true,
      lesson: { select: { key: true, title: true } },
    },
  });
}

/**
 * A learner's private card on a lesson they can see (a live lesson of a published course): only they see
 * and review it, from now on.
 */
export async function addPrivateCard(
  db: Db,
  userId: string,
  lessonId: string,
  input: { type: 'basic' | 'cloze'; front: string; back: string },
  now = new Date(),
): Promise<AuthoringResult<{ cardId: string }>> {
  return db.$transaction(async (tx) => {
    const lesson = await tx.lesson.findFirst({
      where: { id: lessonId, retiredAt: null, module: { retiredAt: null, course: { status: 'published' } } },
      select: { id: true, order: true, module: { select: { order: true } } },
    });
    if (!lesson) return { ok: false, error: 'This lesson is not available.' };
    const count = await tx.card.count({ where: { lessonId, ownerId: userId } });
    if (count >= 200) return { ok: false, error: 'You have 200 private cards on this lesson already.' };
    const card = await tx.card.create({
      data: {
        lessonId,
        key: randomCardKey('p'),
        type: input.type,
        front: input.front,
        back: input.back,
        source: '',
        origin: 'learner',
        approval: 'approved',
        ownerId: userId,
        position: 950,
      },
      select: { id: true },
    });
    await tx.cardState.create({
      data: {
        userId,
        cardId: card.id,
        ...stateColumns(newCardState(now)),
        addedAt: now,
        sortKey: lesson.module.order * 1_000_000 + lesson.order * 1_000 + 999,
      },
    });
    return { ok: true, cardId: card.id };
  });
}

/** A learner's own private cards on a lesson. */
export async function privateCards(client: Client, userId: string, lessonId: string) {
  return client.card.findMany({
    where: { lessonId, ownerId: userId, retiredAt: null },
    orderBy: { createdAt: 'asc' },
    select: { id: true, type: true, front: true, back: true },
  });
}

export async function deletePrivateCard(db: Db, userId: string, cardId: string): Promise<AuthoringResult> {
  const res = await db.card.deleteMany({ where: { id: cardId, ownerId: userId, origin: 'learner' } });
  return res.count === 1 ? { ok: true } : { ok: false, error: 'That card is not yours.' };
}
