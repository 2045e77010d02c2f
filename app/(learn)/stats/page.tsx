import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/session';
import { cardTextPlain } from '@/lib/cards/media';
import { getStatsPage } from '@/lib/data/stats';
import { Forecast, Heatmap } from '@/components/stats/charts';
import { OptimiseForm } from '@/components/stats/optimise-form';

export const metadata: Metadata = { title: 'Stats' };

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

export default async function StatsPage({ searchParams }: { searchParams: Promise<{ course?: string | string[] }> }) {
  const user = await requireUser('/stats');
  const sp = await searchParams;
  const courseKey = typeof sp.course === 'string' && sp.course ? sp.course : undefined;
  const { stats: s, courses, selected } = await getStatsPage(user.id, courseKey);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-bold">Your review stats{selected ? `: ${selected.title}` : ''}</h1>
        {courses.length > 1 && (
          <form method="get" className="flex flex-wrap items-end gap-2" aria-label="Filter stats by course">
            <div>
              <label htmlFor="stats-course" className="label">Course</label>
              <select id="stats-course" name="course" className="input" defaultValue={selected?.key ?? ''}>
                <option value="">All courses</option>
                {courses.map((c) => <option key={c.key} value={c.key}>{c.title}</option>)}
              </select>
            </div>
            <button type="submit" className="btn-secondary">Show</button>
          </form>
        )}
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <section className="card" aria-labelledby="retention">
          <h2 id="retention" className="text-sm font-semibold text-muted">True retention, last 30 days</h2>
          <p className="mt-1 text-3xl font-bold" data-testid="true-retention">{s.retention.rate === null ? '—' : pct(s.retention.rate)}</p>
          <p className="text-sm text-muted">
            {s.retention.passed}/{s.retention.total} reviews passed · desired {pct(s.desiredRetention)}
          </p>
        </section>
        <section className="card" aria-labelledby="streak">
          <h2 id="streak" className="text-sm font-semibold text-muted">Streak</h2>
          <p className="mt-1 text-3xl font-bold" data-testid="streak">{s.streak.days} day{s.streak.days === 1 ? '' : 's'}</p>
          <p className="text-sm text-muted">{s.streak.reviewedToday ? 'Reviewed today.' : 'Review today to keep it going.'}</p>
        </section>
        <section className="card" aria-labelledby="cards">
          <h2 id="cards" className="text-sm font-semibold text-muted">Your cards</h2>
          <dl className="mt-1 grid grid-cols-2 gap-x-3 text-sm">
            <dt>New</dt><dd data-testid="state-new">{s.counts.new}</dd>
            <dt>Learning</dt><dd data-testid="state-learning">{s.counts.learning + s.counts.relearning}</dd>
            <dt>Review</dt><dd data-testid="state-review">{s.counts.review}</dd>
            <dt>Leeches</dt><dd>{s.leeches.length}</dd>
            <dt>Total reviews</dt><dd data-testid="total-reviews">{s.totalReviews}</dd>
          </dl>
        </section>
      </div>
      <section className="card space-y-2" aria-labelledby="heatmap">
        <h2 id="heatmap" className="font-semibold">Reviews in the past year</h2>
        <Heatmap days={s.heatmap} />
      </section>
      <section className="card space-y-2" aria-labelledby="forecast">
        <h2 id="forecast" className="font-semibold">Due in the next 30 days</h2>
        <Forecast days={s.forecast} />
      </section>
      {s.leeches.length > 0 && (
        <section className="card" aria-labelledby="leeches">
          <h2 id="leeches" className="font-semibold">Leeches (suspended after 8 lapses)</h2>
          <ul className="mt-2 list-disc pl-5 text-sm">
            {s.leeches.map((l) => <li key={l.id}>{cardTextPlain(l.front)} <span className="text-muted">· {l.lapses} lapses</span></li>)}
          </ul>
        </section>
      )}
      <section className="card space-y-2" aria-labelledby="optimise">
        <h2 id="optimise" className="font-semibold">Personal schedule</h2>
        <p className="text-sm text-muted">
          {s.personalWeights ? `Using parameters fitted to your reviews${s.optimisedAt ? ` on ${s.optimisedAt.toISOString().slice(0, 10)}` : ''}.` : 'Using the default FSRS parameters.'}{' '}
          Optimising fits FSRS to your own review history (it needs at least 400 reviews of 50 cards over several days).
        </p>
        <OptimiseForm />
      </section>
    </div>
  );
}
