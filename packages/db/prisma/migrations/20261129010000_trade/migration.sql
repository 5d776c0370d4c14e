-- Face-to-face trade (issue 28): the trades and what each side offers, and item
-- reservations.

-- CreateTable
CREATE TABLE "Trade" (
    "id" TEXT NOT NULL,
    "aId" TEXT NOT NULL,
    "bId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'open',
    "version" INTEGER NOT NULL DEFAULT 0,
    "aAccepted" INTEGER,
    "bAccepted" INTEGER,
    "aEddies" INTEGER NOT NULL DEFAULT 0,
    "bEddies" INTEGER NOT NULL DEFAULT 0,
    "changedAt" TIMESTAMP(3) NOT NULL,
    "changedBy" TEXT,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "closeReason" TEXT,

    CONSTRAINT "Trade_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TradeItem" (
    "tradeId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "TradeItem_pkey" PRIMARY KEY ("tradeId","itemId")
);

-- CreateIndex
CREATE INDEX "Trade_state_expiresAt_idx" ON "Trade"("state", "expiresAt");

-- CreateIndex
CREATE INDEX "Trade_aId_openedAt_idx" ON "Trade"("aId", "openedAt");

-- CreateIndex
CREATE INDEX "Trade_bId_openedAt_idx" ON "Trade"("bId", "openedAt");

-- AddForeignKey
ALTER TABLE "Trade" ADD CONSTRAINT "Trade_aId_fkey" FOREIGN KEY ("aId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Trade" ADD CONSTRAINT "Trade_bId_fkey" FOREIGN KEY ("bId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TradeItem" ADD CONSTRAINT "TradeItem_tradeId_fkey" FOREIGN KEY ("tradeId") REFERENCES "Trade"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Item reservations: an item offered in a trade (later: listed, a craft's
-- input) stays where it lies, marked. Every path that would move, split, merge, equip,
-- sell, mail, drop or destroy it is refused — by the database itself, so a path that
-- forgets to check cannot duplicate or lose it.
ALTER TABLE "Item" ADD COLUMN "reservation" TEXT;

CREATE INDEX "Item_reservation_idx" ON "Item"("reservation");

-- A reserved row may only be released (reservation → NULL, in the same statement as
-- the settlement that moves it, or alone); any other change, re-reserving it for
-- something else, or deleting it raises SQLSTATE NC001 (mapped to a DomainError by
-- core/transaction.ts). Releasing or reserving changes nothing else by itself.
CREATE FUNCTION item_reserved_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."reservation" IS NOT NULL THEN
      RAISE EXCEPTION 'item_reserved: item % is held (%): delete refused', OLD."id", OLD."reservation"
        USING ERRCODE = 'NC001';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD."reservation" IS NULL OR NEW."reservation" IS NULL THEN
    RETURN NEW;
  END IF;
  IF NEW."reservation" <> OLD."reservation"
     OR NEW."templateId" IS DISTINCT FROM OLD."templateId"
     OR NEW."quantity" IS DISTINCT FROM OLD."quantity"
     OR NEW."durability" IS DISTINCT FROM OLD."durability"
     OR NEW."container" IS DISTINCT FROM OLD."container"
     OR NEW."slot" IS DISTINCT FROM OLD."slot"
     OR NEW."characterId" IS DISTINCT FROM OLD."characterId"
     OR NEW."userId" IS DISTINCT FROM OLD."userId"
     OR NEW."boundCharacterId" IS DISTINCT FROM OLD."boundCharacterId" THEN
    RAISE EXCEPTION 'item_reserved: item % is held (%): change refused', OLD."id", OLD."reservation"
      USING ERRCODE = 'NC001';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Item_reserved_guard"
  BEFORE UPDATE OR DELETE ON "Item"
  FOR EACH ROW EXECUTE FUNCTION item_reserved_guard();
