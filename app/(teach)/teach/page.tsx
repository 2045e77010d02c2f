import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Teach' };

export default async function TeachPage() {
  const user = await requireRole('instructor', '/teach');
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Teaching</h1>
      <p className="text-muted">Hello {user.name}. Classes, assignments and learner progress will appear here.</p>
    </div>
  );
}
