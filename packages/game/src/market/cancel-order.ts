import { MarketOrderRefSchema, type MarketOrderRef, type MarketOrderView } from '@necp/shared';
import { Prisma } from '@necp/db';
import type { GameDeps } from '../core/deps';
import { lockCharacter } from '../core/row-locks';
import { DIRECT, inTransaction } from '../core/transaction';
import { parseInput } from '../core/validation';
import { publishStatsChanged } from '../world/publish-stats-changed';
import { closeLocked } from './close-order';
import { collectLocked } from './collect';
import { notYourOrder, orderClosed, orderNotFound } from './errors';
import { matchIfWaiting } from './match-book';
import { assertAtMarketTerminal, lockBook, lockOrder, orderView, readOrders } from './order-rows';

/**
 * Cancels an open order of yours at an Exchange terminal: what is left leaves the book
 * at once — a buy order's escrow back to you, a sell order's goods into your bag (they
 * wait on the order if it is full). What already traded stays traded; the fee is kept.
 * A cancel racing the matcher waits for its batch: it returns only what is left after.
 * Having held the book, it then runs the matcher if orders wait (placements it kept out;
 * a matcher failing there is logged: the cancel has committed).
 */
export async function cancelOrder(
  deps: Pick<GameDeps, 'db' | 'clock' | 'log'>,
  input: MarketOrderRef,
): Promise<MarketOrderView> {
  const r = parseInput(MarketOrderRefSchema, input);
  const now = deps.clock.now();
  const view = await inTransaction(
    deps.db,
    async (tx) => {
      const c = await lockCharacter(tx, r.characterId);
      assertAtMarketTerminal(c);
      const [seen] = await readOrders(
        tx,
        Prisma.sql`SELECT * FROM "MarketOrder" WHERE "id" = ${r.orderId}`,
      );
      if (!seen) throw orderNotFound();
      if (seen.characterId !== c.id) throw notYourOrder();
      // the book first, then the row: a batch holding both finishes first
      const book = await lockBook(tx, seen.templateId);
      const o = await lockOrder(tx, r.orderId);
      if (o.state !== 'open' || !book) throw orderClosed();
      const closed = await closeLocked(tx, o, 'cancelled', book, now);
      const after = await collectLocked(tx, closed, c);
      await publishStatsChanged(tx, c.id, 'market.cancel');
      return orderView(after.order, after.units);
    },
    DIRECT,
  );
  // it held the book: orders placed meanwhile found it busy and were left to it
  await matchIfWaiting(deps, view.templateId);
  return view;
}
