-- CreateEnum
CREATE TYPE "RobotKind" AS ENUM ('WECOM', 'DINGTALK');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "Robot" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "RobotKind" NOT NULL,
    "webhookUrl" TEXT NOT NULL,
    "secret" TEXT,
    "unitId" TEXT,
    "channelId" TEXT,
    "audience" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "leaseBy" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Robot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "robotId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "markdown" TEXT NOT NULL,
    "mentionMobiles" TEXT NOT NULL DEFAULT '[]',
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "notBefore" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RobotDelivery" (
    "id" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "robotId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "attempt" INTEGER NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "errcode" INTEGER,
    "errmsg" TEXT,
    "sender" TEXT NOT NULL,

    CONSTRAINT "RobotDelivery_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "Robot" ADD CONSTRAINT "Robot_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Robot" ADD CONSTRAINT "Robot_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_robotId_fkey" FOREIGN KEY ("robotId") REFERENCES "Robot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RobotDelivery" ADD CONSTRAINT "RobotDelivery_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "OutboxMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RobotDelivery" ADD CONSTRAINT "RobotDelivery_robotId_fkey" FOREIGN KEY ("robotId") REFERENCES "Robot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

