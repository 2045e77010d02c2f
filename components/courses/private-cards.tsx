// A learner's private cards on a lesson: only they see and review them.
import { getPrivateCards } from '@/lib/data/authoring';
import { AddCardForm } from '@/components/courses/course-forms';
import { DeletePrivateCardButton } from '@/components/courses/card-actions';
import { cardTextPlain } from '@/lib/cards/media';

export async function PrivateCards({ userId, lessonId }: { userId: string; lessonId: string }) {
  const cards = await getPrivateCards(userId, lessonId);
  return (
    <section className="card space-y-3" aria-labelledby="private-cards-h">
      <h2 id="private-cards-h" className="text-lg font-semibold">Your private cards</h2>
      <p className="text-sm text-muted">Cards only you see and review. They go straight into your reviews.</p>
      {cards.length > 0 && (
        <ul className="divide-y divide-border">
          {cards.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center gap-3 py-2">
              <span className="mr-auto">{cardTextPlain(c.front)} — <span className="text-muted">{cardTextPlain(c.back)}</span></span>
              <DeletePrivateCardButton cardId={c.id} label={cardTextPlain(c.front)} />
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary className="cursor-pointer text-sm font-medium">Add a private card</summary>
        <div className="mt-3"><AddCardForm target="private" lessonId={lessonId} /></div>
      </details>
    </section>
  );
}
