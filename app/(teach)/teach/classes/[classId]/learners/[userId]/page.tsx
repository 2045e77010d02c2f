import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/session';
import { getMemberProgress } from '@/lib/data/classes';
import { formatInZone, formatPercent } from '@/lib/classes/table';
import { StatusBadge } from '@/components/classes/status-badge';
import { RemoveMemberButton } from '@/components/classes/forms';
import { CARD_STATES } from '@/lib/srs/types';

export const metadata: Metadata = { title: 'Learner progress' };

export default async function LearnerProgressPage({ params }: { params: Promise<{ classId: string; userId: string }> }) {
  const { classId, userId } = await params;
  const user = await requireRole('instructor', `/teach/classes/${encodeURIComponent(classId)}/learners/${encodeURIComponent(userId)}`);
  const data = await getMemberProgress(user.id, classId, userId);
  if (!data) notFound();
  const { class: cls, learner, assignments, stats } = data;
  const zone = cls.timeZone;
  const classPath = `/teach/classes/${encodeURIComponent(cls.id)}`;
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link className="link" href="/teach">Teaching</Link> / <Link className="link" href={classPath}>{cls.name}</Link>
      </nav>
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{learner.name}</h1>
        <p className="text-muted">{learner.email} · joined {formatInZone(learner.joinedAt, zone)} · last active {formatInZone(learner.lastActive, zone) || 'never'} · times in {zone}</p>
        <RemoveMemberButton classId={cls.id} userId={learner.id} name={learner.name} redirectTo={classPath} label="Remove from class" />
      </header>

      <section className="card space-y-3" aria-labelledby="reviews-h">
        <h2 id="reviews-h" className="text-lg font-semibold">Reviews (all cards)</h2>
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
          <Figure term="Reviews in all" value={String(stats.totalReviews)} />
          <Figure term="Reviews, past 7 days" value={String(stats.heatmap.slice(-7).reduce((n, d) => n + d.count, 0))} />
          <Figure term="True retention, 30 days" value={stats.retention.rate === null ? '—' : `${formatPercent(stats.retention.rate)} of ${stats.retention.total}`} />
          <Figure term="Streak" value={`${stats.streak.days} day${stats.streak.days === 1 ? '' : 's'}`} />
          {CARD_STATES.map((s) => <Figure key={s} term={`Cards ${s}`} value={String(stats.counts[s])} />)}
          <Figure term="Leeches" value={String(stats.leeches.length)} />
        </dl>
      </section>

      {assignments.length === 0 ? <p className="text-muted">Nothing is assigned to this class.</p> : assignments.map(({ row, lessons }) => (
        <section key={row.assignmentId} className="card space-y-3" aria-labelledby={`a-${row.assignmentId}`}>
          <div className="flex flex-wrap items-center gap-3">
            <h2 id={`a-${row.assignmentId}`} className="text-lg font-semibold">{row.assignmentTitle}</h2>
            <StatusBadge status={row.status} />
          </div>
          <p className="text-sm text-muted">
            due {formatInZone(row.dueAt, zone) || '—'} · {row.done}/{row.total} lessons ({row.percent}%) · {row.reviews7d} reviews in 7 days · true retention {row.retention === null ? '—' : formatPercent(row.retention)} · {row.dueNow} due now
          </p>
          <ol className="list-decimal space-y-1 pl-6 text-sm">
            {lessons.map((l) => (
              <li key={l.id}>
                {l.title}{' '}
                <span className={l.completedAt ? 'text-success' : 'text-muted'}>
                  {l.completedAt ? `✓ completed ${formatInZone(l.completedAt, zone)}` : l.lastViewedAt ? `opened ${formatInZone(l.lastViewedAt, zone)}` : 'not opened'}
                </span>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

function Figure({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt className="text-muted">{term}</dt>
      <dd className="text-lg font-semibold tabular-nums">{value}</dd>
    </div>
  );
}
