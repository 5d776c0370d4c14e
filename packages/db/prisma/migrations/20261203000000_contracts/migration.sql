-- AlterEnum
ALTER TYPE "ItemContainer" ADD VALUE 'CONTRACT';

-- CreateTable
CREATE TABLE "Contract" (
    "id" TEXT NOT NULL,
    "posterId" TEXT,
    "posterName" TEXT NOT NULL,
    "postKey" TEXT NOT NULL,
    "takerId" TEXT,
    "takerName" TEXT,
    "kind" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "targetName" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "reward" INTEGER NOT NULL,
    "collateral" INTEGER NOT NULL,
    "fee" INTEGER NOT NULL,
    "escrow" INTEGER NOT NULL DEFAULT 0,
    "note" TEXT NOT NULL DEFAULT '',
    "state" TEXT NOT NULL DEFAULT 'posted',
    "postedAt" TIMESTAMP(3) NOT NULL,
    "acceptBy" TIMESTAMP(3) NOT NULL,
    "deliverH" INTEGER NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "deadline" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "releaseAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Contract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractItem" (
    "itemId" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "role" TEXT NOT NULL,

    CONSTRAINT "ContractItem_pkey" PRIMARY KEY ("itemId")
);

-- CreateTable
CREATE TABLE "ContractEvidence" (
    "id" BIGSERIAL NOT NULL,
    "contractId" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContractEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractRuling" (
    "contractId" TEXT NOT NULL,
    "ruling" TEXT NOT NULL,
    "takerPct" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "moderatorId" TEXT NOT NULL,
    "moderator" TEXT NOT NULL,
    "feePoster" INTEGER NOT NULL,
    "feeTaker" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContractRuling_pkey" PRIMARY KEY ("contractId")
);

-- CreateTable
CREATE TABLE "ContractRating" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "rateeId" TEXT,
    "score" INTEGER NOT NULL,
    "weight" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContractRating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SharedDevice" (
    "userId" TEXT NOT NULL,
    "otherUserId" TEXT NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SharedDevice_pkey" PRIMARY KEY ("userId","otherUserId")
);

-- CreateIndex
CREATE INDEX "Contract_state_postedAt_idx" ON "Contract"("state", "postedAt");

-- CreateIndex
CREATE INDEX "Contract_state_acceptBy_idx" ON "Contract"("state", "acceptBy");

-- CreateIndex
CREATE INDEX "Contract_state_deadline_idx" ON "Contract"("state", "deadline");

-- CreateIndex
CREATE INDEX "Contract_state_releaseAt_idx" ON "Contract"("state", "releaseAt");

-- CreateIndex
CREATE INDEX "Contract_posterId_state_idx" ON "Contract"("posterId", "state");

-- CreateIndex
CREATE INDEX "Contract_takerId_state_idx" ON "Contract"("takerId", "state");

-- CreateIndex
CREATE INDEX "Contract_takerId_kind_targetId_state_idx" ON "Contract"("takerId", "kind", "targetId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_posterId_postKey_key" ON "Contract"("posterId", "postKey");

-- CreateIndex
CREATE INDEX "ContractItem_contractId_idx" ON "ContractItem"("contractId");

-- CreateIndex
CREATE INDEX "ContractEvidence_contractId_id_idx" ON "ContractEvidence"("contractId", "id");

-- CreateIndex
CREATE INDEX "ContractRating_rateeId_idx" ON "ContractRating"("rateeId");

-- CreateIndex
CREATE UNIQUE INDEX "ContractRating_contractId_side_key" ON "ContractRating"("contractId", "side");

-- CreateIndex
CREATE INDEX "SharedDevice_otherUserId_idx" ON "SharedDevice"("otherUserId");

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_posterId_fkey" FOREIGN KEY ("posterId") REFERENCES "Character"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_takerId_fkey" FOREIGN KEY ("takerId") REFERENCES "Character"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractItem" ADD CONSTRAINT "ContractItem_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractItem" ADD CONSTRAINT "ContractItem_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractEvidence" ADD CONSTRAINT "ContractEvidence_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractRuling" ADD CONSTRAINT "ContractRuling_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractRating" ADD CONSTRAINT "ContractRating_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- An item held by a contract has no character or account owner.
ALTER TABLE "Item" DROP CONSTRAINT "Item_one_owner";
ALTER TABLE "Item" ADD CONSTRAINT "Item_one_owner" CHECK (
  ("container"::text IN ('BAG', 'EQUIPMENT', 'BUYBACK') AND "characterId" IS NOT NULL AND "userId" IS NULL) OR
  ("container"::text = 'BANK' AND "userId" IS NOT NULL AND "characterId" IS NULL) OR
  ("container"::text IN ('GROUND', 'MAIL', 'AUCTION', 'MARKET', 'CONTRACT') AND "userId" IS NULL AND "characterId" IS NULL)
);

-- The escrow is the contract's open value by construction: the reward while posted, the
-- reward and the collateral while taken, nothing once settled.
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_escrow" CHECK (
  ("state" = 'posted' AND "escrow" = "reward") OR
  ("state" IN ('accepted', 'delivered', 'disputed') AND "escrow" = "reward" + "collateral") OR
  ("state" IN ('confirmed', 'arbitrated', 'expired', 'failed', 'cancelled') AND "escrow" = 0)
);
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_terms" CHECK (
  "quantity" > 0 AND "reward" > 0 AND "collateral" >= 0 AND "fee" >= 0 AND
  "progress" >= 0 AND "progress" <= "quantity"
);
ALTER TABLE "ContractRating" ADD CONSTRAINT "ContractRating_score" CHECK ("score" BETWEEN 1 AND 5);
ALTER TABLE "ContractRuling" ADD CONSTRAINT "ContractRuling_pct" CHECK ("takerPct" BETWEEN 0 AND 100);

-- Evidence and rulings are append-only: a ruling is read against what was said.
CREATE FUNCTION contract_record_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'P0001';
END;
$$;
CREATE TRIGGER "ContractEvidence_append_only"
  BEFORE UPDATE OR DELETE ON "ContractEvidence"
  FOR EACH ROW EXECUTE FUNCTION contract_record_append_only();
CREATE TRIGGER "ContractRuling_append_only"
  BEFORE UPDATE OR DELETE ON "ContractRuling"
  FOR EACH ROW EXECUTE FUNCTION contract_record_append_only();
