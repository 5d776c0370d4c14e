import type { GameDeps } from '../core/deps';
import { inTransaction } from '../core/transaction';
import { closeTrade, lockTradeRow } from './trade-rows';

/** The worker's scheduled job (graphile-worker crontab: every minute, once across all nodes). */
export const TRADE_EXPIRY_TASK = 'trade_expiry';
export const TRADE_EXPIRY_CRONTAB = `* * * * * ${TRADE_EXPIRY_TASK}`;

/** trades one sweep looks at (the rest wait for the next) */
const BATCH = 200;

/**
 * The worker's sweep: every open trade idle past its `expiresAt` (nobody changed or
 * accepted it for TRADE_IDLE_MS — or its sim went away without cancelling it) is
 * cancelled and its items freed; an unanswered request lapses. Each in its own transaction that re-checks under the
 * lock, so two sweeps at once, or a sweep racing an accept, change nothing twice.
 * Returns how many it cancelled.
 */
export async function expireTrades(deps: Pick<GameDeps, 'db' | 'clock'>): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.db.trade.findMany({
    where: { state: { in: ['open', 'requested'] }, expiresAt: { lt: now } },
    select: { id: true },
    orderBy: { expiresAt: 'asc' },
    take: BATCH,
  });
  let cancelled = 0;
  for (const t of due)
    cancelled += await inTransaction(deps.db, async (tx) => {
      const trade = (await lockTradeRow(tx, t.id))?.trade;
      if (!trade || trade.expiresAt >= now) return 0;
      if (trade.state !== 'open' && trade.state !== 'requested') return 0;
      await closeTrade(tx, trade, trade.state === 'open' ? 'idle' : 'unanswered', now);
      return 1;
    });
  return cancelled;
}
