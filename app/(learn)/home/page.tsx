import Link from 'next/link';
import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/session';
import { getContinueTarget, getDefaultCourseKey } from '@/lib/data/course';
import { ProgressBar } from '@/components/ui/progress-bar';

export const metadata: Metadata = { title: 'Home' };

export default async function HomePage() {
  const user = await requireUser('/home');
  const [target, courseKey] = await Promise.all([getContinueTarget(user.id), getDefaultCourseKey()]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Welcome, {user.name}</h1>
        <p className="mt-1 text-muted">
          Signed in as {user.email} · <span className="badge" data-testid="role">{user.role}</span>
        </p>
      </div>
      {target ? (
        <section className="card space-y-3" aria-labelledby="continue-heading">
          <h2 id="continue-heading" className="text-lg font-semibold">
            {target.fresh ? 'Start the course' : 'Continue where you left off'}
          </h2>
          <p className="text-muted">{target.courseTitle}</p>
          <ProgressBar done={target.done} total={target.total} label="Course progress" />
          <Link className="btn-primary" href={target.lesson.href}>
            {target.fresh ? 'Start' : 'Continue'}: {target.lesson.title}
          </Link>
        </section>
      ) : courseKey ? (
        <section className="card space-y-2">
          <h2 className="text-lg font-semibold">You finished the course 🎉</h2>
          <Link className="link" href={`/courses/${encodeURIComponent(courseKey)}`}>See the course outline</Link>
        </section>
      ) : (
        <section className="card">
          <h2 className="text-lg font-semibold">No course has been imported yet</h2>
          <p className="text-muted">An operator can import one with <code>npm run content:sync</code>.</p>
        </section>
      )}
      {courseKey && (
        <p>
          <Link className="link" href={`/courses/${encodeURIComponent(courseKey)}`}>Course outline</Link>
        </p>
      )}
    </div>
  );
}
