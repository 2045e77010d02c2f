import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { getLessonPreview, teachCoursePath } from '@/lib/data/authoring';
import { AddCardForm } from '@/components/courses/course-forms';
import { ApprovalButtons, RemoveOwnCardButton } from '@/components/courses/card-actions';
import { cardTextPlain } from '@/lib/cards/media';

export const metadata: Metadata = { title: 'Lesson preview' };

const APPROVAL_LABEL: Record<string, string> = { approved: 'Approved', pending: 'Waiting for approval', rejected: 'Rejected' };

export default async function LessonPreviewPage({ params }: { params: Promise<{ course: string; lesson: string[] }> }) {
  const { course: courseKey, lesson: parts } = await params;
  const key = parts.map((p) => decodeURIComponent(p)).join('/');
  const page = await getLessonPreview(courseKey, key);
  if (!page) notFound();
  const base = teachCoursePath(page.course.key);
  const href = (k: string) => `${base}/lessons/${k.split('/').map(encodeURIComponent).join('/')}`;
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-muted">
        <Link className="link" href={base}>{page.course.title}</Link>
        <span aria-hidden> / </span>
        <span>{page.module.title}</span>
      </nav>
      <header className="space-y-1">
        <p className="text-sm text-muted">Preview — as learners will see it after publishing</p>
        <h1 className="text-2xl font-bold">{page.lesson.title}</h1>
        <p className="text-sm text-muted">{page.lesson.words} words · from {page.lesson.source}{page.liveHref ? ' · ' : ''}{page.liveHref && <Link className="link" href={page.liveHref}>published version</Link>}</p>
      </header>
      <article className="card lesson-body prose prose-slate max-w-none dark:prose-invert" aria-label="Lesson text" dangerouslySetInnerHTML={{ __html: page.lesson.html }} />

      <section className="card space-y-3" aria-labelledby="generated-h">
        <h2 id="generated-h" className="text-lg font-semibold">Generated cards ({page.generated.length})</h2>
        {page.generated.length === 0 ? (
          <p className="text-sm text-muted">No cards were generated from this lesson.</p>
        ) : (
          <ul className="divide-y divide-border">
            {page.generated.map((c) => (
              <li key={c.key} className="space-y-1 py-2">
                <p><span className="badge mr-2">{c.type}</span>{cardTextPlain(c.front)}</p>
                <p className="text-sm text-muted">Answer: {c.back}</p>
                {c.published ? (
                  <div className="flex flex-wrap items-center gap-2 text-sm">
                    <span>{APPROVAL_LABEL[c.published.approval] ?? c.published.approval}</span>
                    <ApprovalButtons courseId={page.course.id} cardId={c.published.id} approval={c.published.approval} label={cardTextPlain(c.front)} />
                  </div>
                ) : (
                  <p className="text-xs text-muted">New: created when you publish{page.course.requireApproval ? ', then waits for your approval' : ''}.</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card space-y-3" aria-labelledby="own-h">
        <h2 id="own-h" className="text-lg font-semibold">Your cards ({page.own.length})</h2>
        {page.own.length > 0 && (
          <ul className="divide-y divide-border">
            {page.own.map((c) => (
              <li key={c.key} className="flex flex-wrap items-center gap-3 py-2">
                <span className="mr-auto"><span className="badge mr-2">{c.type}</span>{cardTextPlain(c.front)} — <span className="text-muted">{cardTextPlain(c.back)}</span></span>
                <RemoveOwnCardButton courseId={page.course.id} cardKey={c.key} label={cardTextPlain(c.front)} />
              </li>
            ))}
          </ul>
        )}
        <AddCardForm target="instructor" courseId={page.course.id} lesson={page.lesson.key} />
      </section>

      <nav aria-label="Lessons" className="flex flex-wrap justify-between gap-3">
        {page.prev ? <Link className="btn-secondary" href={href(page.prev.key)}>← {page.prev.title}</Link> : <span />}
        {page.next && <Link className="btn-secondary" href={href(page.next.key)}>{page.next.title} →</Link>}
      </nav>
    </div>
  );
}
