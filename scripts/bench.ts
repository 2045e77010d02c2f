// `npm run bench`: prints speed figures. Card generation over the content folder, then the review loop
// (grade → next card, server side) and queue building on a database holding 1,000 learners, one of whom
// has 5,000 cards and 100,000 past reviews; then an instructor's class dashboard for a class of 500 learners
// and 10 assignments (scripts/bench-classes.ts). Targets: generation < 2 s for the seeds; review p95 < 25 ms;
// class dashboard < 300 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { applyMigrations } from './db/schema-engine';
import { createDb } from '../lib/db';
import { loadCourse } from '../lib/content/load';
import { generateCourseCards } from '../lib/cards';
import { gradeForUser, loadQueue, loadSettings, reviewSnapshot } from '../lib/review/service';
import { Rating } from '../lib/srs';
import { classDashboard, classFigures, clearReviewCache } from '../lib/classes/dashboard';
import { classForecasts } from '../lib/classes/forecast';
import { DEFAULT_QUERY, rowsToCsv, tablePage } from '../lib/classes/table';
import { CLASS_MODULES, CLASS_SIZE, seedClassBench, sqliteTime } from './bench-classes';

const LEARNERS = 1_000;
const CARDS = 5_000;
const REVIEWS = 100_000;
const LOOPS = 300;
const DASHBOARD_WARMUP = 5;
const DASHBOARD_RUNS = 30;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
function report(name: string, samples: number[], note = '') {
  const s = [...samples].sort((a, b) => a - b);
  console.log(`${name.padEnd(46)} n=${String(s.length).padStart(4)}  p50 ${percentile(s, 50).toFixed(2)} ms  p95 ${percentile(s, 95).toFixed(2)} ms  max ${s[s.length - 1]!.toFixed(2)} ms${note && `  (${note})`}`);
}

// ---------- card generation ----------
{
  const { course } = await loadCourse(process.env.CONTENT_DIR ?? './content');
  const t0 = performance.now();
  const cards = generateCourseCards(course);
  const cold = performance.now() - t0;
  const t1 = performance.now();
  generateCourseCards(course);
  const warm = performance.now() - t1;
  const doubled = { ...course, modules: [...course.modules, ...course.modules.map((m) => ({ ...m, key: `${m.key}-copy`, lessons: m.lessons.map((l) => ({ ...l, key: `${m.key}-copy/${l.key}`, moduleKey: `${m.key}-copy` })) }))] };
  const t2 = performance.now();
  generateCourseCards(doubled);
  const twice = performance.now() - t2;
  const words = course.modules.flatMap((m) => m.lessons).reduce((n, l) => n + l.words, 0);
  console.log(`card generation (seeds)            ${cards.length} cards from ${words} words: first run ${cold.toFixed(0)} ms (includes loading the NLP model), warm ${warm.toFixed(0)} ms; 2x content warm ${twice.toFixed(0)} ms`);
}

