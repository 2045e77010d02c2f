// Development aid (not for the held-out set): prints the cards and the rejection reasons for a document.
//   npx tsx scripts/cards-eval-debug.ts FILE [--rejected]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildCourse } from '../lib/content';
import { generateCourseCards, lessonCandidates } from '../lib/cards';
import { teachingProseWords } from '../lib/cards/prose';

const file = process.argv[2];
if (!file) throw new Error('usage: cards-eval-debug.ts FILE [--rejected]');
if (path.resolve(file).includes('eval-docs')) throw new Error('the evaluation documents are a measurement set: do not inspect their cards');
const { course } = buildCourse({ documents: [{ path: path.basename(file), text: readFileSync(file, 'utf8') }], name: 'debug' });
const cards = generateCourseCards(course);
const lessons = course.modules.flatMap((m) => m.lessons);
const words = lessons.reduce((n, l) => n + teachingProseWords(l.markdown), 0);
for (const c of cards) console.log(`${c.score.toFixed(2)} ${c.origin?.padEnd(12)} ${c.front}  ->  ${c.back}`);
console.log(`${cards.length} cards, ${words} words, ${((100 * cards.length) / words).toFixed(2)} per 100 words, ${lessons.length} lessons`);
const reasons = new Map<string, number>();
for (const l of lessons) {
  for (const c of lessonCandidates(l).candidates) {
    const r = c.rejected ?? ((c.score ?? 0) < 0.5 ? 'low-score' : 'ok');
    reasons.set(r, (reasons.get(r) ?? 0) + 1);
    if (process.argv.includes('--rejected') && c.rejected) console.log(`  [${c.rejected}] ${c.origin}: ${c.front} -> ${c.back}`);
  }
}
console.log([...reasons].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join(', '));
