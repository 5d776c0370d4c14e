/**
 * What every trade operation shares: finding a caller's trade, locking it (after both
 * characters: core/lock-order.ts step 2, then the Trade row, then items), releasing
 * what it holds, closing it, and the view each side sees.
 *
 * Lock order: both Character rows in id order, then the Trade row; the items after.
 */
import type { Trade, TradeItem } from '@necp/db';
import {
  TRADE_ACCEPT_DELAY_MS,
  tradeSideOf,
  type TradeCancelReason,
  type TradeSide,
  type TradeState,
  type TradeView,
} from '@necp/shared';
import { emitTo, toCharacters, type Push } from '@necp/shared';
import type { Tx } from '../core/deps';
import { tradeReservation } from '../core/item-reserved';
import { lockLiveCharacters } from '../core/lock-order';
import { tradeNotFound } from './errors';

export type LoadedTrade = Trade & { items: TradeItem[] };

/**
 * Locks both parties (the live ones) and the trade, and reads it with its offered
 * items; null when there is no such trade. For the system (the idle sweep) and for
 * lockTrade.
 */
export async function lockTradeRow(
  tx: Tx,
  tradeId: string,
): Promise<{ trade: LoadedTrade; live: string[] } | null> {
  const seen = await tx.trade.findUnique({
    where: { id: tradeId },
    select: { aId: true, bId: true },
  });
  if (!seen) return null;
  const live = await lockLiveCharacters(tx, [seen.aId, seen.bId]);
  await tx.$queryRaw`SELECT "id" FROM "Trade" WHERE "id" = ${tradeId} FOR UPDATE`;
  const trade = await tx.trade.findUniqueOrThrow({
    where: { id: tradeId },
    include: { items: { orderBy: [{ side: 'asc' }, { position: 'asc' }] } },
  });
  return { trade, live: live.map((c) => c.id) };
}

/**
 * Locks the trade of `characterId` (NOT_FOUND for anyone else's, or when the caller's
 * character is gone) as lockTradeRow does; the caller's side.
 */
export async function lockTrade(
  tx: Tx,
  tradeId: string,
  characterId: string,
): Promise<{ trade: LoadedTrade; side: TradeSide }> {
  const locked = await lockTradeRow(tx, tradeId);
  const side = locked && tradeSideOf(locked.trade, characterId);
  if (!locked || !side || !locked.live.includes(characterId)) throw tradeNotFound();
  return { trade: locked.trade, side };
}

/** Frees every item the trade holds (both sides). */
export async function releaseTradeItems(tx: Tx, tradeId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "Item" SET "reservation" = NULL, "updatedAt" = now()
    WHERE "reservation" = ${tradeReservation(tradeId)}`;
}

/** Ends a requested or open trade without a deal: its items freed, the reason kept. */
export async function closeTrade(
  tx: Tx,
  trade: Trade,
  reason: TradeCancelReason,
  now: Date,
): Promise<void> {
  await releaseTradeItems(tx, trade.id);
  await tx.trade.update({
    where: { id: trade.id },
    data: { state: 'cancelled' satisfies TradeState, closedAt: now, closeReason: reason },
  });
}

export const otherSide = (side: TradeSide): TradeSide => (side === 'a' ? 'b' : 'a');

/** The trade as `me` sees it; `names` and `durability` from rows the caller read. */
export async function tradeView(tx: Tx, tradeId: string, me: TradeSide): Promise<TradeView> {
  const t = await tx.trade.findUniqueOrThrow({
    where: { id: tradeId },
    include: {
      items: { orderBy: [{ side: 'asc' }, { position: 'asc' }] },
      a: { select: { name: true } },
      b: { select: { name: true } },
    },
  });
  const live = await tx.item.findMany({
    where: { id: { in: t.items.map((i) => i.itemId) } },
    select: { id: true, durability: true },
  });
  const durability = new Map(live.map((i) => [i.id, i.durability]));
  const side = (s: TradeSide) => ({
    characterId: s === 'a' ? t.aId : t.bId,
    name: s === 'a' ? t.a.name : t.b.name,
    eddies: s === 'a' ? t.aEddies : t.bEddies,
    accepted: (s === 'a' ? t.aAccepted : t.bAccepted) === t.version,
    items: t.items
      .filter((i) => i.side === s)
      .map((i) => ({
        itemId: i.itemId,
        templateId: i.templateId,
        quantity: i.quantity,
        durability: durability.get(i.itemId) ?? null,
      })),
  });
  const theirChange = t.changedBy !== null && t.changedBy !== me;
  return {
    id: t.id,
    state: t.state as TradeState,
    version: t.version,
    me,
    a: side('a'),
    b: side('b'),
    acceptableAt: theirChange ? t.changedAt.getTime() + TRADE_ACCEPT_DELAY_MS : 0,
    expiresAt: t.expiresAt.getTime(),
    closedAt: t.closedAt?.getTime() ?? null,
    closeReason: (t.closeReason as TradeView['closeReason']) ?? null,
  };
}

/** What a trade operation returns: the caller's view, and what both sides must hear. */
export interface TradeOutcome {
  view: TradeView;
  pushes: Push[];
}

/** The caller's view, and trade:update to each side with its own. */
export async function tradeOutcome(tx: Tx, tradeId: string, me: TradeSide): Promise<TradeOutcome> {
  const a = await tradeView(tx, tradeId, 'a');
  const b = await tradeView(tx, tradeId, 'b');
  return {
    view: me === 'a' ? a : b,
    pushes: [
      emitTo(toCharacters(a.a.characterId), 'trade:update', a),
      emitTo(toCharacters(a.b.characterId), 'trade:update', b),
    ],
  };
}
