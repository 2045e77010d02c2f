import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { ownCourse, syncTwoModuleCourse, twoModuleCourse } from '@/test/classes';
import { ensureDemoClass } from './demo';
import { learnerAssignments } from './service';

let t: TestDb;
beforeEach(async () => { t = await createTestDb(); });
afterEach(async () => t.cleanup());

describe('demo class (SQLite)', () => {
  it('puts the demo learner in a class with the first module assigned, once', async () => {
    const teacher = (await t.db.user.create({ data: { email: 't@example.com', name: 'T', role: 'instructor' } })).id;
    const learner = (await t.db.user.create({ data: { email: 'l@example.com', name: 'L' } })).id;
    const now = new Date('2026-06-01T10:00:00Z');
    expect(await ensureDemoClass(t.db, teacher, learner, now)).toBe('no-course');
    await syncTwoModuleCourse(t.db, twoModuleCourse(['a'], ['b']), [['k1', 'm1/a']]);
    // A course the demo instructor does not own is not theirs to assign.
    expect(await ensureDemoClass(t.db, teacher, learner, now)).toBe('no-course');
    await ownCourse(t.db, teacher);
    expect(await ensureDemoClass(t.db, teacher, learner, now)).toBe('created');
    expect(await ensureDemoClass(t.db, teacher, learner, now)).toBe('exists');
    const assigned = await learnerAssignments(t.db, learner, now);
    expect(assigned.map((a) => [a.moduleTitle, a.status, a.dueAt?.toISOString()])).toEqual([['One', 'not_started', '2026-06-15T23:59:00.000Z']]);
    expect(await t.db.cardState.count({ where: { userId: learner } })).toBe(1);
  });
});
