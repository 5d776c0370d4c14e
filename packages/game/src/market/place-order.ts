import {
  MARKET_BUY_LIMIT_4H,
  MARKET_BUY_WINDOW_MS,
  MARKET_ORDERS_MAX,
  MarketPlaceInputSchema,
  buyEscrow,
  isMarketGood,
  marketFee,
  type MarketOrderView,
  type MarketPlaceInput,
} from '@necp/shared';
import type { Character, MarketOrder } from '@necp/db';
import type { GameDeps, Tx } from '../core/deps';
import { lockCharacter } from '../core/row-locks';
import { inTransaction } from '../core/transaction';
import { parseInput } from '../core/validation';
import { loadTemplate } from '../inventory/templates';
import { insertLedgerRows } from '../ledger/insert-ledger-rows';
import { charOwner, marketOwner, sinkOwner } from '../ledger/owners';
import { recordCurrency } from '../ledger/record-currency';
import { heldLedgerRow } from '../ledger/record-held-currency';
import { collectOrders, orderViews } from './collect';
import { buyLimitReached, crossesOwnOrder, notAGood, tooManyOrders } from './errors';
import { matchBook } from './match-book';
import { assertAtMarketTerminal, ensureBook, toCollect } from './order-rows';
import { takeGoods } from './take-goods';

type Placed = ReturnType<typeof MarketPlaceInputSchema.parse>;

/** What the buy limit of a scarce good leaves this character now (null: no limit). */
export async function buyLimitLeft(
  tx: Tx,
  characterId: string,
  template: { id: string; rarity: string },
  now: Date,
): Promise<{ limit: number; left: number } | null> {
  const limit = MARKET_BUY_LIMIT_4H[template.rarity as keyof typeof MARKET_BUY_LIMIT_4H];
  if (limit === undefined) return null;
  const since = new Date(now.getTime() - MARKET_BUY_WINDOW_MS);
  const placed = await tx.marketOrder.aggregate({
    where: { characterId, templateId: template.id, side: 'buy', placedAt: { gt: since } },
    _sum: { quantity: true },
  });
  return { limit, left: Math.max(0, limit - (placed._sum.quantity ?? 0)) };
}

/** Refuses an order that would trade with one of the placer's own open orders. */
async function refuseSelfCross(tx: Tx, c: Character, o: Placed) {
  const own = await tx.marketOrder.findFirst({
    where: {
      characterId: c.id,
      templateId: o.templateId,
      state: 'open',
      side: o.side === 'buy' ? 'sell' : 'buy',
      price: o.side === 'buy' ? { lte: o.price } : { gte: o.price },
    },
    orderBy: { price: o.side === 'buy' ? 'asc' : 'desc' },
    select: { price: true },
  });
  if (own) throw crossesOwnOrder(own.price);
}

/**
 * The placement's transaction: the checks, the fee (a sink), then what the order holds
 * — a buy order its limit × quantity in escrow, a sell order the goods from the bag.
 * The order waits (booked = false) for the good's matcher.
 */
async function placeLocked(tx: Tx, o: Placed, now: Date): Promise<MarketOrder> {
  const c = await lockCharacter(tx, o.characterId);
  await assertAtMarketTerminal(tx, c);
  const template = await loadTemplate(tx, o.templateId);
  if (!isMarketGood(template)) throw notAGood();
  const open = await tx.marketOrder.count({ where: { characterId: c.id, state: 'open' } });
  if (open >= MARKET_ORDERS_MAX) throw tooManyOrders();
  await refuseSelfCross(tx, c, o);
  if (o.side === 'buy') {
    const limit = await buyLimitLeft(tx, c.id, template, now);
    if (limit && limit.left < o.quantity) throw buyLimitReached(limit.left);
  }
  const fee = marketFee(o.price, o.quantity);
  const escrow = o.side === 'buy' ? buyEscrow(o.price, o.quantity) : 0;
  const hours = o.type === 'market' ? 0 : o.durationH;
  const order = await tx.marketOrder.create({
    data: {
      characterId: c.id,
      templateId: template.id,
      name: template.name,
      side: o.side,
      type: o.type,
      price: o.price,
      quantity: o.quantity,
      remaining: o.quantity,
      fee,
      escrow,
      durationH: o.durationH,
      placedAt: now,
      expiresAt: new Date(now.getTime() + hours * 3_600_000),
    },
  });
  await recordCurrency(tx, {
    reason: 'market_fee',
    characterId: c.id,
    delta: -fee,
    fromOwner: charOwner(c.id),
    toOwner: sinkOwner('market_fee'),
    ref: order.id,
  });
  if (o.side === 'buy') {
    // the order row was created holding the escrow: its ledger row says where it came from
    await recordCurrency(tx, {
      reason: 'market',
      characterId: c.id,
      delta: -escrow,
      fromOwner: charOwner(c.id),
      toOwner: marketOwner(order.id),
      ref: order.id,
    });
    const change = {
      holder: 'market' as const,
      id: order.id,
      reason: 'market' as const,
      delta: escrow,
      counterparty: charOwner(c.id),
      ref: order.id,
    };
    await insertLedgerRows(tx, [heldLedgerRow(change, escrow)]);
    await ensureBook(tx, template.id);
    return order;
  }
  const itemId = await takeGoods(tx, c, template.id, o.quantity, order.id);
  await ensureBook(tx, template.id);
  return tx.marketOrder.update({ where: { id: order.id }, data: { itemId } });
}

/**
 * Places an order at an Exchange terminal and runs the good's matcher at once, so what
 * crosses the book trades before the answer; then collects what the order made (the
 * goods bought go to the bag if they fit, the eddies always). Refused: away from a
 * terminal, not a good, MARKET_ORDERS_MAX open orders, an order that would trade with
 * your own, a scarce good's buy limit, eddies or goods you do not have.
 */
export async function placeOrder(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: MarketPlaceInput,
): Promise<MarketOrderView> {
  const o = parseInput(MarketPlaceInputSchema, input);
  const order = await inTransaction(deps.db, (tx) => placeLocked(tx, o, deps.clock.now()));
  await matchBook(deps, order.templateId);
  const after = await deps.db.marketOrder.findUniqueOrThrow({ where: { id: order.id } });
  // nothing made yet (an order resting whole, or left waiting for a busy book): no collect
  const due = toCollect(after, after.itemId ? 1 : 0);
  if (due.eddies === 0 && due.quantity === 0) {
    const [view] = await orderViews(deps.db, [after]);
    return view as MarketOrderView;
  }
  const [view] = await collectOrders(deps, { characterId: o.characterId, orderId: order.id });
  return view as MarketOrderView;
}
