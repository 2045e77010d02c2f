// Serves an image or sound that imported cards show (CourseMedia), to signed-in users who may see its course.
// The type is the one decided from the bytes at import; the response can never run as a page (nosniff, a
// sandboxing CSP, inline only).
import { getCurrentUser } from '@/lib/auth/session';
import { mediaForUser } from '@/lib/data/media';

export const dynamic = 'force-dynamic';

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response('Sign in to view card media.', { status: 401 });
  const file = await mediaForUser(user.id, (await ctx.params).id);
  if (!file) return new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': 'inline',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, max-age=86400',
      ETag: `"${file.sha256}"`,
    },
  });
}
