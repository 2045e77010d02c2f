// Seed data for the class-dashboard figure in `npm run bench`: one instructor's class of 500 learners with 10
// assigned modules and a few weeks of realistic activity, plus other classes and learners so indexes matter.
// Raw inserts (one transaction, prepared statements) because Prisma's createMany would take minutes here.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { seededRandom } from '../lib/srs/test-helpers';

export const CLASS_SIZE = 500;
export const CLASS_MODULES = 10;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** DateTime text exactly as Prisma's SQLite adapter writes it, so text comparisons with its parameters hold. */
export function sqliteTime(d: Date): string {
  return d.toISOString().replace('Z', '+00:00');
}

export interface ClassBenchSeed {
  instructorId: string;
  classId: string;
  learners: number;
  modules: number;
  lessons: number;
  cards: number;
  lessonProgress: number;
  cardStates: number;
  reviews: number;
  /** Rows written for the other classes' learners (noise). */
  noiseReviews: number;
}

/**
 * Writes the class scenario into a migrated database that already holds course `courseId`, its module
 * `noiseModuleId` with cards, and learners `u1`…`u150` with their own cards and reviews (the review bench).
 */
export function seedClassBench(raw: Database.Database, now: Date, courseId: string, noiseModuleId: string, noiseCardIds: readonly string[]): ClassBenchSeed {
  const rnd = seededRandom(20261121); // the same data on every run, so figures compare across runs
  const t = (ms: number) => sqliteTime(new Date(ms));
  const nowMs = now.getTime();
  const stamp = sqliteTime(now);

  const insUser = raw.prepare(`INSERT INTO "User" ("id", "email", "name", "role", "timeZone", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insModule = raw.prepare(`INSERT INTO "Module" ("id", "courseId", "key", "title", "description", "order", "prerequisites") VALUES (?, ?, ?, ?, '', ?, '[]')`);
  const insLesson = raw.prepare(`INSERT INTO "Lesson" ("id", "moduleId", "key", "title", "order", "markdown", "words", "sourceFile") VALUES (?, ?, ?, ?, ?, 'x', 400, 'x.md')`);
  const insCard = raw.prepare(`INSERT INTO "Card" ("id", "lessonId", "key", "type", "front", "back", "source", "anchor", "position", "score", "suspended", "createdAt", "updatedAt") VALUES (?, ?, ?, 'basic', ?, 'answer', 'source', '', ?, 1, ?, ?, ?)`);
  const insClass = raw.prepare(`INSERT INTO "Class" ("id", "name", "instructorId", "timeZone", "joinCode", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insMember = raw.prepare(`INSERT INTO "ClassMember" ("classId", "userId", "joinedAt") VALUES (?, ?, ?)`);
  const insAssignment = raw.prepare(`INSERT INTO "Assignment" ("id", "classId", "moduleId", "dueAt", "note", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insProgress = raw.prepare(`INSERT INTO "LessonProgress" ("userId", "lessonId", "firstViewedAt", "lastViewedAt", "completedAt") VALUES (?, ?, ?, ?, ?)`);
  const insState = raw.prepare(
    `INSERT INTO "CardState" ("userId", "cardId", "state", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "lastReview", "leech", "version", "sortKey", "addedAt") VALUES (?, ?, ?, ?, ?, 5, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insLog = raw.prepare(
    `INSERT INTO "ReviewLog" ("id", "userId", "cardId", "clientId", "rating", "state", "due", "stability", "difficulty", "elapsedDays", "lastElapsedDays", "scheduledDays", "learningSteps", "review", "durationMs") VALUES (?, ?, ?, ?, ?, ?, ?, 5, 5, 3, 3, 5, 0, ?, ?)`,
  );

  const seed: ClassBenchSeed = { instructorId: 'inst0', classId: 'class-main', learners: CLASS_SIZE, modules: CLASS_MODULES, lessons: 0, cards: 0, lessonProgress: 0, cardStates: 0, reviews: 0, noiseReviews: 0 };
  const rating = () => {
    const x = rnd();
    return x < 0.12 ? 1 : x < 0.2 ? 2 : x < 0.85 ? 3 : 4;
  };
  const log = (userId: string, cardId: string, state: 'learning' | 'review', at: number) =>
    insLog.run(randomUUID(), userId, cardId, randomUUID(), rating(), state, t(at), t(at), 3000 + Math.floor(rnd() * 20_000));
  // The class's reviews go in in time order, as a live database receives them: one learner's rows are then
  // scattered over the table, so a lookup that is not covered by an index costs what it would in production.
  const classReviews: { userId: string; cardId: string; state: 'learning' | 'review'; at: number }[] = [];

  raw.transaction(() => {
    insUser.run('inst0', 'inst0@example.com', 'Instructor Zero', 'instructor', 'Europe/Paris', stamp, stamp);
    insUser.run('inst1', 'inst1@example.com', 'Instructor One', 'instructor', 'America/New_York', stamp, stamp);

    // Content: 10 modules of 5–7 lessons with 4–6 cards each (≈ 300 cards), a few suspended.
    const modules: { id: string; lessons: { id: string; cards: string[] }[] }[] = [];
    for (let k = 0; k < CLASS_MODULES; k++) {
      const moduleId = `cm${k}`;
      insModule.run(moduleId, courseId, `class-module-${k}`, `Module ${k + 1}`, k + 1);
      const lessons: { id: string; cards: string[] }[] = [];
      for (let j = 0; j < 5 + (k % 3); j++) {
        const lessonId = `cm${k}-l${j}`;
        insLesson.run(lessonId, moduleId, `lesson-${j}`, `Lesson ${k + 1}.${j + 1}`, j);
        const cards: string[] = [];
        for (let c = 0; c < 4 + ((k + j) % 3); c++) {
          const cardId = `cm${k}-l${j}-c${c}`;
          insCard.run(cardId, lessonId, `card-${c}`, `Question ${k}.${j}.${c}?`, c, c === 5 ? 1 : 0, stamp, stamp);
          cards.push(cardId);
        }
        lessons.push({ id: lessonId, cards });
        seed.cards += cards.length;
      }
      modules.push({ id: moduleId, lessons });
      seed.lessons += lessons.length;
    }

    // The measured class, due dates four weeks ago to five weeks ahead, one a week.
    const created = nowMs - 70 * DAY_MS;
    insClass.run(seed.classId, 'Biology 101 — autumn', seed.instructorId, 'Europe/Paris', 'BNCH2345', t(created), t(created));
    const dueOffset = (k: number) => (-28 + 7 * k) * DAY_MS;
    modules.forEach((m, k) => insAssignment.run(`a-main-${k}`, seed.classId, m.id, t(nowMs + dueOffset(k) + 17 * 3_600_000), k % 3 === 0 ? 'Read before the lab.' : '', t(created), t(created)));

    const zones = ['Europe/Paris', 'Europe/London', 'America/New_York', 'Asia/Tokyo'];
    for (let i = 0; i < CLASS_SIZE; i++) {
      const userId = `cl${i}`;
      const joined = created + Math.floor(rnd() * 10 * DAY_MS);
      insUser.run(userId, `learner${i}@example.com`, `Learner ${String(i).padStart(3, '0')}`, 'learner', zones[i % zones.length]!, t(joined), t(joined));
      insMember.run(seed.classId, userId, t(joined));

      // Diligence decides how far through each module the learner got; later modules are less done.
      const diligence = rnd();
      const reviewed: string[] = [];
      modules.forEach((m, k) => {
        const share = Math.max(0, Math.min(1, diligence * 1.25 - k * 0.09 + (rnd() - 0.5) * 0.2));
        const completed = Math.round(share * m.lessons.length);
        m.lessons.forEach((lesson, j) => {
          const viewed = j < completed || (j === completed && rnd() < 0.5);
          if (viewed) {
            // Studied around the assignment's due date, never in the future.
            const done = Math.min(nowMs - 2 * 3_600_000, nowMs + dueOffset(k) - rnd() * 14 * DAY_MS);
            const first = Math.max(joined, done - 20 * MINUTE_MS);
            // A third come back to the lesson within five days.
            const revisit = rnd() < 0.3 ? Math.min(nowMs - MINUTE_MS, done + rnd() * 5 * DAY_MS) : done;
            insProgress.run(userId, lesson.id, t(first), t(Math.max(first, revisit)), j < completed ? t(Math.max(first, done)) : null);
            seed.lessonProgress++;
          }
          // Every assigned card is enrolled on joining; cards of completed lessons have been studied.
          lesson.cards.forEach((cardId, c) => {
            const sortKey = (k + 1) * 10_000 + j * 100 + c;
            const studied = j < completed && rnd() < 0.9;
            if (!studied) {
              insState.run(userId, cardId, 'new', t(joined), 0, 0, 0, 0, 0, null, 0, 0, sortKey, t(joined));
            } else {
              const x = rnd();
              const state = x < 0.1 ? 'learning' : x < 0.15 ? 'relearning' : 'review';
              // About a fifth are due now (spread over the past five days), the rest over the next three weeks.
              const due = nowMs + (rnd() < 0.2 ? -rnd() * 5 * DAY_MS : rnd() * 21 * DAY_MS);
              const lapses = rnd() < 0.1 ? 1 + Math.floor(rnd() * 8) : 0;
              insState.run(userId, cardId, state, t(due), 2 + rnd() * 40, 3, 7, 2 + Math.floor(rnd() * 10), lapses, t(due - 5 * DAY_MS), lapses >= 8 ? 1 : 0, 3, sortKey, t(joined));
              reviewed.push(cardId);
            }
            seed.cardStates++;
          });
        });
      });

      // 100–300 reviews over the last 30–60 days, on the cards this learner studied; inactive learners have none.
      if (reviewed.length > 0) {
        const span = (30 + Math.floor(rnd() * 31)) * DAY_MS;
        const count = 100 + Math.floor(rnd() * 201);
        for (let r = 0; r < count; r++) {
          const at = nowMs - 10 * MINUTE_MS - rnd() * Math.min(span, nowMs - joined);
          classReviews.push({ userId, cardId: reviewed[Math.floor(rnd() * reviewed.length)]!, state: rnd() < 0.2 ? 'learning' : 'review', at });
        }
        seed.reviews += count;
      }
    }

    classReviews.sort((a, b) => a.at - b.at);
    for (const r of classReviews) log(r.userId, r.cardId, r.state, r.at);

    // Noise: the same instructor's second class (review-bench learners, the noise module and three of the
    // measured modules), and another instructor's class sharing 50 learners with the measured one.
    insClass.run('class-b', 'Biology 101 — evening', 'inst0', 'Europe/Paris', 'BNCH6789', t(created), t(created));
    insClass.run('class-c', 'Chemistry', 'inst1', 'America/New_York', 'BNCHCDEF', t(created), t(created));
    insAssignment.run('a-b-noise', 'class-b', noiseModuleId, t(nowMs + 3 * DAY_MS), '', t(created), t(created));
    insAssignment.run('a-c-noise', 'class-c', noiseModuleId, t(nowMs - 3 * DAY_MS), '', t(created), t(created));
    for (let k = 0; k < 3; k++) insAssignment.run(`a-b-${k}`, 'class-b', modules[k]!.id, t(nowMs + dueOffset(k)), '', t(created), t(created));
    for (let u = 1; u <= 100; u++) {
      const userId = `u${u}`;
      insMember.run('class-b', userId, t(created));
      for (let k = 0; k < 3; k++) {
        for (const lesson of modules[k]!.lessons) {
          insProgress.run(userId, lesson.id, t(created), t(nowMs - DAY_MS), rnd() < 0.6 ? t(nowMs - DAY_MS) : null);
          for (const cardId of lesson.cards) insState.run(userId, cardId, 'review', t(nowMs + (rnd() - 0.3) * 10 * DAY_MS), 10, 3, 5, 3, 0, t(nowMs - 2 * DAY_MS), 0, 3, 0, t(created));
        }
      }
      for (let r = 0; r < 50; r++) log(userId, `cm${r % 3}-l0-c${r % 4}`, 'review', nowMs - rnd() * 40 * DAY_MS);
      seed.noiseReviews += 50;
    }
    for (let u = 0; u < 100; u++) {
      // cl400…cl449 are also in the measured class: their activity on the noise module must not count there.
      const userId = u < 50 ? `cl${400 + u}` : `u${51 + u}`;
      insMember.run('class-c', userId, t(created));
      if (u >= 50) continue;
      for (let c = 0; c < 50; c++) insState.run(userId, noiseCardIds[(u * 37 + c) % noiseCardIds.length]!, 'review', t(nowMs + (rnd() - 0.3) * 10 * DAY_MS), 10, 3, 5, 3, 0, t(nowMs - 2 * DAY_MS), 0, 3, 0, t(created));
      for (let r = 0; r < 40; r++) log(userId, noiseCardIds[(u * 37 + (r % 50)) % noiseCardIds.length]!, 'review', nowMs - rnd() * 40 * DAY_MS);
      seed.noiseReviews += 40;
    }
    // As every writer in the app does (stateColumns), and as the migration backfilled.
    raw.exec(`UPDATE "CardState" SET "lastReviewMs" = CAST(ROUND(unixepoch("lastReview", 'subsec') * 1000) AS REAL) WHERE "lastReview" IS NOT NULL AND "lastReviewMs" IS NULL`);
  })();
  return seed;
}
