-- The auction house, "Reef Exchange" (issue 28; docs/economy.md): listings that hold their
-- item (container AUCTION) and eddies (deposit + high bid), every bid, and the
-- settlement row that makes settling a listing happen once.

-- AlterEnum
ALTER TYPE "ItemContainer" ADD VALUE 'AUCTION';

-- CreateTable
CREATE TABLE "AuctionListing" (
    "id" TEXT NOT NULL,
    "sellerId" TEXT,
    "sellerName" TEXT NOT NULL,
    "itemId" TEXT,
    "templateId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "rarity" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "durability" INTEGER,
    "startBid" INTEGER NOT NULL,
    "buyout" INTEGER,
    "deposit" INTEGER NOT NULL,
    "durationH" INTEGER NOT NULL,
    "bid" INTEGER NOT NULL DEFAULT 0,
    "bidderId" TEXT,
    "bids" INTEGER NOT NULL DEFAULT 0,
    "price" INTEGER NOT NULL,
    "eddies" INTEGER NOT NULL DEFAULT 0,
    "listedAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'live',
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "AuctionListing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuctionBid" (
    "id" BIGSERIAL NOT NULL,
    "listingId" TEXT NOT NULL,
    "bidderId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuctionBid_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuctionSettlement" (
    "listingId" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "price" INTEGER NOT NULL DEFAULT 0,
    "settledAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuctionSettlement_pkey" PRIMARY KEY ("listingId")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuctionListing_itemId_key" ON "AuctionListing"("itemId");

-- CreateIndex
CREATE INDEX "AuctionListing_state_endsAt_idx" ON "AuctionListing"("state", "endsAt");

-- CreateIndex
CREATE INDEX "AuctionListing_state_price_idx" ON "AuctionListing"("state", "price");

-- CreateIndex
CREATE INDEX "AuctionListing_state_level_idx" ON "AuctionListing"("state", "level");

-- CreateIndex
CREATE INDEX "AuctionListing_state_name_idx" ON "AuctionListing"("state", "name");

-- CreateIndex
CREATE INDEX "AuctionListing_state_category_endsAt_idx" ON "AuctionListing"("state", "category", "endsAt");

-- CreateIndex
CREATE INDEX "AuctionListing_state_templateId_endsAt_idx" ON "AuctionListing"("state", "templateId", "endsAt");

-- CreateIndex
CREATE INDEX "AuctionListing_sellerId_state_idx" ON "AuctionListing"("sellerId", "state");

-- CreateIndex
CREATE INDEX "AuctionListing_bidderId_state_idx" ON "AuctionListing"("bidderId", "state");

-- CreateIndex
CREATE INDEX "AuctionBid_listingId_id_idx" ON "AuctionBid"("listingId", "id");

-- CreateIndex
CREATE INDEX "AuctionBid_bidderId_id_idx" ON "AuctionBid"("bidderId", "id");

-- AddForeignKey
ALTER TABLE "AuctionListing" ADD CONSTRAINT "AuctionListing_sellerId_fkey" FOREIGN KEY ("sellerId") REFERENCES "Character"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuctionListing" ADD CONSTRAINT "AuctionListing_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuctionListing" ADD CONSTRAINT "AuctionListing_bidderId_fkey" FOREIGN KEY ("bidderId") REFERENCES "Character"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuctionBid" ADD CONSTRAINT "AuctionBid_listingId_fkey" FOREIGN KEY ("listingId") REFERENCES "AuctionListing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuctionSettlement" ADD CONSTRAINT "AuctionSettlement_listingId_fkey" FOREIGN KEY ("listingId") REFERENCES "AuctionListing"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- what a listing holds and asks is never negative
ALTER TABLE "AuctionListing" ADD CONSTRAINT "AuctionListing_eddies_nonnegative" CHECK ("eddies" >= 0);
ALTER TABLE "AuctionListing" ADD CONSTRAINT "AuctionListing_prices_positive"
  CHECK ("startBid" >= 1 AND "price" >= 1 AND "bid" >= 0 AND "deposit" >= 0
         AND ("buyout" IS NULL OR "buyout" >= "startBid"));

-- Listed items (container AUCTION) belong to no character or account: the listing
-- holds them. Compared as text: the enum value added above cannot be used as such
-- before this migration's transaction commits.
ALTER TABLE "Item" DROP CONSTRAINT "Item_one_owner";
ALTER TABLE "Item" ADD CONSTRAINT "Item_one_owner" CHECK (
  ("container"::text IN ('BAG', 'EQUIPMENT', 'BUYBACK') AND "characterId" IS NOT NULL AND "userId" IS NULL) OR
  ("container"::text = 'BANK' AND "userId" IS NOT NULL AND "characterId" IS NULL) OR
  ("container"::text IN ('GROUND', 'MAIL', 'AUCTION') AND "userId" IS NULL AND "characterId" IS NULL)
);
