import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { enrollCompletedLessons, reviewSnapshot } from '@/lib/review/service';
import { ReviewSession } from '@/components/review/review-session';
import { enrollAssignedModules } from '@/lib/classes/service';

export const metadata: Metadata = { title: 'Review' };

export default async function ReviewPage() {
  const user = await requireUser('/review');
  const now = new Date();
  await enrollCompletedLessons(db, user.id, now);
  await enrollAssignedModules(db, user.id, now);
  const snapshot = await reviewSnapshot(db, user.id, now);
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="sr-only">Review</h1>
      <ReviewSession initial={snapshot} />
    </div>
  );
}
