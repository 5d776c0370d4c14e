import {
  TradeCancelInputSchema,
  type TradeCancelInput,
  type TradeCancelReason,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DIRECT, inTransaction } from '../core/transaction';
import { parseInput } from '../core/validation';
import { closeTrade, lockTrade, tradeOutcome, type TradeOutcome } from './trade-rows';

/**
 * Either side ends a trade, asked or open (or the sim does for it: disconnect, death,
 * out of range, a zone change): the held items go free at once, both sides hear it. A
 * trade already over is returned as it ended — cancelling twice changes nothing.
 */
export async function cancelTrade(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: TradeCancelInput,
): Promise<TradeOutcome> {
  const c = parseInput(TradeCancelInputSchema, input);
  const now = deps.clock.now();
  return inTransaction(
    deps.db,
    async (tx) => {
      const { trade, side } = await lockTrade(tx, c.tradeId, c.characterId);
      const live = trade.state === 'open' || trade.state === 'requested';
      if (!live) return { ...(await tradeOutcome(tx, trade.id, side)), pushes: [] };
      await closeTrade(tx, trade, c.reason, now);
      return tradeOutcome(tx, trade.id, side);
    },
    DIRECT,
  );
}

/**
 * Ends the trade `characterId` is in, asked or open, if any — the sim, when the
 * character disconnects, dies, changes zone or walks out of range: it need not know the
 * trade's id. Null when there was none.
 */
export async function cancelTradeOf(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  characterId: string,
  reason: TradeCancelReason,
): Promise<TradeOutcome | null> {
  const live = await deps.db.trade.findFirst({
    where: {
      state: { in: ['open', 'requested'] },
      OR: [{ aId: characterId }, { bId: characterId }],
    },
    select: { id: true },
  });
  if (!live) return null;
  return cancelTrade(deps, { characterId, tradeId: live.id, reason });
}
