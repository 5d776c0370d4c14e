-- CreateEnum
CREATE TYPE "QuestState" AS ENUM ('active', 'ready', 'completed', 'failed', 'abandoned');

-- AlterEnum
ALTER TYPE "ItemContainer" ADD VALUE 'BUYBACK';

-- CreateTable
CREATE TABLE "CharacterQuest" (
    "id" TEXT NOT NULL,
    "characterId" TEXT NOT NULL,
    "questId" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "state" "QuestState" NOT NULL,
    "progress" JSONB NOT NULL DEFAULT '{}',
    "acceptedAt" TIMESTAMP(3) NOT NULL,
    "deadline" TIMESTAMP(3),
    "readyAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "failedAt" TIMESTAMP(3),
    "failReason" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "rewardChoice" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CharacterQuest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuestEventApplied" (
    "characterId" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuestEventApplied_pkey" PRIMARY KEY ("characterId","eventKey")
);

-- CreateTable
CREATE TABLE "CharacterFlag" (
    "characterId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "setAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CharacterFlag_pkey" PRIMARY KEY ("characterId","key")
);

-- CreateTable
CREATE TABLE "CharacterStanding" (
    "characterId" TEXT NOT NULL,
    "factionId" TEXT NOT NULL,
    "standing" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CharacterStanding_pkey" PRIMARY KEY ("characterId","factionId")
);

-- CreateTable
CREATE TABLE "ReputationEvent" (
    "id" BIGSERIAL NOT NULL,
    "characterId" TEXT NOT NULL,
    "factionId" TEXT NOT NULL,
    "delta" INTEGER NOT NULL,
    "standingAfter" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "ref" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReputationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DialogueState" (
    "characterId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "dialogueId" TEXT NOT NULL,
    "nodeId" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DialogueState_pkey" PRIMARY KEY ("characterId")
);

-- CreateTable
CREATE TABLE "SkillCheckRoll" (
    "characterId" TEXT NOT NULL,
    "checkId" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "roll" INTEGER NOT NULL,
    "modifier" INTEGER NOT NULL,
    "total" INTEGER NOT NULL,
    "difficulty" INTEGER NOT NULL,
    "success" BOOLEAN NOT NULL,
    "rolledAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SkillCheckRoll_pkey" PRIMARY KEY ("characterId","checkId")
);

-- CreateTable
CREATE TABLE "VendorStock" (
    "vendorId" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "sold" INTEGER NOT NULL,

    CONSTRAINT "VendorStock_pkey" PRIMARY KEY ("vendorId","templateId","periodKey")
);

-- CreateTable
CREATE TABLE "VendorBuyback" (
    "itemId" TEXT NOT NULL,
    "characterId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "price" INTEGER NOT NULL,
    "soldAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VendorBuyback_pkey" PRIMARY KEY ("itemId")
);

-- CreateTable
CREATE TABLE "LoginReward" (
    "userId" TEXT NOT NULL,
    "lastDayKey" TEXT NOT NULL,
    "streak" INTEGER NOT NULL,
    "claims" INTEGER NOT NULL DEFAULT 1,
    "lastClaimAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoginReward_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "CharacterQuest_characterId_state_idx" ON "CharacterQuest"("characterId", "state");

-- CreateIndex
CREATE INDEX "CharacterQuest_questId_state_idx" ON "CharacterQuest"("questId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "CharacterQuest_characterId_questId_periodKey_key" ON "CharacterQuest"("characterId", "questId", "periodKey");

-- CreateIndex
CREATE INDEX "QuestEventApplied_at_idx" ON "QuestEventApplied"("at");

-- CreateIndex
CREATE INDEX "ReputationEvent_characterId_at_idx" ON "ReputationEvent"("characterId", "at");

-- CreateIndex
CREATE INDEX "VendorBuyback_characterId_soldAt_idx" ON "VendorBuyback"("characterId", "soldAt");

-- AddForeignKey
ALTER TABLE "CharacterQuest" ADD CONSTRAINT "CharacterQuest_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterFlag" ADD CONSTRAINT "CharacterFlag_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterStanding" ADD CONSTRAINT "CharacterStanding_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorBuyback" ADD CONSTRAINT "VendorBuyback_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoginReward" ADD CONSTRAINT "LoginReward_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Numbers the game must never store out of range, whatever code writes them.
ALTER TABLE "CharacterStanding" ADD CONSTRAINT "CharacterStanding_standing_range"
  CHECK ("standing" BETWEEN -42000 AND 42000);
ALTER TABLE "CharacterQuest" ADD CONSTRAINT "CharacterQuest_attempts_positive" CHECK ("attempts" >= 1);
ALTER TABLE "VendorStock" ADD CONSTRAINT "VendorStock_sold_non_negative" CHECK ("sold" >= 0);
ALTER TABLE "VendorBuyback" ADD CONSTRAINT "VendorBuyback_price_non_negative" CHECK ("price" >= 0);
ALTER TABLE "LoginReward" ADD CONSTRAINT "LoginReward_streak_positive" CHECK ("streak" >= 1 AND "claims" >= 1);
ALTER TABLE "SkillCheckRoll" ADD CONSTRAINT "SkillCheckRoll_roll_d20" CHECK ("roll" BETWEEN 1 AND 20 AND "attempts" >= 1);

-- Reputation history is append-only, like the combat log.
CREATE FUNCTION reputation_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ReputationEvent is append-only (% refused)', TG_OP USING ERRCODE = 'P0001';
END;
$$;
CREATE TRIGGER "ReputationEvent_append_only"
  BEFORE UPDATE OR DELETE ON "ReputationEvent"
  FOR EACH ROW EXECUTE FUNCTION reputation_event_append_only();
