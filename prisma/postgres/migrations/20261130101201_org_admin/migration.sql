-- CreateEnum
CREATE TYPE "ScopeChangeKind" AS ENUM ('ADD', 'REMOVE');

-- AlterTable
ALTER TABLE "Unit" ADD COLUMN     "mergedIntoId" TEXT,
ADD COLUMN     "seatPlace" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "phone" TEXT;

-- CreateTable
CREATE TABLE "AssessmentGroupScopeChange" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "change" "ScopeChangeKind" NOT NULL,
    "effectiveDate" TEXT NOT NULL,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssessmentGroupScopeChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AssessmentGroupScopeChange_groupId_effectiveDate_idx" ON "AssessmentGroupScopeChange"("groupId", "effectiveDate");

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentGroupScopeChange" ADD CONSTRAINT "AssessmentGroupScopeChange_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "AssessmentGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentGroupScopeChange" ADD CONSTRAINT "AssessmentGroupScopeChange_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

