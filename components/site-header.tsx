// Top navigation: links depend on whether someone is signed in and on their role.
import Link from 'next/link';
import { getCurrentUser } from '@/lib/auth/session';
import { SignOutButton } from '@/components/auth/sign-out-button';

export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className="border-b border-border bg-surface">
      <nav aria-label="Main" className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <Link href={user ? '/home' : '/'} className="mr-auto text-base font-bold tracking-tight">
          Course &amp; Review
        </Link>
        {user ? (
          <>
            <Link href="/home" className="btn-ghost">Home</Link>
            <Link href="/courses" className="btn-ghost">Course</Link>
            <Link href="/review" className="btn-ghost">Review</Link>
            <Link href="/stats" className="btn-ghost">Stats</Link>
            <Link href="/settings" className="btn-ghost">Settings</Link>
            {user.role === 'instructor' && <Link href="/teach" className="btn-ghost">Teach</Link>}
            <span className="hidden text-sm text-muted sm:inline" aria-label="Signed in as">
              {user.name}
            </span>
            <SignOutButton />
          </>
        ) : (
          <>
            <Link href="/signin" className="btn-ghost">Sign in</Link>
            <Link href="/signup" className="btn-primary">Sign up</Link>
          </>
        )}
      </nav>
    </header>
  );
}
