// Top navigation: links depend on whether someone is signed in and on their role. On a phone the links
// scroll sideways in one row instead of stacking.
import Link from 'next/link';
import { getCurrentUser } from '@/lib/auth/session';
import { SignOutButton } from '@/components/auth/sign-out-button';

const navLink = 'shrink-0 rounded-lg px-2 py-1.5 text-sm font-semibold hover:bg-surface-2 sm:px-3';

export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className="border-b border-border bg-surface">
      <nav aria-label="Main" className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 sm:px-6">
        <Link href={user ? '/home' : '/'} className="mr-auto py-1.5 text-base font-bold tracking-tight">
          Course &amp; Review
        </Link>
        {user ? (
          <>
            <div className="order-last -mx-2 flex w-full gap-1 overflow-x-auto sm:order-none sm:mx-0 sm:w-auto">
              <Link href="/home" className={navLink}>Home</Link>
              <Link href="/courses" className={navLink}>Courses</Link>
              <Link href="/review" className={navLink}>Review</Link>
              <Link href="/stats" className={navLink}>Stats</Link>
              <Link href="/classes" className={navLink}>Classes</Link>
              <Link href="/anki" className={navLink}>Anki</Link>
              <Link href="/settings" className={navLink}>Settings</Link>
              {user.role === 'instructor' && <Link href="/teach" className={navLink}>Teach</Link>}
            </div>
            <span className="hidden text-sm text-muted lg:inline" aria-label="Signed in as">{user.name}</span>
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
