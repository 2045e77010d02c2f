import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/session';
import { getLearnerAssignments, getLearnerClasses, getLearnerForecasts } from '@/lib/data/classes';
import { JoinClassForm, LeaveClassButton } from '@/components/classes/learner-forms';
import { AssignmentList } from '@/components/classes/assignment-list';

export const metadata: Metadata = { title: 'Classes' };

export default async function ClassesPage() {
  const user = await requireUser('/classes');
  const [classes, assignments, forecasts] = await Promise.all([getLearnerClasses(user.id), getLearnerAssignments(user.id), getLearnerForecasts(user.id)]);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">Classes</h1>
      <section className="card space-y-3" aria-labelledby="join-h">
        <h2 id="join-h" className="text-lg font-semibold">Join a class</h2>
        <JoinClassForm />
      </section>
      <section className="card space-y-3" aria-labelledby="mine-h">
        <h2 id="mine-h" className="text-lg font-semibold">Your classes</h2>
        {classes.length === 0 ? (
          <p className="text-sm text-muted">You are not in a class yet.</p>
        ) : (
          <ul className="divide-y divide-border">
            {classes.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-2 py-3 first:pt-0 last:pb-0">
                <div>
                  <p className="font-medium">{c.name}</p>
                  <p className="text-sm text-muted">
                    {c.instructor.name} · {c._count.assignments} assignment{c._count.assignments === 1 ? '' : 's'}
                  </p>
                </div>
                <LeaveClassButton classId={c.id} className={c.name} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card space-y-3" aria-labelledby="assigned-h">
        <h2 id="assigned-h" className="text-lg font-semibold">Assigned to you</h2>
        {assignments.length === 0 ? (
          <p className="text-sm text-muted">Nothing is assigned to you yet.</p>
        ) : (
          <AssignmentList items={assignments} timeZone={user.timeZone} forecasts={forecasts} />
        )}
      </section>
    </div>
  );
}
