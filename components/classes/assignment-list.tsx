// A learner's assigned modules, in the order given (soonest due first): due time in the learner's own time
// zone, status, the instructor's note, progress and a link to the next lesson.
import Link from 'next/link';
import type { LearnerAssignment } from '@/lib/classes/service';
import type { AssignmentStatus } from '@/lib/classes/status';
import { dateToZonedWallTime } from '@/lib/srs/days';
import { ProgressBar } from '@/components/ui/progress-bar';
import { StatusBadge } from '@/components/classes/status-badge';

function dueText(dueAt: Date, timeZone: string): string {
  const { date, time } = dateToZonedWallTime(dueAt, timeZone);
  return `Due ${date} ${time}`;
}

function nextStep(status: AssignmentStatus, done: number): string {
  if (status === 'done') return 'Review';
  return done === 0 ? 'Start' : 'Continue';
}

export function AssignmentList({ items, timeZone }: { items: LearnerAssignment[]; timeZone: string }) {
  return (
    <ul className="divide-y divide-border">
      {items.map((a) => (
        <li key={a.id} className="space-y-2 py-3 first:pt-0 last:pb-0">
          <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
            <div>
              <h3 className="font-semibold">{a.moduleTitle}</h3>
              <p className="text-sm text-muted">{a.className}</p>
            </div>
            <StatusBadge status={a.status} />
          </div>
          <p className={`text-sm ${a.status === 'overdue' ? 'text-danger' : 'text-muted'}`}>
            {a.dueAt ? dueText(a.dueAt, timeZone) : 'No due date'}
          </p>
          {a.note && (
            <p className="whitespace-pre-line break-words rounded-lg bg-surface-2 px-3 py-2 text-sm">
              <span className="sr-only">Note from your instructor: </span>
              {a.note}
            </p>
          )}
          <ProgressBar done={a.done} total={a.total} label="Lessons completed" />
          {a.nextLessonHref && (
            <Link className={a.status === 'done' ? 'btn-secondary text-sm' : 'btn-primary text-sm'} href={a.nextLessonHref}>
              {nextStep(a.status, a.done)}
              <span className="sr-only">: {a.moduleTitle}</span>
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}
