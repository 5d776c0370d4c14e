-- AlterTable
ALTER TABLE "WorldDrop" ADD COLUMN     "partyId" TEXT,
ADD COLUMN     "rollUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Party" ADD COLUMN     "lootThreshold" TEXT NOT NULL DEFAULT 'uncommon',
ADD COLUMN     "rrCursor" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "LootRoll" (
    "dropId" TEXT NOT NULL,
    "characterId" TEXT NOT NULL,
    "choice" TEXT,
    "roll" INTEGER,

    CONSTRAINT "LootRoll_pkey" PRIMARY KEY ("dropId","characterId")
);

-- CreateIndex
CREATE INDEX "WorldDrop_rollUntil_idx" ON "WorldDrop"("rollUntil");

-- AddForeignKey
ALTER TABLE "LootRoll" ADD CONSTRAINT "LootRoll_dropId_fkey" FOREIGN KEY ("dropId") REFERENCES "WorldDrop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

