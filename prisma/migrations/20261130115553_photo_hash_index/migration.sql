-- AlterTable
ALTER TABLE "Photo" ADD COLUMN "hashedAt" DATETIME;

-- CreateTable
CREATE TABLE "PhotoHash" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "photoId" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "band0" INTEGER NOT NULL,
    "band1" INTEGER NOT NULL,
    "band2" INTEGER NOT NULL,
    "band3" INTEGER NOT NULL,
    CONSTRAINT "PhotoHash_photoId_fkey" FOREIGN KEY ("photoId") REFERENCES "Photo" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PhotoHash_photoId_idx" ON "PhotoHash"("photoId");

-- CreateIndex
CREATE INDEX "PhotoHash_band0_idx" ON "PhotoHash"("band0");

-- CreateIndex
CREATE INDEX "PhotoHash_band1_idx" ON "PhotoHash"("band1");

-- CreateIndex
CREATE INDEX "PhotoHash_band2_idx" ON "PhotoHash"("band2");

-- CreateIndex
CREATE INDEX "PhotoHash_band3_idx" ON "PhotoHash"("band3");

-- CreateIndex
CREATE INDEX "Photo_hashedAt_idx" ON "Photo"("hashedAt");

