-- AlterEnum
ALTER TYPE "ItemContainer" ADD VALUE 'MARKET';

-- CreateTable
CREATE TABLE "MarketBook" (
    "templateId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL DEFAULT 0,
    "last" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MarketBook_pkey" PRIMARY KEY ("templateId")
);

-- CreateTable
CREATE TABLE "MarketOrder" (
    "id" TEXT NOT NULL,
    "no" BIGSERIAL NOT NULL,
    "characterId" TEXT,
    "templateId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "price" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "remaining" INTEGER NOT NULL,
    "filled" INTEGER NOT NULL DEFAULT 0,
    "value" INTEGER NOT NULL DEFAULT 0,
    "fee" INTEGER NOT NULL,
    "escrow" INTEGER NOT NULL DEFAULT 0,
    "payout" INTEGER NOT NULL DEFAULT 0,
    "itemId" TEXT,
    "booked" BOOLEAN NOT NULL DEFAULT false,
    "state" TEXT NOT NULL DEFAULT 'open',
    "durationH" INTEGER NOT NULL,
    "placedAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "MarketOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MarketFill" (
    "id" BIGSERIAL NOT NULL,
    "templateId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "buyOrderId" TEXT NOT NULL,
    "sellOrderId" TEXT NOT NULL,
    "price" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "taker" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MarketFill_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MarketJournal" (
    "templateId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MarketJournal_pkey" PRIMARY KEY ("templateId","seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "MarketOrder_no_key" ON "MarketOrder"("no");

-- CreateIndex
CREATE UNIQUE INDEX "MarketOrder_itemId_key" ON "MarketOrder"("itemId");

-- CreateIndex
CREATE INDEX "MarketOrder_templateId_state_booked_no_idx" ON "MarketOrder"("templateId", "state", "booked", "no");

-- CreateIndex
CREATE INDEX "MarketOrder_templateId_side_state_price_idx" ON "MarketOrder"("templateId", "side", "state", "price");

-- CreateIndex
CREATE INDEX "MarketOrder_characterId_state_idx" ON "MarketOrder"("characterId", "state");

-- CreateIndex
CREATE INDEX "MarketOrder_characterId_templateId_side_placedAt_idx" ON "MarketOrder"("characterId", "templateId", "side", "placedAt");

-- CreateIndex
CREATE INDEX "MarketOrder_state_expiresAt_idx" ON "MarketOrder"("state", "expiresAt");

-- CreateIndex
CREATE INDEX "MarketFill_templateId_at_idx" ON "MarketFill"("templateId", "at");

-- CreateIndex
CREATE INDEX "MarketFill_buyOrderId_idx" ON "MarketFill"("buyOrderId");

-- CreateIndex
CREATE INDEX "MarketFill_sellOrderId_idx" ON "MarketFill"("sellOrderId");

-- AddForeignKey
ALTER TABLE "MarketOrder" ADD CONSTRAINT "MarketOrder_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MarketOrder" ADD CONSTRAINT "MarketOrder_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The order's rules the database keeps by itself (docs/economy.md "The commodity market"):
-- a buy order holds exactly its limit × what is left while open, and nothing after; no
-- order fills past its quantity; the notional fits an int with room.
ALTER TABLE "MarketOrder"
  ADD CONSTRAINT "MarketOrder_side_check" CHECK ("side" IN ('buy', 'sell')),
  ADD CONSTRAINT "MarketOrder_type_check" CHECK ("type" IN ('limit', 'market')),
  ADD CONSTRAINT "MarketOrder_state_check" CHECK ("state" IN ('open', 'filled', 'cancelled', 'expired')),
  ADD CONSTRAINT "MarketOrder_amounts_check" CHECK (
    "price" >= 1 AND "quantity" >= 1 AND "price"::bigint * "quantity" <= 100000000
    AND "remaining" >= 0 AND "filled" >= 0 AND "filled" + "remaining" <= "quantity"
    AND ("state" <> 'open' OR "filled" + "remaining" = "quantity")
    AND ("state" = 'open' OR "remaining" = 0)
    AND "value" >= 0 AND "fee" >= 0 AND "payout" >= 0),
  ADD CONSTRAINT "MarketOrder_escrow_check" CHECK (
    "escrow" = CASE WHEN "side" = 'buy' AND "state" = 'open' THEN "price" * "remaining" ELSE 0 END);
ALTER TABLE "MarketFill"
  ADD CONSTRAINT "MarketFill_amounts_check" CHECK ("price" >= 1 AND "quantity" >= 1);

-- a market order's goods (container MARKET) have no owner columns: the order names them
ALTER TABLE "Item" DROP CONSTRAINT "Item_one_owner";
ALTER TABLE "Item" ADD CONSTRAINT "Item_one_owner" CHECK (
  ("container"::text IN ('BAG', 'EQUIPMENT', 'BUYBACK') AND "characterId" IS NOT NULL AND "userId" IS NULL) OR
  ("container"::text = 'BANK' AND "userId" IS NOT NULL AND "characterId" IS NULL) OR
  ("container"::text IN ('GROUND', 'MAIL', 'AUCTION', 'MARKET') AND "userId" IS NULL AND "characterId" IS NULL)
);
