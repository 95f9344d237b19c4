-- CreateTable
CREATE TABLE "Robot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "webhookUrl" TEXT NOT NULL,
    "secret" TEXT,
    "unitId" TEXT,
    "channelId" TEXT,
    "audience" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "leaseBy" TEXT,
    "leaseUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Robot_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Robot_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "robotId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "markdown" TEXT NOT NULL,
    "mentionMobiles" TEXT NOT NULL DEFAULT '[]',
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL,
    "notBefore" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "sentAt" DATETIME,
    CONSTRAINT "OutboxMessage_robotId_fkey" FOREIGN KEY ("robotId") REFERENCES "Robot" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RobotDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "messageId" TEXT NOT NULL,
    "robotId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "attempt" INTEGER NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "errcode" INTEGER,
    "errmsg" TEXT,
    "sender" TEXT NOT NULL,
    CONSTRAINT "RobotDelivery_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "OutboxMessage" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RobotDelivery_robotId_fkey" FOREIGN KEY ("robotId") REFERENCES "Robot" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Robot_unitId_idx" ON "Robot"("unitId");

-- CreateIndex
CREATE INDEX "Robot_channelId_idx" ON "Robot"("channelId");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_notBefore_idx" ON "OutboxMessage"("status", "notBefore");

-- CreateIndex
CREATE INDEX "OutboxMessage_robotId_status_notBefore_idx" ON "OutboxMessage"("robotId", "status", "notBefore");

-- CreateIndex
CREATE INDEX "RobotDelivery_robotId_at_idx" ON "RobotDelivery"("robotId", "at");

-- CreateIndex
CREATE INDEX "RobotDelivery_messageId_idx" ON "RobotDelivery"("messageId");

