// Where a learner stands on an assignment, from lessons completed and the due instant. One rule, used by the
// learner's home, the instructor's dashboard and its CSV export.

export const ASSIGNMENT_STATUSES = ['not_started', 'in_progress', 'done', 'overdue'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const STATUS_LABELS: Record<AssignmentStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  done: 'Done',
  overdue: 'Overdue',
};

export interface AssignmentProgress {
  done: number;
  total: number;
  /** Whole percent of lessons completed, rounded down so 100 % always means done. */
  percent: number;
  status: AssignmentStatus;
}

export function assignmentProgress(done: number, total: number, dueAt: Date | null, now: Date): AssignmentProgress {
  const complete = done >= total;
  const percent = total === 0 ? 100 : Math.floor((Math.min(done, total) / total) * 100);
  const status: AssignmentStatus = complete
    ? 'done'
    : dueAt && dueAt.getTime() <= now.getTime()
      ? 'overdue'
      : done === 0
        ? 'not_started'
        : 'in_progress';
  return { done: Math.min(done, total), total, percent, status };
}
