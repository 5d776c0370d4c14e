-- One name for a command's idempotency key: a contract's post key is called what a
-- craft's and a salvage's are (the tRPC input's field too).
ALTER TABLE "Contract" RENAME COLUMN "postKey" TO "idempotencyKey";
ALTER INDEX "Contract_posterId_postKey_key" RENAME TO "Contract_posterId_idempotencyKey_key";
