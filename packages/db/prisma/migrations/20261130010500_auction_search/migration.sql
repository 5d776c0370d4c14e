-- The auction house's search by rarity and level (pnpm bench:auction, docs/perf.md):
-- rarity and level are correlated (epic and legendary items are high level), which the
-- planner cannot know from per-column statistics — it expected hundreds of rows for an
-- empty combination and walked the sort's index through every live listing. The index
-- serves the filter; the statistics object tells the planner the combination is rare.

-- CreateIndex
CREATE INDEX "AuctionListing_state_rarity_level_idx" ON "AuctionListing"("state", "rarity", "level");

CREATE STATISTICS "AuctionListing_rarity_level_stats" (mcv) ON "rarity", "level" FROM "AuctionListing";
