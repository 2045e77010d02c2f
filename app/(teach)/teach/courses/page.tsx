import Link from 'next/link';
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/session';
import { getTeachCourses, teachCoursePath } from '@/lib/data/authoring';
import { CreateCourseForm } from '@/components/courses/course-forms';

export const metadata: Metadata = { title: 'Your courses' };

export default async function TeachCoursesPage() {
  const user = await requireRole('instructor', '/teach/courses');
  const courses = await getTeachCourses(user.id);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Your courses</h1>
        <p className="text-muted">Turn your own documents into a course with lessons and flashcards. Drafts are invisible to learners until you publish.</p>
      </div>
      <section className="card space-y-3" aria-labelledby="courses-h">
        <h2 id="courses-h" className="text-lg font-semibold">Courses you teach</h2>
        {courses.length === 0 ? (
          <p className="text-sm text-muted">No courses yet.</p>
        ) : (
          <ul className="divide-y divide-border">
            {courses.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-3 py-2">
                <Link className="link font-medium" href={teachCoursePath(c.id)}>{c.title}</Link>
                <span className="badge">{c.status === 'draft' ? 'Draft' : 'Published'}</span>
                <span className="text-sm text-muted">{c.lessons} live lesson{c.lessons === 1 ? '' : 's'}{c.owned ? '' : ' · co-instructor'}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card space-y-3" aria-labelledby="new-course-h">
        <h2 id="new-course-h" className="text-lg font-semibold">New course</h2>
        <CreateCourseForm />
      </section>
    </div>
  );
}
