// Writes a pipeline result (Course + generated cards) to the database by stable keys, in one transaction.
// Upserts what exists, retires what disappeared (hidden, progress and review history kept), never deletes.
import type { Db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Course } from '@/lib/content/types';
import type { GeneratedCard } from '@/lib/cards/types';
import { matchRekeyed } from '@/lib/cards/identity';

export interface EntityCounts {
  created: number;
  updated: number;
  retired: number;
  restored: number;
}

export interface SyncReport {
  course: { key: string; created: boolean; updated: boolean };
  modules: EntityCounts;
  lessons: EntityCounts;
  cards: EntityCounts;
  /** Total rows written; 0 when the content did not change. */
  changes: number;
}

const zero = (): EntityCounts => ({ created: 0, updated: 0, retired: 0, restored: 0 });

function differs<T extends Record<string, unknown>>(row: T, next: Partial<T>): boolean {
  return Object.entries(next).some(([k, v]) => {
    const current = row[k];
    if (current instanceof Date || v instanceof Date) return String(current) !== String(v);
    return current !== v;
  });
}

export interface SyncOptions {
  /** Approval state of generated cards the sync creates ("pending" when the course requires approval). */
  newCardApproval?: 'approved' | 'pending';
  /** More writes that must commit or roll back with the sync (e.g. publishing a draft). */
  within?: (tx: Prisma.TransactionClient) => Promise<void>;
}

