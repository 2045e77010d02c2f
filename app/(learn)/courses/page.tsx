import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { getDefaultCourseKey } from '@/lib/data/course';

export default async function CoursesPage() {
  await requireUser('/courses');
  const key = await getDefaultCourseKey();
  if (!key) {
    return (
      <div className="card">
        <h1 className="text-xl font-bold">No course yet</h1>
        <p className="mt-2 text-muted">Import one with <code>npm run content:sync</code>.</p>
      </div>
    );
  }
  redirect(`/courses/${encodeURIComponent(key)}`);
}
