-- AlterTable
ALTER TABLE "Instruction" ADD COLUMN "closedAt" DATETIME;
ALTER TABLE "Instruction" ADD COLUMN "deadline" TEXT;

-- CreateTable
CREATE TABLE "OrderCoUnit" (
    "orderId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "signedAt" DATETIME,

    PRIMARY KEY ("orderId", "unitId"),
    CONSTRAINT "OrderCoUnit_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "SupervisionOrder" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OrderCoUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OrderStep" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "unitId" TEXT,
    "at" DATETIME NOT NULL,
    "note" TEXT,
    "deadlineBefore" DATETIME,
    "deadlineAfter" DATETIME,
    "rating" TEXT,
    CONSTRAINT "OrderStep_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "SupervisionOrder" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OrderStep_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SupervisionOrder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "issuerId" TEXT NOT NULL,
    "groupId" TEXT,
    "unitId" TEXT NOT NULL,
    "taskId" TEXT,
    "slotId" TEXT,
    "source" TEXT NOT NULL DEFAULT 'MANUAL',
    "sourceId" TEXT,
    "instructionId" TEXT,
    "title" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "deadline" DATETIME NOT NULL,
    "feedbackEveryDays" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "signedAt" DATETIME,
    "lastFeedbackAt" DATETIME,
    "extensionUntil" DATETIME,
    "escalation" INTEGER NOT NULL DEFAULT 0,
    "acceptedAt" DATETIME,
    "rating" TEXT,
    "ratedAt" DATETIME,
    CONSTRAINT "SupervisionOrder_issuerId_fkey" FOREIGN KEY ("issuerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SupervisionOrder_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "AssessmentGroup" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SupervisionOrder_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SupervisionOrder_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SupervisionOrder_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "ReportSlot" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SupervisionOrder_instructionId_fkey" FOREIGN KEY ("instructionId") REFERENCES "Instruction" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_SupervisionOrder" ("acceptedAt", "content", "createdAt", "deadline", "groupId", "id", "issuerId", "slotId", "status", "taskId", "title", "unitId") SELECT "acceptedAt", "content", "createdAt", "deadline", "groupId", "id", "issuerId", "slotId", "status", "taskId", "title", "unitId" FROM "SupervisionOrder";
DROP TABLE "SupervisionOrder";
ALTER TABLE "new_SupervisionOrder" RENAME TO "SupervisionOrder";
CREATE UNIQUE INDEX "SupervisionOrder_instructionId_key" ON "SupervisionOrder"("instructionId");
CREATE INDEX "SupervisionOrder_unitId_status_idx" ON "SupervisionOrder"("unitId", "status");
CREATE INDEX "SupervisionOrder_deadline_idx" ON "SupervisionOrder"("deadline");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "OrderCoUnit_unitId_idx" ON "OrderCoUnit"("unitId");

-- CreateIndex
CREATE INDEX "OrderStep_orderId_at_idx" ON "OrderStep"("orderId", "at");

