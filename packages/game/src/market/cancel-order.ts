import { z } from 'zod';
import { MarketOrderRefSchema, type MarketOrderRef, type MarketOrderView } from '@necp/shared';
import { readRows } from '@necp/db';
import { closedSet } from '../core/closed-columns';
import { characterNotFound } from '../core/errors';
import type { GameDeps } from '../core/deps';
import { lockCharacter } from '../core/row-locks';
import { DIRECT, inTransaction } from '../core/transaction';
import { parseInput } from '../core/validation';
import { statsChangedInsert } from '../world/publish-stats-changed';
import { closeLocked } from './close-order';
import { collectLocked } from './collect';
import { notYourOrder, orderClosed, orderNotFound } from './errors';
import { lookForWaiting, matchIfWaiting } from './match-book';
import { assertAtMarketTerminal, lockBook, lockOrder, orderView } from './order-rows';

/** The canceller and the order as they are, unlocked: what decides a refusal. */
const SeenSchema = z.object({
  zoneId: z.string(),
  x: z.number(),
  y: z.number(),
  characterId: z.string().nullable(),
  templateId: z.string().nullable(),
  state: closedSet.MarketOrder.state.nullable(),
});

/**
 * The character and the order in one statement on the pool, before any transaction. An
 * order that is closed stays closed and never becomes someone else's, so a cancel these
 * rows refuse is refused for good: most cancels under load come after the fill, and each
 * cost a transaction of six round trips that held the good's book (docs/perf.md, "The
 * economy"). One these rows allow is checked again under the locks.
 */
async function readSeen(deps: Pick<GameDeps, 'db'>, r: MarketOrderRef) {
  const [row] = await readRows(deps.db, {
    name: 'necp_market_cancel_seen',
    text: `SELECT c."zoneId", c."x", c."y", o."characterId", o."templateId", o."state"
      FROM "Character" c LEFT JOIN "MarketOrder" o ON o."id" = $2
      WHERE c."id" = $1 AND c."deletedAt" IS NULL`,
    values: [r.characterId, r.orderId],
  });
  if (!row) throw characterNotFound(r.characterId);
  const seen = SeenSchema.parse(row);
  assertAtMarketTerminal(seen);
  if (seen.templateId === null) throw orderNotFound();
  if (seen.characterId !== r.characterId) throw notYourOrder();
  if (seen.state !== 'open') throw orderClosed();
  return { templateId: seen.templateId };
}

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
  const seen = await readSeen(deps, r);
  const { view, waiting } = await inTransaction(
    deps.db,
    async (tx) => {
      const c = await lockCharacter(tx, r.characterId);
      assertAtMarketTerminal(c);
      // the book first, then the row: a batch holding both finishes first
      const book = await lockBook(tx, seen.templateId);
      const o = await lockOrder(tx, r.orderId);
      if (o.characterId !== c.id) throw notYourOrder();
      if (o.state !== 'open' || !book) throw orderClosed();
      // the refund to the canceller's row as locked, the stats event, all in the close's write
      const closed = await closeLocked(tx, o, 'cancelled', book, now, {
        owner: c,
        writes: [statsChangedInsert([c.id], 'market.cancel')],
      });
      const [after] = await collectLocked(tx, [closed], c);
      // it held the book: orders placed meanwhile found it busy and were left to it
      const waiting = lookForWaiting(tx, seen.templateId);
      return { view: orderView(after!.order, after!.units), waiting };
    },
    DIRECT,
  );
  await matchIfWaiting(deps, view.templateId, waiting);
  return view;
}