export async function syncCourse(
  db: Db,
  course: Course,
  cards: GeneratedCard[],
  now = new Date(),
  options: SyncOptions = {},
): Promise<SyncReport> {
  const report: SyncReport = {
    course: { key: course.key, created: false, updated: false },
    modules: zero(),
    lessons: zero(),
    cards: zero(),
    changes: 0,
  };
  const cardsByLesson = new Map<string, GeneratedCard[]>();
  for (const card of cards) {
    const list = cardsByLesson.get(card.lessonKey) ?? [];
    list.push(card);
    cardsByLesson.set(card.lessonKey, list);
  }

  await db.$transaction(
    async (tx) => {
      // Course
      let courseRow = await tx.course.findUnique({ where: { key: course.key } });
      if (!courseRow) {
        courseRow = await tx.course.create({ data: { key: course.key, title: course.title, description: course.description } });
        report.course.created = true;
      } else if (differs(courseRow, { title: course.title, description: course.description })) {
        courseRow = await tx.course.update({ where: { id: courseRow.id }, data: { title: course.title, description: course.description } });
        report.course.updated = true;
      }
      const courseId = courseRow.id;

      // Modules
      const existingModules = await tx.module.findMany({ where: { courseId } });
      const moduleByKey = new Map(existingModules.map((m) => [m.key, m]));
      const moduleIds = new Map<string, string>();
      for (const mod of course.modules) {
        const data = {
          title: mod.title,
          description: mod.description,
          order: mod.order,
          prerequisites: JSON.stringify(mod.prerequisites),
          retiredAt: null,
        };
        const row = moduleByKey.get(mod.key);
        if (!row) {
          const created = await tx.module.create({ data: { ...data, courseId, key: mod.key } });
          moduleIds.set(mod.key, created.id);
          report.modules.created++;
        } else {
          moduleIds.set(mod.key, row.id);
          if (differs(row, data)) {
            await tx.module.update({ where: { id: row.id }, data });
            if (row.retiredAt) report.modules.restored++;
            else report.modules.updated++;
          }
        }
      }
      for (const row of existingModules) {
        if (!moduleIds.has(row.key) && !row.retiredAt) {
          await tx.module.update({ where: { id: row.id }, data: { retiredAt: now } });
          report.modules.retired++;
        }
      }

      // Lessons: keys are unique in the course, so a lesson the outline moved to another module keeps its
      // row (and its learners' progress and cards); a live row wins over a retired one with the same key.
      const existingLessons = await tx.lesson.findMany({ where: { module: { courseId } } });
      const lessonByKey = new Map<string, (typeof existingLessons)[number]>();
      for (const l of existingLessons) {
        const seen = lessonByKey.get(l.key);
        if (!seen || (seen.retiredAt && !l.retiredAt)) lessonByKey.set(l.key, l);
      }
      const keptLessonIds = new Set<string>();
      const lessonIds = new Map<string, string>();
      for (const mod of course.modules) {
        const moduleId = moduleIds.get(mod.key)!;
        for (const lesson of mod.lessons) {
          const data = {
            moduleId,
            title: lesson.title,
            order: lesson.order,
            markdown: lesson.markdown,
            words: lesson.words,
            sourceFile: lesson.sourceFile,
            retiredAt: null,
          };
          const row = lessonByKey.get(lesson.key);
          if (!row) {
            const created = await tx.lesson.create({ data: { ...data, key: lesson.key } });
            lessonIds.set(lesson.key, created.id);
            keptLessonIds.add(created.id);
            report.lessons.created++;
          } else {
            lessonIds.set(lesson.key, row.id);
            keptLessonIds.add(row.id);
            if (differs(row, data)) {
              await tx.lesson.update({ where: { id: row.id }, data });
              if (row.retiredAt) report.lessons.restored++;
              else report.lessons.updated++;
            }
          }
        }
      }
      for (const row of existingLessons) {
        if (!keptLessonIds.has(row.id) && !row.retiredAt) {
          await tx.lesson.update({ where: { id: row.id }, data: { retiredAt: now } });
          report.lessons.retired++;
        }
      }

      // Cards (keys unique per lesson); instructor edits and suspensions live in other columns and survive.
      // Only generated cards are the sync's: instructors' and learners' own cards are never retired by it.
      const existingCards = await tx.card.findMany({ where: { lesson: { module: { courseId } }, origin: 'generated' } });
      const cardByPlace = new Map(existingCards.map((c) => [`${c.lessonId}\u0000${c.key}`, c]));
      const keptCardIds = new Set<string>();
      const cardById = new Map(existingCards.map((c) => [c.id, c]));
      for (const [lessonKey, list] of cardsByLesson) {
        const lessonId = lessonIds.get(lessonKey);
        if (!lessonId) throw new Error(`Card generated for unknown lesson "${lessonKey}"`);
        // a card stored under an older key (reworded question, older key formula) keeps its row
        const rekeyed = matchRekeyed(list, existingCards.filter((c) => c.lessonId === lessonId));
        for (const [position, card] of list.entries()) {
          const data = {
            type: card.type,
            front: card.front,
            back: card.back,
            source: card.source,
            anchor: card.anchor,
            position,
            score: card.score,
            retiredAt: null,
          };
          const rekeyedId = rekeyed.get(card.key);
          const row = cardByPlace.get(`${lessonId}\u0000${card.key}`) ?? (rekeyedId ? cardById.get(rekeyedId) : undefined);
          if (!row) {
            const created = await tx.card.create({
              data: { ...data, lessonId, key: card.key, approval: options.newCardApproval ?? 'approved' },
            });
            keptCardIds.add(created.id);
            report.cards.created++;
          } else {
            keptCardIds.add(row.id);
            const next = { ...data, key: card.key };
            if (differs(row, next)) {
              await tx.card.update({ where: { id: row.id }, data: next });
              if (row.retiredAt) report.cards.restored++;
              else report.cards.updated++;
            }
          }
        }
      }
      for (const row of existingCards) {
        if (!keptCardIds.has(row.id) && !row.retiredAt) {
          await tx.card.update({ where: { id: row.id }, data: { retiredAt: now } });
          report.cards.retired++;
        }
      }
      if (options.within) await options.within(tx);
    },
    { timeout: 120_000, maxWait: 10_000 },
  );

  const sum = (c: EntityCounts) => c.created + c.updated + c.retired + c.restored;
  report.changes =
    Number(report.course.created) + Number(report.course.updated) + sum(report.modules) + sum(report.lessons) + sum(report.cards);
  return report;
}

export function formatSyncReport(r: SyncReport): string {
  const f = (name: string, c: EntityCounts) =>
    `  ${name.padEnd(8)} ${c.created} created, ${c.updated} updated, ${c.retired} retired, ${c.restored} restored`;
  return [
    `Course "${r.course.key}": ${r.course.created ? 'created' : r.course.updated ? 'updated' : 'unchanged'}`,
    f('modules', r.modules),
    f('lessons', r.lessons),
    f('cards', r.cards),
    `  ${r.changes} change(s)`,
  ].join('\n');
}
