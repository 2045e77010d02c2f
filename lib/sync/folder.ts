// Syncs a content folder (operators' path, CLI only): reads it with lib/content's loader, generates its cards and
// hands both to syncCourse. Kept apart from sync.ts so the app's server code never pulls in the folder reader.
import type { Db } from '@/lib/db';
import type { ContentIssue, Course } from '@/lib/content/types';
import { loadCourse } from '@/lib/content/load';
import type { GeneratedCard } from '@/lib/cards/types';
import { syncCourse, type SyncReport } from './sync';

export type FolderSyncResult =
  | { ok: true; report: SyncReport; issues: ContentIssue[]; modules: number; lessons: number; cards: number; ms: number }
  | { ok: false; issues: ContentIssue[] };

/**
 * Reads and validates a content folder, generates its cards and syncs both. Any content error stops it
 * before the database is touched; a failure while writing rolls the whole transaction back.
 */
export async function syncContentFolder(
  db: Db,
  dir: string,
  /** Rule-based (sync) or LLM-backed (async) card generation. */
  generate: (course: Course) => GeneratedCard[] | Promise<GeneratedCard[]>,
  now = new Date(),
): Promise<FolderSyncResult> {
  const started = performance.now();
  const { course, issues } = await loadCourse(dir);
  if (issues.some((i) => i.level === 'error')) return { ok: false, issues };
  const cards = await generate(course);
  const report = await syncCourse(db, course, cards, now);
  return {
    ok: true,
    report,
    issues,
    modules: course.modules.length,
    lessons: course.modules.reduce((n, m) => n + m.lessons.length, 0),
    cards: cards.length,
    ms: Math.round(performance.now() - started),
  };
}
