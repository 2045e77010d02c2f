import Link from 'next/link';
import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/session';
import { getCatalogue } from '@/lib/data/course';
import { EnrollButton } from '@/components/courses/enroll-button';

export const metadata: Metadata = { title: 'Courses' };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export default async function CataloguePage() {
  const user = await requireUser('/courses');
  const courses = await getCatalogue(user.id);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Courses</h1>
        <p className="mt-1 text-muted">Open a course to look inside, or enrol to follow it from your home page.</p>
      </div>
      {courses.length === 0 ? (
        <div className="card">
          <h2 className="text-lg font-semibold">No course yet</h2>
          <p className="mt-2 text-muted">No course has been published. An operator can import one with <code>npm run content:sync</code>.</p>
        </div>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2" aria-label="Published courses">
          {courses.map((c) => (
            <li key={c.id} className="card flex flex-col gap-3" aria-labelledby={`catalogue-${c.id}`}>
              <div className="space-y-1">
                <h2 id={`catalogue-${c.id}`} className="text-lg font-semibold">{c.title}</h2>
                {c.instructor && <p className="text-sm text-muted">by {c.instructor}</p>}
              </div>
              {c.description && <p className="line-clamp-4 text-sm">{c.description}</p>}
              <p className="text-sm text-muted" data-testid="catalogue-counts">
                {plural(c.modules, 'module')} · {plural(c.lessons, 'lesson')} · {plural(c.cards, 'card')}
              </p>
              <div className="mt-auto flex flex-wrap items-center gap-3">
                <Link className="btn-secondary" href={`/courses/${encodeURIComponent(c.key)}`}>
                  Open<span className="sr-only"> {c.title}</span>
                </Link>
                {c.enrolled ? <span className="badge">Enrolled</span> : <EnrollButton courseId={c.id} courseTitle={c.title} />}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
