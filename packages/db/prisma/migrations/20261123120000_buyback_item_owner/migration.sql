-- Items sold to a vendor and kept for buy-back (container BUYBACK) belong to the
-- seller: characterId set, like bag and equipment. The owner check predates BUYBACK.
ALTER TABLE "Item" DROP CONSTRAINT "Item_one_owner";
ALTER TABLE "Item" ADD CONSTRAINT "Item_one_owner" CHECK (
  ("container" IN ('BAG', 'EQUIPMENT', 'BUYBACK') AND "characterId" IS NOT NULL AND "userId" IS NULL) OR
  ("container" = 'BANK' AND "userId" IS NOT NULL AND "characterId" IS NULL) OR
  ("container" = 'GROUND' AND "userId" IS NULL AND "characterId" IS NULL)
);
