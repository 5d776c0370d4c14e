import { TRADE_IDLE_MS, TradeOfferInputSchema, type TradeOfferInput } from '@necp/shared';
import { Prisma } from '@necp/db';
import type { GameDeps } from '../core/deps';
import { tradeReservation } from '../core/item-reserved';
import { lockCharacter, lockCharacterItems } from '../core/row-locks';
import { DIRECT, inTransaction } from '../core/transaction';
import { parseInput } from '../core/validation';
import { itemNotFound } from '../inventory/errors';
import { notEnoughEddies } from '../ledger/record-currency';
import { boundOffered, notInBag, tradeOver } from './errors';
import { lockTrade, tradeOutcome, type TradeOutcome } from './trade-rows';

/**
 * A side's whole offer, replacing its last one: up to TRADE_SLOTS stacks from its bag
 * (held in place from now on: core/item-reserved.ts) and eddies (checked now and again
 * when the trade completes). Any change bumps the version and clears both accepts; the
 * other side cannot accept for TRADE_ACCEPT_DELAY_MS. The same offer again changes
 * nothing. Refused: a trade that is over, an item not in the bag (equipped, someone
 * else's, gone), a bound item, more eddies than the character has.
 */
export async function offerTrade(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: TradeOfferInput,
): Promise<TradeOutcome> {
  const o = parseInput(TradeOfferInputSchema, input);
  const now = deps.clock.now();
  return inTransaction(
    deps.db,
    async (tx) => {
      const { trade, side } = await lockTrade(tx, o.tradeId, o.characterId);
      if (trade.state !== 'open') throw tradeOver();
      const mine = trade.items.filter((i) => i.side === side).map((i) => i.itemId);
      const eddiesNow = side === 'a' ? trade.aEddies : trade.bEddies;
      if (eddiesNow === o.eddies && mine.join() === o.items.join())
        return tradeOutcome(tx, trade.id, side);

      // locked already (lockTrade): this reads the row
      const me = await lockCharacter(tx, o.characterId);
      if (me.eddies < o.eddies) throw notEnoughEddies();
      const held = tradeReservation(trade.id);
      const items = await lockCharacterItems(tx, o.characterId);
      const offered = o.items.map((id) => {
        const item = items.find((i) => i.id === id);
        if (!item) throw itemNotFound(id);
        if (item.container !== 'BAG') throw notInBag();
        if (item.boundCharacterId !== null) throw boundOffered();
        // held by this trade already, or free (anything else holding it refuses below)
        return item;
      });
      // what this side no longer offers goes free; what it newly offers is held
      const dropped = mine.filter((id) => !o.items.includes(id));
      if (dropped.length > 0)
        await tx.$executeRaw`UPDATE "Item" SET "reservation" = NULL, "updatedAt" = now()
        WHERE "id" IN (${Prisma.join(dropped)}) AND "reservation" = ${held}`;
      // the database refuses an item another trade holds (Item_reserved_guard)
      const newly = offered.filter((i) => i.reservation !== held).map((i) => i.id);
      if (newly.length > 0)
        await tx.$executeRaw`UPDATE "Item" SET "reservation" = ${held}, "updatedAt" = now()
        WHERE "id" = ANY(${newly}::text[])`;
      await tx.$executeRaw`DELETE FROM "TradeItem" WHERE "tradeId" = ${trade.id} AND "side" = ${side}`;
      if (offered.length > 0)
        await tx.$executeRaw`INSERT INTO "TradeItem"
          ("tradeId", "itemId", "side", "templateId", "quantity", "position")
        SELECT ${trade.id}, o."itemId", ${side}, o."templateId", o."quantity", o."position"
        FROM unnest(${offered.map((i) => i.id)}::text[], ${offered.map((i) => i.templateId)}::text[],
          ${offered.map((i) => i.quantity)}::int[], ${offered.map((_, k) => k)}::int[])
          AS o("itemId", "templateId", "quantity", "position")`;
      await tx.$executeRaw`UPDATE "Trade" SET "version" = "version" + 1,
      "aAccepted" = NULL, "bAccepted" = NULL,
      "aEddies" = CASE WHEN ${side}::text = 'a' THEN ${o.eddies}::int ELSE "aEddies" END,
      "bEddies" = CASE WHEN ${side}::text = 'b' THEN ${o.eddies}::int ELSE "bEddies" END,
      "changedAt" = ${now}::timestamp, "changedBy" = ${side},
      "expiresAt" = ${new Date(now.getTime() + TRADE_IDLE_MS)}::timestamp
      WHERE "id" = ${trade.id}`;
      return tradeOutcome(tx, trade.id, side);
    },
    DIRECT,
  );
}
