// Reads for the instructor's authoring pages. Every function first checks the signed-in user's right to the
// course (lib/courses/access: a draft of someone else is a 404, their published course a 403).
import 'server-only';
import { db } from '@/lib/db';
import { requireCourseInstructor } from '@/lib/courses/access';
import { buildDraftForPreview, courseCards, diffDraft, loadDraft, privateCards, type Approval } from '@/lib/courses/authoring';
import { lessonTitle } from '@/lib/courses/outline';
import { renderLesson } from '@/lib/data/render';
import { lessonHref } from '@/lib/course-urls';

export function teachCoursePath(courseKey: string, rest = ''): string {
  return `/teach/courses/${encodeURIComponent(courseKey)}${rest}`;
}

/** The course workspace: details, documents and the draft outline. */
export async function getCourseWorkspace(courseKey: string) {
  const access = await requireCourseInstructor({ key: courseKey }, { returnTo: teachCoursePath(courseKey) });
  const draft = await loadDraft(db, access.course.id);
  if (!draft) return null;
  return {
    access,
    course: draft.course,
    documents: draft.documents.map((d) => ({ name: d.name, version: d.version, mediaType: d.mediaType, bytes: d.bytes, uploadedAt: d.uploadedAt })),
    issues: draft.parsed.flatMap((p) => p.issues),
    outline: draft.outline,
    modules: draft.outline.modules.map((m) => ({
      key: m.key,
      title: m.title,
      prerequisites: m.prerequisites,
      lessons: m.lessons.map((l) => ({ key: l.key, title: lessonTitle(l), heading: l.heading, source: l.source, cards: l.cards?.length ?? 0 })),
    })),
  };
}

/** One lesson of the draft as learners will see it, with the cards publishing would give it. */
export async function getLessonPreview(courseKey: string, lessonKey: string) {
  const access = await requireCourseInstructor({ key: courseKey }, { returnTo: teachCoursePath(courseKey) });
  const draft = await loadDraft(db, access.course.id);
  if (!draft) return null;
  const build = await buildDraftForPreview(db, draft);
  const mod = build.course.modules.find((m) => m.lessons.some((l) => l.key === lessonKey));
  const lesson = mod?.lessons.find((l) => l.key === lessonKey);
  const entry = draft.outline.modules.flatMap((m) => m.lessons).find((l) => l.key === lessonKey);
  if (!mod || !lesson || !entry) return null;
  const published = await db.card.findMany({
    where: { lesson: { key: lessonKey, module: { courseId: access.course.id } }, origin: 'generated', retiredAt: null },
    select: { id: true, key: true, approval: true },
  });
  const approvalOf = new Map(published.map((c) => [c.key, { id: c.id, approval: c.approval }]));
  const all = build.course.modules.flatMap((m) => m.lessons);
  const index = all.findIndex((l) => l.key === lessonKey);
  return {
    access,
    course: draft.course,
    module: { key: mod.key, title: mod.title },
    lesson: { key: lesson.key, title: lesson.title, html: renderLesson(lesson.markdown), words: lesson.words, source: lesson.sourceFile },
    generated: build.cards
      .filter((c) => c.lessonKey === lessonKey)
      .map((c) => ({ key: c.key, type: c.type, front: c.front, back: c.back, published: approvalOf.get(c.key) ?? null })),
    own: entry.cards ?? [],
    prev: all[index - 1] ?? null,
    next: all[index + 1] ?? null,
    liveHref: draft.course.status === 'published' ? lessonHref(draft.course.key, mod.key, lesson.key) : null,
  };
}

/** What publishing would change, compared with what learners have now. */
export async function getPublishPreview(courseKey: string) {
  const access = await requireCourseInstructor({ key: courseKey }, { returnTo: teachCoursePath(courseKey, '/publish') });
  const result = await diffDraft(db, access.course.id);
  if (!result) return null;
  const titles = new Map(result.build.course.modules.flatMap((m) => m.lessons.map((l) => [l.key, l.title] as const)));
  return { access, course: result.draft.course, diff: result.diff, lessonTitle: (key: string) => titles.get(key) ?? key };
}

/** The course's published shared cards, for approving or rejecting generated ones. */
export async function getApprovalCards(courseKey: string, approval?: Approval) {
  const access = await requireCourseInstructor({ key: courseKey }, { returnTo: teachCoursePath(courseKey, '/approve') });
  const cards = await courseCards(db, access.course.id, approval ? { approval } : {});
  const course = await db.course.findUniqueOrThrow({ where: { id: access.course.id }, select: { title: true, requireApproval: true, status: true } });
  return { access, course, cards };
}

/** A learner's own private cards on a lesson (only theirs). */
export async function getPrivateCards(userId: string, lessonId: string) {
  return privateCards(db, userId, lessonId);
}
