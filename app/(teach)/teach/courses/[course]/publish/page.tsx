import { CourseTeachNav } from '@/components/teach/course-nav';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { getPublishPreview } from '@/lib/data/authoring';
import { PublishButton } from '@/components/courses/course-forms';
import type { CardDiffEntry, LessonDiffEntry } from '@/lib/courses/diff';
import { cardTextPlain } from '@/lib/cards/media';

export const metadata: Metadata = { title: 'Review changes' };

const CHANGE: Record<string, string> = { title: 'renamed', text: 'text changed', moved: 'moved' };

function LessonList({ title, items }: { title: string; items: LessonDiffEntry[] }) {
  if (items.length === 0) return null;
  return (
    <div>
      <h3 className="font-semibold">{title} ({items.length})</h3>
      <ul className="list-disc pl-5 text-sm">
        {items.map((l) => (
          <li key={l.key}>
            {l.title}
            {l.restored ? ' (back again)' : ''}
            {l.changes ? ` — ${l.changes.map((c) => CHANGE[c] ?? c).join(', ')}` : ''}
            {l.previousTitle ? ` (was “${l.previousTitle}”)` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}

function CardList({ title, items, lessonTitle }: { title: string; items: CardDiffEntry[]; lessonTitle: (key: string) => string }) {
  if (items.length === 0) return null;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-semibold">{title} ({items.length})</summary>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {items.map((c) => (
          <li key={`${c.lessonKey}-${c.key}`}>
            {cardTextPlain(c.front)} — <span className="text-muted">{cardTextPlain(c.back)}</span>
            {c.previous ? <span className="text-muted"> (was: {c.previous.front} — {c.previous.back})</span> : null}
            <span className="text-muted"> · {lessonTitle(c.lessonKey)}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

export default async function PublishPage({ params }: { params: Promise<{ course: string }> }) {
  const { course: courseKey } = await params;
  const page = await getPublishPreview(courseKey);
  if (!page) notFound();
  const { diff, course } = page;
  const draft = course.status === 'draft';
  return (
    <div className="space-y-6">
      <CourseTeachNav course={course} current="publish" />
      <h1 className="text-2xl font-bold">{draft ? 'Review and publish' : 'Review changes before applying'}</h1>
      <section className="card space-y-4" aria-labelledby="diff-h">
        <h2 id="diff-h" className="text-lg font-semibold">What learners will get</h2>
        <p data-testid="diff-summary">
          Lessons: {diff.lessons.added.length} added, {diff.lessons.changed.length} changed, {diff.lessons.retired.length} retired. Cards:{' '}
          {diff.cards.added.length} added, {diff.cards.changed.length} changed, {diff.cards.retired.length} retired.
        </p>
        {diff.empty && !draft && <p className="text-sm text-muted">Generated lessons and cards are as published. Your own cards and course details are applied on publish.</p>}
        <LessonList title="Lessons added" items={diff.lessons.added} />
        <LessonList title="Lessons changed" items={diff.lessons.changed} />
        <LessonList title="Lessons retired" items={diff.lessons.retired} />
        <CardList title="Cards added" items={diff.cards.added} lessonTitle={page.lessonTitle} />
        <CardList title="Cards changed" items={diff.cards.changed} lessonTitle={page.lessonTitle} />
        <CardList title="Cards retired" items={diff.cards.retired} lessonTitle={page.lessonTitle} />
        <p className="text-sm text-muted">Retired lessons and cards are hidden, not deleted: learners keep their progress and review history, and they come back if the content does.</p>
        <PublishButton courseId={course.id} label={draft ? 'Publish course' : 'Apply changes'} />
      </section>
    </div>
  );
}
