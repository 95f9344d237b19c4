-- CreateTable
CREATE TABLE "Unit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "lat" REAL,
    "lng" REAL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archivedAt" DATETIME
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "unitId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "passwordChangedAt" DATETIME,
    CONSTRAINT "User_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuthSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "ip" TEXT,
    "userAgent" TEXT,
    CONSTRAINT "AuthSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Line" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "leaderId" TEXT,
    "description" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Line_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LineUnit" (
    "lineId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,

    PRIMARY KEY ("lineId", "unitId"),
    CONSTRAINT "LineUnit_lineId_fkey" FOREIGN KEY ("lineId") REFERENCES "Line" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LineUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "KeyTask" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "lineId" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "KeyTask_lineId_fkey" FOREIGN KEY ("lineId") REFERENCES "Line" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AssessmentGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "keyTaskId" TEXT NOT NULL,
    CONSTRAINT "AssessmentGroup_keyTaskId_fkey" FOREIGN KEY ("keyTaskId") REFERENCES "KeyTask" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AssessmentGroupMember" (
    "groupId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    PRIMARY KEY ("groupId", "userId"),
    CONSTRAINT "AssessmentGroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "AssessmentGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AssessmentGroupMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AssessmentGroupUnit" (
    "groupId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,

    PRIMARY KEY ("groupId", "unitId"),
    CONSTRAINT "AssessmentGroupUnit_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "AssessmentGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AssessmentGroupUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Channel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "ChannelUnit" (
    "channelId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,

    PRIMARY KEY ("channelId", "unitId"),
    CONSTRAINT "ChannelUnit_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ChannelUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Counter" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "Task" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "externalKey" TEXT,
    "year" INTEGER NOT NULL,
    "unitId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "keyTaskId" TEXT,
    "lineId" TEXT,
    "target" REAL NOT NULL,
    "measure" TEXT NOT NULL,
    "valueReached" REAL NOT NULL DEFAULT 0,
    "startDate" TEXT,
    "deadline" TEXT NOT NULL,
    "responsibleLeaderId" TEXT,
    "weight" REAL NOT NULL DEFAULT 1,
    "requiresPhoto" BOOLEAN NOT NULL DEFAULT false,
    "requiresLocation" BOOLEAN NOT NULL DEFAULT false,
    "sitePlace" TEXT,
    "siteLat" REAL,
    "siteLng" REAL,
    "status" TEXT NOT NULL DEFAULT 'NOT_STARTED',
    "note" TEXT,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Task_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Task_keyTaskId_fkey" FOREIGN KEY ("keyTaskId") REFERENCES "KeyTask" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Task_lineId_fkey" FOREIGN KEY ("lineId") REFERENCES "Line" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Task_responsibleLeaderId_fkey" FOREIGN KEY ("responsibleLeaderId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TaskCooperator" (
    "taskId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,

    PRIMARY KEY ("taskId", "unitId"),
    CONSTRAINT "TaskCooperator_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TaskCooperator_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "taskId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "dueDate" TEXT NOT NULL,
    "target" REAL NOT NULL,
    "valueReached" REAL NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'NOT_STARTED',
    "note" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Milestone_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReportCard" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "unitId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReportCard_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReportSlot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cardId" TEXT NOT NULL,
    "slot" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "place" TEXT,
    "lat" REAL,
    "lng" REAL,
    "startedAt" DATETIME,
    "submittedAt" DATETIME NOT NULL,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "effortSeconds" INTEGER,
    "revisionCount" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReportSlot_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "ReportCard" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReportSlot_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReportItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cardId" TEXT NOT NULL,
    "addedIn" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "taskId" TEXT,
    "milestoneId" TEXT,
    "progressNote" TEXT,
    "outcome" TEXT,
    "reason" TEXT,
    "progressValue" REAL,
    "carriedFromId" TEXT,
    "workLogItemId" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ReportItem_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "ReportCard" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReportItem_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ReportItem_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "Milestone" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ReportItem_carriedFromId_fkey" FOREIGN KEY ("carriedFromId") REFERENCES "ReportItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ReportItem_workLogItemId_fkey" FOREIGN KEY ("workLogItemId") REFERENCES "WorkLogItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReportRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slotId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "authorId" TEXT NOT NULL,
    "reason" TEXT,
    "snapshot" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReportRevision_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "ReportSlot" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReportRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Photo" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "uploaderId" TEXT NOT NULL,
    "slotId" TEXT,
    "spotCheckId" TEXT,
    "orderResponseId" TEXT,
    "storageKey" TEXT NOT NULL,
    "thumbKey" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "dHash" TEXT,
    "exifTakenAt" DATETIME,
    "exifLat" REAL,
    "exifLng" REAL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Photo_uploaderId_fkey" FOREIGN KEY ("uploaderId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Photo_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "ReportSlot" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Photo_spotCheckId_fkey" FOREIGN KEY ("spotCheckId") REFERENCES "SpotCheck" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Photo_orderResponseId_fkey" FOREIGN KEY ("orderResponseId") REFERENCES "OrderResponse" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WorkLogItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "taskId" TEXT,
    "outcome" TEXT,
    "reason" TEXT,
    "carriedFromId" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WorkLogItem_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "WorkLogItem_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "WorkLogItem_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "WorkLogItem_carriedFromId_fkey" FOREIGN KEY ("carriedFromId") REFERENCES "WorkLogItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Reminder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "unitId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "slot" TEXT NOT NULL,
    "remindedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Reminder_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Reminder_remindedById_fkey" FOREIGN KEY ("remindedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Instruction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cardId" TEXT NOT NULL,
    "slot" TEXT,
    "leaderId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" DATETIME,
    CONSTRAINT "Instruction_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "ReportCard" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Instruction_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InstructionAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instructionId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InstructionAnswer_instructionId_fkey" FOREIGN KEY ("instructionId") REFERENCES "Instruction" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InstructionAnswer_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Bulletin" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "year" INTEGER NOT NULL,
    "number" INTEGER,
    "date" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" DATETIME,
    CONSTRAINT "Bulletin_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BulletinItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bulletinId" TEXT NOT NULL,
    "slotId" TEXT NOT NULL,
    "excerpt" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "BulletinItem_bulletinId_fkey" FOREIGN KEY ("bulletinId") REFERENCES "Bulletin" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BulletinItem_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "ReportSlot" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SpotCheckDraw" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "seed" TEXT NOT NULL,
    "params" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SpotCheckDraw_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SpotCheck" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "drawId" TEXT,
    "slotId" TEXT NOT NULL,
    "checkerId" TEXT NOT NULL,
    "method" TEXT,
    "result" TEXT,
    "notes" TEXT,
    "checkedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SpotCheck_drawId_fkey" FOREIGN KEY ("drawId") REFERENCES "SpotCheckDraw" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SpotCheck_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "ReportSlot" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SpotCheck_checkerId_fkey" FOREIGN KEY ("checkerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Anomaly" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slotId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "evidence" TEXT NOT NULL,
    "relatedSlotId" TEXT,
    "photoId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "reviewedById" TEXT,
    "reviewedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Anomaly_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "ReportSlot" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Anomaly_relatedSlotId_fkey" FOREIGN KEY ("relatedSlotId") REFERENCES "ReportSlot" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Anomaly_photoId_fkey" FOREIGN KEY ("photoId") REFERENCES "Photo" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Anomaly_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SupervisionOrder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "issuerId" TEXT NOT NULL,
    "groupId" TEXT,
    "unitId" TEXT NOT NULL,
    "taskId" TEXT,
    "slotId" TEXT,
    "title" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "deadline" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acceptedAt" DATETIME,
    CONSTRAINT "SupervisionOrder_issuerId_fkey" FOREIGN KEY ("issuerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SupervisionOrder_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "AssessmentGroup" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SupervisionOrder_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SupervisionOrder_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SupervisionOrder_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "ReportSlot" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OrderResponse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decision" TEXT,
    "decisionNote" TEXT,
    "decidedAt" DATETIME,
    CONSTRAINT "OrderResponse_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "SupervisionOrder" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OrderResponse_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScoringRule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "year" INTEGER NOT NULL,
    "weightTasks" REAL NOT NULL DEFAULT 40,
    "weightGroups" REAL NOT NULL DEFAULT 40,
    "weightSpotChecks" REAL NOT NULL DEFAULT 10,
    "weightOrders" REAL NOT NULL DEFAULT 10,
    "weightTimeliness" REAL NOT NULL DEFAULT 0,
    "redFlagCount" INTEGER NOT NULL DEFAULT 3,
    "yellowFlagCount" INTEGER NOT NULL DEFAULT 3,
    "escalationLadder" TEXT NOT NULL DEFAULT '["通报批评","约谈"]',
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "VetoItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ruleId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "VetoItem_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "ScoringRule" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RubricItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "groupId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "maxPoints" REAL NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "RubricItem_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "AssessmentGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Quarter" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "year" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "version" INTEGER NOT NULL DEFAULT 0,
    "closedAt" DATETIME,
    "closedById" TEXT,
    CONSTRAINT "Quarter_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GroupScore" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "quarterId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "assessorId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "submittedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "GroupScore_quarterId_fkey" FOREIGN KEY ("quarterId") REFERENCES "Quarter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "GroupScore_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "AssessmentGroup" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "GroupScore_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "GroupScore_assessorId_fkey" FOREIGN KEY ("assessorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GroupScoreItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "scoreId" TEXT NOT NULL,
    "rubricItemId" TEXT NOT NULL,
    "points" REAL NOT NULL,
    "comment" TEXT,
    CONSTRAINT "GroupScoreItem_scoreId_fkey" FOREIGN KEY ("scoreId") REFERENCES "GroupScore" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "GroupScoreItem_rubricItemId_fkey" FOREIGN KEY ("rubricItemId") REFERENCES "RubricItem" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScoreAdjustment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "quarterId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "points" REAL NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ScoreAdjustment_quarterId_fkey" FOREIGN KEY ("quarterId") REFERENCES "Quarter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ScoreAdjustment_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ScoreAdjustment_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UnitVeto" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "quarterId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "vetoItemId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "UnitVeto_quarterId_fkey" FOREIGN KEY ("quarterId") REFERENCES "Quarter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "UnitVeto_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "UnitVeto_vetoItemId_fkey" FOREIGN KEY ("vetoItemId") REFERENCES "VetoItem" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "UnitVeto_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QuarterScore" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "quarterId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "unitId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "total" REAL NOT NULL,
    "rank" INTEGER NOT NULL,
    "failed" BOOLEAN NOT NULL DEFAULT false,
    "breakdown" TEXT NOT NULL,
    "inputs" TEXT NOT NULL,
    "reason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "QuarterScore_quarterId_fkey" FOREIGN KEY ("quarterId") REFERENCES "Quarter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "QuarterScore_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Flag" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "unitId" TEXT NOT NULL,
    "color" TEXT NOT NULL,
    "quarterId" TEXT NOT NULL,
    "awardedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "passedAt" DATETIME,
    "streak" INTEGER NOT NULL DEFAULT 1,
    "escalation" TEXT,
    CONSTRAINT "Flag_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Flag_quarterId_fkey" FOREIGN KEY ("quarterId") REFERENCES "Quarter" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Commitment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "unitId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "preface" TEXT,
    "signedBy" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" DATETIME,
    CONSTRAINT "Commitment_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Commitment_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Pledge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "commitmentId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Pledge_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PledgeTask" (
    "pledgeId" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,

    PRIMARY KEY ("pledgeId", "taskId"),
    CONSTRAINT "PledgeTask_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PledgeTask_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "before" TEXT,
    "after" TEXT,
    "ip" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "response" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "Unit_code_key" ON "Unit"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_name_key" ON "Unit"("name");

-- CreateIndex
CREATE INDEX "Unit_kind_sortOrder_idx" ON "Unit"("kind", "sortOrder");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "User_role_idx" ON "User"("role");

-- CreateIndex
CREATE INDEX "User_unitId_idx" ON "User"("unitId");

-- CreateIndex
CREATE INDEX "AuthSession_userId_idx" ON "AuthSession"("userId");

-- CreateIndex
CREATE INDEX "LoginAttempt_username_createdAt_idx" ON "LoginAttempt"("username", "createdAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_ip_createdAt_idx" ON "LoginAttempt"("ip", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Line_name_key" ON "Line"("name");

-- CreateIndex
CREATE INDEX "LineUnit_unitId_idx" ON "LineUnit"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "KeyTask_code_key" ON "KeyTask"("code");

-- CreateIndex
CREATE UNIQUE INDEX "KeyTask_name_key" ON "KeyTask"("name");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentGroup_name_key" ON "AssessmentGroup"("name");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentGroup_keyTaskId_key" ON "AssessmentGroup"("keyTaskId");

-- CreateIndex
CREATE INDEX "AssessmentGroupMember_userId_idx" ON "AssessmentGroupMember"("userId");

-- CreateIndex
CREATE INDEX "AssessmentGroupUnit_unitId_idx" ON "AssessmentGroupUnit"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "Channel_code_key" ON "Channel"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Channel_name_key" ON "Channel"("name");

-- CreateIndex
CREATE INDEX "ChannelUnit_unitId_idx" ON "ChannelUnit"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "Task_externalKey_key" ON "Task"("externalKey");

-- CreateIndex
CREATE INDEX "Task_unitId_year_idx" ON "Task"("unitId", "year");

-- CreateIndex
CREATE INDEX "Task_keyTaskId_idx" ON "Task"("keyTaskId");

-- CreateIndex
CREATE INDEX "Task_lineId_idx" ON "Task"("lineId");

-- CreateIndex
CREATE INDEX "Task_deadline_idx" ON "Task"("deadline");

-- CreateIndex
CREATE INDEX "TaskCooperator_unitId_idx" ON "TaskCooperator"("unitId");

-- CreateIndex
CREATE INDEX "Milestone_taskId_idx" ON "Milestone"("taskId");

-- CreateIndex
CREATE INDEX "Milestone_dueDate_idx" ON "Milestone"("dueDate");

-- CreateIndex
CREATE INDEX "ReportCard_date_idx" ON "ReportCard"("date");

-- CreateIndex
CREATE UNIQUE INDEX "ReportCard_unitId_date_key" ON "ReportCard"("unitId", "date");

-- CreateIndex
CREATE INDEX "ReportSlot_submittedAt_idx" ON "ReportSlot"("submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReportSlot_cardId_slot_key" ON "ReportSlot"("cardId", "slot");

-- CreateIndex
CREATE INDEX "ReportItem_cardId_idx" ON "ReportItem"("cardId");

-- CreateIndex
CREATE INDEX "ReportItem_taskId_idx" ON "ReportItem"("taskId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportRevision_slotId_number_key" ON "ReportRevision"("slotId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Photo_storageKey_key" ON "Photo"("storageKey");

-- CreateIndex
CREATE UNIQUE INDEX "Photo_thumbKey_key" ON "Photo"("thumbKey");

-- CreateIndex
CREATE INDEX "Photo_slotId_idx" ON "Photo"("slotId");

-- CreateIndex
CREATE INDEX "Photo_dHash_idx" ON "Photo"("dHash");

-- CreateIndex
CREATE INDEX "WorkLogItem_userId_date_idx" ON "WorkLogItem"("userId", "date");

-- CreateIndex
CREATE INDEX "WorkLogItem_unitId_date_idx" ON "WorkLogItem"("unitId", "date");

-- CreateIndex
CREATE INDEX "Reminder_date_slot_idx" ON "Reminder"("date", "slot");

-- CreateIndex
CREATE INDEX "Instruction_leaderId_answeredAt_idx" ON "Instruction"("leaderId", "answeredAt");

-- CreateIndex
CREATE INDEX "Bulletin_status_publishedAt_idx" ON "Bulletin"("status", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Bulletin_year_number_key" ON "Bulletin"("year", "number");

-- CreateIndex
CREATE INDEX "BulletinItem_bulletinId_idx" ON "BulletinItem"("bulletinId");

-- CreateIndex
CREATE INDEX "SpotCheck_slotId_idx" ON "SpotCheck"("slotId");

-- CreateIndex
CREATE INDEX "SpotCheck_result_idx" ON "SpotCheck"("result");

-- CreateIndex
CREATE INDEX "Anomaly_slotId_idx" ON "Anomaly"("slotId");

-- CreateIndex
CREATE INDEX "Anomaly_kind_status_idx" ON "Anomaly"("kind", "status");

-- CreateIndex
CREATE INDEX "SupervisionOrder_unitId_status_idx" ON "SupervisionOrder"("unitId", "status");

-- CreateIndex
CREATE INDEX "SupervisionOrder_deadline_idx" ON "SupervisionOrder"("deadline");

-- CreateIndex
CREATE INDEX "OrderResponse_orderId_idx" ON "OrderResponse"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "ScoringRule_year_key" ON "ScoringRule"("year");

-- CreateIndex
CREATE UNIQUE INDEX "VetoItem_ruleId_name_key" ON "VetoItem"("ruleId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "RubricItem_groupId_year_name_key" ON "RubricItem"("groupId", "year", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Quarter_year_number_key" ON "Quarter"("year", "number");

-- CreateIndex
CREATE UNIQUE INDEX "GroupScore_quarterId_groupId_unitId_key" ON "GroupScore"("quarterId", "groupId", "unitId");

-- CreateIndex
CREATE UNIQUE INDEX "GroupScoreItem_scoreId_rubricItemId_key" ON "GroupScoreItem"("scoreId", "rubricItemId");

-- CreateIndex
CREATE INDEX "ScoreAdjustment_quarterId_unitId_idx" ON "ScoreAdjustment"("quarterId", "unitId");

-- CreateIndex
CREATE INDEX "UnitVeto_quarterId_unitId_idx" ON "UnitVeto"("quarterId", "unitId");

-- CreateIndex
CREATE UNIQUE INDEX "QuarterScore_quarterId_version_unitId_key" ON "QuarterScore"("quarterId", "version", "unitId");

-- CreateIndex
CREATE INDEX "Flag_unitId_idx" ON "Flag"("unitId");

-- CreateIndex
CREATE INDEX "Flag_passedAt_idx" ON "Flag"("passedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Commitment_unitId_year_version_key" ON "Commitment"("unitId", "year", "version");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_idx" ON "AuditLog"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

