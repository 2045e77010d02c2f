import type { Metadata } from 'next';
import { requireCourseInstructor } from '@/lib/courses/access';
import { getCourseInstructors } from '@/lib/data/teach';
import { CourseTeachNav } from '@/components/teach/course-nav';
import { AddCoInstructorForm, HandOverCourseButton, RemoveCoInstructorButton } from '@/components/teach/course-instructors';

export const metadata: Metadata = { title: 'Course instructors' };

export default async function CourseInstructorsPage({ params }: { params: Promise<{ course: string }> }) {
  const { course: courseKey } = await params;
  const { course, role } = await requireCourseInstructor({ key: courseKey }, { returnTo: `/teach/courses/${encodeURIComponent(courseKey)}/instructors` });
  const instructors = await getCourseInstructors(course.id);
  const isOwner = role === 'owner';
  return (
    <div className="space-y-6">
      <CourseTeachNav course={course} current="instructors" />
      <section className="card space-y-4" aria-labelledby="instructors-h">
        <h1 id="instructors-h" className="text-2xl font-bold">Instructors of {course.title}</h1>
        <p className="text-sm text-muted">The owner and co-instructors can see drafts, edit and publish the course, and edit, approve or suspend its cards.</p>
        {instructors.length === 0 ? (
          <p className="text-sm text-muted">No instructors are recorded for this course.</p>
        ) : (
          <ul className="divide-y divide-border" aria-label="Instructors">
            {instructors.map((i) => (
              <li key={i.user.id} className="flex flex-wrap items-center gap-3 py-2">
                <span className="font-medium">{i.user.name}</span>
                <span className="text-sm text-muted">{i.user.email}</span>
                <span className="badge">{i.role}</span>
                {isOwner && i.role !== 'owner' && <HandOverCourseButton courseId={course.id} userId={i.user.id} name={i.user.name} />}
                {isOwner && i.role !== 'owner' && <RemoveCoInstructorButton courseId={course.id} userId={i.user.id} name={i.user.name} />}
              </li>
            ))}
          </ul>
        )}
        {isOwner ? (
          <>
            <h2 className="font-semibold">Add a co-instructor</h2>
            <AddCoInstructorForm courseId={course.id} />
          </>
        ) : (
          <p className="text-sm text-muted">Only the course’s owner adds and removes co-instructors.</p>
        )}
      </section>
    </div>
  );
}
