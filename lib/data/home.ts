// The learner's home: their courses with progress, today's review counts and their class assignments.
import 'server-only';
import { db } from '@/lib/db';
import { reviewCounts } from '@/lib/review/service';
import { learnerAssignments } from '@/lib/classes/service';
import { getLearnerCourses } from './course';

export async function getHome(userId: string, now = new Date()) {
  const [courses, assignments, reviews, published] = await Promise.all([
    getLearnerCourses(userId),
    learnerAssignments(db, userId, now),
    reviewCounts(db, userId, now),
    db.course.count({ where: { status: 'published' } }),
  ]);
  return { courses, assignments, dueToday: reviews.new + reviews.learning + reviews.review, catalogueSize: published };
}
