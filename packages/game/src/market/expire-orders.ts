import type { GameDeps } from '../core/deps';
import { lockCharacters } from '../core/lock-order';
import { inTransaction } from '../core/transaction';
import { notify } from '../notifications/notifications';
import { closeLocked } from './close-order';
import { matchBook } from './match-book';
import { lockBook, lockOrder } from './order-rows';

/** The worker's market job: every minute, once across all nodes. */
export const MARKET_TASK = 'market_tick';
export const MARKET_CRONTAB = `* * * * * ${MARKET_TASK}`;

const EXPIRY_BATCH = 500;

/**
 * Closes the limit orders whose time ran out, each in its own transaction (character,
 * book, order), re-reading the order under its lock: an order filled or cancelled
 * meanwhile is left alone, so running this twice or on two processes changes nothing
 * the second time. The owner is told; a buy order's escrow is back at once.
 */
export async function expireDueOrders(deps: Pick<GameDeps, 'db' | 'clock'>): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.db.marketOrder.findMany({
    where: { state: 'open', booked: true, expiresAt: { lte: now } },
    select: { id: true, characterId: true, templateId: true },
    orderBy: { expiresAt: 'asc' },
    take: EXPIRY_BATCH,
  });
  let expired = 0;
  for (const d of due) {
    const done = await inTransaction(deps.db, async (tx) => {
      const [owner] = d.characterId ? await lockCharacters(tx, [d.characterId]) : [];
      const book = await lockBook(tx, d.templateId);
      const o = await lockOrder(tx, d.id);
      if (!book || o.state !== 'open' || o.expiresAt > now) return false;
      await closeLocked(tx, o, 'expired', book, now, { owner });
      if (o.characterId)
        await notify(tx, now, {
          characterId: o.characterId,
          kind: 'market_fill',
          title: `Order expired: ${o.name}`,
          body:
            o.side === 'buy'
              ? `${o.remaining} unbought — your ${o.escrow} eddies are back.`
              : `${o.remaining} unsold — collect them at an Exchange terminal.`,
        });
      return true;
    });
    if (done) expired++;
  }
  return expired;
}

/** Runs the matcher of every good with orders waiting (a placement whose process died). */
export async function matchWaitingBooks(deps: Pick<GameDeps, 'db' | 'clock'>): Promise<number> {
  const goods = await deps.db.marketOrder.findMany({
    where: { state: 'open', booked: false },
    distinct: ['templateId'],
    select: { templateId: true },
  });
  let fills = 0;
  for (const g of goods) fills += (await matchBook(deps, g.templateId)).fills;
  return fills;
}

/** The minute job: waiting orders matched, then due ones expired. */
export async function runMarketTick(deps: Pick<GameDeps, 'db' | 'clock'>) {
  const fills = await matchWaitingBooks(deps);
  const expired = await expireDueOrders(deps);
  return { fills, expired };
}
