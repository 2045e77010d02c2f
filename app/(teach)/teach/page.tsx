import Link from 'next/link';
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/session';
import { getTeachCourses } from '@/lib/data/teach';
import { TeachCourseList } from '@/components/teach/course-list';
import { getInstructorClasses } from '@/lib/data/classes';
import { CreateClassForm } from '@/components/classes/forms';
import { timeZoneOptions } from '@/components/ui/time-zone-select';

export const metadata: Metadata = { title: 'Teach' };

export default async function TeachPage() {
  const user = await requireRole('instructor', '/teach');
  const [courses, classes] = await Promise.all([getTeachCourses(user.id), getInstructorClasses(user.id)]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Teaching</h1>
        <p className="text-muted">Hello {user.name}. Create a class, share its join code, assign modules from your courses and follow progress.</p>
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
      <section className="card space-y-3" aria-labelledby="courses-h">
        <h2 id="courses-h" className="text-lg font-semibold">Your courses</h2>
        <p className="text-sm text-muted">Courses you own or co-teach: edit, suspend or restore their cards, and manage who teaches them.</p>
        <TeachCourseList courses={courses} />
        <Link className="btn-primary" href="/teach/courses">Create a course from your documents</Link>
      </section>
    </div>
  );
}
