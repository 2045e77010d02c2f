-- CreateTable
CREATE TABLE "CourseInstructor" (
    "courseId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'co-instructor',
    "addedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("courseId", "userId"),
    CONSTRAINT "CourseInstructor_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CourseInstructor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Enrollment" (
    "userId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "enrolledAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "courseId"),
    CONSTRAINT "Enrollment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Enrollment_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Course" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "ownerId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'published',
    "publishedAt" DATETIME,
    "requireApproval" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Course_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Course" ("createdAt", "description", "id", "key", "title", "updatedAt") SELECT "createdAt", "description", "id", "key", "title", "updatedAt" FROM "Course";
DROP TABLE "Course";
ALTER TABLE "new_Course" RENAME TO "Course";
CREATE UNIQUE INDEX "Course_key_key" ON "Course"("key");
CREATE INDEX "Course_ownerId_idx" ON "Course"("ownerId");
CREATE INDEX "Course_status_idx" ON "Course"("status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "CourseInstructor_userId_idx" ON "CourseInstructor"("userId");

-- CreateIndex
CREATE INDEX "Enrollment_courseId_idx" ON "Enrollment"("courseId");

-- Backfill (hand-written, portable SQL): courses that existed before ownership stay as they were for the
-- people already using them. They count as published since they were created; every existing instructor
-- becomes a co-instructor (today any instructor may edit any course's cards); learners with progress in a
-- course, or with a module of it assigned in one of their classes, are enrolled.
UPDATE "Course" SET "publishedAt" = "createdAt" WHERE "publishedAt" IS NULL;

INSERT INTO "CourseInstructor" ("courseId", "userId", "role")
SELECT "c"."id", "u"."id", 'co-instructor' FROM "Course" "c" CROSS JOIN "User" "u" WHERE "u"."role" = 'instructor';

INSERT INTO "Enrollment" ("userId", "courseId")
SELECT DISTINCT "p"."userId", "m"."courseId"
FROM "LessonProgress" "p" JOIN "Lesson" "l" ON "l"."id" = "p"."lessonId" JOIN "Module" "m" ON "m"."id" = "l"."moduleId";

INSERT INTO "Enrollment" ("userId", "courseId")
SELECT DISTINCT "cm"."userId", "m"."courseId"
FROM "ClassMember" "cm" JOIN "Assignment" "a" ON "a"."classId" = "cm"."classId" JOIN "Module" "m" ON "m"."id" = "a"."moduleId"
WHERE NOT EXISTS (SELECT 1 FROM "Enrollment" "e" WHERE "e"."userId" = "cm"."userId" AND "e"."courseId" = "m"."courseId");
