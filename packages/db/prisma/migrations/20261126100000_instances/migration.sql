-- AlterTable
ALTER TABLE "Character" ADD COLUMN     "instanceId" TEXT;

-- CreateTable
CREATE TABLE "Instance" (
    "id" TEXT NOT NULL,
    "matchId" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "hostId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'open',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    "closeReason" TEXT,

    CONSTRAINT "Instance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Instance_matchId_key" ON "Instance"("matchId");

-- CreateIndex
CREATE INDEX "Instance_state_createdAt_idx" ON "Instance"("state", "createdAt");

-- CreateIndex
CREATE INDEX "Character_instanceId_idx" ON "Character"("instanceId");

-- AddForeignKey
ALTER TABLE "Character" ADD CONSTRAINT "Character_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "Instance"("id") ON DELETE SET NULL ON UPDATE CASCADE;

