import Link from 'next/link';
import { redirect } from 'next/navigation';
import type { Metadata } from 'next';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getCurrentUser } from '@/lib/auth/session';
import { enabledOAuthProviders } from '@/lib/auth/options';
import { safeCallbackUrl } from '@/lib/safe-redirect';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-6 text-2xl font-bold">Sign in</h1>
      {params['check-email'] && <p className="mb-4 card text-sm">Check your email for a sign-in link.</p>}
      <div className="card">
        <SignInForm callbackUrl={callbackUrl} oauth={enabledOAuthProviders()} />
      </div>
      <p className="mt-4 text-sm text-muted">
        New here?{' '}
        <Link className="link" href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
          Create an account
        </Link>
      </p>
    </div>
  );
}
