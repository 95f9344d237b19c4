-- CreateTable
CREATE TABLE "ReportVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slotId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "reason" TEXT,
    "text" TEXT NOT NULL,
    "place" TEXT,
    "lat" REAL,
    "lng" REAL,
    "items" TEXT NOT NULL,
    "photoIds" TEXT NOT NULL,
    "addedPhotoIds" TEXT NOT NULL,
    "removedPhotoIds" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "ReportVersion_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "ReportSlot" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReportVersion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recipientId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "href" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "readAt" DATETIME,
    CONSTRAINT "Notification_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ReportSlot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cardId" TEXT NOT NULL,
    "slot" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "place" TEXT,
    "lat" REAL,
    "lng" REAL,
    "startedAt" DATETIME,
    "submittedAt" DATETIME NOT NULL,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "effortSeconds" INTEGER,
    "revisionCount" INTEGER NOT NULL DEFAULT 0,
    "correctionCount" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReportSlot_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "ReportCard" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReportSlot_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ReportSlot" ("authorId", "cardId", "effortSeconds", "id", "lat", "late", "lng", "place", "revisionCount", "slot", "startedAt", "submittedAt", "text", "updatedAt") SELECT "authorId", "cardId", "effortSeconds", "id", "lat", "late", "lng", "place", "revisionCount", "slot", "startedAt", "submittedAt", "text", "updatedAt" FROM "ReportSlot";
DROP TABLE "ReportSlot";
ALTER TABLE "new_ReportSlot" RENAME TO "ReportSlot";
CREATE INDEX "ReportSlot_submittedAt_idx" ON "ReportSlot"("submittedAt");
CREATE UNIQUE INDEX "ReportSlot_cardId_slot_key" ON "ReportSlot"("cardId", "slot");
CREATE TABLE "new_BulletinItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bulletinId" TEXT NOT NULL,
    "slotId" TEXT NOT NULL,
    "versionId" TEXT,
    "excerpt" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "BulletinItem_bulletinId_fkey" FOREIGN KEY ("bulletinId") REFERENCES "Bulletin" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BulletinItem_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "ReportSlot" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "BulletinItem_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ReportVersion" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_BulletinItem" ("bulletinId", "excerpt", "id", "slotId", "sortOrder") SELECT "bulletinId", "excerpt", "id", "slotId", "sortOrder" FROM "BulletinItem";
DROP TABLE "BulletinItem";
ALTER TABLE "new_BulletinItem" RENAME TO "BulletinItem";
CREATE INDEX "BulletinItem_bulletinId_idx" ON "BulletinItem"("bulletinId");
CREATE TABLE "new_SpotCheck" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "drawId" TEXT,
    "slotId" TEXT NOT NULL,
    "versionId" TEXT,
    "checkerId" TEXT NOT NULL,
    "method" TEXT,
    "result" TEXT,
    "notes" TEXT,
    "checkedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "untrueAmounts" TEXT,
    CONSTRAINT "SpotCheck_drawId_fkey" FOREIGN KEY ("drawId") REFERENCES "SpotCheckDraw" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SpotCheck_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "ReportSlot" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SpotCheck_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ReportVersion" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SpotCheck_checkerId_fkey" FOREIGN KEY ("checkerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_SpotCheck" ("checkedAt", "checkerId", "createdAt", "drawId", "id", "method", "notes", "result", "slotId", "untrueAmounts") SELECT "checkedAt", "checkerId", "createdAt", "drawId", "id", "method", "notes", "result", "slotId", "untrueAmounts" FROM "SpotCheck";
DROP TABLE "SpotCheck";
ALTER TABLE "new_SpotCheck" RENAME TO "SpotCheck";
CREATE INDEX "SpotCheck_slotId_idx" ON "SpotCheck"("slotId");
CREATE INDEX "SpotCheck_result_idx" ON "SpotCheck"("result");
CREATE TABLE "new_Anomaly" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slotId" TEXT NOT NULL,
    "versionId" TEXT,
    "kind" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "evidence" TEXT NOT NULL,
    "relatedSlotId" TEXT,
    "photoId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "reviewedById" TEXT,
    "reviewedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Anomaly_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "ReportSlot" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Anomaly_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ReportVersion" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Anomaly_relatedSlotId_fkey" FOREIGN KEY ("relatedSlotId") REFERENCES "ReportSlot" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Anomaly_photoId_fkey" FOREIGN KEY ("photoId") REFERENCES "Photo" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Anomaly_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Anomaly" ("createdAt", "evidence", "id", "kind", "photoId", "relatedSlotId", "reviewedAt", "reviewedById", "score", "slotId", "status") SELECT "createdAt", "evidence", "id", "kind", "photoId", "relatedSlotId", "reviewedAt", "reviewedById", "score", "slotId", "status" FROM "Anomaly";
DROP TABLE "Anomaly";
ALTER TABLE "new_Anomaly" RENAME TO "Anomaly";
CREATE INDEX "Anomaly_slotId_idx" ON "Anomaly"("slotId");
CREATE INDEX "Anomaly_kind_status_idx" ON "Anomaly"("kind", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ReportVersion_createdAt_idx" ON "ReportVersion"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReportVersion_slotId_number_key" ON "ReportVersion"("slotId", "number");

-- CreateIndex
CREATE INDEX "Notification_recipientId_readAt_idx" ON "Notification"("recipientId", "readAt");

-- CreateIndex
CREATE INDEX "Notification_recipientId_createdAt_idx" ON "Notification"("recipientId", "createdAt");

