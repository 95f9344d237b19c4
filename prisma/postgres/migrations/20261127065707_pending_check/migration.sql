-- CreateTable
CREATE TABLE "PendingCheck" (
    "slotId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PendingCheck_pkey" PRIMARY KEY ("slotId")
);

-- CreateIndex
CREATE INDEX "PendingCheck_createdAt_idx" ON "PendingCheck"("createdAt");

-- AddForeignKey
ALTER TABLE "PendingCheck" ADD CONSTRAINT "PendingCheck_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "ReportSlot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

