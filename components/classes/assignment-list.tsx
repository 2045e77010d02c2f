// A learner's assigned modules, in the order given (soonest due first): due time in the learner's own time
// zone, status, the instructor's note, progress and a link to the next lesson.
import Link from 'next/link';
import type { LearnerAssignment } from '@/lib/classes/service';
import type { AssignmentStatus } from '@/lib/classes/status';
import type { RecallForecast } from '@/lib/srs/forecast';
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

/** "Fri 18:00" in the learner's zone. */
function shortWhen(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(at);
}

function ForecastLine({ forecast: f, title, dueAt, timeZone }: { forecast: RecallForecast; title: string; dueAt: Date | null; timeZone: string }) {
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  const ahead = dueAt !== null && f.at.getTime() === dueAt.getTime();
  return (
    <p className="text-sm">
      {ahead ? `By ${shortWhen(f.at, timeZone)} you would recall about ${pct(f.share)} of ${title}` : `You would recall about ${pct(f.share)} of ${title} now`}
      {f.dueNow > 0 ? (
        <>
          ; the {f.dueNow} review{f.dueNow === 1 ? '' : 's'} due now bring{f.dueNow === 1 ? 's' : ''} it to about {pct(f.shareIfReviewedNow)}.{' '}
          <Link className="link" href="/review">Start reviews</Link>
        </>
      ) : '.'}
    </p>
  );
}

export function AssignmentList({ items, timeZone, forecasts }: { items: LearnerAssignment[]; timeZone: string; forecasts?: ReadonlyMap<string, RecallForecast> }) {
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
          {forecasts?.get(a.id) && <ForecastLine forecast={forecasts.get(a.id)!} title={a.moduleTitle} dueAt={a.dueAt} timeZone={timeZone} />}
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
