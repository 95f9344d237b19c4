-- AlterTable
ALTER TABLE "Quarter" ADD COLUMN "earlyCloseReason" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ScoringRule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "year" INTEGER NOT NULL,
    "weightTasks" REAL NOT NULL DEFAULT 40,
    "weightGroups" REAL NOT NULL DEFAULT 40,
    "weightSpotChecks" REAL NOT NULL DEFAULT 10,
    "weightOrders" REAL NOT NULL DEFAULT 10,
    "weightTimeliness" REAL NOT NULL DEFAULT 0,
    "redFlagCount" INTEGER NOT NULL DEFAULT 3,
    "yellowFlagCount" INTEGER NOT NULL DEFAULT 3,
    "escalationLadder" TEXT NOT NULL DEFAULT '["通报批评","约谈"]',
    "lateCredit" REAL NOT NULL DEFAULT 0.5,
    "excludedUnitIds" TEXT NOT NULL DEFAULT '[]',
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_ScoringRule" ("escalationLadder", "id", "redFlagCount", "updatedAt", "weightGroups", "weightOrders", "weightSpotChecks", "weightTasks", "weightTimeliness", "year", "yellowFlagCount") SELECT "escalationLadder", "id", "redFlagCount", "updatedAt", "weightGroups", "weightOrders", "weightSpotChecks", "weightTasks", "weightTimeliness", "year", "yellowFlagCount" FROM "ScoringRule";
DROP TABLE "ScoringRule";
ALTER TABLE "new_ScoringRule" RENAME TO "ScoringRule";
CREATE UNIQUE INDEX "ScoringRule_year_key" ON "ScoringRule"("year");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

