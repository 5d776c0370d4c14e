-- Idempotency keys of the commands that move value and make no object of their own (a
-- vendor purchase or sale, a bank or guild bank deposit or withdrawal, an admin grant):
-- one receipt per (character, key), written first in the command's transaction.

-- CreateTable
CREATE TABLE "CommandReceipt" (
    "characterId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "terms" TEXT NOT NULL,
    "outcome" JSONB,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommandReceipt_pkey" PRIMARY KEY ("characterId","key")
);

-- CreateIndex
CREATE INDEX "CommandReceipt_at_idx" ON "CommandReceipt"("at");

-- AddForeignKey
ALTER TABLE "CommandReceipt" ADD CONSTRAINT "CommandReceipt_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;
