'use client';
// "Mark as complete" toggle; after completing, offers the next lesson.
import { useState, useTransition } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { setLessonComplete } from '@/lib/actions/progress';

export function CompleteButton({ lessonId, completed, nextHref }: { lessonId: string; completed: boolean; nextHref: string | null }) {
  const router = useRouter();
  const [done, setDone] = useState(completed);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function toggle() {
    startTransition(async () => {
      const result = await setLessonComplete({ lessonId, complete: !done });
      if (!result.ok) return setError(result.error);
      setError(null);
      setDone(result.completed);
      router.refresh();
    });
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="button" onClick={toggle} disabled={pending} className={done ? 'btn-secondary' : 'btn-primary'} aria-pressed={done}>
        {done ? '✓ Completed' : pending ? 'Saving…' : 'Mark as complete'}
      </button>
      {done && nextHref && (
        <Link href={nextHref} className="btn-primary">
          Continue to next lesson →
        </Link>
      )}
      <p role="status" className="text-sm text-muted">
        {error ? <span className="text-danger">{error}</span> : done ? 'Lesson complete.' : ''}
      </p>
    </div>
  );
}
