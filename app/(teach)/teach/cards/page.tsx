import Link from 'next/link';
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/session';
import { getCardOverview, getFlaggedCards, getLessonCards } from '@/lib/data/teach';
import { CardEditor } from '@/components/teach/card-editor';

export const metadata: Metadata = { title: 'Cards' };

export default async function TeachCardsPage({ searchParams }: { searchParams: Promise<{ lesson?: string; flagged?: string }> }) {
  await requireRole('instructor', '/teach/cards');
  const params = await searchParams;
  const { course, openFlags } = await getCardOverview();
  const flaggedView = params.flagged === '1';
  const lesson = !flaggedView && params.lesson ? await getLessonCards(params.lesson) : null;
  const cards = flaggedView ? await getFlaggedCards() : lesson?.cards ?? [];
  return (
    <div className="grid gap-6 md:grid-cols-[16rem_1fr]">
      <nav aria-label="Lessons" className="space-y-4 text-sm">
        <Link href="/teach/cards?flagged=1" className={`block ${flaggedView ? 'font-bold' : 'link'}`}>Flagged cards ({openFlags})</Link>
        {course?.modules.map((m) => (
          <div key={m.id}>
            <p className="font-semibold">{m.title}</p>
            <ul className="mt-1 space-y-1">
              {m.lessons.map((l) => (
                <li key={l.id}>
                  <Link href={`/teach/cards?lesson=${l.id}`} aria-current={params.lesson === l.id ? 'page' : undefined} className={params.lesson === l.id ? 'font-bold' : 'link no-underline hover:underline'}>
                    {l.title} <span className="text-muted">({l._count.cards})</span>
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        )) ?? <p>No course imported yet.</p>}
      </nav>
      <section aria-labelledby="cards-heading" className="space-y-4">
        <h1 id="cards-heading" className="text-2xl font-bold">{flaggedView ? 'Flagged cards' : lesson ? `Cards: ${lesson.title}` : 'Generated cards'}</h1>
        {!flaggedView && !lesson && <p className="text-muted">Choose a lesson to review, edit or suspend its generated cards. Your edits survive content re-syncs.</p>}
        {(flaggedView || lesson) && cards.length === 0 && <p className="text-muted">No cards here.</p>}
        <ul className="space-y-4">
          {cards.map((c) => <CardEditor key={c.id} card={c} />)}
        </ul>
      </section>
    </div>
  );
}
