import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/session';
import { getTeachCourses } from '@/lib/data/teach';
import { TeachCourseList } from '@/components/teach/course-list';
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
        <TeachCourseList courses={courses} />
      </section>
      <section className="card space-y-3" aria-labelledby="new-course-h">
        <h2 id="new-course-h" className="text-lg font-semibold">New course</h2>
        <CreateCourseForm />
      </section>
    </div>
  );
}
