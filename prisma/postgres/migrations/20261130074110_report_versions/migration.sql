-- CreateEnum
CREATE TYPE "ReportVersionKind" AS ENUM ('SUBMIT', 'EDIT', 'REVISION', 'CORRECTION');

-- AlterTable
ALTER TABLE "ReportSlot" ADD COLUMN     "correctionCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "BulletinItem" ADD COLUMN     "versionId" TEXT;

-- AlterTable
ALTER TABLE "SpotCheck" ADD COLUMN     "versionId" TEXT;

-- AlterTable
ALTER TABLE "Anomaly" ADD COLUMN     "versionId" TEXT;

-- CreateTable
CREATE TABLE "ReportVersion" (
    "id" TEXT NOT NULL,
    "slotId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" "ReportVersionKind" NOT NULL,
    "authorId" TEXT NOT NULL,
    "reason" TEXT,
    "text" TEXT NOT NULL,
    "place" TEXT,
    "lat" DOUBLE PRECISION,
    "lng" DOUBLE PRECISION,
    "items" TEXT NOT NULL,
    "photoIds" TEXT NOT NULL,
    "addedPhotoIds" TEXT NOT NULL,
    "removedPhotoIds" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "href" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportVersion_createdAt_idx" ON "ReportVersion"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReportVersion_slotId_number_key" ON "ReportVersion"("slotId", "number");

-- CreateIndex
CREATE INDEX "Notification_recipientId_readAt_idx" ON "Notification"("recipientId", "readAt");

-- CreateIndex
CREATE INDEX "Notification_recipientId_createdAt_idx" ON "Notification"("recipientId", "createdAt");

-- AddForeignKey
ALTER TABLE "ReportVersion" ADD CONSTRAINT "ReportVersion_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "ReportSlot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportVersion" ADD CONSTRAINT "ReportVersion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BulletinItem" ADD CONSTRAINT "BulletinItem_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ReportVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpotCheck" ADD CONSTRAINT "SpotCheck_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ReportVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Anomaly" ADD CONSTRAINT "Anomaly_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ReportVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

