-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN "unitId" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_GroupScore" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "quarterId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "assessorId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "submittedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "previousId" TEXT,
    "withdrawn" BOOLEAN NOT NULL DEFAULT false,
    "changeReason" TEXT,
    CONSTRAINT "GroupScore_quarterId_fkey" FOREIGN KEY ("quarterId") REFERENCES "Quarter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "GroupScore_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "AssessmentGroup" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "GroupScore_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "GroupScore_assessorId_fkey" FOREIGN KEY ("assessorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "GroupScore_previousId_fkey" FOREIGN KEY ("previousId") REFERENCES "GroupScore" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_GroupScore" ("assessorId", "groupId", "id", "quarterId", "status", "submittedAt", "unitId", "updatedAt") SELECT "assessorId", "groupId", "id", "quarterId", "status", "submittedAt", "unitId", "updatedAt" FROM "GroupScore";
DROP TABLE "GroupScore";
ALTER TABLE "new_GroupScore" RENAME TO "GroupScore";
CREATE UNIQUE INDEX "GroupScore_previousId_key" ON "GroupScore"("previousId");
CREATE UNIQUE INDEX "GroupScore_quarterId_groupId_unitId_version_key" ON "GroupScore"("quarterId", "groupId", "unitId", "version");
CREATE TABLE "new_ScoreAdjustment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "quarterId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "points" REAL NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    "previousId" TEXT,
    "withdrawn" BOOLEAN NOT NULL DEFAULT false,
    "changeReason" TEXT,
    CONSTRAINT "ScoreAdjustment_quarterId_fkey" FOREIGN KEY ("quarterId") REFERENCES "Quarter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ScoreAdjustment_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ScoreAdjustment_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ScoreAdjustment_previousId_fkey" FOREIGN KEY ("previousId") REFERENCES "ScoreAdjustment" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ScoreAdjustment" ("createdAt", "createdById", "id", "points", "quarterId", "reason", "unitId") SELECT "createdAt", "createdById", "id", "points", "quarterId", "reason", "unitId" FROM "ScoreAdjustment";
DROP TABLE "ScoreAdjustment";
ALTER TABLE "new_ScoreAdjustment" RENAME TO "ScoreAdjustment";
CREATE UNIQUE INDEX "ScoreAdjustment_previousId_key" ON "ScoreAdjustment"("previousId");
CREATE INDEX "ScoreAdjustment_quarterId_unitId_idx" ON "ScoreAdjustment"("quarterId", "unitId");
CREATE TABLE "new_UnitVeto" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "quarterId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "vetoItemId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    "previousId" TEXT,
    "withdrawn" BOOLEAN NOT NULL DEFAULT false,
    "changeReason" TEXT,
    CONSTRAINT "UnitVeto_quarterId_fkey" FOREIGN KEY ("quarterId") REFERENCES "Quarter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "UnitVeto_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "UnitVeto_vetoItemId_fkey" FOREIGN KEY ("vetoItemId") REFERENCES "VetoItem" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "UnitVeto_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "UnitVeto_previousId_fkey" FOREIGN KEY ("previousId") REFERENCES "UnitVeto" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_UnitVeto" ("createdAt", "createdById", "id", "quarterId", "reason", "unitId", "vetoItemId") SELECT "createdAt", "createdById", "id", "quarterId", "reason", "unitId", "vetoItemId" FROM "UnitVeto";
DROP TABLE "UnitVeto";
ALTER TABLE "new_UnitVeto" RENAME TO "UnitVeto";
CREATE UNIQUE INDEX "UnitVeto_previousId_key" ON "UnitVeto"("previousId");
CREATE INDEX "UnitVeto_quarterId_unitId_idx" ON "UnitVeto"("quarterId", "unitId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "AuditLog_unitId_createdAt_idx" ON "AuditLog"("unitId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_createdAt_idx" ON "AuditLog"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_action_createdAt_idx" ON "AuditLog"("action", "createdAt");

