-- A market placement carries the placer's idempotency key (as a craft, a salvage and a
-- contract's post do): a second try of a placement returns the order the first made.
-- Orders placed before have no key: each gets its own id (unique, and never a client's).
ALTER TABLE "MarketOrder" ADD COLUMN "idempotencyKey" TEXT;
UPDATE "MarketOrder" SET "idempotencyKey" = "id";
ALTER TABLE "MarketOrder" ALTER COLUMN "idempotencyKey" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "MarketOrder_characterId_idempotencyKey_key" ON "MarketOrder"("characterId", "idempotencyKey");
