import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/session';
import { getLessonPage, recordLessonView } from '@/lib/data/course';
import { renderLesson } from '@/lib/data/render';
import { CompleteButton } from '@/components/course/complete-button';
import { PrivateCards } from '@/components/courses/private-cards';

type Params = { course: string; module: string; lesson: string };

export const metadata: Metadata = { title: 'Lesson' };

export default async function LessonPage({ params }: { params: Promise<Params> }) {
  const p = await params;
  const path = `/courses/${encodeURIComponent(p.course)}/${encodeURIComponent(p.module)}/${encodeURIComponent(p.lesson)}`;
  const user = await requireUser(path);
  const page = await getLessonPage(user.id, p.course, p.module, p.lesson);
  if (!page) notFound();
  await recordLessonView(user.id, page);
  const html = renderLesson(page.lesson.markdown);
  const minutes = Math.max(1, Math.round(page.lesson.words / 200));

  return (
    <article className="mx-auto max-w-3xl space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-muted">
        <Link className="link" href={`/courses/${encodeURIComponent(page.course.key)}`}>{page.course.title}</Link>
        <span aria-hidden> / </span>
        <span>{page.module.title}</span>
      </nav>
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">{page.lesson.title}</h1>
        <p className="text-sm text-muted">
          {minutes} min read · Lesson {page.position.index + 1} of {page.position.count}
          {page.lesson.completed && <span className="ml-2 badge">Completed</span>}
        </p>
        {page.module.locked && (
          <p className="rounded-lg border border-warning/40 bg-warning/10 px-3 py-2 text-sm">
            Preview: this module builds on {page.module.prerequisites.map((m) => m.title).join(', ')}, which you haven’t finished yet.
          </p>
        )}
      </header>
      <div className="lesson-body prose prose-slate max-w-none dark:prose-invert" dangerouslySetInnerHTML={{ __html: html }} />
      <footer className="space-y-6 border-t border-border pt-6">
        {page.lesson.cardCount > 0 && (
          <p className="text-sm text-muted">
            {page.lesson.completed
              ? `This lesson's ${page.lesson.cardCount} flashcards are in your reviews.`
              : `Completing this lesson adds its ${page.lesson.cardCount} flashcard${page.lesson.cardCount === 1 ? '' : 's'} to your reviews.`}
          </p>
        )}
        <CompleteButton lessonId={page.lesson.id} completed={page.lesson.completed} nextHref={page.next?.href ?? null} />
        <PrivateCards userId={user.id} lessonId={page.lesson.id} />
        <nav aria-label="Lessons" className="flex flex-wrap justify-between gap-3">
          {page.prev ? (
            <Link className="btn-secondary" href={page.prev.href} rel="prev">← {page.prev.title}</Link>
          ) : <span />}
          {page.next && (
            <Link className="btn-secondary" href={page.next.href} rel="next">{page.next.title} →</Link>
          )}
        </nav>
      </footer>
    </article>
  );
}
