-- CreateEnum
CREATE TYPE "ProgressSource" AS ENUM ('REPORT', 'UNIT_UPDATE', 'OFFICE_EDIT', 'REVERSAL', 'MIGRATION');

-- AlterTable
ALTER TABLE "SpotCheck" ADD COLUMN     "untrueAmounts" TEXT;

-- CreateTable
CREATE TABLE "ProgressEvent" (
    "id" SERIAL NOT NULL,
    "taskId" TEXT NOT NULL,
    "milestoneId" TEXT,
    "date" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "source" "ProgressSource" NOT NULL,
    "actorId" TEXT,
    "delta" DOUBLE PRECISION NOT NULL,
    "valueAfter" DOUBLE PRECISION NOT NULL,
    "slotId" TEXT,
    "spotCheckId" TEXT,
    "requested" DOUBLE PRECISION,

    CONSTRAINT "ProgressEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProgressEvent_taskId_date_idx" ON "ProgressEvent"("taskId", "date");

-- CreateIndex
CREATE INDEX "ProgressEvent_milestoneId_idx" ON "ProgressEvent"("milestoneId");

-- CreateIndex
CREATE INDEX "ProgressEvent_slotId_idx" ON "ProgressEvent"("slotId");

-- CreateIndex
CREATE INDEX "ProgressEvent_spotCheckId_idx" ON "ProgressEvent"("spotCheckId");

-- AddForeignKey
ALTER TABLE "ProgressEvent" ADD CONSTRAINT "ProgressEvent_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressEvent" ADD CONSTRAINT "ProgressEvent_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "Milestone"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressEvent" ADD CONSTRAINT "ProgressEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressEvent" ADD CONSTRAINT "ProgressEvent_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "ReportSlot"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressEvent" ADD CONSTRAINT "ProgressEvent_spotCheckId_fkey" FOREIGN KEY ("spotCheckId") REFERENCES "SpotCheck"("id") ON DELETE SET NULL ON UPDATE CASCADE;

