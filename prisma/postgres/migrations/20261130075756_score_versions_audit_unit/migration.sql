-- DropIndex
DROP INDEX "GroupScore_quarterId_groupId_unitId_key";

-- AlterTable
ALTER TABLE "GroupScore" ADD COLUMN     "changeReason" TEXT,
ADD COLUMN     "previousId" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "withdrawn" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ScoreAdjustment" ADD COLUMN     "changeReason" TEXT,
ADD COLUMN     "previousId" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "withdrawn" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "UnitVeto" ADD COLUMN     "changeReason" TEXT,
ADD COLUMN     "previousId" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "withdrawn" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "unitId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "GroupScore_previousId_key" ON "GroupScore"("previousId");

-- CreateIndex
CREATE UNIQUE INDEX "GroupScore_quarterId_groupId_unitId_version_key" ON "GroupScore"("quarterId", "groupId", "unitId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "ScoreAdjustment_previousId_key" ON "ScoreAdjustment"("previousId");

-- CreateIndex
CREATE UNIQUE INDEX "UnitVeto_previousId_key" ON "UnitVeto"("previousId");

-- CreateIndex
CREATE INDEX "AuditLog_unitId_createdAt_idx" ON "AuditLog"("unitId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_createdAt_idx" ON "AuditLog"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_action_createdAt_idx" ON "AuditLog"("action", "createdAt");

-- AddForeignKey
ALTER TABLE "GroupScore" ADD CONSTRAINT "GroupScore_previousId_fkey" FOREIGN KEY ("previousId") REFERENCES "GroupScore"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreAdjustment" ADD CONSTRAINT "ScoreAdjustment_previousId_fkey" FOREIGN KEY ("previousId") REFERENCES "ScoreAdjustment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitVeto" ADD CONSTRAINT "UnitVeto_previousId_fkey" FOREIGN KEY ("previousId") REFERENCES "UnitVeto"("id") ON DELETE SET NULL ON UPDATE CASCADE;

