-- AlterTable
ALTER TABLE "ScoringRule" ADD COLUMN     "excludedUnitIds" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "lateCredit" DOUBLE PRECISION NOT NULL DEFAULT 0.5;

-- AlterTable
ALTER TABLE "Quarter" ADD COLUMN     "earlyCloseReason" TEXT;

