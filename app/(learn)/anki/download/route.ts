// "Download for Anki": the signed-in learner's own cards with their FSRS schedule and review log, as an .apkg.
// A route handler because a download needs a URL (STYLE.md: exports); the session is re-checked here.
import { getCurrentUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { learnerPackageInput } from '@/lib/interop/anki/service';
import { writeApkg } from '@/lib/interop/anki/write';

export const dynamic = 'force-dynamic';

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return new Response('Sign in to download your cards.', { status: 401 });
  const now = new Date();
  const input = await learnerPackageInput(db, user.id, now, env().NEXTAUTH_URL);
  const { bytes } = writeApkg(input);
  const day = now.toISOString().slice(0, 10);
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': `attachment; filename="course-review-${day}.apkg"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
