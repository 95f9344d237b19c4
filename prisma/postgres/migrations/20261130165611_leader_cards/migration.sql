-- AlterTable
ALTER TABLE "ReportCard" ADD COLUMN     "leaderId" TEXT,
ALTER COLUMN "unitId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "SiteVisit" (
    "id" TEXT NOT NULL,
    "slotId" TEXT NOT NULL,
    "leaderId" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "lat" DOUBLE PRECISION,
    "lng" DOUBLE PRECISION,
    "visitedAt" TIMESTAMP(3) NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SiteVisit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SiteVisit_slotId_idx" ON "SiteVisit"("slotId");

-- CreateIndex
CREATE INDEX "SiteVisit_leaderId_idx" ON "SiteVisit"("leaderId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportCard_leaderId_date_key" ON "ReportCard"("leaderId", "date");

-- AddForeignKey
ALTER TABLE "ReportCard" ADD CONSTRAINT "ReportCard_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteVisit" ADD CONSTRAINT "SiteVisit_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "ReportSlot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteVisit" ADD CONSTRAINT "SiteVisit_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

