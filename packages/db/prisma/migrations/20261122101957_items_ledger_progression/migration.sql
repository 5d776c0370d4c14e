-- CreateEnum
CREATE TYPE "ItemContainer" AS ENUM ('BAG', 'EQUIPMENT', 'BANK', 'GROUND');

-- AlterTable
ALTER TABLE "Character" ADD COLUMN     "attributePoints" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "bagSlots" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "eddies" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "respecCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "bankSlots" INTEGER NOT NULL DEFAULT 48;

-- CreateTable
CREATE TABLE "CharacterSkill" (
    "characterId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "xp" INTEGER NOT NULL DEFAULT 0,
    "level" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CharacterSkill_pkey" PRIMARY KEY ("characterId","skillId")
);

-- CreateTable
CREATE TABLE "ItemTemplate" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "slot" TEXT,
    "rarity" TEXT NOT NULL,
    "levelReq" INTEGER NOT NULL,
    "stackSize" INTEGER NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,
    "value" INTEGER NOT NULL,
    "binding" TEXT NOT NULL,
    "maxDurability" INTEGER,
    "data" JSONB NOT NULL,

    CONSTRAINT "ItemTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Item" (
    "id" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "durability" INTEGER,
    "container" "ItemContainer" NOT NULL,
    "slot" INTEGER NOT NULL,
    "characterId" TEXT,
    "userId" TEXT,
    "boundCharacterId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorldDrop" (
    "id" TEXT NOT NULL,
    "zoneId" TEXT NOT NULL,
    "x" DOUBLE PRECISION NOT NULL,
    "y" DOUBLE PRECISION NOT NULL,
    "itemId" TEXT NOT NULL,
    "ownerCharacterId" TEXT,
    "freeAt" TIMESTAMP(3) NOT NULL,
    "despawnAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorldDrop_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" BIGSERIAL NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" TEXT NOT NULL,
    "characterId" TEXT,
    "eddiesDelta" INTEGER NOT NULL DEFAULT 0,
    "balanceAfter" INTEGER,
    "itemId" TEXT,
    "templateId" TEXT,
    "quantityDelta" INTEGER NOT NULL DEFAULT 0,
    "fromOwner" TEXT,
    "toOwner" TEXT,
    "ref" TEXT,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Item_templateId_idx" ON "Item"("templateId");

-- CreateIndex
CREATE UNIQUE INDEX "Item_characterId_container_slot_key" ON "Item"("characterId", "container", "slot");

-- CreateIndex
CREATE UNIQUE INDEX "Item_userId_container_slot_key" ON "Item"("userId", "container", "slot");

-- CreateIndex
CREATE UNIQUE INDEX "WorldDrop_itemId_key" ON "WorldDrop"("itemId");

-- CreateIndex
CREATE INDEX "WorldDrop_zoneId_despawnAt_idx" ON "WorldDrop"("zoneId", "despawnAt");

-- CreateIndex
CREATE INDEX "LedgerEntry_characterId_createdAt_idx" ON "LedgerEntry"("characterId", "createdAt");

-- CreateIndex
CREATE INDEX "LedgerEntry_itemId_idx" ON "LedgerEntry"("itemId");

-- AddForeignKey
ALTER TABLE "CharacterSkill" ADD CONSTRAINT "CharacterSkill_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Item" ADD CONSTRAINT "Item_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ItemTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Item" ADD CONSTRAINT "Item_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Item" ADD CONSTRAINT "Item_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorldDrop" ADD CONSTRAINT "WorldDrop_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Conservation guards the ORM cannot express: balances and stacks never go negative.
ALTER TABLE "Character" ADD CONSTRAINT "Character_eddies_nonnegative" CHECK ("eddies" >= 0);
ALTER TABLE "Character" ADD CONSTRAINT "Character_attributePoints_nonnegative" CHECK ("attributePoints" >= 0);
ALTER TABLE "Item" ADD CONSTRAINT "Item_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "Item" ADD CONSTRAINT "Item_one_owner" CHECK (
  ("container" IN ('BAG', 'EQUIPMENT') AND "characterId" IS NOT NULL AND "userId" IS NULL) OR
  ("container" = 'BANK' AND "userId" IS NOT NULL AND "characterId" IS NULL) OR
  ("container" = 'GROUND' AND "userId" IS NULL AND "characterId" IS NULL)
);
