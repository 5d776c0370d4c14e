/**
 * A trade's completion, inside the transaction of the accept that completes it (both
 * characters and the trade row already locked): every offered stack changes owner into
 * a free slot of the other side's bag, the eddies go across, each with its ledger rows;
 * the trade is marked completed. Everything is checked before anything is written; a
 * refusal (no room, eddies gone) rolls the whole accept back.
 *
 * Slots: a side's offered stacks leave its bag as the other's arrive, so the room the
 * receiver has counts the slots its own offer frees. The moving rows are first parked
 * on negative slots (one statement that also frees them), then placed — the bag's
 * unique (owner, slot) never sees two rows in one slot.
 */
import type { Item } from '@necp/db';
import type { TradeSide, TradeState } from '@necp/shared';
import type { Tx } from '../core/deps';
import { tradeReservation } from '../core/item-reserved';
import { lockCharacter, lockCharacterItems } from '../core/row-locks';
import { charOwner } from '../ledger/owners';
import { recordCurrency } from '../ledger/record-currency';
import { recordItem } from '../ledger/record-item';
import { publishStatsChanged } from '../world/publish-stats-changed';
import { eddiesGone, noRoomFor } from './errors';
import type { LoadedTrade } from './trade-rows';

interface Party {
  side: TradeSide;
  id: string;
  name: string;
  eddies: number;
  bagSlots: number;
  /** bag and equipment, locked */
  items: Item[];
  /** the stacks it gives, in offer order */
  gives: Item[];
  givesEddies: number;
}

async function party(tx: Tx, trade: LoadedTrade, side: TradeSide): Promise<Party> {
  const id = side === 'a' ? trade.aId : trade.bId;
  // locked already (lockTrade): this reads the row
  const c = await lockCharacter(tx, id);
  const items = await lockCharacterItems(tx, id);
  const held = tradeReservation(trade.id);
  const gives = trade.items
    .filter((t) => t.side === side)
    .map((t) => {
      const item = items.find((i) => i.id === t.itemId);
      // held since the offer: the database let nothing move it (Item_reserved_guard)
      if (!item || item.reservation !== held || item.container !== 'BAG')
        throw new Error(`trade ${trade.id}: offered item ${t.itemId} is not held in place`);
      return item;
    });
  return {
    side,
    id,
    name: c.name,
    eddies: c.eddies,
    bagSlots: c.bagSlots,
    items,
    gives,
    givesEddies: side === 'a' ? trade.aEddies : trade.bEddies,
  };
}

/** The free bag slots `to` will have for `from`'s stacks (its own offer leaving), or null. */
function slotsFor(to: Party, from: Party): number[] | null {
  const leaving = new Set(to.gives.map((i) => i.id));
  const taken = new Set(
    to.items.filter((i) => i.container === 'BAG' && !leaving.has(i.id)).map((i) => i.slot),
  );
  const free: number[] = [];
  for (let s = 0; s < to.bagSlots && free.length < from.gives.length; s++)
    if (!taken.has(s)) free.push(s);
  return free.length === from.gives.length ? free : null;
}

export async function settleTrade(tx: Tx, trade: LoadedTrade, now: Date): Promise<void> {
  const a = await party(tx, trade, 'a');
  const b = await party(tx, trade, 'b');
  for (const p of [a, b]) if (p.eddies < p.givesEddies) throw eddiesGone(p.name);
  const toB = slotsFor(b, a);
  if (!toB) throw noRoomFor(b.name);
  const toA = slotsFor(a, b);
  if (!toA) throw noRoomFor(a.name);

  const moving = [...a.gives, ...b.gives];
  // park: freed from the trade and off every real slot, in one statement
  if (moving.length > 0)
    await tx.$executeRaw`UPDATE "Item" i SET "reservation" = NULL, "slot" = p."slot",
        "updatedAt" = now()
      FROM unnest(${moving.map((m) => m.id)}::text[], ${moving.map((_, k) => -1 - k)}::int[])
        AS p("id", "slot")
      WHERE i."id" = p."id"`;
  const place = async (from: Party, to: Party, slots: number[]) => {
    for (const [k, item] of from.gives.entries()) {
      await tx.$executeRaw`UPDATE "Item" SET "characterId" = ${to.id}, "slot" = ${slots[k]!}::int,
        "updatedAt" = now() WHERE "id" = ${item.id}`;
      await recordItem(tx, {
        reason: 'trade',
        itemId: item.id,
        templateId: item.templateId,
        quantityDelta: 0,
        fromOwner: charOwner(from.id),
        toOwner: charOwner(to.id),
        ref: trade.id,
      });
    }
    if (from.givesEddies > 0) {
      const side = { fromOwner: charOwner(from.id), toOwner: charOwner(to.id), ref: trade.id };
      await recordCurrency(tx, {
        reason: 'trade',
        characterId: from.id,
        delta: -from.givesEddies,
        ...side,
      });
      await recordCurrency(tx, {
        reason: 'trade',
        characterId: to.id,
        delta: from.givesEddies,
        ...side,
      });
    }
  };
  await place(a, b, toB);
  await place(b, a, toA);
  await tx.$executeRaw`UPDATE "Trade" SET "state" = ${'completed' satisfies TradeState},
    "aAccepted" = ${trade.version}::int, "bAccepted" = ${trade.version}::int,
    "closedAt" = ${now}::timestamp, "closeReason" = 'completed' WHERE "id" = ${trade.id}`;
  await publishStatsChanged(tx, [a.id, b.id], 'trade.complete');
}
