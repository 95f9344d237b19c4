-- CreateEnum
CREATE TYPE "OrderSource" AS ENUM ('MANUAL', 'REPORT', 'SPOT_CHECK', 'ANOMALY', 'INSTRUCTION', 'TASK');

-- CreateEnum
CREATE TYPE "OrderRating" AS ENUM ('SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED');

-- CreateEnum
CREATE TYPE "OrderStepKind" AS ENUM ('REGISTER', 'ASSIGN', 'SIGN', 'FEEDBACK', 'REQUEST_EXTENSION', 'APPROVE_EXTENSION', 'REFUSE_EXTENSION', 'REQUEST_CLOSE', 'CLOSE', 'RETURN', 'EVALUATE', 'ESCALATE', 'CIRCULATE', 'SUMMON');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "OrderStatus" ADD VALUE 'REGISTERED';
ALTER TYPE "OrderStatus" ADD VALUE 'SIGNED';

-- AlterTable
ALTER TABLE "Instruction" ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "deadline" TEXT;

-- AlterTable
ALTER TABLE "SupervisionOrder" ADD COLUMN     "escalation" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "extensionUntil" TIMESTAMP(3),
ADD COLUMN     "feedbackEveryDays" INTEGER,
ADD COLUMN     "instructionId" TEXT,
ADD COLUMN     "lastFeedbackAt" TIMESTAMP(3),
ADD COLUMN     "ratedAt" TIMESTAMP(3),
ADD COLUMN     "rating" "OrderRating",
ADD COLUMN     "signedAt" TIMESTAMP(3),
ADD COLUMN     "source" "OrderSource" NOT NULL DEFAULT 'MANUAL',
ADD COLUMN     "sourceId" TEXT;

-- CreateTable
CREATE TABLE "OrderCoUnit" (
    "orderId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "signedAt" TIMESTAMP(3),

    CONSTRAINT "OrderCoUnit_pkey" PRIMARY KEY ("orderId","unitId")
);

-- CreateTable
CREATE TABLE "OrderStep" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "kind" "OrderStepKind" NOT NULL,
    "actorId" TEXT NOT NULL,
    "unitId" TEXT,
    "at" TIMESTAMP(3) NOT NULL,
    "note" TEXT,
    "deadlineBefore" TIMESTAMP(3),
    "deadlineAfter" TIMESTAMP(3),
    "rating" "OrderRating",

    CONSTRAINT "OrderStep_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OrderCoUnit_unitId_idx" ON "OrderCoUnit"("unitId");

-- CreateIndex
CREATE INDEX "OrderStep_orderId_at_idx" ON "OrderStep"("orderId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "SupervisionOrder_instructionId_key" ON "SupervisionOrder"("instructionId");

-- AddForeignKey
ALTER TABLE "SupervisionOrder" ADD CONSTRAINT "SupervisionOrder_instructionId_fkey" FOREIGN KEY ("instructionId") REFERENCES "Instruction"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderCoUnit" ADD CONSTRAINT "OrderCoUnit_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "SupervisionOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderCoUnit" ADD CONSTRAINT "OrderCoUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderStep" ADD CONSTRAINT "OrderStep_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "SupervisionOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderStep" ADD CONSTRAINT "OrderStep_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