// ---------- review loop ----------
const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-'));
const file = path.join(dir, 'bench.db');
try {
  let t = performance.now();
  await applyMigrations(file);
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  const now = new Date();
  // The text Prisma's adapter writes and compares with ('…+00:00'): a '…Z' string sorts after it at the same millisecond.
  const iso = sqliteTime;
  raw.exec(`INSERT INTO Course (id, key, title, description, createdAt, updatedAt) VALUES ('c1','bench','Bench','', '${iso(now)}', '${iso(now)}')`);
  raw.exec(`INSERT INTO Module (id, courseId, key, title, description, "order", prerequisites) VALUES ('m1','c1','m','M','',0,'[]')`);
  const insLesson = raw.prepare(`INSERT INTO Lesson (id, moduleId, key, title, "order", markdown, words, sourceFile) VALUES (?, 'm1', ?, ?, ?, 'x', 1, 'x.md')`);
  const insCard = raw.prepare(`INSERT INTO Card (id, lessonId, key, type, front, back, source, anchor, position, score, suspended, createdAt, updatedAt) VALUES (?, ?, ?, 'basic', ?, 'answer', 'source', '', ?, 1, 0, ?, ?)`);
  const insUser = raw.prepare(`INSERT INTO User (id, email, name, role, timeZone, createdAt, updatedAt) VALUES (?, ?, ?, 'learner', 'Europe/Paris', ?, ?)`);
  const insState = raw.prepare(`INSERT INTO CardState (userId, cardId, state, due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, lastReview, lastReviewMs, leech, version, sortKey, addedAt) VALUES (?, ?, ?, ?, ?, ?, 3, 5, 0, ?, 0, ?, ?, 0, 0, ?, ?)`);
  const insLog = raw.prepare(`INSERT INTO ReviewLog (id, userId, cardId, clientId, rating, state, due, stability, difficulty, elapsedDays, lastElapsedDays, scheduledDays, learningSteps, review, durationMs) VALUES (?, ?, ?, ?, ?, 'review', ?, 5, 5, 3, 3, 5, 0, ?, 4000)`);
  raw.transaction(() => {
    for (let l = 0; l < 100; l++) insLesson.run(`l${l}`, `m/l${l}`, `Lesson ${l}`, l);
    for (let c = 0; c < CARDS; c++) insCard.run(`card${c}`, `l${c % 100}`, `k${c}`, `Question ${c}?`, c, iso(now), iso(now));
    for (let u = 0; u < LEARNERS; u++) insUser.run(`u${u}`, `u${u}@example.com`, `User ${u}`, iso(now), iso(now));
    const day = 86_400_000;
    // The measured learner: 5,000 cards, a realistic mix of due, future and new.
    for (let c = 0; c < CARDS; c++) {
      const isNew = c % 5 === 0;
      const due = new Date(now.getTime() + ((c % 40) - 10) * day);
      insState.run('u0', `card${c}`, isNew ? 'new' : 'review', iso(isNew ? now : due), isNew ? 0 : 10, isNew ? 0 : 5, isNew ? 0 : 4, isNew ? null : iso(new Date(due.getTime() - 5 * day)), isNew ? null : due.getTime() - 5 * day, c, iso(now));
    }
    for (let r = 0; r < REVIEWS; r++) {
      const at = new Date(now.getTime() - (r % 365) * day - 3_600_000);
      insLog.run(randomUUID(), 'u0', `card${r % CARDS}`, randomUUID(), 1 + (r % 4), iso(at), iso(at));
    }
    // 999 other learners with 50 cards and 100 reviews each, so indexes are exercised on a shared table.
    for (let u = 1; u < LEARNERS; u++) {
      for (let c = 0; c < 50; c++) insState.run(`u${u}`, `card${(u + c * 97) % CARDS}`, 'review', iso(new Date(now.getTime() + (c % 20) * day)), 10, 5, 4, iso(now), now.getTime(), c, iso(now));
      for (let r = 0; r < 100; r++) insLog.run(randomUUID(), `u${u}`, `card${(u + r * 97) % CARDS}`, randomUUID(), 3, iso(now), iso(new Date(now.getTime() - r * day)));
    }
  })();
  console.log(`seeded ${LEARNERS} learners, ${CARDS} cards, ${REVIEWS + (LEARNERS - 1) * 100} reviews in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  t = performance.now();
  const classes = seedClassBench(raw, now, 'c1', 'm1', Array.from({ length: CARDS }, (_, c) => `card${c}`));
  raw.close();
  console.log(
    `seeded class of ${classes.learners} learners × ${classes.modules} assignments (${classes.lessons} lessons, ${classes.cards} cards): ` +
      `${classes.lessonProgress} lesson progress, ${classes.cardStates} card states, ${classes.reviews} reviews; ` +
      `2 other classes with ${classes.noiseReviews} reviews, in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  // Start the timed part from a clean heap, not in the middle of the seeding's garbage.
  (globalThis as { gc?: () => void }).gc?.();
  const db = createDb(`file:${file}`);
  const settings = await loadSettings(db, 'u0');
  const queueTimes: number[] = [];
  for (let i = 0; i < 50; i++) {
    t = performance.now();
    await loadQueue(db, 'u0', settings, new Date());
    queueTimes.push(performance.now() - t);
  }
  report('queue build (5,000 cards)', queueTimes);

  const loop: number[] = [];
  const grades: number[] = [];
  const nexts: number[] = [];
  let snap = await reviewSnapshot(db, 'u0', new Date());
  for (let i = 0; i < LOOPS && snap.card; i++) {
    const card = snap.card;
    t = performance.now();
    const at = new Date();
    await gradeForUser(db, 'u0', { cardId: card.id, rating: i % 7 === 0 ? Rating.Again : Rating.Good, clientId: randomUUID(), version: card.version, durationMs: 3000 }, at);
    const graded = performance.now();
    snap = await reviewSnapshot(db, 'u0', at);
    const done = performance.now();
    grades.push(graded - t);
    nexts.push(done - graded);
    loop.push(done - t);
  }
  report('  grade (one transaction)', grades);
  report('  next card (queue + card)', nexts);
  report('review loop (grade → next card)', loop);
  const mem = process.memoryUsage();
  console.log(`memory: rss ${(mem.rss / 1e6).toFixed(0)} MB, heap ${(mem.heapUsed / 1e6).toFixed(0)} MB`);
  await db.$disconnect();

  // ---------- class dashboard ----------
  (globalThis as { gc?: () => void }).gc?.();
  const classDb = createDb(`file:${file}`);
  try {
    const dashboard = () => classDashboard(classDb, classes.instructorId, classes.classId, new Date());
    // First view: nothing cached (as after any member's review). Repeat view: sorting, filtering or paging the
    // table with no review since, which reuses the reviews/retention aggregate.
    const firstView = () => {
      clearReviewCache();
      return dashboard();
    };
    // Without the assigned module ids, classFigures never uses the cache: this is always the full SQL.
    const figures = () => classFigures(classDb, classes.classId, new Date());
    for (let i = 0; i < DASHBOARD_WARMUP; i++) {
      await firstView();
      await figures();
    }
    // The SQL part alone is timed in the same iterations, so a busy machine skews both figures alike.
    const dashTimes: number[] = [];
    const figureTimes: number[] = [];
    const repeatTimes: number[] = [];
    let result: Awaited<ReturnType<typeof dashboard>> = null;
    for (let i = 0; i < DASHBOARD_RUNS; i++) {
      t = performance.now();
      result = await firstView();
      dashTimes.push(performance.now() - t);
      t = performance.now();
      await dashboard();
      repeatTimes.push(performance.now() - t);
      t = performance.now();
      await figures();
      figureTimes.push(performance.now() - t);
    }
    if (!result || result.rows.length !== CLASS_SIZE * CLASS_MODULES) throw new Error(`class dashboard returned ${result?.rows.length ?? 'no'} rows, expected ${CLASS_SIZE * CLASS_MODULES}`);
    report(`class dashboard (${CLASS_SIZE} × ${CLASS_MODULES}), first view`, dashTimes, 'target < 300 ms');
    report('  of which the grouped SQL', figureTimes);
    report('  repeat view (no review since)', repeatTimes);
    const forecastAssignments = await classDb.assignment.findMany({ where: { classId: classes.classId }, select: { id: true, moduleId: true, dueAt: true } });
    const forecastTimes: number[] = [];
    for (let i = 0; i < DASHBOARD_RUNS; i++) {
      t = performance.now();
      await classForecasts(classDb, classes.classId, forecastAssignments, new Date());
      forecastTimes.push(performance.now() - t);
    }
    report('  of which the recall forecast (2 reads + FSRS)', forecastTimes, 'runs beside the grouped SQL');

    const { rows } = result;
    const counts = { not_started: 0, in_progress: 0, done: 0, overdue: 0 };
    for (const r of rows) counts[r.status]++;
    const retained = rows.filter((r) => r.retention !== null);
    const meanRetention = retained.reduce((n, r) => n + (r.retention ?? 0), 0) / Math.max(1, retained.length);
    console.log(
      `  ${rows.length} rows: mean completion ${(rows.reduce((n, r) => n + r.percent, 0) / rows.length).toFixed(1)} %, ` +
        `${counts.done} done / ${counts.in_progress} in progress / ${counts.not_started} not started / ${counts.overdue} overdue; ` +
        `${rows.reduce((n, r) => n + r.reviews7d, 0)} reviews in 7 days, mean true retention ${(meanRetention * 100).toFixed(1)} % over ${retained.length} rows, ` +
        `${rows.reduce((n, r) => n + r.dueNow, 0)} cards due now; ${result.members.filter((m) => m.lastActive).length}/${result.members.length} members ever active`,
    );

    const pageTimes: number[] = [];
    const csvTimes: number[] = [];
    let csvBytes = 0;
    for (let i = 0; i < DASHBOARD_RUNS; i++) {
      t = performance.now();
      tablePage(rows, DEFAULT_QUERY);
      pageTimes.push(performance.now() - t);
      t = performance.now();
      csvBytes = rowsToCsv(rows, result.class.timeZone).length;
      csvTimes.push(performance.now() - t);
    }
    report('  table page (filter, sort, page)', pageTimes);
    report(`  CSV export (${rows.length} rows, ${(csvBytes / 1e3).toFixed(0)} kB)`, csvTimes);
  } finally {
    await classDb.$disconnect();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
