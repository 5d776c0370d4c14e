
-- AlterTable
ALTER TABLE "Character" ADD COLUMN     "achievementPoints" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "titleId" TEXT;

-- CreateTable
CREATE TABLE "CharacterAchievement" (
    "characterId" TEXT NOT NULL,
    "achievementId" TEXT NOT NULL,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "completedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CharacterAchievement_pkey" PRIMARY KEY ("characterId","achievementId")
);

-- CreateIndex
CREATE INDEX "Character_achievementPoints_id_idx" ON "Character"("achievementPoints" DESC, "id");

-- AddForeignKey
ALTER TABLE "CharacterAchievement" ADD CONSTRAINT "CharacterAchievement_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

