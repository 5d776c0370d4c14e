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
import { Prisma, type Character, type MarketOrder } from '@necp/db';
import type { GameDeps, Tx } from '../core/deps';
import { newRowId } from '../core/row-ids';
import { lockCharacter } from '../core/row-locks';
import { DIRECT, inTransaction } from '../core/transaction';

import { parseInput } from '../core/validation';
import { loadTemplate } from '../inventory/templates';
import { charOwner, marketOwner, sinkOwner } from '../ledger/owners';
import { recordCurrencySteps } from '../ledger/record-currency';
import { heldLedgerRow } from '../ledger/record-held-currency';
import { collectLocked } from './collect';
import { publishStatsChanged } from '../world/publish-stats-changed';
import { buyLimitReached, crossesOwnOrder, notAGood, tooManyOrders } from './errors';
import { matchIfWaiting, runMatchBatch } from './match-book';
import { notifyAllNow } from '../notifications/notifications';
import { assertAtMarketTerminal, orderView, readOrders, toCollect } from './order-rows';
import { takeGoods } from './take-goods';

type Placed = ReturnType<typeof MarketPlaceInputSchema.parse>;

/** The units of a good this character placed buy orders for in the last window. */
const boughtSince = (characterId: string, templateId: string, since: Date) => Prisma.sql`
  SELECT COALESCE(sum("quantity"), 0)::int FROM "MarketOrder"
  WHERE "characterId" = ${characterId} AND "templateId" = ${templateId} AND "side" = 'buy'
    AND "placedAt" > ${since}::timestamp`;

const limitOf = (template: { rarity: string }) =>
  MARKET_BUY_LIMIT_4H[template.rarity as keyof typeof MARKET_BUY_LIMIT_4H];

/** What the buy limit of a scarce good leaves this character now (null: no limit). */
export async function buyLimitLeft(
  tx: Tx,
  characterId: string,
  template: { id: string; rarity: string },
  now: Date,
): Promise<{ limit: number; left: number } | null> {
  const limit = limitOf(template);
  if (limit === undefined) return null;
  const since = new Date(now.getTime() - MARKET_BUY_WINDOW_MS);
  const [row] = await tx.$queryRaw<{ bought: number }[]>`
    SELECT (${boughtSince(characterId, template.id, since)}) AS "bought"`;
  return { limit, left: Math.max(0, limit - (row?.bought ?? 0)) };
}

/**
 * The placement's refusals, read in one statement: MARKET_ORDERS_MAX open orders, an
 * order that would trade with one of the placer's own, a scarce good's buy limit.
 */
async function refuseBeyondLimits(
  tx: Tx,
  c: Character,
  o: Placed,
  template: { id: string; rarity: string },
  now: Date,
) {
  const buy = o.side === 'buy';
  const since = new Date(now.getTime() - MARKET_BUY_WINDOW_MS);
  const [row] = await tx.$queryRaw<{ open: number; own: number | null; bought: number }[]>`
    SELECT
      (SELECT count(*)::int FROM "MarketOrder"
       WHERE "characterId" = ${c.id} AND "state" = 'open') AS "open",
      (SELECT "price" FROM "MarketOrder"
       WHERE "characterId" = ${c.id} AND "templateId" = ${o.templateId} AND "state" = 'open'
         AND "side" = ${buy ? 'sell' : 'buy'}
         AND (CASE WHEN ${buy}::boolean THEN "price" <= ${o.price} ELSE "price" >= ${o.price} END)
       ORDER BY (CASE WHEN ${buy}::boolean THEN "price" ELSE -"price" END) LIMIT 1) AS "own",
      (${boughtSince(c.id, template.id, since)}) AS "bought"`;
  if (!row) throw new Error('placement checks: no row');
  if (row.open >= MARKET_ORDERS_MAX) throw tooManyOrders();
  if (row.own !== null) throw crossesOwnOrder(row.own);
  const limit = limitOf(template);
  if (buy && limit !== undefined && limit - row.bought < o.quantity)
    throw buyLimitReached(Math.max(0, limit - row.bought));
}

/**
 * The placement: the checks, the fee (a sink), then what the order holds — a buy order
 * its limit × quantity in escrow, a sell order the goods from the bag. The order waits
 * (booked = false) for the good's matcher. Raw statements throughout (order-rows.ts
 * readOrders): this is the market's hottest path.
 */
