-- Crafting and salvage (issue 28; docs/economy.md): a skill per character and discipline,
-- every craft (its seed, its held inputs' reservation "craft:<id>", its outcome), every
-- salvage, and the quality tier of crafted gear.

-- AlterTable
ALTER TABLE "Item" ADD COLUMN     "quality" TEXT;

-- CreateTable
CREATE TABLE "CraftSkill" (
    "characterId" TEXT NOT NULL,
    "discipline" TEXT NOT NULL,
    "skill" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CraftSkill_pkey" PRIMARY KEY ("characterId","discipline")
);

-- CreateTable
CREATE TABLE "Craft" (
    "id" TEXT NOT NULL,
    "characterId" TEXT NOT NULL,
    "recipeId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "seed" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'casting',
    "startedAt" TIMESTAMP(3) NOT NULL,
    "completesAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "success" BOOLEAN,
    "quality" TEXT,
    "rolls" JSONB,
    "skillBefore" INTEGER NOT NULL,
    "skillAfter" INTEGER,
    "outputItemId" TEXT,
    "outputMailId" TEXT,

    CONSTRAINT "Craft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Salvage" (
    "id" TEXT NOT NULL,
    "characterId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "tableId" TEXT NOT NULL,
    "seed" TEXT NOT NULL,
    "yields" JSONB NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Salvage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Craft_state_completesAt_idx" ON "Craft"("state", "completesAt");

-- CreateIndex
CREATE INDEX "Craft_characterId_startedAt_idx" ON "Craft"("characterId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Craft_characterId_idempotencyKey_key" ON "Craft"("characterId", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "Salvage_characterId_idempotencyKey_key" ON "Salvage"("characterId", "idempotencyKey");

-- AddForeignKey
ALTER TABLE "CraftSkill" ADD CONSTRAINT "CraftSkill_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Craft" ADD CONSTRAINT "Craft_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Salvage" ADD CONSTRAINT "Salvage_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- skills and tiers stay in the rules' ranges (shared MAX_CRAFT_SKILL, QUALITY_TIERS)
ALTER TABLE "CraftSkill" ADD CONSTRAINT "CraftSkill_skill_range" CHECK ("skill" BETWEEN 0 AND 100);
ALTER TABLE "Item" ADD CONSTRAINT "Item_quality_tier"
  CHECK ("quality" IS NULL OR "quality" IN ('standard', 'fine', 'superior', 'masterwork'));
ALTER TABLE "Craft" ADD CONSTRAINT "Craft_quality_tier"
  CHECK ("quality" IS NULL OR "quality" IN ('standard', 'fine', 'superior', 'masterwork'));
ALTER TABLE "Craft" ADD CONSTRAINT "Craft_state_check" CHECK ("state" IN ('casting', 'done', 'cancelled'));
ALTER TABLE "Craft" ADD CONSTRAINT "Craft_skill_range"
  CHECK ("skillBefore" BETWEEN 0 AND 100 AND ("skillAfter" IS NULL OR "skillAfter" BETWEEN 0 AND 100));
ALTER TABLE "Craft" ADD CONSTRAINT "Craft_cast_forward" CHECK ("completesAt" >= "startedAt");
-- a finished craft has its outcome; a failed one made nothing
ALTER TABLE "Craft" ADD CONSTRAINT "Craft_done_outcome" CHECK (
  "state" <> 'done' OR ("success" IS NOT NULL AND "finishedAt" IS NOT NULL AND "skillAfter" IS NOT NULL)
);
ALTER TABLE "Craft" ADD CONSTRAINT "Craft_failure_makes_nothing"
  CHECK ("success" IS DISTINCT FROM FALSE OR ("quality" IS NULL AND "outputItemId" IS NULL));

-- The reservation guard (migration 20261129010000_trade) also keeps a held row's quality.
CREATE OR REPLACE FUNCTION item_reserved_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."reservation" IS NOT NULL THEN
      RAISE EXCEPTION 'item_reserved: item % is held (%): delete refused', OLD."id", OLD."reservation"
        USING ERRCODE = 'NC001';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD."reservation" IS NULL OR NEW."reservation" IS NULL THEN
    RETURN NEW;
  END IF;
  IF NEW."reservation" <> OLD."reservation"
     OR NEW."templateId" IS DISTINCT FROM OLD."templateId"
     OR NEW."quantity" IS DISTINCT FROM OLD."quantity"
     OR NEW."durability" IS DISTINCT FROM OLD."durability"
     OR NEW."container" IS DISTINCT FROM OLD."container"
     OR NEW."slot" IS DISTINCT FROM OLD."slot"
     OR NEW."characterId" IS DISTINCT FROM OLD."characterId"
     OR NEW."userId" IS DISTINCT FROM OLD."userId"
     OR NEW."boundCharacterId" IS DISTINCT FROM OLD."boundCharacterId"
     OR NEW."quality" IS DISTINCT FROM OLD."quality" THEN
    RAISE EXCEPTION 'item_reserved: item % is held (%): change refused', OLD."id", OLD."reservation"
      USING ERRCODE = 'NC001';
  END IF;
  RETURN NEW;
END;
$$;
