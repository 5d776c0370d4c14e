-- CreateTable
CREATE TABLE "GuildRenown" (
    "guildId" TEXT NOT NULL,
    "season" TEXT NOT NULL,
    "renown" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GuildRenown_pkey" PRIMARY KEY ("guildId","season")
);

-- CreateTable
CREATE TABLE "GuildRenownCredit" (
    "characterId" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "guildId" TEXT NOT NULL,
    "season" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GuildRenownCredit_pkey" PRIMARY KEY ("characterId","eventKey")
);

-- CreateIndex
CREATE INDEX "GuildRenown_season_renown_idx" ON "GuildRenown"("season", "renown" DESC);

-- CreateIndex
CREATE INDEX "GuildRenownCredit_guildId_season_characterId_idx" ON "GuildRenownCredit"("guildId", "season", "characterId");

-- AddForeignKey
ALTER TABLE "GuildRenown" ADD CONSTRAINT "GuildRenown_guildId_fkey" FOREIGN KEY ("guildId") REFERENCES "Guild"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuildRenown" ADD CONSTRAINT "GuildRenown_season_fkey" FOREIGN KEY ("season") REFERENCES "Season"("key") ON DELETE CASCADE ON UPDATE CASCADE;

