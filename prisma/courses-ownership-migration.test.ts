// The courses_ownership migration keeps an existing deployment as it was: its courses are published, its
// instructors may still edit them (co-instructors), and learners with progress or assignments are enrolled.
import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { applyMigrations, MIGRATIONS_DIR } from '@/scripts/db/schema-engine';

const MIGRATION = readdirSync(MIGRATIONS_DIR).find((d) => d.endsWith('_courses_ownership'))!;
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('courses_ownership migration (SQLite)', () => {
  it('backfills publishedAt, co-instructors and enrolments from existing rows', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'migration-test-'));
    const migrations = path.join(dir, 'migrations');
    const file = path.join(dir, 'test.db');
    cpSync(MIGRATIONS_DIR, migrations, { recursive: true, filter: (src) => !path.basename(src).match(/^\d{14}_/) || path.basename(src) < MIGRATION });
    await applyMigrations(file, migrations);

    const conn = new Database(file);
    const now = new Date('2026-01-01T00:00:00Z').getTime();
    conn.exec(`
      INSERT INTO "User" (id, email, name, role, updatedAt) VALUES ('i1', 'i@x', 'I', 'instructor', ${now}), ('l1', 'l@x', 'L', 'learner', ${now}), ('l2', 'm@x', 'M', 'learner', ${now}), ('l3', 'n@x', 'N', 'learner', ${now});
      INSERT INTO "Course" (id, key, title, description, createdAt, updatedAt) VALUES ('c1', 'c', 'C', '', ${now}, ${now});
      INSERT INTO "Module" (id, courseId, key, title, description, "order") VALUES ('m1', 'c1', 'm', 'M', '', 0);
      INSERT INTO "Lesson" (id, moduleId, key, title, "order", markdown, words, sourceFile) VALUES ('le1', 'm1', 'm/a', 'A', 0, 'x', 1, 'a.md');
      INSERT INTO "LessonProgress" (userId, lessonId) VALUES ('l1', 'le1');
      INSERT INTO "Class" (id, name, instructorId, joinCode) VALUES ('k1', 'K', 'i1', 'ABCDEFGH');
      INSERT INTO "ClassMember" (classId, userId) VALUES ('k1', 'l1'), ('k1', 'l2');
      INSERT INTO "Assignment" (id, classId, moduleId) VALUES ('a1', 'k1', 'm1');
    `);
    conn.close();

    cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
    expect(await applyMigrations(file, migrations)).toContain(MIGRATION);

    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare('SELECT status, publishedAt = createdAt AS same, ownerId FROM "Course"').all()).toEqual([{ status: 'published', same: 1, ownerId: null }]);
      expect(db.prepare('SELECT courseId, userId, role FROM "CourseInstructor"').all()).toEqual([{ courseId: 'c1', userId: 'i1', role: 'co-instructor' }]);
      expect(db.prepare('SELECT userId FROM "Enrollment" ORDER BY userId').all()).toEqual([{ userId: 'l1' }, { userId: 'l2' }]);
    } finally {
      db.close();
    }
  });
});
