import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { reviewSnapshot } from '@/lib/review/service';
import { ReviewSession } from '@/components/review/review-session';
import { RegisterServiceWorker } from '@/components/pwa/register-service-worker';

export const metadata: Metadata = { title: 'Review' };

// Cards join a learner's reviews when they complete a lesson, are assigned a module or a sync adds cards
// (lib/review/enrol.ts), never on this render: the page only reads today's queue.
export default async function ReviewPage() {
  const user = await requireUser('/review');
  const snapshot = await reviewSnapshot(db, user.id, new Date());
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="sr-only">Review</h1>
      <ReviewSession initial={snapshot} userId={user.id} />
      <RegisterServiceWorker />
    </div>
  );
}
