-- A listing carries the seller's idempotency key (as a craft, a contract's post and a
-- market placement do): a second try of a listing returns the listing the first made.
-- A season's sealed lot has no seller and no key: NULL, which the unique index lets many
-- rows have. Listings made before get their own id (unique, and never a client's).
ALTER TABLE "AuctionListing" ADD COLUMN "idempotencyKey" TEXT;
UPDATE "AuctionListing" SET "idempotencyKey" = "id" WHERE "season" IS NULL;

-- CreateIndex
CREATE UNIQUE INDEX "AuctionListing_sellerId_idempotencyKey_key" ON "AuctionListing"("sellerId", "idempotencyKey");
