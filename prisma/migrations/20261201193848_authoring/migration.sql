-- CreateTable
CREATE TABLE "CourseDocument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "docKey" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "bytes" BLOB NOT NULL,
    "text" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "uploadedById" TEXT,
    "uploadedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" DATETIME,
    CONSTRAINT "CourseDocument_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CourseDocument_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CourseDraft" (
    "courseId" TEXT NOT NULL PRIMARY KEY,
    "outline" TEXT NOT NULL,
    "cards" TEXT,
    "cardsStamp" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CourseDraft_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Card" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "lessonId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "front" TEXT NOT NULL,
    "back" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "anchor" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "score" REAL NOT NULL DEFAULT 0,
    "editedFront" TEXT,
    "editedBack" TEXT,
    "editedById" TEXT,
    "editedAt" DATETIME,
    "suspended" BOOLEAN NOT NULL DEFAULT false,
    "origin" TEXT NOT NULL DEFAULT 'generated',
    "approval" TEXT NOT NULL DEFAULT 'approved',
    "ownerId" TEXT,
    "retiredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Card_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Card_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Card" ("anchor", "back", "createdAt", "editedAt", "editedBack", "editedById", "editedFront", "front", "id", "key", "lessonId", "position", "retiredAt", "score", "source", "suspended", "type", "updatedAt") SELECT "anchor", "back", "createdAt", "editedAt", "editedBack", "editedById", "editedFront", "front", "id", "key", "lessonId", "position", "retiredAt", "score", "source", "suspended", "type", "updatedAt" FROM "Card";
DROP TABLE "Card";
ALTER TABLE "new_Card" RENAME TO "Card";
CREATE INDEX "Card_lessonId_position_idx" ON "Card"("lessonId", "position");
CREATE INDEX "Card_ownerId_idx" ON "Card"("ownerId");
CREATE UNIQUE INDEX "Card_lessonId_key_key" ON "Card"("lessonId", "key");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "CourseDocument_courseId_docKey_idx" ON "CourseDocument"("courseId", "docKey");

-- CreateIndex
CREATE UNIQUE INDEX "CourseDocument_courseId_name_version_key" ON "CourseDocument"("courseId", "name", "version");
