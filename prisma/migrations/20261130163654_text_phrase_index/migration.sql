-- CreateTable
CREATE TABLE "TextPhraseUnit" (
    "shingle" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "lastDate" TEXT NOT NULL,

    PRIMARY KEY ("shingle", "unitId"),
    CONSTRAINT "TextPhraseUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "TextPhraseUnit_shingle_lastDate_idx" ON "TextPhraseUnit"("shingle", "lastDate");

