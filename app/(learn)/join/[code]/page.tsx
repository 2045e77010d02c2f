// An instructor's invite link. Opening it never joins (no side effects on GET): it prefills the code and the
// learner presses Join. Signed-out visitors go through sign-in (or sign-up) and come back here.
import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { invitePath } from '@/lib/classes/join-code';
import { joinCodeSchema } from '@/lib/validations/classes';
import { JoinClassForm } from '@/components/classes/learner-forms';

export const metadata: Metadata = { title: 'Join a class' };

export default async function JoinPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  await requireUser(invitePath(code));
  const parsed = joinCodeSchema.safeParse({ code });
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">Join a class</h1>
      <div className="card space-y-3">
        {parsed.success ? (
          <p className="text-sm text-muted">Check the code and press Join to join the class.</p>
        ) : (
          <p className="text-sm text-muted">This invite link has no valid code. Type the code your instructor gave you.</p>
        )}
        <JoinClassForm defaultCode={parsed.success ? parsed.data.code : ''} />
      </div>
      <p className="text-sm">
        <Link className="link" href="/classes">Your classes</Link>
      </p>
    </div>
  );
}
