import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { getAccountPage } from '@/lib/data/account';
import { DeleteAccountForm } from '@/components/account/delete-account-form';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { SignOutEverywhereForm } from '@/components/account/sign-out-everywhere-form';
import { describeUserAgent } from '@/lib/auth/user-sessions';

export const metadata: Metadata = { title: 'Your account' };

const CSV_LINKS = [
  ['profile', 'Profile (CSV)'],
  ['progress', 'Lesson progress (CSV)'],
  ['cards', 'Cards and their schedule (CSV)'],
  ['reviews', 'Review log (CSV)'],
] as const;

export default async function AccountPage() {
  const user = await requireUser('/account');
  const { blockers, deletionProblem: problem, sessions, hasPassword } = await getAccountPage(user);
  const signedInAt = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: user.timeZone });
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-2xl font-bold">Your account</h1>
      <section aria-labelledby="sessions-heading" className="card space-y-3">
        <h2 id="sessions-heading" className="text-lg font-semibold">Where you are signed in</h2>
        <ul className="space-y-1 text-sm">
          {sessions.map((s) => (
            <li key={s.id}>
              {describeUserAgent(s.userAgent)}, signed in {signedInAt.format(s.createdAt)}
              {s.current ? <strong> · this browser</strong> : null}
            </li>
          ))}
        </ul>
        <p className="text-sm text-muted">Signing out everywhere ends every session, this one too.</p>
        <SignOutEverywhereForm />
      </section>
      {hasPassword ? (
        <section aria-labelledby="password-heading" className="card space-y-3">
          <h2 id="password-heading" className="text-lg font-semibold">Change your password</h2>
          <p className="text-sm text-muted">Every other browser signed in to your account is signed out.</p>
          <ChangePasswordForm />
        </section>
      ) : null}
      <section aria-labelledby="download-heading" className="card space-y-3">
        <h2 id="download-heading" className="text-lg font-semibold">Download your data</h2>
        <p className="text-sm text-muted">Your profile, lesson progress, cards with their schedule, and every review you have made.</p>
        <ul className="space-y-1 text-sm">
          <li><a className="link" href="/account/export?format=json" download>Everything (JSON)</a></li>
          {CSV_LINKS.map(([part, label]) => (
            <li key={part}><a className="link" href={`/account/export?format=csv&part=${part}`} download>{label}</a></li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="delete-heading" className="card space-y-3">
        <h2 id="delete-heading" className="text-lg font-semibold">Delete your account</h2>
        <p className="text-sm text-muted">
          This removes your account, progress, cards, review history and class memberships for good. Class dashboards
          stop showing you. It cannot be undone; download your data first if you want to keep it.
        </p>
        {problem ? (
          <div role="note" className="space-y-2 text-sm">
            <p>{problem}</p>
            <ul className="list-disc pl-5">
              {blockers.classes.map((c) => (
                <li key={c.id}><Link className="link" href={`/teach/classes/${c.id}`}>Class: {c.name}</Link></li>
              ))}
              {blockers.courses.map((c) => (
                <li key={c.id}><Link className="link" href={`/teach/courses/${encodeURIComponent(c.key)}/instructors`}>Course: {c.title}</Link></li>
              ))}
            </ul>
          </div>
        ) : (
          <DeleteAccountForm email={user.email} />
        )}
      </section>
    </div>
  );
}
