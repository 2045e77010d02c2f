// db:copy from a SQLite deployment into a fresh migrated PostgreSQL database: same rows per table (counts and
// checksums), the same learner gets the same next card, and a non-empty or unmigrated target is refused.
// Runs in the PostgreSQL project only (vitest.config.ts, *.pg.test.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createTestDb, type TestDb } from '@/test/db';
import { createDb, type Db } from '@/lib/db';
import { applyMigrations } from '@/scripts/db/schema-engine';
import { createDatabase, dropDatabase } from '@/scripts/db/pg-server';
import { syncTwoModuleCourse, twoModuleCourse, ownCourse } from '@/test/classes';
import { makeUser } from '@/test/courses';
import { assignModule, createClass, joinClass } from '@/lib/classes/service';
import { gradeForUser, reviewSnapshot } from '@/lib/review/service';
import { closeStoreFor } from '@/lib/review/store';
import { Rating } from '@/lib/srs';
import { CopyError, copySqliteToPostgres, fkOrder } from './copy';

const T0 = new Date('2026-03-07T15:00:00Z');
const T1 = new Date('2026-03-08T09:30:00Z');
let target: TestDb;
let dir: string;
let file: string;
let source: Db;
let learnerId: string;

async function seedSource(db: Db) {
  await syncTwoModuleCourse(db, twoModuleCourse(['a', 'b'], ['c']), [['k1', 'm1/a'], ['k2', 'm1/a'], ['k3', 'm1/b'], ['k4', 'm1/b'], ['k5', 'm2/c']]);
  const instructor = await makeUser(db, 'teach@example.com', 'instructor');
  const learner = await makeUser(db, 'learn@example.com', 'learner');
  learnerId = learner.id;
  await db.user.update({ where: { id: learner.id }, data: { passwordHash: 'x'.repeat(40), desiredRetention: 0.87, timeZone: 'Europe/Paris' } });
  const courseId = await ownCourse(db, instructor.id);
  const cls = await createClass(db, instructor.id, { name: 'Class 1', timeZone: 'UTC' });
  if (!cls.ok) throw new Error(cls.error);
  const m1 = await db.module.findFirstOrThrow({ where: { key: 'm1' } });
  const assigned = await assignModule(db, instructor.id, { classId: cls.id, moduleId: m1.id, dueDate: '2026-03-20', dueTime: '23:59', note: 'Read, then review' }, T0);
  if (!assigned.ok) throw new Error(assigned.error);
  const joined = await joinClass(db, learner.id, cls.joinCode, T0);
  if (!joined.ok) throw new Error(joined.error);
  // A few grades (one Again, so a learning card is due later), a suspended card and an uploaded document (bytes).
  for (const rating of [Rating.Good, Rating.Again, Rating.Easy]) {
    const card = (await reviewSnapshot(db, learner.id, T0)).card!;
    const r = await gradeForUser(db, learner.id, { cardId: card.id, rating, clientId: `c-${rating}-${card.id}`, version: card.version, durationMs: 1200 }, T0);
    expect(r.ok).toBe(true);
  }
  await db.card.updateMany({ where: { key: 'k5' }, data: { suspended: true } });
  await db.courseDocument.create({ data: { courseId, name: 'notes.md', docKey: 'notes', mediaType: 'text/markdown', bytes: new Uint8Array([0, 1, 2, 254, 255]), text: '# Notes', sha256: 'abc', version: 1 } });
}

async function pgCount(url: string, table: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`)).rows[0]!.n);
  } finally {
    await c.end();
  }
}

describe('db:copy SQLite → PostgreSQL', () => {
  beforeEach(async () => {
    target = await createTestDb();
    dir = mkdtempSync(path.join(os.tmpdir(), 'copy-'));
    file = path.join(dir, 'app.db');
    await applyMigrations(file);
    source = createDb(`file:${file}`);
    await seedSource(source);
  });
  afterEach(async () => {
    await closeStoreFor(source);
    await source.$disconnect();
    await target.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies every table with the same counts, and the learner gets the same next card', async () => {
    const report = await copySqliteToPostgres(file, target.url);
    const tables = new Map(report.map((t) => [t.table, t.rows]));
    expect(tables.get('User')).toBe(2);
    expect(tables.get('ReviewLog')).toBe(3);
    expect(tables.get('CourseDocument')).toBe(1);
    expect(tables.has('_prisma_migrations')).toBe(false);
    // Parents first: a user and a course before the rows that point at them.
    const at = (t: string) => report.findIndex((r) => r.table === t);
    expect(at('User')).toBeLessThan(at('CardState'));
    expect(at('Card')).toBeLessThan(at('ReviewLog'));
    for (const t of report) expect(await pgCount(target.url, t.table)).toBe(t.rows);

    const [a, b] = [await reviewSnapshot(source, learnerId, T1), await reviewSnapshot(target.db, learnerId, T1)];
    expect(a.card).not.toBeNull();
    expect(b).toEqual(a);
    const user = await target.db.user.findUniqueOrThrow({ where: { id: learnerId } });
    expect(user).toMatchObject({ desiredRetention: 0.87, timeZone: 'Europe/Paris', passwordHash: 'x'.repeat(40) });
    expect(await target.db.card.count({ where: { suspended: true } })).toBe(1);
    const doc = await target.db.courseDocument.findFirstOrThrow();
    expect([...doc.bytes]).toEqual([0, 1, 2, 254, 255]);
    const logs = await source.reviewLog.findMany({ orderBy: { clientId: 'asc' } });
    expect(await target.db.reviewLog.findMany({ orderBy: { clientId: 'asc' } })).toEqual(logs);
  });

  it('refuses a target that is not empty, and leaves it as it was', async () => {
    await target.db.user.create({ data: { email: 'already@example.com', name: 'Already' } });
    await expect(copySqliteToPostgres(file, target.url)).rejects.toThrow(/not empty \(table User has rows\)/);
    expect(await target.db.user.count()).toBe(1);
    expect(await target.db.card.count()).toBe(0);
  });

  it('refuses a database that was never migrated', async () => {
    const server = process.env.TEST_PG_SERVER_URL!;
    const name = `bare_${randomBytes(4).toString('hex')}`;
    const url = await createDatabase(server, name);
    try {
      await expect(copySqliteToPostgres(file, url)).rejects.toThrow(CopyError);
      await expect(copySqliteToPostgres(file, url)).rejects.toThrow(/not migrated/);
    } finally {
      await dropDatabase(server, name);
    }
  });
});

describe('fkOrder', () => {
  it('puts every table after the tables it points to', () => {
    const parents: Record<string, string[]> = { Log: ['User', 'Card'], Card: ['Lesson'], Lesson: ['Module'], Module: [], User: [] };
    const order = fkOrder(Object.keys(parents), (t) => parents[t] ?? []);
    for (const [t, ps] of Object.entries(parents)) for (const p of ps) expect(order.indexOf(p)).toBeLessThan(order.indexOf(t));
  });
  it('refuses a cycle', () => {
    expect(() => fkOrder(['A', 'B'], (t) => (t === 'A' ? ['B'] : ['A']))).toThrow(/cycle/);
  });
});
