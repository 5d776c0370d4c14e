-- Guilds (issue 13): guilds with unique name and tag, ranks with permissions and daily
-- withdraw limits, members (one guild per character), invites with expiry, the bank log.
-- CreateTable
CREATE TABLE "Guild" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameLower" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    "motd" TEXT NOT NULL DEFAULT '',
    "bankEddies" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Guild_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GuildRank" (
    "id" TEXT NOT NULL,
    "guildId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "canInvite" BOOLEAN NOT NULL DEFAULT false,
    "canKick" BOOLEAN NOT NULL DEFAULT false,
    "canPromote" BOOLEAN NOT NULL DEFAULT false,
    "canEditMotd" BOOLEAN NOT NULL DEFAULT false,
    "canDeposit" BOOLEAN NOT NULL DEFAULT false,
    "canWithdraw" BOOLEAN NOT NULL DEFAULT false,
    "dailyWithdrawLimit" INTEGER,

    CONSTRAINT "GuildRank_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GuildMember" (
    "characterId" TEXT NOT NULL,
    "guildId" TEXT NOT NULL,
    "rankId" TEXT NOT NULL,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GuildMember_pkey" PRIMARY KEY ("characterId")
);

-- CreateTable
CREATE TABLE "GuildInvite" (
    "id" TEXT NOT NULL,
    "guildId" TEXT NOT NULL,
    "fromId" TEXT NOT NULL,
    "toId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GuildInvite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GuildBankLog" (
    "id" BIGSERIAL NOT NULL,
    "guildId" TEXT NOT NULL,
    "characterId" TEXT NOT NULL,
    "characterName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "balanceAfter" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GuildBankLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Guild_nameLower_key" ON "Guild"("nameLower");

-- CreateIndex
CREATE UNIQUE INDEX "Guild_tag_key" ON "Guild"("tag");

-- CreateIndex
CREATE UNIQUE INDEX "GuildRank_guildId_position_key" ON "GuildRank"("guildId", "position");

-- CreateIndex
CREATE INDEX "GuildMember_guildId_idx" ON "GuildMember"("guildId");

-- CreateIndex
CREATE INDEX "GuildMember_rankId_idx" ON "GuildMember"("rankId");

-- CreateIndex
CREATE INDEX "GuildInvite_toId_idx" ON "GuildInvite"("toId");

-- CreateIndex
CREATE INDEX "GuildInvite_fromId_idx" ON "GuildInvite"("fromId");

-- CreateIndex
CREATE UNIQUE INDEX "GuildInvite_guildId_toId_key" ON "GuildInvite"("guildId", "toId");

-- CreateIndex
CREATE INDEX "GuildBankLog_guildId_id_idx" ON "GuildBankLog"("guildId", "id");

-- CreateIndex
CREATE INDEX "GuildBankLog_guildId_characterId_createdAt_idx" ON "GuildBankLog"("guildId", "characterId", "createdAt");

-- AddForeignKey
ALTER TABLE "GuildRank" ADD CONSTRAINT "GuildRank_guildId_fkey" FOREIGN KEY ("guildId") REFERENCES "Guild"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuildMember" ADD CONSTRAINT "GuildMember_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuildMember" ADD CONSTRAINT "GuildMember_guildId_fkey" FOREIGN KEY ("guildId") REFERENCES "Guild"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuildMember" ADD CONSTRAINT "GuildMember_rankId_fkey" FOREIGN KEY ("rankId") REFERENCES "GuildRank"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuildInvite" ADD CONSTRAINT "GuildInvite_guildId_fkey" FOREIGN KEY ("guildId") REFERENCES "Guild"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuildInvite" ADD CONSTRAINT "GuildInvite_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuildInvite" ADD CONSTRAINT "GuildInvite_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuildBankLog" ADD CONSTRAINT "GuildBankLog_guildId_fkey" FOREIGN KEY ("guildId") REFERENCES "Guild"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- What Prisma cannot say: the bank never goes negative, tags are 2–5 upper-case letters,
-- limits and logged amounts are positive.
ALTER TABLE "Guild" ADD CONSTRAINT "Guild_bankEddies_nonnegative" CHECK ("bankEddies" >= 0);
ALTER TABLE "Guild" ADD CONSTRAINT "Guild_tag_letters" CHECK ("tag" ~ '^[A-Z]{2,5}$');
ALTER TABLE "GuildRank" ADD CONSTRAINT "GuildRank_dailyWithdrawLimit_nonnegative" CHECK ("dailyWithdrawLimit" >= 0);
ALTER TABLE "GuildBankLog" ADD CONSTRAINT "GuildBankLog_amount_positive" CHECK ("amount" > 0 AND "balanceAfter" >= 0);
ALTER TABLE "GuildBankLog" ADD CONSTRAINT "GuildBankLog_kind" CHECK ("kind" IN ('deposit', 'withdraw'));
