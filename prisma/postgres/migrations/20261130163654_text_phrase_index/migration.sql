-- CreateTable
CREATE TABLE "TextPhraseUnit" (
    "shingle" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "lastDate" TEXT NOT NULL,

    CONSTRAINT "TextPhraseUnit_pkey" PRIMARY KEY ("shingle","unitId")
);

-- CreateIndex
CREATE INDEX "TextPhraseUnit_shingle_lastDate_idx" ON "TextPhraseUnit"("shingle", "lastDate");

-- AddForeignKey
ALTER TABLE "TextPhraseUnit" ADD CONSTRAINT "TextPhraseUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

