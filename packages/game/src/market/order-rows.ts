/**
 * What every market operation shares: the terminal check, the book's lock, an order's
 * row lock and the view of an order.
 *
 * Locks (core/lock-order.ts step 2e): the character first (place, cancel, collect,
 * expiry), then the good's MarketBook row (cancel, expiry, the matcher — the one writer
 * of a book at a time, which a placement runs in its own transaction), then order rows.
 * The matcher never locks a character and takes the book SKIP LOCKED, so it never waits
 * for the game; a collect locks its character and the order only.
 */
import { Prisma } from '@necp/db';
import { MARKET_RANGE, type MarketOrderView } from '@necp/shared';
import type { Tx } from '../core/deps';
import { MarketOrderRowSchema, type MarketOrderRow } from '../core/locked-rows';
import { assertAtTerminal } from '../world/at-terminal';
import { notAtMarketTerminal, orderNotFound } from './errors';

/**
 * Orders read by one raw statement (`SELECT * FROM "MarketOrder" …`, or RETURNING *):
 * the market's hot path reads its rows this way — a Prisma model call costs ~1 ms of CPU,
 * a raw statement ~0.15 ms (docs/perf.md, "The economy").
 */
export async function readOrders(tx: Tx, query: Prisma.Sql): Promise<MarketOrderRow[]> {
  const rows = await tx.$queryRaw<unknown[]>(query);
  return rows.map((r) => MarketOrderRowSchema.parse(r));
}

/** The units the items hold, by item id (orders' goods). */
export async function itemUnits(tx: Tx, itemIds: readonly string[]): Promise<Map<string, number>> {
  if (itemIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ id: string; quantity: number }[]>`
    SELECT "id", "quantity" FROM "Item" WHERE "id" = ANY(${[...itemIds]}::text[])`;
  return new Map(rows.map((i) => [i.id, i.quantity]));
}

/** The market is traded at the Exchange's terminals (world/at-terminal.ts). */
export const assertAtMarketTerminal = (c: { zoneId: string; x: number; y: number }) =>
  assertAtTerminal(c, 'auction_terminal', MARKET_RANGE, notAtMarketTerminal);

/**
 * Locks a good's book and returns its journal position. `skip`: null at once when
 * another writer holds it (the matcher: that writer will take what is waiting).
 */
export async function lockBook(
  tx: Tx,
  templateId: string,
  skip = false,
): Promise<{ seq: number; last: number | null } | null> {
  const rows = skip
    ? await tx.$queryRaw<{ seq: number; last: number | null }[]>`
        SELECT "seq", "last" FROM "MarketBook" WHERE "templateId" = ${templateId}
        FOR UPDATE SKIP LOCKED`
    : await tx.$queryRaw<{ seq: number; last: number | null }[]>`
        SELECT "seq", "last" FROM "MarketBook" WHERE "templateId" = ${templateId} FOR UPDATE`;
  return rows[0] ?? null;
}

/** A good's book as its matcher locked it, and the orders waiting for it (oldest first). */
export interface BookToMatch {
  seq: number;
  last: number | null;
  waiting: MarketOrderRow[];
}

/**
 * The matcher's lock of a good's book and, in the same statement, up to `limit` orders
 * waiting for it — or, when another writer holds the book, null, told by the same
 * statement (the row is there, not locked: one round trip, where a look of its own
 * followed every busy book). The first order of a good creates the row — inserted only
 * once the lock found none, since an insert that meets the row while a match batch
 * updates it waits for the batch (the unique check), and a placement must never wait for
 * the matcher.
 */
export async function lockBookToMatch(
  tx: Tx,
  templateId: string,
  limit: number,
  created = false,
): Promise<BookToMatch | null> {
  // one row at least: the book's (null when not locked), whether it exists, and each
  // waiting order
  const rows = await tx.$queryRaw<Record<string, unknown>[]>`
    WITH book AS MATERIALIZED (
      SELECT "seq", "last" FROM "MarketBook" WHERE "templateId" = ${templateId}
      FOR UPDATE SKIP LOCKED)
    SELECT b."seq" AS "bookSeq", b."last" AS "bookLast",
      b."seq" IS NOT NULL
        OR EXISTS (SELECT 1 FROM "MarketBook" WHERE "templateId" = ${templateId}) AS "bookThere",
      o.*
    FROM (SELECT 1) AS one
    LEFT JOIN book b ON true
    LEFT JOIN LATERAL (
      SELECT * FROM "MarketOrder"
      WHERE b."seq" IS NOT NULL
        AND "templateId" = ${templateId} AND "state" = 'open' AND NOT "booked"
      ORDER BY "no" LIMIT ${limit}) o ON true
    ORDER BY o."no"`;
  const first = rows[0]!;
  if (first.bookSeq !== null)
    return {
      seq: Number(first.bookSeq),
      last: first.bookLast === null ? null : Number(first.bookLast),
      waiting: rows.filter((r) => r.id !== null).map((r) => MarketOrderRowSchema.parse(r)),
    };
  // held by another writer, or (the first order of a good) not there yet
  if (first.bookThere === true || created) return null;
  await tx.$executeRaw`
    INSERT INTO "MarketBook" ("templateId", "seq", "updatedAt") VALUES (${templateId}, 0, now())
    ON CONFLICT DO NOTHING`;
  return lockBookToMatch(tx, templateId, limit, true);
}

/** Locks one order and reads it. NOT_FOUND when gone. */
export async function lockOrder(tx: Tx, orderId: string): Promise<MarketOrderRow> {
  const [o] = await readOrders(
    tx,
    Prisma.sql`SELECT * FROM "MarketOrder" WHERE "id" = ${orderId} FOR UPDATE`,
  );
  if (!o) throw orderNotFound();
  return o;
}

/** What an order holds for its owner to collect: its payout and its goods (bought, or returned). */
export function toCollect(
  o: MarketOrderRow,
  itemQuantity: number,
): { eddies: number; quantity: number } {
  const goodsFree = o.side === 'buy' || o.state !== 'open';
  return { eddies: o.payout, quantity: goodsFree ? itemQuantity : 0 };
}

/** An order as its owner sees it (`itemQuantity`: the units its item holds). */
export function orderView(o: MarketOrderRow, itemQuantity: number): MarketOrderView {
  return {
    id: o.id,
    templateId: o.templateId,
    name: o.name,
    side: o.side,
    type: o.type,
    price: o.price,
    quantity: o.quantity,
    remaining: o.remaining,
    filled: o.filled,
    avgPrice: o.filled > 0 ? Math.round(o.value / o.filled) : 0,
    state: o.state,
    placedAt: o.placedAt.getTime(),
    expiresAt: o.expiresAt.getTime(),
    durationH: o.durationH,
    fee: o.fee,
    escrow: o.escrow,
    collect: toCollect(o, itemQuantity),
  };
}
