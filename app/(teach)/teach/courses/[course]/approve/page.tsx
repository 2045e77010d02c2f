import Link from 'next/link';
import { CourseTeachNav } from '@/components/teach/course-nav';
import type { Metadata } from 'next';
import { getApprovalCards, teachCoursePath } from '@/lib/data/authoring';
import { ApprovalButtons } from '@/components/courses/card-actions';
import { approvalSchema } from '@/lib/validations/courses';
import { cardTextPlain } from '@/lib/cards/media';

export const metadata: Metadata = { title: 'Approve cards' };

const LABEL: Record<string, string> = { approved: 'Approved', pending: 'Waiting', rejected: 'Rejected' };

export default async function ApproveCardsPage({ params, searchParams }: { params: Promise<{ course: string }>; searchParams: Promise<{ show?: string }> }) {
  const { course: courseKey } = await params;
  const show = approvalSchema.safeParse((await searchParams).show);
  const page = await getApprovalCards(courseKey, show.success ? show.data : undefined);
  const base = teachCoursePath(page.access.course.key, '/approve');
  return (
    <div className="space-y-6">
      <CourseTeachNav course={{ ...page.access.course, title: page.course.title }} current="approve" />
      <h1 className="text-2xl font-bold">Approve cards</h1>
      <p className="text-sm text-muted">
        {page.course.requireApproval ? 'Learners see generated cards only once you approve them.' : 'Generated cards reach learners at once; reject those you do not want.'}
      </p>
      <nav aria-label="Filter cards" className="flex gap-2 text-sm">
        <Link className="link" href={base} aria-current={!show.success ? 'page' : undefined}>All</Link>
        {(['pending', 'approved', 'rejected'] as const).map((a) => (
          <Link key={a} className="link" href={`${base}?show=${a}`} aria-current={show.success && show.data === a ? 'page' : undefined}>{LABEL[a]}</Link>
        ))}
      </nav>
      <section className="card" aria-label="Cards">
        {page.cards.length === 0 ? (
          <p className="text-sm text-muted">No cards here.</p>
        ) : (
          <ul className="divide-y divide-border">
            {page.cards.map((c) => (
              <li key={c.id} className="space-y-1 py-2">
                <p><span className="badge mr-2">{c.origin === 'instructor' ? 'yours' : c.type}</span>{cardTextPlain(c.editedFront ?? c.front)}</p>
                <p className="text-sm text-muted">Answer: {c.editedBack ?? c.back} · {c.lesson.title}</p>
                {c.origin === 'generated' && (
                  <div className="flex flex-wrap items-center gap-2 text-sm">
                    <span>{LABEL[c.approval] ?? c.approval}</span>
                    <ApprovalButtons courseId={page.access.course.id} cardId={c.id} approval={c.approval} label={c.editedFront ?? c.front} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
