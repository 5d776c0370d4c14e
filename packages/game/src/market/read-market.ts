import {
  ITEM_TEMPLATES,
  MARKET_DEPTH,
  MARKET_HISTORY_SPAN,
  MarketGoodInputSchema,
  MarketHistoryInputSchema,
  MarketMineInputSchema,
  isMarketGood,
  type MarketBookView,
  type MarketCandle,
  type MarketGoodInput,
  type MarketGoodView,
  type MarketHistoryInput,
  type MarketLevel,
  type MarketMine,
  type MarketMineInput,
  type MarketSide,
} from '@necp/shared';
import { closedSet } from '../core/closed-columns';
import type { GameDeps } from '../core/deps';
import { MarketOrderRowSchema } from '../core/locked-rows';
import { inTransaction } from '../core/transaction';
import { parseInput } from '../core/validation';
import { loadTemplate } from '../inventory/templates';
import { orderViews } from './collect';
import { notAGood } from './errors';
import { buyLimitLeft } from './place-order';

/** Recently closed orders kept in "my orders". */
const CLOSED_SHOWN = 20;
/** Open orders (at most MARKET_ORDERS_MAX) and closed ones still holding something. */
const LIVE_SHOWN = 100;
const FILLS_SHOWN = 20;

const GOODS = ITEM_TEMPLATES.filter(isMarketGood);

/** Every good, with its best prices, last price and the day's volume. */
export async function marketGoods(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: MarketMineInput,
): Promise<MarketGoodView[]> {
  parseInput(MarketMineInputSchema, input);
  const since = new Date(deps.clock.now().getTime() - 86_400_000);
  const [best, books, volume] = await Promise.all([
    deps.db.$queryRaw<{ templateId: string; bid: number | null; ask: number | null }[]>`
      SELECT "templateId",
        MAX(CASE WHEN "side" = 'buy' THEN "price" END) AS bid,
        MIN(CASE WHEN "side" = 'sell' THEN "price" END) AS ask
      FROM "MarketOrder" WHERE "state" = 'open' AND "booked" GROUP BY "templateId"`,
    deps.db.marketBook.findMany({ select: { templateId: true, last: true } }),
    deps.db.$queryRaw<{ templateId: string; v: bigint }[]>`
      SELECT "templateId", SUM("quantity")::bigint AS v FROM "MarketFill"
      WHERE "at" > ${since} GROUP BY "templateId"`,
  ]);
  const bestOf = new Map(best.map((b) => [b.templateId, b]));
  const lastOf = new Map(books.map((b) => [b.templateId, b.last]));
  const volOf = new Map(volume.map((v) => [v.templateId, Number(v.v)]));
  return GOODS.map((t) => ({
    templateId: t.id,
    name: t.name,
    kind: t.kind,
    rarity: t.rarity,
    bestBid: bestOf.get(t.id)?.bid ?? null,
    bestAsk: bestOf.get(t.id)?.ask ?? null,
    last: lastOf.get(t.id) ?? null,
    volume24h: volOf.get(t.id) ?? 0,
  }));
}

