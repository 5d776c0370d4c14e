-- Matchmaking (issue 14, docs/matchmaking.md): Glicko-2 arena ratings per character,
-- bracket and season; match history with each participant's team and rating change;
-- queue penalties for declined or missed ready checks.
-- CreateTable
CREATE TABLE "ArenaRating" (
    "characterId" TEXT NOT NULL,
    "bracket" TEXT NOT NULL,
    "season" TEXT NOT NULL DEFAULT 'S1',
    "rating" DOUBLE PRECISION NOT NULL DEFAULT 1500,
    "rd" DOUBLE PRECISION NOT NULL DEFAULT 350,
    "volatility" DOUBLE PRECISION NOT NULL DEFAULT 0.06,
    "wins" INTEGER NOT NULL DEFAULT 0,
    "losses" INTEGER NOT NULL DEFAULT 0,
    "draws" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArenaRating_pkey" PRIMARY KEY ("characterId","bracket","season")
);

-- CreateTable
CREATE TABLE "Match" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "bracket" TEXT,
    "season" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "winnerTeam" INTEGER,

    CONSTRAINT "Match_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MatchParticipant" (
    "matchId" TEXT NOT NULL,
    "characterId" TEXT NOT NULL,
    "team" INTEGER NOT NULL,
    "result" TEXT,
    "ratingBefore" DOUBLE PRECISION,
    "ratingAfter" DOUBLE PRECISION,

    CONSTRAINT "MatchParticipant_pkey" PRIMARY KEY ("matchId","characterId")
);

-- CreateTable
CREATE TABLE "QueuePenalty" (
    "characterId" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,
    "lastOffenceAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QueuePenalty_pkey" PRIMARY KEY ("characterId")
);

-- CreateIndex
CREATE INDEX "ArenaRating_bracket_season_rating_idx" ON "ArenaRating"("bracket", "season", "rating" DESC);

-- CreateIndex
CREATE INDEX "Match_kind_endedAt_idx" ON "Match"("kind", "endedAt");

-- CreateIndex
CREATE INDEX "MatchParticipant_characterId_idx" ON "MatchParticipant"("characterId");

-- AddForeignKey
ALTER TABLE "ArenaRating" ADD CONSTRAINT "ArenaRating_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchParticipant" ADD CONSTRAINT "MatchParticipant_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "Match"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchParticipant" ADD CONSTRAINT "MatchParticipant_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QueuePenalty" ADD CONSTRAINT "QueuePenalty_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

