import Link from 'next/link';
import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/session';
import { getHome } from '@/lib/data/home';
import { ProgressBar } from '@/components/ui/progress-bar';
import { AssignmentList } from '@/components/classes/assignment-list';
import { getLearnerForecasts } from '@/lib/data/classes';

export const metadata: Metadata = { title: 'Home' };

export default async function HomePage() {
  const user = await requireUser('/home');
  const [{ courses, assignments, dueToday, catalogueSize }, forecasts] = await Promise.all([getHome(user.id), getLearnerForecasts(user.id)]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Welcome, {user.name}</h1>
        <p className="mt-1 text-muted">
          Signed in as {user.email} · <span className="badge" data-testid="role">{user.role}</span>
        </p>
      </div>
      <section className="space-y-3" aria-labelledby="courses-heading">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="courses-heading" className="text-lg font-semibold">Your courses</h2>
          <Link className="link text-sm" href="/courses">Browse all courses</Link>
        </div>
        {courses.length === 0 ? (
          <div className="card space-y-2">
            {catalogueSize > 0 ? (
              <>
                <p>You are not enrolled in a course yet.</p>
                <Link className="btn-primary" href="/courses">Find a course</Link>
              </>
            ) : (
              <p className="text-muted">No course has been published yet. An operator can import one with <code>npm run content:sync</code>.</p>
            )}
          </div>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2">
            {courses.map((c) => (
              <li key={c.key} className="card space-y-3" aria-labelledby={`course-${c.key}`}>
                <h3 id={`course-${c.key}`} className="font-semibold">
                  <Link className="link no-underline hover:underline" href={`/courses/${encodeURIComponent(c.key)}`}>{c.title}</Link>
                </h3>
                <ProgressBar done={c.done} total={c.total} label={`${c.title} progress`} />
                {c.next ? (
                  <Link className="btn-primary" href={c.next.href}>
                    {c.fresh ? 'Start' : 'Continue'}: {c.next.title}
                  </Link>
                ) : (
                  <p className="text-sm">You finished this course 🎉</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card flex flex-wrap items-center justify-between gap-3" aria-labelledby="reviews-heading">
        <div>
          <h2 id="reviews-heading" className="text-lg font-semibold">Reviews</h2>
          <p className="text-sm text-muted" data-testid="home-due">
            {dueToday > 0 ? `${dueToday} card${dueToday === 1 ? '' : 's'} to review today` : 'Nothing due right now'}
          </p>
        </div>
        <Link className={dueToday > 0 ? 'btn-primary' : 'btn-secondary'} href="/review">Start reviewing</Link>
      </section>
      {assignments.length > 0 && (
        <section className="card space-y-3" aria-labelledby="assigned-heading">
          <h2 id="assigned-heading" className="text-lg font-semibold">Assigned to you</h2>
          <AssignmentList items={assignments} timeZone={user.timeZone} forecasts={forecasts} />
        </section>
      )}
    </div>
  );
}
