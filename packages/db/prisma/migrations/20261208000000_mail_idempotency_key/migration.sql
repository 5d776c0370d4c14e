-- A mail send carries the sender's idempotency key (as a craft, a contract's post and a
-- market placement do): a second try of a send returns what the first told. System mail
-- has no sender and no key, and a returned mail drops its key (it is no send of its new
-- sender): NULL, which the unique index lets many rows have. Player mail sent before
-- gets its own id (unique, and never a client's).
ALTER TABLE "Mail" ADD COLUMN "idempotencyKey" TEXT;
UPDATE "Mail" SET "idempotencyKey" = "id" WHERE "kind" = 'player' AND "fromId" IS NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Mail_fromId_idempotencyKey_key" ON "Mail"("fromId", "idempotencyKey");
