-- Seasonal sealed lots (docs/economy.md "Seasonal sealed lots"): a lot is an
-- AuctionListing of the house (no seller) with its season, slot and opening time.

-- AlterTable
ALTER TABLE "AuctionListing" ADD COLUMN     "lotSlot" INTEGER,
ADD COLUMN     "opensAt" TIMESTAMP(3),
ADD COLUMN     "season" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "AuctionListing_season_lotSlot_key" ON "AuctionListing"("season", "lotSlot");

-- a lot has all three or none; it opens before it closes
ALTER TABLE "AuctionListing" ADD CONSTRAINT "AuctionListing_sealed_lot"
  CHECK (("season" IS NULL AND "lotSlot" IS NULL AND "opensAt" IS NULL) OR
         ("season" IS NOT NULL AND "lotSlot" IS NOT NULL AND "opensAt" IS NOT NULL
          AND "opensAt" < "endsAt" AND "sellerId" IS NULL));
