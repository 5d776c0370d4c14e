-- AlterTable
ALTER TABLE "ChatReport" ADD COLUMN     "resolution" TEXT,
ADD COLUMN     "resolvedBy" TEXT;

-- CreateTable
CREATE TABLE "PlayerReport" (
    "id" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "reporterName" TEXT NOT NULL,
    "targetName" TEXT NOT NULL,
    "targetUserId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT,
    "context" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "resolvedBy" TEXT,
    "resolution" TEXT,

    CONSTRAINT "PlayerReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PlayerReport_resolvedAt_createdAt_idx" ON "PlayerReport"("resolvedAt", "createdAt");

-- CreateIndex
CREATE INDEX "PlayerReport_reporterId_createdAt_idx" ON "PlayerReport"("reporterId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PlayerReport_reporterId_targetId_key" ON "PlayerReport"("reporterId", "targetId");

-- CreateIndex
CREATE INDEX "ChatReport_resolvedAt_createdAt_idx" ON "ChatReport"("resolvedAt", "createdAt");