/** One good's book: MARKET_DEPTH price levels a side, the last fills, the caller's limit and stock. */
export async function marketBook(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: MarketGoodInput,
): Promise<MarketBookView> {
  const q = parseInput(MarketGoodInputSchema, input);
  return inTransaction(deps.db, async (tx) => {
    const template = await loadTemplate(tx, q.templateId);
    if (!isMarketGood(template)) throw notAGood();
    const levels = (side: MarketSide) => tx.$queryRaw<
      { price: number; quantity: bigint; orders: bigint }[]
    >`
      SELECT "price", SUM("remaining")::bigint AS quantity, COUNT(*)::bigint AS orders
      FROM "MarketOrder"
      WHERE "templateId" = ${template.id} AND "side" = ${side} AND "state" = 'open' AND "booked"
      GROUP BY "price"
      ORDER BY CASE WHEN ${side} = 'buy' THEN -"price" ELSE "price" END
      LIMIT ${MARKET_DEPTH}`;
    const level = (r: { price: number; quantity: bigint; orders: bigint }): MarketLevel => ({
      price: r.price,
      quantity: Number(r.quantity),
      orders: Number(r.orders),
    });
    const [bids, asks, book, fills, owned] = await Promise.all([
      levels('buy'),
      levels('sell'),
      tx.marketBook.findUnique({ where: { templateId: template.id } }),
      tx.marketFill.findMany({
        where: { templateId: template.id },
        orderBy: { id: 'desc' },
        take: FILLS_SHOWN,
      }),
      tx.item.aggregate({
        where: {
          characterId: q.characterId,
          container: 'BAG',
          templateId: template.id,
          reservation: null,
          boundCharacterId: null,
        },
        _sum: { quantity: true },
      }),
    ]);
    return {
      templateId: template.id,
      name: template.name,
      rarity: template.rarity,
      bids: bids.map(level),
      asks: asks.map(level),
      last: book?.last ?? null,
      fills: fills.map((f) => ({
        price: f.price,
        quantity: f.quantity,
        at: f.at.getTime(),
        taker: closedSet.MarketFill.taker.parse(f.taker),
      })),
      buyLimit: await buyLimitLeft(tx, q.characterId, template, deps.clock.now()),
      owned: owned._sum.quantity ?? 0,
    };
  });
}

/** A good's price history: hourly candles over 24 h, or daily over 30 days (buckets with trades). */
export async function marketHistory(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: MarketHistoryInput,
): Promise<MarketCandle[]> {
  const q = parseInput(MarketHistoryInputSchema, input);
  const since = new Date(deps.clock.now().getTime() - MARKET_HISTORY_SPAN[q.range].ms);
  const unit = q.range === '30d' ? 'day' : 'hour';
  const rows = await deps.db.$queryRaw<
    { t: Date; open: number; high: number; low: number; close: number; volume: bigint }[]
  >`
    SELECT date_trunc(${unit}, "at") AS t,
      (array_agg("price" ORDER BY "id"))[1] AS open, MAX("price") AS high, MIN("price") AS low,
      (array_agg("price" ORDER BY "id" DESC))[1] AS close, SUM("quantity")::bigint AS volume
    FROM "MarketFill" WHERE "templateId" = ${q.templateId} AND "at" > ${since}
    GROUP BY 1 ORDER BY 1`;
  return rows.map((r) => ({
    t: r.t.getTime(),
    open: r.open,
    high: r.high,
    low: r.low,
    close: r.close,
    volume: Number(r.volume),
  }));
}

/** A character's orders: the open ones, those with something to collect, the last closed. */
export async function myMarketOrders(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: MarketMineInput,
): Promise<MarketMine> {
  const q = parseInput(MarketMineInputSchema, input);
  return inTransaction(deps.db, async (tx) => {
    const live = await tx.marketOrder.findMany({
      where: {
        characterId: q.characterId,
        OR: [{ state: 'open' }, { payout: { gt: 0 } }, { itemId: { not: null } }],
      },
      orderBy: { no: 'desc' },
      take: LIVE_SHOWN,
    });
    const closed = await tx.marketOrder.findMany({
      where: { characterId: q.characterId, state: { not: 'open' }, payout: 0, itemId: null },
      orderBy: { no: 'desc' },
      take: CLOSED_SHOWN,
    });
    const rows = [...live, ...closed].map((o) => MarketOrderRowSchema.parse(o));
    const orders = await orderViews(tx, rows);
    const collect = orders.reduce(
      (s, o) => ({
        eddies: s.eddies + o.collect.eddies,
        quantity: s.quantity + o.collect.quantity,
      }),
      { eddies: 0, quantity: 0 },
    );
    return { orders, collect };
  });
}
