import {
  TradeCancelInputSchema,
  type TradeCancelInput,
  type TradeCancelReason,
  type TradeView,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { inTransaction } from '../core/transaction';
import { parseInput } from '../core/validation';
import { cancelOpenTrade, lockTrade, tradeView } from './trade-rows';

/**
 * Either side ends an open trade (or the sim does for it: disconnect, death, out of
 * range, a zone change): the held items go free at once. A trade already over is
 * returned as it ended — cancelling twice changes nothing.
 */
export async function cancelTrade(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: TradeCancelInput,
): Promise<TradeView> {
  const c = parseInput(TradeCancelInputSchema, input);
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const { trade, side } = await lockTrade(tx, c.tradeId, c.characterId);
    if (trade.state === 'open') await cancelOpenTrade(tx, trade, c.reason, now);
    return tradeView(tx, trade.id, side);
  });
}

/**
 * Cancels the open trade `characterId` is in, if any (the sim, when the character
 * disconnects, dies or changes zone: it need not know the trade's id). Returns the
 * trade as the other side now sees it, or null when there was none.
 */
export async function cancelTradeOf(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  characterId: string,
  reason: TradeCancelReason,
): Promise<TradeView | null> {
  const open = await deps.db.trade.findFirst({
    where: { state: 'open', OR: [{ aId: characterId }, { bId: characterId }] },
    select: { id: true, aId: true },
  });
  if (!open) return null;
  const view = await cancelTrade(deps, { characterId, tradeId: open.id, reason });
  // as the other side sees it
  return { ...view, me: view.me === 'a' ? 'b' : 'a' };
}
