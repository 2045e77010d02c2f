import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/session';
import { getLearnerAssignments, getLearnerClasses } from '@/lib/data/classes';
import { JoinClassForm } from '@/components/classes/forms';
import { AssignmentList } from '@/components/classes/assignment-list';

export const metadata: Metadata = { title: 'Classes' };

export default async function ClassesPage() {
  const user = await requireUser('/classes');
  const [classes, assignments] = await Promise.all([getLearnerClasses(user.id), getLearnerAssignments(user.id)]);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">Classes</h1>
      <section className="card space-y-3" aria-labelledby="join-h">
        <h2 id="join-h" className="text-lg font-semibold">Join a class</h2>
        <JoinClassForm />
      </section>
      <section className="card space-y-3" aria-labelledby="mine-h">
        <h2 id="mine-h" className="text-lg font-semibold">Your classes</h2>
        {classes.length === 0 ? <p className="text-sm text-muted">You are not in a class yet.</p> : (
          <ul className="list-disc pl-5 text-sm">
            {classes.map((c) => <li key={c.id}>{c.name} <span className="text-muted">· {c.instructor.name}</span></li>)}
          </ul>
        )}
      </section>
      {assignments.length > 0 && (
        <section className="card space-y-3" aria-labelledby="assigned-h">
          <h2 id="assigned-h" className="text-lg font-semibold">Assigned to you</h2>
          <AssignmentList items={assignments} />
        </section>
      )}
    </div>
  );
}
