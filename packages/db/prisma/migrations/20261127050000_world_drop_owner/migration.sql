-- A drop names its owner (the drop's description and refusals say whose it is):
-- WorldDrop.ownerCharacterId becomes a foreign key; a purged owner frees the drop.
UPDATE "WorldDrop" d SET "ownerCharacterId" = NULL
WHERE "ownerCharacterId" IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM "Character" c WHERE c."id" = d."ownerCharacterId");

-- CreateIndex
CREATE INDEX "WorldDrop_ownerCharacterId_idx" ON "WorldDrop"("ownerCharacterId");

-- AddForeignKey
ALTER TABLE "WorldDrop" ADD CONSTRAINT "WorldDrop_ownerCharacterId_fkey" FOREIGN KEY ("ownerCharacterId") REFERENCES "Character"("id") ON DELETE SET NULL ON UPDATE CASCADE;
