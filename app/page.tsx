import Link from 'next/link';
import { getCurrentUser } from '@/lib/auth/session';
import { getCourseSummaries } from '@/lib/data/course-summary';

export default async function LandingPage() {
  const [user, courses] = await Promise.all([getCurrentUser(), getCourseSummaries()]);
  // One course: the landing page is about it; several: a list of them.
  const course = courses.length === 1 ? courses[0] : undefined;
  return (
    <div className="space-y-10 py-6">
      <section className="space-y-4">
        <p className="badge">Course · flashcards · spaced repetition</p>
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{course?.title ?? 'Learn it once. Remember it for good.'}</h1>
        <p className="max-w-2xl text-lg text-muted">
          {course?.description ||
            'Read the course lesson by lesson, then keep what you learned with flashcards scheduled by FSRS, a modern spaced-repetition algorithm.'}
        </p>
        <div className="flex flex-wrap gap-3">
          {user ? (
            <Link href="/home" className="btn-primary">Go to your home</Link>
          ) : (
            <>
              <Link href="/signup" className="btn-primary">Start learning</Link>
              <Link href="/signin" className="btn-secondary">Sign in</Link>
            </>
          )}
        </div>
      </section>
      {course && (
        <section aria-labelledby="outline" className="card">
          <h2 id="outline" className="mb-3 text-lg font-semibold">What the course covers</h2>
          <ol className="list-decimal space-y-1 pl-5">
            {course.modules.map((m) => (
              <li key={m.key}>
                <span className="font-medium">{m.title}</span>{' '}
                <span className="text-sm text-muted">· {m.lessonCount} lessons</span>
              </li>
            ))}
          </ol>
        </section>
      )}
      {courses.length > 1 && (
        <section aria-labelledby="courses" className="card">
          <h2 id="courses" className="mb-3 text-lg font-semibold">Courses</h2>
          <ul className="space-y-2">
            {courses.map((c) => (
              <li key={c.key}>
                <span className="font-medium">{c.title}</span>{' '}
                <span className="text-sm text-muted">· {c.modules.length} modules · {c.modules.reduce((n, m) => n + m.lessonCount, 0)} lessons</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="grid gap-4 sm:grid-cols-3">
        {[
          ['Follow a course', 'Modules and lessons in a sensible order, with your progress saved.'],
          ['Review with FSRS', 'Flashcards from each lesson, scheduled when you are about to forget them.'],
          ['Learn in a class', 'Instructors assign modules with due dates and see how everyone is doing.'],
        ].map(([title, text]) => (
          <div key={title} className="card">
            <h2 className="font-semibold">{title}</h2>
            <p className="mt-1 text-sm text-muted">{text}</p>
          </div>
        ))}
      </section>
    </div>
  );
}
