/**
 * What every trade operation shares: finding a caller's trade, locking it (after both
 * characters: core/lock-order.ts step 2, then the Trade row, then items), releasing
 * what it holds, closing it, and the view each side sees.
 *
 * Lock order: both Character rows in id order, then the Trade row; the items after.
 *
 * Raw statements only (rows parsed by core/locked-rows.ts): a trade's transactions run
 * on their connection directly (core/transaction.ts `direct`, as the market's do) — a
 * Prisma model call costs ~0.5 ms of CPU before the database does anything.
 */
import { z } from 'zod';
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
import { closedSet } from '../core/closed-columns';
import {
  TradeItemRowsSchema,
  TradeRowSchema,
  type TradeItemRow,
  type TradeRow,
} from '../core/locked-rows';
import { lockCharacters } from '../core/lock-order';
import { tradeNotFound } from './errors';

export type LoadedTrade = TradeRow & { items: TradeItemRow[] };

/** A trade's offered stacks, side a first, in offer order. */
async function readTradeItems(tx: Tx, tradeId: string): Promise<TradeItemRow[]> {
  return TradeItemRowsSchema.parse(
    await tx.$queryRaw<unknown[]>`SELECT * FROM "TradeItem" WHERE "tradeId" = ${tradeId}
      ORDER BY "side", "position"`,
  );
}

/**
 * Locks both parties (the live ones) and the trade, and reads it with its offered
 * items; null when there is no such trade. For the system (the idle sweep) and for
 * lockTrade.
 */
export async function lockTradeRow(
  tx: Tx,
  tradeId: string,
): Promise<{ trade: LoadedTrade; live: string[] } | null> {
  const seen = await tx.$queryRaw<{ aId: string; bId: string }[]>`
    SELECT "aId", "bId" FROM "Trade" WHERE "id" = ${tradeId}`;
  if (!seen[0]) return null;
  const live = await lockCharacters(tx, [seen[0].aId, seen[0].bId]);
  const rows = await tx.$queryRaw<unknown[]>`
    SELECT * FROM "Trade" WHERE "id" = ${tradeId} FOR UPDATE`;
  if (!rows[0]) return null;
  const trade = { ...TradeRowSchema.parse(rows[0]), items: await readTradeItems(tx, tradeId) };
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
  trade: TradeRow,
  reason: TradeCancelReason,
  now: Date,
): Promise<void> {
  await releaseTradeItems(tx, trade.id);
  await tx.$executeRaw`UPDATE "Trade" SET "state" = ${'cancelled' satisfies TradeState},
    "closedAt" = ${now}::timestamp, "closeReason" = ${reason} WHERE "id" = ${trade.id}`;
}

export const otherSide = (side: TradeSide): TradeSide => (side === 'a' ? 'b' : 'a');

/** A trade with both names, and its stacks with the items' durability now. */
const ViewRowSchema = TradeRowSchema.extend({ aName: z.string(), bName: z.string() });
const ViewItemsSchema = z
  .array(
    z.object({
      itemId: z.string(),
      side: closedSet.TradeItem.side,
      templateId: z.string(),
      quantity: z.number().int(),
      durability: z.number().int().nullable(),
    }),
  )
  .max(100);

type TradeViews = Record<TradeSide, TradeView>;

/** Both sides' views of the trade, read in two statements. */
async function tradeViews(tx: Tx, tradeId: string): Promise<TradeViews> {
  const rows = await tx.$queryRaw<unknown[]>`
    SELECT t.*, a."name" AS "aName", b."name" AS "bName" FROM "Trade" t
    JOIN "Character" a ON a."id" = t."aId" JOIN "Character" b ON b."id" = t."bId"
    WHERE t."id" = ${tradeId}`;
  if (!rows[0]) throw tradeNotFound();
  const t = ViewRowSchema.parse(rows[0]);
  const items = ViewItemsSchema.parse(
    await tx.$queryRaw<unknown[]>`
      SELECT ti."itemId", ti."side", ti."templateId", ti."quantity", i."durability"
      FROM "TradeItem" ti LEFT JOIN "Item" i ON i."id" = ti."itemId"
      WHERE ti."tradeId" = ${tradeId} ORDER BY ti."side", ti."position"`,
  );
  const side = (s: TradeSide) => ({
    characterId: s === 'a' ? t.aId : t.bId,
    name: s === 'a' ? t.aName : t.bName,
    eddies: s === 'a' ? t.aEddies : t.bEddies,
    accepted: (s === 'a' ? t.aAccepted : t.bAccepted) === t.version,
    items: items
      .filter((i) => i.side === s)
      .map((i) => ({
        itemId: i.itemId,
        templateId: i.templateId,
        quantity: i.quantity,
        durability: i.durability,
      })),
  });
  const view = (me: TradeSide): TradeView => {
    const theirChange = t.changedBy !== null && t.changedBy !== me;
    return {
      id: t.id,
      state: t.state,
      version: t.version,
      me,
      a: side('a'),
      b: side('b'),
      acceptableAt: theirChange ? t.changedAt.getTime() + TRADE_ACCEPT_DELAY_MS : 0,
      expiresAt: t.expiresAt.getTime(),
      closedAt: t.closedAt?.getTime() ?? null,
      closeReason: t.closeReason,
    };
  };
  return { a: view('a'), b: view('b') };
}

/** The trade as `me` sees it. */
export async function tradeView(tx: Tx, tradeId: string, me: TradeSide): Promise<TradeView> {
  return (await tradeViews(tx, tradeId))[me];
}

/** What a trade operation returns: the caller's view, and what both sides must hear. */
export interface TradeOutcome {
  view: TradeView;
  pushes: Push[];
}

/** The caller's view, and trade:update to each side with its own. */
export async function tradeOutcome(tx: Tx, tradeId: string, me: TradeSide): Promise<TradeOutcome> {
  const { a, b } = await tradeViews(tx, tradeId);
  return {
    view: me === 'a' ? a : b,
    pushes: [
      emitTo(toCharacters(a.a.characterId), 'trade:update', a),
      emitTo(toCharacters(a.b.characterId), 'trade:update', b),
    ],
  };
}
