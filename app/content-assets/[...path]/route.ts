// Serves images that lessons reference from the content folder, to signed-in users only.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { getCurrentUser } from '@/lib/auth/session';
import { env } from '@/lib/env';

const TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};
const MAX_BYTES = 10 * 1024 * 1024;

export async function GET(_req: Request, ctx: { params: Promise<{ path: string[] }> }) {
  if (!(await getCurrentUser())) return new Response('Sign in to view course images.', { status: 401 });
  const parts = (await ctx.params).path;
  const root = path.resolve(env().CONTENT_DIR);
  const file = path.resolve(root, ...parts);
  const type = TYPES[path.extname(file).toLowerCase()];
  if (!file.startsWith(root + path.sep) || !type) return new Response('Not found', { status: 404 });
  try {
    const info = await stat(file);
    if (!info.isFile() || info.size > MAX_BYTES) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(await readFile(file)), {
      headers: { 'Content-Type': type, 'Cache-Control': 'private, max-age=3600', 'X-Content-Type-Options': 'nosniff' },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}
