/**
 * The matcher of one good: the one writer of its book at a time, on any process (the
 * book's row, locked FOR UPDATE SKIP LOCKED — a second matcher leaves at once, and the
 * first takes what is waiting before it lets go). A batch takes the waiting orders in
 * placement order, matches each against the book with the pure rule (shared
 * match-book.ts) and commits its fills, ledger rows, journal lines and the book's
 * position in ONE transaction (write-batch.ts).
 */
import { Prisma, readAfterCommit, type RowQuery } from '@necp/db';
import { bookOf, matchOrder, type BookOrder } from '@necp/shared';
import type { GameDeps, Tx } from '../core/deps';
import { DIRECT, inTransaction } from '../core/transaction';
import { MarketOrderRowSchema, type MarketOrderRow } from '../core/locked-rows';
import { lockBookToMatch } from './order-rows';
import { notifyAllNow, type NotifyInput } from '../notifications/notifications';
import { writeBatch, type BatchEntry } from './write-batch';

/** Orders taken from the waiting line in one batch, and the units they may ask for. */
const BATCH_ORDERS = 1_000;
const BATCH_UNITS = 20_000;

export interface BatchResult {
  /** busy: another matcher holds the book; idle: nothing waited */
  state: 'busy' | 'idle' | 'matched';
  booked: number;
  fills: number;
  /** to the owners of orders that traded (not those answered): sent once the batch has committed */
  notices?: NotifyInput[];
  /** each answered order the batch took, as it left it, and its item's units */
  answers?: Map<string, { order: MarketOrderRow; units: number }>;
}

const toBook = (o: MarketOrderRow): BookOrder => ({
  id: o.id,
  side: o.side,
  price: o.price,
  remaining: o.remaining,
  no: Number(o.no),
  ioc: o.type === 'market',
});

/** The waiting orders a batch takes, oldest first, cut at BATCH_UNITS (at least one). */
function cutAtUnits(waiting: readonly MarketOrderRow[]): MarketOrderRow[] {
  let units = 0;
  return waiting.filter((o, i) => {
    units += o.remaining;
    return i === 0 || units <= BATCH_UNITS;
  });
}

/**
 * Locks the batch's orders and the resting orders they could trade with — the other
 * side's best, as many as the batch has units (each fill takes at least one unit of a
 * resting order), read first — in id order: the order every writer of several orders
 * takes them in (collect too), so two of them wait for each other instead of
 * deadlocking. Two statements on purpose, the lock a plain `id = ANY(…)`: locking in
 * the statement that chooses (`id IN (SELECT … LIMIT …)` over the same table) now and
 * then left out a resting order that should have traded first — `pnpm bench:economy`'s
 * journal replay disagreed in 3 runs of 5 under the conflict phase, in none of 5 since.
 * Nothing but this matcher changes an order's state or what is left of it while the
 * book is locked, so the rows read are those chosen.
 */
async function lockBatch(tx: Tx, templateId: string, incoming: readonly MarketOrderRow[]) {
  const units = incoming.reduce((n, o) => n + o.remaining, 0);
  const buys = incoming.filter((o) => o.side === 'buy').map((o) => o.price);
  const sells = incoming.filter((o) => o.side === 'sell').map((o) => o.price);
  const reach: Prisma.Sql[] = [];
  if (buys.length)
    reach.push(Prisma.sql`(
      SELECT "id" FROM "MarketOrder"
      WHERE "templateId" = ${templateId} AND "side" = 'sell' AND "state" = 'open' AND "booked"
        AND "price" <= ${Math.max(...buys)}
      ORDER BY "price", "no" LIMIT ${units})`);
  if (sells.length)
    reach.push(Prisma.sql`(
      SELECT "id" FROM "MarketOrder"
      WHERE "templateId" = ${templateId} AND "side" = 'buy' AND "state" = 'open' AND "booked"
        AND "price" >= ${Math.min(...sells)}
      ORDER BY "price" DESC, "no" LIMIT ${units})`);
  const resting = await tx.$queryRaw<{ id: string }[]>(Prisma.join(reach, ' UNION ALL '));
  const ids = [...incoming.map((o) => o.id), ...resting.map((r) => r.id)];
  // with what each order's item holds (read here, not by a statement of its own: nothing
  // changes an order's item but a writer holding the order)
  const rows = await tx.$queryRaw<Record<string, unknown>[]>`
    SELECT o.*, i."quantity" AS "itemUnits"
    FROM "MarketOrder" o LEFT JOIN "Item" i ON i."id" = o."itemId"
    WHERE o."id" = ANY(${ids}::text[]) ORDER BY o."id" FOR UPDATE OF o`;
  const held = new Map<string, number>();
  const orders = rows.map((r) => {
    const o = MarketOrderRowSchema.parse(r);
    if (o.itemId) held.set(o.itemId, Number(r.itemUnits ?? 0));
    return o;
  });
  return { orders, units: held };
}

/**
 * One batch of a good's matcher, in the caller's transaction (a placement's own, or one
 * of matchBook's). `answered`: the orders whose placements run it (their owners get the
 * answers, not notices).
 */
