import Link from 'next/link';
import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/session';
import { getContinueTarget, getDefaultCourseKey } from '@/lib/data/course';
import { ProgressBar } from '@/components/ui/progress-bar';
import { getLearnerAssignments } from '@/lib/data/classes';
import { AssignmentList } from '@/components/classes/assignment-list';
import { db } from '@/lib/db';
import { reviewCounts } from '@/lib/review/service';

export const metadata: Metadata = { title: 'Home' };

export default async function HomePage() {
  const user = await requireUser('/home');
  const [target, courseKey, assignments, reviews] = await Promise.all([
    getContinueTarget(user.id),
    getDefaultCourseKey(),
    getLearnerAssignments(user.id),
    reviewCounts(db, user.id, new Date()),
  ]);
  const dueToday = reviews.new + reviews.learning + reviews.review;
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
          <AssignmentList items={assignments} timeZone={user.timeZone} />
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
