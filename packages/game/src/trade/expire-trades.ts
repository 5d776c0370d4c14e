import type { GameDeps } from '../core/deps';
import { DIRECT, inTransaction } from '../core/transaction';
import { closeTrade, lockTradeRow, tradeOutcome, type TradeOutcome } from './trade-rows';

/** The worker's scheduled job (graphile-worker crontab: every minute, once across all nodes). */
export const TRADE_EXPIRY_TASK = 'trade_expiry';
export const TRADE_EXPIRY_CRONTAB = `* * * * * ${TRADE_EXPIRY_TASK}`;

/** trades one sweep looks at (the rest wait for the next) */
const BATCH = 200;

/**
 * Ends one trade if it is still asked or open and past its `expiresAt` (re-checked under
 * the lock: an offer or accept a moment ago moved the deadline): an open one as idle, a
 * request as unanswered, its items freed. 'not_due' when its deadline moved on, null
 * when it is over (or gone). The sim's trade watch calls it for its own trades; the
 * sweep below for everyone's.
 */
export async function expireTrade(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  tradeId: string,
): Promise<TradeOutcome | 'not_due' | null> {
  const now = deps.clock.now();
  return inTransaction(
    deps.db,
    async (tx) => {
      const trade = (await lockTradeRow(tx, tradeId))?.trade;
      if (!trade || (trade.state !== 'open' && trade.state !== 'requested')) return null;
      if (trade.expiresAt > now) return 'not_due';
      await closeTrade(tx, trade, trade.state === 'open' ? 'idle' : 'unanswered', now);
      return tradeOutcome(tx, trade.id, 'a');
    },
    DIRECT,
  );
}

/**
 * The worker's sweep: every trade idle past its `expiresAt` (nobody changed or accepted
 * it for TRADE_IDLE_MS, a request nobody answered — or whose sim went away without
 * ending it) ends through expireTrade: two sweeps at once, or a sweep racing an accept,
 * change nothing twice. Returns how many it ended.
 */
export async function expireTrades(deps: Pick<GameDeps, 'db' | 'clock'>): Promise<number> {
  const due = await deps.db.trade.findMany({
    where: { state: { in: ['open', 'requested'] }, expiresAt: { lt: deps.clock.now() } },
    select: { id: true },
    orderBy: { expiresAt: 'asc' },
    take: BATCH,
  });
  let ended = 0;
  for (const t of due) {
    const out = await expireTrade(deps, t.id);
    if (out !== null && out !== 'not_due') ended++;
  }
  return ended;
}