export async function runMatchBatch(
  tx: Tx,
  templateId: string,
  now: Date,
  answered: ReadonlySet<string> = new Set(),
): Promise<BatchResult> {
  const book = await lockBookToMatch(tx, templateId, BATCH_ORDERS);
  if (!book) return { state: 'busy', booked: 0, fills: 0 };
  const chosen = cutAtUnits(book.waiting);
  if (chosen.length === 0) return { state: 'idle', booked: 0, fills: 0 };
  const { orders: locked, units } = await lockBatch(tx, templateId, chosen);
  const byId = new Map(locked.map((o) => [o.id, o]));
  const incoming = chosen
    .map((o) => byId.get(o.id))
    .filter((o): o is MarketOrderRow => o !== undefined && o.state === 'open' && !o.booked);
  const rest = locked.filter((o) => o.state === 'open' && o.booked);
  if (incoming.length === 0) return { state: 'idle', booked: 0, fills: 0 };
  const pure = bookOf(rest.map(toBook));
  const entries: BatchEntry[] = [];
  let fills = 0;
  for (const o of incoming) {
    const b = toBook(o);
    entries.push({ kind: 'book', order: { ...b } });
    const r = matchOrder(pure, b);
    for (const f of r.fills) entries.push({ kind: 'fill', ...f });
    fills += r.fills.length;
    // a market order's rest is cancelled at once (its line in the journal: the ioc flag)
    if (!r.rests && b.remaining > 0)
      entries.push({ kind: 'ioc_rest', orderId: o.id, remaining: b.remaining });
  }
  const written = await writeBatch(tx, {
    templateId,
    seq: book.seq,
    now,
    orders: [...incoming, ...rest],
    units,
    entries,
    answered,
  });
  return { state: 'matched', booked: incoming.length, fills, ...written };
}

/**
 * Runs the good's matcher until nothing waits (or another process holds the book: it
 * will). Safe to call from anywhere, any number of times: the placement calls it, and
 * the worker's minute job for every book with waiting orders.
 */
export async function matchBook(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  templateId: string,
): Promise<{ booked: number; fills: number }> {
  const total = { booked: 0, fills: 0 };
  for (;;) {
    const r = await inTransaction(
      deps.db,
      async (tx) => ({
        ...(await runMatchBatch(tx, templateId, deps.clock.now())),
        waiting: lookForWaiting(tx, templateId),
      }),
      { ...DIRECT, timeoutMs: 60_000 },
    );
    total.booked += r.booked;
    total.fills += r.fills;
    // told after the commit (a lost notice costs nothing: the orders show the fills)
    await notifyAllNow(deps, r.notices ?? []);
    if (r.state === 'busy') return total;
    // orders placed while this batch held the book found it busy and left them to it —
    // also when this batch found none (its line was read before they committed): one more
    // batch if any wait (read after the commit, so none is missed)
    if (!(await r.waiting)?.length) return total;
  }
}

/**
 * After the commit of a writer that held the book (a placement's batch, a cancel, a
 * purge): placements that met the book held left their orders to it, so the matcher runs
 * if any wait — `waiting`, the writer's lookForWaiting, read with its COMMIT. The writer
 * has committed: a matcher failing here is logged, not the writer's failure (the worker's
 * minute job matches what is left).
 */
export async function matchIfWaiting(
  deps: Pick<GameDeps, 'db' | 'clock' | 'log'>,
  templateId: string,
  waiting: Promise<unknown[] | null>,
): Promise<void> {
  try {
    if ((await waiting)?.length) await matchBook(deps, templateId);
  } catch (err) {
    deps.log.warn({ err, templateId }, 'the matcher after a commit failed');
  }
}

/** Whether orders of the good wait for the matcher: a row if any. */
const waitingQuery = (templateId: string): RowQuery => ({
  name: 'market_any_waiting',
  text: `SELECT 1 FROM "MarketOrder"
         WHERE "templateId" = $1 AND "state" = 'open' AND NOT "booked" LIMIT 1`,
  values: [templateId],
});

/**
 * Whether orders of the good wait for the matcher, read right after `tx` commits (with
 * its COMMIT: readAfterCommit) — a writer holding the book calls it in its transaction
 * and hands the answer to matchIfWaiting. Rows: some wait; null: it did not commit.
 */
export function lookForWaiting(tx: Tx, templateId: string): Promise<unknown[] | null> {
  const look = readAfterCommit(tx, waitingQuery(templateId));
  // awaited only once the transaction answered (a rolled-back attempt's is null)
  look.catch(() => undefined);
  return look;
}

/**
 * The same look for several goods, read right after `tx` commits (a purge holds several
 * books): the goods among them with orders waiting, `{ templateId }` rows.
 */
export function lookForWaitingAmong(
  tx: Tx,
  templateIds: readonly string[],
): Promise<unknown[] | null> {
  const look = readAfterCommit(tx, {
    name: 'market_any_waiting_among',
    text: `SELECT g AS "templateId" FROM unnest($1::text[]) AS g
           WHERE EXISTS (SELECT 1 FROM "MarketOrder"
                         WHERE "templateId" = g AND "state" = 'open' AND NOT "booked")`,
    values: [[...templateIds]],
  });
  look.catch(() => undefined);
  return look;
}

/** Of lookForWaitingAmong's rows, those of `templateId` (what matchIfWaiting takes). */
export const waitingOf = (
  among: Promise<unknown[] | null>,
  templateId: string,
): Promise<unknown[] | null> =>
  among.then(
    (rows) => rows?.filter((r) => (r as { templateId: string }).templateId === templateId) ?? null,
  );
