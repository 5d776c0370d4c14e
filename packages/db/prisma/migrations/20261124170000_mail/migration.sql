-- Mail (issue 13): mails with held eddies and item attachments (Item.container MAIL), delivery delay and expiry.
-- AlterEnum
ALTER TYPE "ItemContainer" ADD VALUE 'MAIL';

-- CreateTable
CREATE TABLE "Mail" (
    "id" TEXT NOT NULL,
    "toId" TEXT NOT NULL,
    "fromId" TEXT,
    "fromName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "eddies" INTEGER NOT NULL DEFAULT 0,
    "cod" INTEGER NOT NULL DEFAULT 0,
    "sentAt" TIMESTAMP(3) NOT NULL,
    "deliverAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Mail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailAttachment" (
    "itemId" TEXT NOT NULL,
    "mailId" TEXT NOT NULL,

    CONSTRAINT "MailAttachment_pkey" PRIMARY KEY ("itemId")
);

-- CreateIndex
CREATE INDEX "Mail_toId_deliverAt_idx" ON "Mail"("toId", "deliverAt");

-- CreateIndex
CREATE INDEX "Mail_fromId_idx" ON "Mail"("fromId");

-- CreateIndex
CREATE INDEX "Mail_expiresAt_idx" ON "Mail"("expiresAt");

-- CreateIndex
CREATE INDEX "MailAttachment_mailId_idx" ON "MailAttachment"("mailId");

-- AddForeignKey
ALTER TABLE "Mail" ADD CONSTRAINT "Mail_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mail" ADD CONSTRAINT "Mail_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Character"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailAttachment" ADD CONSTRAINT "MailAttachment_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailAttachment" ADD CONSTRAINT "MailAttachment_mailId_fkey" FOREIGN KEY ("mailId") REFERENCES "Mail"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- what a mail holds is never negative
ALTER TABLE "Mail" ADD CONSTRAINT "Mail_eddies_nonnegative" CHECK ("eddies" >= 0);
ALTER TABLE "Mail" ADD CONSTRAINT "Mail_cod_nonnegative" CHECK ("cod" >= 0);

-- Items attached to a mail (container MAIL) belong to no character or account: the
-- mail holds them (MailAttachment). Compared as text: the enum value added above
-- cannot be used as such before this migration's transaction commits.
ALTER TABLE "Item" DROP CONSTRAINT "Item_one_owner";
ALTER TABLE "Item" ADD CONSTRAINT "Item_one_owner" CHECK (
  ("container"::text IN ('BAG', 'EQUIPMENT', 'BUYBACK') AND "characterId" IS NOT NULL AND "userId" IS NULL) OR
  ("container"::text = 'BANK' AND "userId" IS NOT NULL AND "characterId" IS NULL) OR
  ("container"::text IN ('GROUND', 'MAIL') AND "userId" IS NULL AND "characterId" IS NULL)
);
