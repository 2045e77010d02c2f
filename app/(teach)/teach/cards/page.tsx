import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/session';
import { getTeachCourses } from '@/lib/data/teach';
import { TeachCourseList } from '@/components/teach/course-list';

export const metadata: Metadata = { title: 'Cards' };

/** Cards are edited per course; this page lists the courses the instructor may edit. */
export default async function TeachCardsPage() {
  const user = await requireRole('instructor', '/teach/cards');
  const courses = await getTeachCourses(user.id);
  return (
    <section className="card space-y-4" aria-labelledby="cards-heading">
      <h1 id="cards-heading" className="text-2xl font-bold">Flashcards</h1>
      <p className="text-muted">Choose a course to review, edit or suspend its cards. You can change the cards of courses you own or co-teach.</p>
      <TeachCourseList courses={courses} />
    </section>
  );
}
