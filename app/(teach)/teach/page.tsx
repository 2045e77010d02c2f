import Link from 'next/link';
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/session';
import { getCardOverview } from '@/lib/data/teach';
import { getInstructorClasses } from '@/lib/data/classes';
import { CreateClassForm } from '@/components/classes/forms';
import { timeZoneOptions } from '@/components/ui/time-zone-select';

export const metadata: Metadata = { title: 'Teach' };

export default async function TeachPage() {
  const user = await requireRole('instructor', '/teach');
  const [{ course, openFlags }, classes] = await Promise.all([getCardOverview(), getInstructorClasses(user.id)]);
  const cardCount = course?.modules.flatMap((m) => m.lessons).reduce((n, l) => n + l._count.cards, 0) ?? 0;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Teaching</h1>
        <p className="text-muted">Hello {user.name}. Create a class, share its join code, assign modules and follow progress.</p>
      </div>
      <section className="card space-y-4" aria-labelledby="classes-h">
        <h2 id="classes-h" className="text-lg font-semibold">Your classes</h2>
        {classes.length === 0 ? (
          <p className="text-sm text-muted">No classes yet.</p>
        ) : (
          <ul className="divide-y divide-border">
            {classes.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-3 py-2">
                <Link className="link font-medium" href={`/teach/classes/${c.id}`}>{c.name}</Link>
                <span className="text-sm text-muted">{c._count.members} learner{c._count.members === 1 ? '' : 's'} · {c._count.assignments} assignment{c._count.assignments === 1 ? '' : 's'} · {c.timeZone} · code <code>{c.joinCode}</code></span>
              </li>
            ))}
          </ul>
        )}
        <h3 className="font-semibold">New class</h3>
        <CreateClassForm zones={timeZoneOptions(user.timeZone)} defaultZone={user.timeZone} />
      </section>
      <section className="card space-y-2" aria-labelledby="authoring-h">
        <h2 id="authoring-h" className="text-lg font-semibold">Courses</h2>
        <p className="text-sm text-muted">Make a course from your own documents: upload, arrange the outline, preview lessons and cards, publish.</p>
        <Link className="btn-secondary" href="/teach/courses">Your courses</Link>
      </section>
      <section className="card space-y-2" aria-labelledby="cards-h">
        <h2 id="cards-h" className="text-lg font-semibold">Flashcards</h2>
        <p className="text-sm text-muted">{cardCount} generated cards · {openFlags} open flag{openFlags === 1 ? '' : 's'} from learners</p>
        <Link className="btn-secondary" href="/teach/cards">Review and edit cards</Link>
      </section>
    </div>
  );
}
