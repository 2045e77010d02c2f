// A learner's assigned modules with due dates and progress.
import type { LearnerAssignment } from '@/lib/classes/service';
import { ProgressBar } from '@/components/ui/progress-bar';

export function AssignmentList({ items }: { items: LearnerAssignment[] }) {
  return (
    <ul className="space-y-3">
      {items.map((a) => (
        <li key={`${a.className}-${a.moduleId}`} className="space-y-1">
          <p className="text-sm">
            <span className="font-medium">{a.moduleTitle}</span> <span className="text-muted">· {a.className}</span>
            {a.dueAt && <span className={a.overdue ? 'ml-2 badge border-danger/50 text-danger' : 'ml-2 badge'}>{a.overdue ? 'Overdue · ' : 'Due '}{a.dueAt.toISOString().slice(0, 10)}</span>}
          </p>
          <ProgressBar done={a.done} total={a.total} label={`${a.moduleTitle} progress`} />
        </li>
      ))}
    </ul>
  );
}
