// The instructor's courses (owned or co-taught) with links to their card and instructor pages.
import Link from 'next/link';
import type { TeachCourse } from '@/lib/data/teach';

export function TeachCourseList({ courses }: { courses: TeachCourse[] }) {
  if (courses.length === 0) return <p className="text-sm text-muted">You do not own or co-teach a course yet.</p>;
  return (
    <ul className="divide-y divide-border" aria-label="Your courses">
      {courses.map((c) => {
        const base = `/teach/courses/${encodeURIComponent(c.key)}`;
        return (
          <li key={c.id} className="flex flex-wrap items-center gap-3 py-2">
            <span className="font-medium">{c.title}</span>
            <span className="badge">{c.status}</span>
            <span className="text-sm text-muted">
              {c.role} · {c.cards} card{c.cards === 1 ? '' : 's'} · {c.openFlags} open flag{c.openFlags === 1 ? '' : 's'}
            </span>
            <span className="ml-auto flex gap-2">
              <Link className="btn-secondary text-sm" href={base}>Outline<span className="sr-only"> of {c.title}</span></Link>
              <Link className="btn-secondary text-sm" href={`${base}/cards`}>Cards<span className="sr-only"> of {c.title}</span></Link>
              <Link className="btn-ghost text-sm" href={`${base}/instructors`}>Instructors<span className="sr-only"> of {c.title}</span></Link>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
