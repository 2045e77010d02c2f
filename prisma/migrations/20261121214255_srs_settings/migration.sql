-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN "lastReview" DATETIME;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "emailVerified" DATETIME,
    "image" TEXT,
    "role" TEXT NOT NULL DEFAULT 'learner',
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "dayStartHour" INTEGER NOT NULL DEFAULT 4,
    "desiredRetention" REAL NOT NULL DEFAULT 0.9,
    "newPerDay" INTEGER NOT NULL DEFAULT 20,
    "maximumInterval" INTEGER NOT NULL DEFAULT 36500,
    "learningSteps" TEXT NOT NULL DEFAULT '["1m","10m"]',
    "relearningSteps" TEXT NOT NULL DEFAULT '["10m"]',
    "fsrsWeights" TEXT,
    "fsrsOptimisedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_User" ("createdAt", "dayStartHour", "desiredRetention", "email", "emailVerified", "fsrsOptimisedAt", "fsrsWeights", "id", "image", "maximumInterval", "name", "newPerDay", "passwordHash", "role", "timeZone", "updatedAt") SELECT "createdAt", "dayStartHour", "desiredRetention", "email", "emailVerified", "fsrsOptimisedAt", "fsrsWeights", "id", "image", "maximumInterval", "name", "newPerDay", "passwordHash", "role", "timeZone", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "CardState_userId_state_sortKey_idx" ON "CardState"("userId", "state", "sortKey");

-- CreateIndex
CREATE INDEX "CardState_cardId_idx" ON "CardState"("cardId");
