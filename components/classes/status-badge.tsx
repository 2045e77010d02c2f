// An assignment status as a badge: words first, colour second (overdue red, done green).
import { STATUS_LABELS, type AssignmentStatus } from '@/lib/classes/status';

const TONE: Record<AssignmentStatus, string> = {
  overdue: 'border-danger/50 text-danger',
  done: 'border-success/50 text-success',
  in_progress: '',
  not_started: 'text-muted',
};

export function StatusBadge({ status }: { status: AssignmentStatus }) {
  return <span className={`badge whitespace-nowrap ${TONE[status]}`} data-status={status}>{STATUS_LABELS[status]}</span>;
}
