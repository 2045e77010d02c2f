// Lesson Markdown → sanitised HTML, with images resolved against the content folder.
import 'server-only';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { renderLessonHtml } from '@/lib/content/render';
import { env } from '@/lib/env';

/** Relative images are served from the content folder when the file exists; others get a placeholder. */
function resolveImage(src: string): string | null {
  if (/^https?:\/\//i.test(src)) return src;
  if (/^[a-z]+:/i.test(src) || src.startsWith('/') || src.includes('..')) return null;
  const root = path.resolve(env().CONTENT_DIR);
  const file = path.resolve(root, decodeURI(src.split(/[?#]/)[0] ?? ''));
  if (!file.startsWith(root + path.sep) || !existsSync(file)) return null;
  return `/content-assets/${src.split('/').map(encodeURIComponent).join('/')}`;
}

export function renderLesson(markdown: string): string {
  return renderLessonHtml(markdown, { resolveImage });
}
