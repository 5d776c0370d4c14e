-- The leaderboards (issue 14, docs/leaderboards.md): bans that ran out are swept by
-- their end time every minute, so those accounts' characters are listed again.
-- CreateIndex
CREATE INDEX "User_bannedUntil_idx" ON "User"("bannedUntil");
