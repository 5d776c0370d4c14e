-- CreateTable
CREATE TABLE "Season" (
    "key" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'active',
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "Season_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "SeasonStanding" (
    "season" TEXT NOT NULL,
    "board" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "rank" INTEGER NOT NULL,
    "subjectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "class" TEXT,
    "level" INTEGER NOT NULL,
    "guildTag" TEXT,
    "value" INTEGER NOT NULL,
    "detail" INTEGER,

    CONSTRAINT "SeasonStanding_pkey" PRIMARY KEY ("season","board","scope","position")
);

-- CreateIndex
CREATE UNIQUE INDEX "Season_number_key" ON "Season"("number");

-- CreateIndex
CREATE INDEX "Season_state_idx" ON "Season"("state");

-- CreateIndex
CREATE INDEX "SeasonStanding_subjectId_idx" ON "SeasonStanding"("subjectId");

-- AddForeignKey
ALTER TABLE "SeasonStanding" ADD CONSTRAINT "SeasonStanding_season_fkey" FOREIGN KEY ("season") REFERENCES "Season"("key") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: the state's values; and the first season, S1, which every arena rating
-- written so far belongs to (ArenaRating.season defaulted to 'S1'). It runs four weeks
-- (SEASON_LENGTH_DAYS) from the day this migration is applied, ending at 00:00 UTC.
ALTER TABLE "Season" ADD CONSTRAINT "Season_state_check" CHECK ("state" IN ('active', 'ended'));
INSERT INTO "Season" ("key", "number", "startsAt", "endsAt", "state")
VALUES ('S1', 1, now() AT TIME ZONE 'UTC',
        date_trunc('day', now() AT TIME ZONE 'UTC') + interval '28 days', 'active');