async function placeLocked(
  tx: Tx,
  o: Placed,
  now: Date,
): Promise<{ order: MarketOrder; character: Character }> {
  const c = await lockCharacter(tx, o.characterId);
  assertAtMarketTerminal(c);
  const template = await loadTemplate(tx, o.templateId);
  if (!isMarketGood(template)) throw notAGood();
  await refuseBeyondLimits(tx, c, o, template, now);
  const fee = marketFee(o.price, o.quantity);
  const escrow = o.side === 'buy' ? buyEscrow(o.price, o.quantity) : 0;
  const hours = o.type === 'market' ? 0 : o.durationH;
  const orderId = newRowId();
  // a sell order's goods leave the bag first: the order row is written holding them
  const itemId =
    o.side === 'sell' ? await takeGoods(tx, c, template.id, o.quantity, orderId) : null;
  const [order] = await readOrders(
    tx,
    Prisma.sql`
      INSERT INTO "MarketOrder" ("id", "characterId", "templateId", "name", "side", "type",
        "price", "quantity", "remaining", "fee", "escrow", "durationH", "placedAt",
        "expiresAt", "itemId")
      VALUES (${orderId}, ${c.id}, ${template.id}, ${template.name}, ${o.side}, ${o.type},
        ${o.price}, ${o.quantity}, ${o.quantity}, ${fee}, ${escrow}, ${o.durationH},
        ${now}::timestamp, ${new Date(now.getTime() + hours * 3_600_000)}::timestamp,
        ${itemId})
      RETURNING *`,
  );
  if (!order) throw new Error('placement: the order was not written');
  // the fee (a sink) and a buy order's escrow: the order row was created holding the
  // escrow, and its ledger row says where it came from — one statement for all three rows
  const fromChar = { characterId: c.id, fromOwner: charOwner(c.id), ref: order.id };
  await recordCurrencySteps(
    tx,
    [
      { ...fromChar, reason: 'market_fee', delta: -fee, toOwner: sinkOwner('market_fee') },
      ...(o.side === 'buy'
        ? [
            {
              ...fromChar,
              reason: 'market' as const,
              delta: -escrow,
              toOwner: marketOwner(order.id),
            },
          ]
        : []),
    ],
    o.side === 'buy'
      ? [
          heldLedgerRow(
            {
              holder: 'market',
              id: order.id,
              reason: 'market',
              delta: escrow,
              counterparty: charOwner(c.id),
              ref: order.id,
            },
            escrow,
          ),
        ]
      : [],
  );
  return { order, character: c };
}

/**
 * Places an order at an Exchange terminal and, in the same transaction, runs a batch of
 * the good's matcher (unless another writer holds the book: it takes the order), so what
 * crosses the book trades before the answer; then collects what the order made (the
 * goods bought go to the bag if they fit, the eddies always). One transaction, not one
 * each: this is the market's hottest path. Refused: away from a terminal, not a good,
 * MARKET_ORDERS_MAX open orders, an order that would trade with your own, a scarce good's
 * buy limit, eddies or goods you do not have.
 */
export async function placeOrder(
  deps: Pick<GameDeps, 'db' | 'clock' | 'log'>,
  input: MarketPlaceInput,
): Promise<MarketOrderView> {
  const o = parseInput(MarketPlaceInputSchema, input);
  const r = await inTransaction(
    deps.db,
    async (tx) => {
      const now = deps.clock.now();
      const { order, character } = await placeLocked(tx, o, now);
      const batch = await runMatchBatch(tx, order.templateId, now, order.id);
      // the order as the batch left it, or as written (a sell order's item holds its goods)
      const after = batch.answer ?? { order, units: o.side === 'sell' ? o.quantity : 0 };
      const due = toCollect(after.order, after.units);
      // nothing made (resting whole, or left to a busy book's holder): no collect, no re-read
      if (due.eddies === 0 && due.quantity === 0)
        return { view: orderView(after.order, after.units), batch };
      // the batch locked the order (it answered it) and wrote what its item holds
      const done = await collectLocked(tx, after.order, character, after.units);
      if (done.taken) await publishStatsChanged(tx, character.id, 'market.collect');
      return { view: orderView(done.order, done.units), batch };
    },
    DIRECT,
  );
  // told after the commit (a lost notice costs nothing: the orders show the fills)
  await notifyAllNow(deps, r.batch.notices ?? []);
  // a batch that held the book kept placements out: they left their orders to it. A
  // placement that met the book held looks too, now that its order is committed: the
  // holder's last look may have come before that commit (the order then waited for the
  // worker's minute job — CI, economy-two-sims). If another holds the book now, that one
  // looks again after its own commit, which comes after this one: nothing is missed
  await matchIfWaiting(deps, r.view.templateId);
  return r.view;
}
