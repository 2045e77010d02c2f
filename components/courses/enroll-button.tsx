'use client';
// "Enrol" in a course from the catalogue or its outline; afterwards home lists the course.
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { enrollInCourse } from '@/lib/actions/enrollment';

export function EnrollButton({ courseId, courseTitle }: { courseId: string; courseTitle: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function enrol() {
    startTransition(async () => {
      const result = await enrollInCourse({ courseId });
      if (!result.ok) return setError(result.error);
      setError(null);
      router.refresh();
    });
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button type="button" className="btn-primary" onClick={enrol} disabled={pending}>
        {pending ? 'Enrolling…' : 'Enrol'}<span className="sr-only"> in {courseTitle}</span>
      </button>
      <span role="status" className="text-sm text-danger">{error ?? ''}</span>
    </span>
  );
}
