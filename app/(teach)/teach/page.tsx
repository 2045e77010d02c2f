import Link from 'next/link';
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/session';
import { getCardOverview } from '@/lib/data/teach';

export const metadata: Metadata = { title: 'Teach' };

export default async function TeachPage() {
  const user = await requireRole('instructor', '/teach');
  const { course, openFlags } = await getCardOverview();
  const cardCount = course?.modules.flatMap((m) => m.lessons).reduce((n, l) => n + l._count.cards, 0) ?? 0;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Teaching</h1>
        <p className="text-muted">Hello {user.name}. Classes, assignments and learner progress will appear here.</p>
      </div>
      <section className="card space-y-2" aria-labelledby="cards-h">
        <h2 id="cards-h" className="text-lg font-semibold">Flashcards</h2>
        <p className="text-sm text-muted">{cardCount} generated cards · {openFlags} open flag{openFlags === 1 ? '' : 's'} from learners</p>
        <Link className="btn-secondary" href="/teach/cards">Review and edit cards</Link>
      </section>
    </div>
  );
}
