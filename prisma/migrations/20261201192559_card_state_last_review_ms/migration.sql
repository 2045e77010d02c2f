-- AlterTable
ALTER TABLE "CardState" ADD COLUMN "lastReviewMs" REAL;

-- Backfill from the text timestamps already stored (SQLite's own date functions; this folder is SQLite's).
UPDATE "CardState" SET "lastReviewMs" = CAST(ROUND(unixepoch("lastReview", 'subsec') * 1000) AS REAL) WHERE "lastReview" IS NOT NULL;
