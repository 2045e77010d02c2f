import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Home' };

export default async function HomePage() {
  const user = await requireUser('/home');
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Welcome, {user.name}</h1>
        <p className="mt-1 text-muted">
          Signed in as {user.email} · <span className="badge" data-testid="role">{user.role}</span>
        </p>
      </div>
    </div>
  );
}
