-- CreateTable
CREATE TABLE "PendingCheck" (
    "slotId" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "PendingCheck_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "ReportSlot" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PendingCheck_createdAt_idx" ON "PendingCheck"("createdAt");

