-- CreateTable
CREATE TABLE "SiteVisit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slotId" TEXT NOT NULL,
    "leaderId" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "lat" REAL,
    "lng" REAL,
    "visitedAt" DATETIME NOT NULL,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SiteVisit_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "ReportSlot" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SiteVisit_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ReportCard" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "unitId" TEXT,
    "leaderId" TEXT,
    "date" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReportCard_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ReportCard_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ReportCard" ("createdAt", "date", "id", "unitId", "updatedAt") SELECT "createdAt", "date", "id", "unitId", "updatedAt" FROM "ReportCard";
DROP TABLE "ReportCard";
ALTER TABLE "new_ReportCard" RENAME TO "ReportCard";
CREATE INDEX "ReportCard_date_idx" ON "ReportCard"("date");
CREATE UNIQUE INDEX "ReportCard_unitId_date_key" ON "ReportCard"("unitId", "date");
CREATE UNIQUE INDEX "ReportCard_leaderId_date_key" ON "ReportCard"("leaderId", "date");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "SiteVisit_slotId_idx" ON "SiteVisit"("slotId");

-- CreateIndex
CREATE INDEX "SiteVisit_leaderId_idx" ON "SiteVisit"("leaderId");

