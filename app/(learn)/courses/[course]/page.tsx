import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/session';
import { getCourseOutline } from '@/lib/data/course';
import { ProgressBar } from '@/components/ui/progress-bar';
import { EnrollButton } from '@/components/courses/enroll-button';

export const metadata: Metadata = { title: 'Course' };

export default async function CoursePage({ params }: { params: Promise<{ course: string }> }) {
  const { course: courseKey } = await params;
  const user = await requireUser(`/courses/${encodeURIComponent(courseKey)}`);
  const course = await getCourseOutline(user.id, courseKey);
  if (!course) notFound();

  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <nav aria-label="Breadcrumb" className="text-sm text-muted">
          <Link className="link" href="/courses">Courses</Link>
        </nav>
        <h1 className="text-3xl font-bold tracking-tight">{course.title}</h1>
        {course.status === 'draft' && <p className="badge">Draft: only you and your co-instructors see it</p>}
        {course.status === 'personal' && <p className="badge">Your private deck: only you see it</p>}
        {course.description && <p className="max-w-3xl text-muted">{course.description}</p>}
        <ProgressBar done={course.done} total={course.total} label="Course progress" />
        <div className="flex flex-wrap items-center gap-3">
          {course.nextLesson && (
            <Link className="btn-primary" href={course.nextLesson.href}>
              {course.done === 0 ? 'Start the course' : 'Continue'}: {course.nextLesson.title}
            </Link>
          )}
          {course.status === 'published' && !course.enrolled && <EnrollButton courseId={course.id} courseTitle={course.title} />}
        </div>
      </header>
      <ol className="space-y-5" aria-label="Modules">
        {course.modules.map((m, i) => (
          <li key={m.key} className={`card ${m.locked ? 'border-dashed' : ''}`} aria-labelledby={`module-${m.key}`}>
            <div className="mb-3 flex flex-wrap items-baseline gap-2">
              <span className="text-sm font-semibold text-muted">Module {i + 1}</span>
              <h2 id={`module-${m.key}`} className="text-xl font-semibold">{m.title}</h2>
              {m.locked && (
                <span className="badge" title="Finish the prerequisites first; you can still preview it.">
                  🔒 Locked · needs {m.prerequisites.map((p) => p.title).join(', ')}
                </span>
              )}
            </div>
            {m.description && <p className="mb-3 text-sm text-muted">{m.description}</p>}
            <ProgressBar done={m.done} total={m.total} label={`${m.title} progress`} />
            <ol className="mt-4 divide-y divide-border">
              {m.lessons.map((l) => (
                <li key={l.key} className="flex items-center gap-3 py-2">
                  <span aria-hidden className={`grid h-6 w-6 shrink-0 place-items-center rounded-full border text-xs ${l.completed ? 'border-success bg-success text-white' : 'border-border'}`}>
                    {l.completed ? '✓' : ''}
                  </span>
                  <Link href={l.href} className="link grow no-underline hover:underline">
                    {l.title}
                    <span className="sr-only">{l.completed ? ' (completed)' : ''}</span>
                  </Link>
                  <span className="shrink-0 text-xs text-muted">{Math.max(1, Math.round(l.words / 200))} min</span>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </div>
  );
}
