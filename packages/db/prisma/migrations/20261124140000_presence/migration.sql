-- Presence (issue 13): who is online or AFK and where; written by the sims.
-- CreateTable
CREATE TABLE "CharacterPresence" (
    "characterId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "zoneId" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CharacterPresence_pkey" PRIMARY KEY ("characterId")
);

-- AddForeignKey
ALTER TABLE "CharacterPresence" ADD CONSTRAINT "CharacterPresence_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

