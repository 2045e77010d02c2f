// Header of an instructor's course pages: the course, its status, and links between its teach pages.
import Link from 'next/link';

export function CourseTeachNav({ course, current }: { course: { key: string; title: string; status: string }; current: 'outline' | 'publish' | 'approve' | 'cards' | 'instructors' | null }) {
  const base = `/teach/courses/${encodeURIComponent(course.key)}`;
  const links = [
    { id: 'outline', href: base, label: 'Documents and outline' },
    { id: 'publish', href: `${base}/publish`, label: course.status === 'draft' ? 'Review and publish' : 'Review changes' },
    { id: 'approve', href: `${base}/approve`, label: 'Approve cards' },
    { id: 'cards', href: `${base}/cards`, label: 'Edit cards' },
    { id: 'instructors', href: `${base}/instructors`, label: 'Instructors' },
  ] as const;
  return (
    <div className="space-y-2">
      <p className="text-sm text-muted">
        <Link className="link" href="/teach">Teaching</Link>
        <span aria-hidden> / </span>
        <span>{course.title}</span>
        {course.status === 'draft' && <span className="badge ml-2">draft</span>}
      </p>
      <nav aria-label="Course pages" className="flex flex-wrap gap-2">
        {links.map((l) => (
          <Link key={l.id} href={l.href} aria-current={current === l.id ? 'page' : undefined} className={current === l.id ? 'btn-primary' : 'btn-secondary'}>
            {l.label}
          </Link>
        ))}
        {course.status === 'published' && <Link className="btn-ghost" href={`/courses/${encodeURIComponent(course.key)}`}>View as a learner</Link>}
      </nav>
    </div>
  );
}
